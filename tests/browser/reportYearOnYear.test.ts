/// <reference lib="dom" />
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { resolvePeriod } from '../../src/circulation/service';
import { DEFAULT_EARLY_CAREER_RULE } from '../../src/domain/earlyCareer';
import { loadDatasetFile } from '../../src/ingest/load';
import { DEFAULT_SEED_FILE, seedStore } from '../../src/ingest/seed';
import { generateReport } from '../../src/report/generate';
import { MemoryStore } from '../../src/store/memory/memoryStore';
import { withSecondYear } from '../fixtures/secondYearDataset';
import { BROWSER_SKIP_REASON, chromiumAvailable, launchChromium, SCREENSHOTS } from './chromium';

const available = chromiumAvailable();
const describeBrowser = available ? describe : describe.skip;
const CJK = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/;

/**
 * The FY2025 report of the seed plus the fictional FY2025 test data, whose year-on-year section
 * (tables and two charts) is looked at as a picture (.reports/screens/) and checked for what a
 * reader would notice: a table running out of the page, a chart label cut or on top of another,
 * Japanese in the English report.
 */
describeBrowser(`the report's year-on-year section in Chromium${available ? '' : ` — ${BROWSER_SKIP_REASON}`}`, () => {
  let browser: Browser;
  const reports = new Map<string, string>();

  beforeAll(async () => {
    browser = await launchChromium();
    const store = new MemoryStore();
    await seedStore(store, withSecondYear(await loadDatasetFile(DEFAULT_SEED_FILE)));
    for (const lang of ['ja', 'en'] as const) {
      const out = join(mkdtempSync(join(tmpdir(), 'kizuna-yoy-')), `fy2025-${lang}`);
      await generateReport(store, { out, format: 'html', lang, request: { ...resolvePeriod({ fiscalYear: 2025 }), groupBy: 'COUNTRY', includePlanned: false, earlyCareer: DEFAULT_EARLY_CAREER_RULE } });
      reports.set(lang, out);
    }
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  describe.each(['ja', 'en'])('in %s', (lang) => {
    let page: Page;
    beforeAll(async () => {
      page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      await page.goto(pathToFileURL(join(reports.get(lang)!, 'report.html')).href);
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.locator('#year-on-year').screenshot({ path: join(SCREENSHOTS, `report-fy2025-${lang}-year-on-year.png`) });
    }, 60_000);
    afterAll(async () => {
      await page?.close();
    });

    it('has its three tables and two charts, nothing running out of its box, no sideways scrolling', async () => {
      expect(await page.locator('#year-on-year table').count()).toBe(3);
      expect(await page.locator('#year-on-year figure svg').count()).toBe(2);
      const overflowing = await page.evaluate(() => {
        const out: string[] = [];
        for (const el of Array.from(document.querySelectorAll('#year-on-year *'))) {
          if (el.closest('svg')) continue;
          const h = el as HTMLElement;
          if (h.clientWidth > 0 && h.scrollWidth > h.clientWidth + 1) out.push(`${h.tagName}: ${h.textContent?.slice(0, 60)}`);
        }
        const section = document.querySelector('#year-on-year')!.getBoundingClientRect();
        for (const t of Array.from(document.querySelectorAll('#year-on-year table'))) if (t.getBoundingClientRect().right > section.right + 1) out.push(`table wider than the page: ${t.parentElement?.id}`);
        if (document.documentElement.scrollWidth > window.innerWidth) out.push(`page ${document.documentElement.scrollWidth}px wide`);
        return out;
      });
      expect(overflowing).toEqual([]);
    });

    it('cuts no chart label and puts none on top of another', async () => {
      const problems = await page.locator('#year-on-year figure svg').evaluateAll((svgs) => {
        const out: string[] = [];
        for (const svg of svgs) {
          const frame = svg.getBoundingClientRect();
          const boxes = Array.from(svg.querySelectorAll('text'))
            .filter((t) => (t.textContent ?? '').trim() !== '')
            .map((t) => ({ text: t.textContent!, box: t.getBoundingClientRect() }));
          for (const { text, box } of boxes) {
            if (text.includes('…')) out.push(`shortened: ${text}`);
            if (box.left < frame.left - 0.5 || box.right > frame.right + 0.5 || box.top < frame.top - 0.5 || box.bottom > frame.bottom + 0.5) out.push(`outside: ${text}`);
          }
          for (let i = 0; i < boxes.length; i += 1)
            for (let j = i + 1; j < boxes.length; j += 1) {
              const [a, b] = [boxes[i].box, boxes[j].box];
              if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) out.push(`overlap: ${boxes[i].text} / ${boxes[j].text}`);
            }
        }
        return out;
      });
      expect(problems).toEqual([]);
    });

    it('speaks only its language (no Japanese in the English section)', async () => {
      const text = await page.locator('#year-on-year').innerText();
      if (lang === 'en') expect(text).not.toMatch(CJK);
      else expect(text).toContain('年度末');
    });
  });
});
