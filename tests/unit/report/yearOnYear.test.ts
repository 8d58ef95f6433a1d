import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_EARLY_CAREER_RULE } from '../../../src/domain/earlyCareer';
import { fiscalYearRange } from '../../../src/domain/fiscalYear';
import { loadDatasetFile } from '../../../src/ingest/load';
import { DEFAULT_SEED_FILE, seedStore } from '../../../src/ingest/seed';
import { generateReport } from '../../../src/report/generate';
import { MemoryStore } from '../../../src/store/memory/memoryStore';
import { withSecondYear } from '../../fixtures/secondYearDataset';

/**
 * The report's year-on-year section (docs/metrics.md, "Network change"): present when the graph
 * holds the previous fiscal year (the seed + fictional FY2025 test data, reported for FY2025),
 * absent otherwise (the seed alone has nothing before FY2024). Both languages, both formats.
 */
jest.setTimeout(60_000);

const request = (fiscalYear: number) => ({ period: fiscalYearRange(fiscalYear), fiscalYear, groupBy: 'COUNTRY' as const, includePlanned: false, earlyCareer: DEFAULT_EARLY_CAREER_RULE });

let root: string;
let twoYears: MemoryStore;
let seedOnly: MemoryStore;
beforeAll(async () => {
  const seed = await loadDatasetFile(DEFAULT_SEED_FILE);
  twoYears = new MemoryStore();
  await seedStore(twoYears, withSecondYear(seed));
  seedOnly = new MemoryStore();
  await seedStore(seedOnly, seed);
});
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'kizuna-yoy-test-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

it('FY2025 on two years: tables and both charts, in Japanese and English, HTML and Markdown', async () => {
  const ja = await generateReport(twoYears, { out: join(root, 'ja'), format: 'html', lang: 'ja', generatedAt: '2026-04-01', request: request(2025) });
  expect(ja.yearOnYear).not.toBeNull();
  expect(ja.yearOnYear!.countryPairs).toEqual([
    { a: 'DE', b: 'DE', ties: 3 },
    { a: 'DE', b: 'JP', ties: 1 },
    { a: 'GB', b: 'JP', ties: 1 },
    { a: 'JP', b: 'JP', ties: 1 },
    { a: 'JP', b: 'US', ties: 1 },
  ]);
  const html = readFileSync(join(root, 'ja', 'report.html'), 'utf8');
  expect(html).toContain('前年度との比較：協働ネットワーク（2024年度 → 2025年度）');
  for (const id of ['table-yoy-summary', 'table-yoy-ties', 'table-yoy-early-career', 'chart-yoy-ties', 'chart-yoy-constraint']) expect(html).toContain(`id="${id}"`);
  // Nishioka's constraint, worked by hand in tests/contract/networkAsOf.contract.test.ts.
  expect(html).toMatch(/西岡<\/td><td class="num">1\.000 → 0\.564<\/td>/);
  expect(html).toContain('visit:test-fy2025-inoue-mit');

  const en = await generateReport(twoYears, { out: join(root, 'en'), format: 'md', lang: 'en', generatedAt: '2026-04-01', request: request(2025) });
  expect(en.files).toEqual(expect.arrayContaining(['report.md', 'charts/yoy-ties.svg', 'charts/yoy-constraint.svg']));
  const md = readFileSync(join(root, 'en', 'report.md'), 'utf8');
  expect(md).toContain('# Year on year: the collaboration network, FY2024 → FY2025');
  expect(md).toContain('| Ties | 12 | 18 | +6 |');
  expect(md).toContain('![Ties formed per country pair](charts/yoy-ties.svg)');
  const svg = readFileSync(join(root, 'en', 'charts', 'yoy-constraint.svg'), 'utf8');
  expect(svg).toContain('End of FY2024');
  expect(svg).toContain('Nishioka');
});

it('no section when the graph does not hold the previous year (the seed alone, FY2024)', async () => {
  const result = await generateReport(seedOnly, { out: join(root, 'seed'), format: 'html', lang: 'en', generatedAt: '2025-06-01', request: request(2024) });
  expect(result.yearOnYear).toBeNull();
  expect(readFileSync(join(root, 'seed', 'report.html'), 'utf8')).not.toContain('id="year-on-year"');
});
