import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { resolvePeriod } from '../../src/circulation/service';
import { DEFAULT_EARLY_CAREER_RULE } from '../../src/domain/earlyCareer';
import { seedStoreFromFile } from '../../src/ingest/seed';
import { generateReport } from '../../src/report/generate';
import { MemoryStore } from '../../src/store/memory/memoryStore';
import { BROWSER_SKIP_REASON, chromiumAvailable, launchChromium, SCREENSHOTS } from './chromium';

const available = chromiumAvailable();
const describeBrowser = available ? describe : describe.skip;

/** The FY2024 report of the seed, opened from disk in Chromium with the network unused. */
describeBrowser(`kizuna report in Chromium${available ? '' : ` — ${BROWSER_SKIP_REASON}`}`, () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it.each(['ja', 'en'] as const)('the %s HTML report opens offline and draws its three charts', async (lang) => {
    const store = new MemoryStore();
    await seedStoreFromFile(store);
    const out = join(mkdtempSync(join(tmpdir(), 'kizuna-report-')), 'fy2024');
    await generateReport(store, {
      out,
      format: 'html',
      lang,
      request: { ...resolvePeriod({ fiscalYear: 2024 }), groupBy: 'COUNTRY', includePlanned: false, earlyCareer: DEFAULT_EARLY_CAREER_RULE },
    });

    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(join(out, 'report.html')).href);
    const charts = await page.locator('svg').evaluateAll((svgs) =>
      svgs.map((svg) => {
        const box = svg.getBoundingClientRect();
        return { width: box.width, height: box.height, marks: svg.querySelectorAll('path, rect, text').length };
      }),
    );
    expect(charts.length).toBeGreaterThanOrEqual(3);
    for (const chart of charts) {
      expect(chart.width).toBeGreaterThan(100);
      expect(chart.height).toBeGreaterThan(50);
      expect(chart.marks).toBeGreaterThan(5);
    }
    expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, `report-fy2024-${lang}.png`), fullPage: true });
    await page.close();
  }, 60_000);
});
