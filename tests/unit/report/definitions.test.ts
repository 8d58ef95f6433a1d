import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_EARLY_CAREER_STAGES } from '../../../src/domain/earlyCareer';
import {
  definitionsMarkdown,
  DOCS_BEGIN,
  DOCS_END,
  documentedContext,
  reportDefinitions,
  withDefinitionsBlock,
} from '../../../src/report/definitions';

/** The report's appendix and docs/metrics.md say the same thing, from one source. */
const CJK = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/;

describe('report definitions', () => {
  const context = documentedContext(DEFAULT_EARLY_CAREER_STAGES);

  it('are in docs/metrics.md exactly as the report prints them (run `npm run docs:definitions` after a change)', () => {
    const doc = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'metrics.md'), 'utf8');
    const block = definitionsMarkdown(reportDefinitions('en', context));
    expect(withDefinitionsBlock(doc, block)).toBe(doc);
    expect(doc).toContain(`${DOCS_BEGIN}\n${block}\n${DOCS_END}`);
  });

  it('define the same terms in Japanese and English, each language in its own script', () => {
    const ja = reportDefinitions('ja', context);
    const en = reportDefinitions('en', context);
    expect(ja).toHaveLength(en.length);
    for (const d of en) expect([d.term, CJK.test(d.term + d.text)]).toEqual([d.term, false]);
    for (const d of ja) expect([d.term, CJK.test(d.term)]).toEqual([d.term, true]);
  });

  it('state the fiscal-year, early-career, placement and uncertainty rules the report used', () => {
    const text = (lang: 'ja' | 'en', over = {}) =>
      reportDefinitions(lang, { ...context, ...over })
        .map((d) => `${d.term}: ${d.text}`)
        .join('\n');
    expect(text('en')).toContain('Fiscal year 2024: 2024-04-01 to 2025-03-31');
    expect(text('en')).toContain('1 April N to 31 March N+1');
    expect(text('en')).toContain('early career in this report: lecturer, assistant professor, postdoc, graduate student.');
    expect(text('en', { earlyCareerStages: ['GRADUATE_STUDENT'] })).toContain('early career in this report: graduate student.');
    expect(text('ja')).toContain('若手研究者とする職位：講師・助教・博士研究員・大学院生');
    expect(text('en')).toMatch(/A bare calendar year straddles two fiscal years and is placed on 1 April of the later one/);
    expect(text('en')).toMatch(/a length in months or years \(it rests on the 365\.25 \/ 12 rule\), makes the visit uncertain/);
    expect(text('en', { groupBy: 'LAB' })).toContain('where the source names no lab, the institution stands in for it');
    expect(text('en', { includePlanned: true })).toContain('(as asked for this report) planned ones');
    expect(text('ja')).toContain('2024年度：2024-04-01 から 2025-03-31 まで');
    for (const lang of ['ja', 'en'] as const) expect(text(lang)).not.toMatch(/docs\/|src\/|\.md\b/);
  });

  it('refuses a document without the markers rather than writing somewhere else', () => {
    expect(() => withDefinitionsBlock('# metrics\n', 'x')).toThrow(/markers/);
  });
});
