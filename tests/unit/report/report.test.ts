import { openSeededStore } from '../../../src/ingest/seed';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Command } from 'commander';
import { circulationReport } from '../../../src/circulation/service';
import type { CirculationReport } from '../../../src/circulation/report';
import { loadConfig } from '../../../src/config';
import { DEFAULT_EARLY_CAREER_RULE } from '../../../src/domain/earlyCareer';
import { fiscalYearRange } from '../../../src/domain/fiscalYear';
import { seedStore, seedStoreFromFile } from '../../../src/ingest/seed';
import { MARKER_FILE } from '../../../src/report/atomicDir';
import { LEGEND_COLOURS, renderSvg } from '../../../src/report/charts';
import { registerReportCommand, runReportCommand, type ReportCommandDeps } from '../../../src/report/command';
import { generateReport, renderReportFiles, TIMELINE_LIMIT, type GenerateOptions } from '../../../src/report/generate';
import { MemoryStore } from '../../../src/store/memory/memoryStore';
import { circulationDataset } from '../../fixtures/circulationDataset';

/**
 * The report as files: HTML and Markdown into temporary directories, charts as SVG with the
 * legend of the report's own chart, nothing that needs the network, and no partial output ever.
 * The data is tests/fixtures/circulationDataset.ts, which has a postponed and an advanced item.
 */
jest.setTimeout(30_000);

const request = (fiscalYear: number) => ({
  period: fiscalYearRange(fiscalYear),
  fiscalYear,
  groupBy: 'COUNTRY' as const,
  includePlanned: false,
  earlyCareer: DEFAULT_EARLY_CAREER_RULE,
});

/** No src/href/url() may point at a network address (xmlns is a namespace name, not a fetch). */
const EXTERNAL = /(?:\b(?:src|href|xlink:href)\s*=\s*["']?\s*(?:https?:)?\/\/)|(?:url\(\s*["']?\s*(?:https?:)?\/\/)|@import/i;
const FONT_FAMILIES = /font-family="([^"]*)"/g;

let store: MemoryStore;
let report: CirculationReport;
let root: string;

beforeAll(async () => {
  store = new MemoryStore();
  await seedStore(store, circulationDataset());
  report = await circulationReport(store, { ...request(2024), timelineLimit: TIMELINE_LIMIT });
});
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'kizuna-report-test-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const options = (over: Partial<GenerateOptions> = {}): GenerateOptions => ({
  out: join(root, 'out'),
  format: 'html',
  lang: 'ja',
  generatedAt: '2025-06-01',
  request: request(2024),
  ...over,
});

const figure = (html: string, id: string) => {
  const start = html.indexOf(`<figure id="chart-${id}"`);
  return html.slice(start, html.indexOf('</figure>', start));
};

describe('HTML report', () => {
  it('is one self-contained file with the tables and three inline SVG charts', async () => {
    const { files } = await generateReport(store, options());
    expect(files).toEqual(['report.html']);
    const html = readFileSync(join(root, 'out', 'report.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>\n<html lang="ja">/);
    expect(html.match(/<svg /g)).toHaveLength(3);
    for (const id of ['summary', 'flows', 'groups', 'stay-classes', 'plan', 'ties']) expect(html).toContain(`<section id="table-${id}">`);
    expect(html).toContain('国際頭脳循環レポート — 2024年度（2024-04-01 〜 2025-03-31）');
    expect(html).toContain('<td>グループ間の滞在（件）</td><td class="num">9</td>');
    const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length); // the charts' clip paths and gradients do not clash
  });

  it('needs no network: no script, no stylesheet link, no external src/href/url, no http at all', async () => {
    await generateReport(store, options());
    const html = readFileSync(join(root, 'out', 'report.html'), 'utf8');
    expect(html).not.toMatch(EXTERNAL);
    expect(html).not.toMatch(/https?:/);
    expect(html).not.toMatch(/<script|<link|<img|<iframe/i);
    expect(new Set([...html.matchAll(FONT_FAMILIES)].map((m) => m[1]))).toEqual(new Set(['sans-serif']));
  });

  it('draws the Gantt in the legend of the report’s chart: yellow stays, grey postponed, blue advanced', async () => {
    await generateReport(store, options());
    const gantt = figure(readFileSync(join(root, 'out', 'report.html'), 'utf8'), 'gantt');
    for (const label of ['訪問期間', '次年度へ後ろ倒し', '本年度へ前倒し']) expect(gantt).toContain(`>${label}</text>`);
    for (const colour of Object.values(LEGEND_COLOURS)) expect(gantt).toContain(`fill="${colour}"`);
    expect(gantt).toContain('・黄色：訪問期間　・灰色：次年度へ後ろ倒し　・青色：本年度へ前倒し');
    // v06 is advanced and dated (a blue bar, not only a legend swatch); v07 is postponed with no stated
    // length: a grey-hatched band, the hatch a pattern of the legend's grey
    expect(gantt.match(new RegExp(`<path [^>]*fill="${LEGEND_COLOURS.advanced}"`, 'g'))!.length).toBeGreaterThanOrEqual(2);
    const greyHatch = new RegExp(`<pattern id="([^"]+)"[^>]*>(?:(?!</pattern>).)*fill="${LEGEND_COLOURS.postponed}"`).exec(gantt);
    expect(greyHatch).not.toBeNull();
    expect(gantt).toMatch(new RegExp(`<path [^>]*aria-roledescription="bar"[^>]*fill="url\\(#${greyHatch![1]}\\)"`));
    expect(gantt).toContain('>期間の記載なし（斜線内に開始）</text>');
  });

  it('labels in English with --lang en', async () => {
    await generateReport(store, options({ lang: 'en' }));
    const html = readFileSync(join(root, 'out', 'report.html'), 'utf8');
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toContain('Brain circulation report — Fiscal year 2024 (2024-04-01 – 2025-03-31)');
    const gantt = figure(html, 'gantt');
    for (const label of ['Stay period', 'Postponed to next year', 'Brought forward into this year']) expect(gantt).toContain(`>${label}</text>`);
    expect(html).not.toMatch(EXTERNAL);
  });
});

describe('Markdown report', () => {
  it('writes tables in Markdown and the charts as SVG files beside it', async () => {
    const { files } = await generateReport(store, options({ format: 'md', lang: 'en' }));
    expect(files.sort()).toEqual(['charts/flows.svg', 'charts/gantt.svg', 'charts/stages.svg', 'report.md']);
    const md = readFileSync(join(root, 'out', 'report.md'), 'utf8');
    expect(md).toContain('| Stays between groups | 9 |');
    expect(md).toContain('![Visit timeline](charts/gantt.svg)');
    for (const id of ['flows', 'stages', 'gantt']) {
      const svg = readFileSync(join(root, 'out', 'charts', `${id}.svg`), 'utf8');
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/); // a standalone SVG needs its namespace
      expect(svg).not.toMatch(EXTERNAL);
      expect(new Set([...svg.matchAll(FONT_FAMILIES)].map((m) => m[1]))).toEqual(new Set(['sans-serif']));
    }
    const gantt = readFileSync(join(root, 'out', 'charts', 'gantt.svg'), 'utf8');
    for (const colour of Object.values(LEGEND_COLOURS)) expect(gantt).toContain(`fill="${colour}"`);
    expect(md).not.toMatch(EXTERNAL);
  });
});

describe('the seed’s FY2024 report in Markdown', () => {
  const CJK = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/;
  let seeded: MemoryStore;
  beforeAll(async () => {
    seeded = new MemoryStore();
    await seedStoreFromFile(seeded);
  });

  it('carries the appendix, dates ties as stated and, in English, has no Japanese in the text or the charts', async () => {
    await generateReport(seeded, options({ format: 'md', lang: 'en' }));
    const md = readFileSync(join(root, 'out', 'report.md'), 'utf8');
    expect(md).toContain('## Appendix: definitions');
    expect(md).toMatch(/\*\*Early career\.\*\* Career stages counted as early career in this report: lecturer, assistant professor, postdoc, graduate student\./);
    expect(md).toContain('| Germany | Japan | FY2024 |');
    expect(md).not.toMatch(/docs\/|metrics\.md/);
    for (const file of ['report.md', 'charts/flows.svg', 'charts/stages.svg', 'charts/gantt.svg']) {
      expect([file, CJK.test(readFileSync(join(root, 'out', file), 'utf8'))]).toEqual([file, false]);
    }
    expect(readFileSync(join(root, 'out', 'charts', 'gantt.svg'), 'utf8')).toContain('Osaka University graduate student (3 months in the Henss lab) → JLU');
  });

  it('in Japanese keeps the Japanese labels and the fiscal year as 年度', async () => {
    await generateReport(seeded, options({ format: 'md', lang: 'ja' }));
    const md = readFileSync(join(root, 'out', 'report.md'), 'utf8');
    expect(md).toContain('## 付録：定義');
    expect(md).toContain('| ドイツ | 日本 | 2024年度 |');
    expect(readFileSync(join(root, 'out', 'charts', 'gantt.svg'), 'utf8')).toContain('大阪大学・大学院生（Henss 研究室に 3 ヶ月滞在） → ギーセン大学');
  });
});

describe('a fiscal year with no data', () => {
  it('gives an empty, well-formed report with a warning', async () => {
    const { report: empty } = await generateReport(store, options({ request: request(2030) }));
    expect(empty.warnings).toEqual(['No visit falls in FY2030 (2030-04-01 – 2031-03-31): the report is empty.']);
    const html = readFileSync(join(root, 'out', 'report.html'), 'utf8');
    expect(html).toContain('<div class="warning" role="alert">');
    expect(html).toContain('<li>2030年度（2030-04-01 〜 2031-03-31）に配置される訪問はありません。このレポートは空です。</li>'); // in the report's language
    expect(html.match(/<svg /g)).toHaveLength(3);
    expect(html).toContain('<td>グループ間の滞在（件）</td><td class="num">0</td>');
    // the legend is there even with no bar to draw
    for (const label of ['訪問期間', '次年度へ後ろ倒し', '本年度へ前倒し']) expect(figure(html, 'gantt')).toContain(`>${label}</text>`);
  });
});

describe('writing atomically', () => {
  const failingGantt = async (spec: Parameters<typeof renderSvg>[0], prefix: string) => {
    if (prefix.endsWith('gantt')) throw new Error('renderer exploded');
    return renderSvg(spec, prefix);
  };

  it('leaves nothing behind when a chart fails to render', async () => {
    await expect(generateReport(store, options({ format: 'md', renderChart: failingGantt }))).rejects.toThrow('renderer exploded');
    expect(readdirSync(root)).toEqual([]);
  });

  it('leaves the previous report untouched when a new one fails', async () => {
    await generateReport(store, options({ format: 'md', lang: 'en' }));
    const before = readFileSync(join(root, 'out', 'report.md'), 'utf8');
    await expect(generateReport(store, options({ format: 'html', renderChart: failingGantt }))).rejects.toThrow('renderer exploded');
    expect(readdirSync(root)).toEqual(['out']);
    expect(readFileSync(join(root, 'out', 'report.md'), 'utf8')).toBe(before);
    expect(existsSync(join(root, 'out', 'report.html'))).toBe(false);
  });

  it('replaces a previous report as a whole (no stale files), with no temporary directory left', async () => {
    await generateReport(store, options({ format: 'md' }));
    await generateReport(store, options({ format: 'html' }));
    expect(readdirSync(join(root, 'out')).sort()).toEqual([MARKER_FILE, 'report.html']);
    expect(readdirSync(root)).toEqual(['out']);
  });

  it('creates the folder with the mode of any folder the user makes (umask applied: 0755 under 022, not mkdtemp\'s 0700)', async () => {
    const previous = process.umask(0o022);
    try {
      await generateReport(store, options());
      expect(statSync(join(root, 'out')).mode & 0o777).toBe(0o755);
      process.umask(0o027);
      await generateReport(store, options());
      expect(statSync(join(root, 'out')).mode & 0o777).toBe(0o750);
    } finally {
      process.umask(previous);
    }
  });

  it('refuses to replace a directory it did not write', async () => {
    mkdirSync(join(root, 'out'));
    writeFileSync(join(root, 'out', 'thesis.tex'), 'precious');
    await expect(generateReport(store, options())).rejects.toThrow(/not written by kizuna report/);
    expect(readdirSync(join(root, 'out'))).toEqual(['thesis.tex']);
    expect(readdirSync(root)).toEqual(['out']);
  });

  it('renders the same files for the same report (reproducible output)', async () => {
    const a = await renderReportFiles(report, { format: 'md', lang: 'ja', generatedAt: '2025-06-01' });
    const b = await renderReportFiles(report, { format: 'md', lang: 'ja', generatedAt: '2025-06-01' });
    expect(a).toEqual(b);
  });
});

describe('kizuna report (command)', () => {
  const sink = () => {
    const chunks: string[] = [];
    const stream = new Writable({ write: (chunk, _enc, done) => (chunks.push(String(chunk)), done()) });
    return { stream, text: () => chunks.join('') };
  };
  const deps = (): ReportCommandDeps & { out: ReturnType<typeof sink>; err: ReturnType<typeof sink> } => {
    const out = sink();
    const err = sink();
    return {
      // the shipped seed (the embedded store starts empty and is seeded by the command), whatever NEO4J_URI says
      loadConfig: () => loadConfig({}),
      openStore: (config) => openSeededStore({ ...config, neo4j: null }),
      stdout: out.stream,
      stderr: err.stream,
      generatedAt: '2025-06-01',
      out,
      err,
    };
  };

  it('seeds the embedded store and writes the FY2024 report', async () => {
    const d = deps();
    const code = await runReportCommand({ fiscalYear: '2024', format: 'md', lang: 'en', out: join(root, 'fy2024'), groupBy: 'COUNTRY' }, d);
    expect(code).toBe(0);
    expect(d.out.text()).toMatch(/^wrote 4 file\(s\) to .*fy2024: report\.md, charts\/flows\.svg, charts\/stages\.svg, charts\/gantt\.svg\n$/);
    expect(readFileSync(join(root, 'fy2024', 'report.md'), 'utf8')).toContain('| Stays between groups | 22 |');
    expect(d.err.text()).toBe('');
  });

  it('exits 2 and writes nothing for a fiscal year outside the data', async () => {
    const d = deps();
    const code = await runReportCommand({ fiscalYear: '2030', format: 'html', lang: 'ja', out: join(root, 'fy2030-refused'), groupBy: 'COUNTRY' }, d);
    expect(code).toBe(2);
    expect(d.err.text()).toMatch(/^kizuna report: No visit falls in FY2030 \(2030-04-01 – 2031-03-31\): the report is empty\. Nothing was written; .*--allow-empty.*\n$/);
    expect(d.out.text()).toBe('');
    expect(existsSync(join(root, 'fy2030-refused'))).toBe(false);
  });

  it('writes an empty report with --allow-empty, and warns', async () => {
    const d = deps();
    const code = await runReportCommand({ fiscalYear: '2030', format: 'html', lang: 'ja', out: join(root, 'fy2030'), groupBy: 'COUNTRY', allowEmpty: true }, d);
    expect(code).toBe(0);
    expect(d.err.text()).toBe('warning: No visit falls in FY2030 (2030-04-01 – 2031-03-31): the report is empty.\n');
    expect(existsSync(join(root, 'fy2030', 'report.html'))).toBe(true);
  });

  it('rejects a bad period with one line and exit code 1, writing nothing', async () => {
    for (const opts of [{ fiscalYear: 'abc' }, { fiscalYear: '1850' }, {}, { fiscalYear: '2024', from: '2024-01-01', to: '2024-02-01' }]) {
      const d = deps();
      expect(await runReportCommand({ ...opts, format: 'html', lang: 'ja', out: join(root, 'x'), groupBy: 'COUNTRY' }, d)).toBe(1);
      expect(d.err.text()).toMatch(/^kizuna report: .*--fiscal-year.*\n$/);
    }
    expect(readdirSync(root)).toEqual([]);
  });

  it('registers on a commander program with its options and choices', async () => {
    const d = deps();
    const program = new Command('kizuna').exitOverride();
    const command = registerReportCommand(program, d).exitOverride();
    expect(command.name()).toBe('report');
    await program.parseAsync(['report', '--fiscal-year', '2024', '--format', 'md', '--lang', 'en', '--out', join(root, 'cli')], { from: 'user' });
    expect(existsSync(join(root, 'cli', 'charts', 'gantt.svg'))).toBe(true);
    const bad = new Command('kizuna').exitOverride();
    registerReportCommand(bad, deps()).exitOverride().configureOutput({ writeErr: () => undefined });
    await expect(bad.parseAsync(['report', '--fiscal-year', '2024', '--format', 'pdf', '--out', join(root, 'y')], { from: 'user' })).rejects.toThrow(/pdf/);
    await expect(bad.parseAsync(['report', '--fiscal-year', '2024', '--group-by', 'DEPARTMENT', '--out', join(root, 'y')], { from: 'user' })).rejects.toThrow(/DEPARTMENT/);
    process.exitCode = undefined;
  });
});
