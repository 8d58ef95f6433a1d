/**
 * `npm run bench:extract`: runs `kizuna extract` on the seed report and on a fictional report of
 * another programme year (bench/extract/), scores each draft against its curated answer key, prints
 * the table and writes it into docs/benchmarks.md between the extract markers.
 *
 * "cold": the extractor knows the institutions and countries but none of the people (a programme's
 * first report); "warm": the graph already holds the key's people, so mentions should match them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { datasetSchema, type Dataset } from '../src/domain/model';
import { extractDraft } from '../src/extract/draft';
import { evaluateDraft, type Evaluation, type Score } from '../src/extract/evaluate';

const root = join(__dirname, '..');
const load = (file: string): Dataset => datasetSchema.parse(parse(readFileSync(join(root, file), 'utf8')));

const cases = [
  { name: 'seed FY2024 report', report: 'seed/source/fy2024-progress-report.ja.txt', key: 'seed/kizuna-seed.yaml', fiscalYear: 2024 },
  { name: 'fictional FY2031 report', report: 'bench/extract/fy2031-fictional-report.ja.txt', key: 'bench/extract/fy2031-answer-key.yaml', fiscalYear: 2031 },
  { name: 'held-out FY2027 report', report: 'bench/extract/fy2027-heldout-report.ja.txt', key: 'bench/extract/fy2027-answer-key.yaml', fiscalYear: 2027 },
];

const fmt = (s: Score) => `${s.precision.toFixed(2)} / ${s.recall.toFixed(2)} (${s.truePositives}/${s.proposed}/${s.expected})`;

async function main(): Promise<void> {
  const rows: string[] = [];
  const details: string[] = [];
  for (const c of cases) {
    const key = load(c.key);
    for (const mode of ['cold', 'warm'] as const) {
      const graph = mode === 'cold' ? { ...key, people: [], labs: [], visits: [], papers: [], transfers: [], themes: [], materials: [], events: [] } : key;
      const started = process.hrtime.bigint();
      const draft = await extractDraft(readFileSync(join(root, c.report), 'utf8'), { fiscalYear: c.fiscalYear, homeCountry: 'JP', document: c.report, graph });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const result: Evaluation = evaluateDraft(draft.dataset, key);
      rows.push(`| ${c.name} | ${mode} | ${fmt(result.people)} | ${fmt(result.movements)} | ${fmt(result.lengths)} | ${fmt(result.dates)} | ${ms.toFixed(0)} |`);
      if (result.missedMovements.length || result.spuriousMovements.length) {
        details.push(`- ${c.name}, ${mode}: missed ${result.missedMovements.join(', ') || 'none'}; not in the key ${result.spuriousMovements.join(', ') || 'none'}`);
      }
    }
  }
  const table = [
    '| report | graph | people P / R (tp/proposed/expected) | movements P / R | lengths P / R | dates P / R | ms |',
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
  process.stdout.write(`${table}\n\n${details.join('\n')}\n`);
  const docs = join(root, 'docs/benchmarks.md');
  const text = readFileSync(docs, 'utf8');
  const block = `<!-- bench:extract:start -->\n${table}\n\n${details.join('\n') || 'Every movement of both keys found, none extra.'}\n<!-- bench:extract:end -->`;
  const next = /<!-- bench:extract:start -->[\s\S]*<!-- bench:extract:end -->/.test(text)
    ? text.replace(/<!-- bench:extract:start -->[\s\S]*<!-- bench:extract:end -->/, block)
    : `${text}\n\n## Report extraction (npm run bench:extract)\n\n${block}\n`;
  if (process.argv.includes('--write')) writeFileSync(docs, next);
}

void main();
