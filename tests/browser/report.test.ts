/// <reference lib="dom" />
import { mkdirSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { resolvePeriod } from '../../src/circulation/service';
import { DEFAULT_EARLY_CAREER_RULE } from '../../src/domain/earlyCareer';
import { seedStoreFromFile } from '../../src/ingest/seed';
import { LEGEND_COLOURS } from '../../src/report/charts';
import { generateReport } from '../../src/report/generate';
import { MemoryStore } from '../../src/store/memory/memoryStore';
import { BROWSER_SKIP_REASON, chromiumAvailable, launchChromium, SCREENSHOTS } from './chromium';

const available = chromiumAvailable();
const describeBrowser = available ? describe : describe.skip;

/**
 * The FY2024 report of the seed as a programme officer sees it: opened from disk in Chromium
 * (network unused), looked at as a picture (full-page screenshots in .reports/screens/, kept by
 * CI), and checked for what a reader would notice: text cut off or running out of its box, legend
 * entries running into each other, a bar's figure away from its bar, a repository path, a
 * Japanese label in the English report, a day the source never gave, a stay of unknown length
 * drawn like a year-long one, a folder others cannot read.
 *
 * The English report has no CJK character at all: every label has an English form (placeholders'
 * `cohortEn`, institutions' `name`), and a person the source names only in Latin script is shown
 * in Latin in both reports. The report quotes no source sentence, so nothing needs an exception.
 */
const CJK = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/;

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const overlap = (a: Box, b: Box, tolerance = 0.5) =>
  a.left < b.right - tolerance && b.left < a.right - tolerance && a.top < b.bottom - tolerance && b.top < a.bottom - tolerance;

describeBrowser(`kizuna report in Chromium${available ? '' : ` — ${BROWSER_SKIP_REASON}`}`, () => {
  let browser: Browser;
  /** ja and en by country (the default); en by institution and ja by lab: many more, longer names. */
  const CASES = [
    { name: 'ja', lang: 'ja', groupBy: 'COUNTRY' },
    { name: 'en', lang: 'en', groupBy: 'COUNTRY' },
    { name: 'en-institution', lang: 'en', groupBy: 'INSTITUTION' },
    { name: 'ja-lab', lang: 'ja', groupBy: 'LAB' },
  ] as const;
  type Case = (typeof CASES)[number];
  const reports = new Map<string, string>();

  beforeAll(async () => {
    browser = await launchChromium();
    const store = new MemoryStore();
    await seedStoreFromFile(store);
    const previous = process.umask(0o022); // the usual default, so the mode below is what users get
    try {
      for (const { name, lang, groupBy } of CASES) {
        const out = join(mkdtempSync(join(tmpdir(), 'kizuna-report-')), `fy2024-${name}`);
        await generateReport(store, {
          out,
          format: 'html',
          lang,
          request: { ...resolvePeriod({ fiscalYear: 2024 }), groupBy, includePlanned: false, earlyCareer: DEFAULT_EARLY_CAREER_RULE },
        });
        reports.set(name, out);
      }
    } finally {
      process.umask(previous);
    }
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  const open = async (name: string): Promise<{ page: Page; requests: string[] }> => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(join(reports.get(name)!, 'report.html')).href);
    return { page, requests };
  };

  describe.each(CASES.map((c) => [c.name, c] as const))('the %s report', (name: string, { lang, groupBy }: Case) => {
    let page: Page;
    let requests: string[];

    beforeAll(async () => {
      ({ page, requests } = await open(name));
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS, `report-fy2024-${name}.png`), fullPage: true });
      for (const id of ['flows', 'stages', 'gantt']) await page.locator(`#chart-${id}`).screenshot({ path: join(SCREENSHOTS, `report-fy2024-${name}-${id}.png`) });
    }, 60_000);

    afterAll(async () => {
      await page?.close();
    });

    it('opens offline and draws its three charts at full size (no chart shrunk to fit the page, its text with it)', async () => {
      const charts = await page.locator('figure svg').evaluateAll((svgs) =>
        svgs.map((svg) => {
          const box = svg.getBoundingClientRect();
          return { width: box.width, height: box.height, drawnWidth: (svg as SVGSVGElement).width.baseVal.value, marks: svg.querySelectorAll('path, rect, text').length };
        }),
      );
      expect(charts).toHaveLength(3);
      for (const chart of charts) {
        expect(chart.width).toBeGreaterThan(100);
        expect(chart.height).toBeGreaterThan(50);
        expect(chart.marks).toBeGreaterThan(5);
        expect(chart.width).toBeGreaterThanOrEqual(chart.drawnWidth - 1);
      }
      expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
    });

    it('has no HTML text running out of its box, and no sideways scrolling', async () => {
      const overflowing = await page.evaluate(() => {
        const out: string[] = [];
        for (const el of Array.from(document.body.querySelectorAll('*'))) {
          if (el.closest('svg')) continue;
          const h = el as HTMLElement;
          if (h.clientWidth > 0 && h.scrollWidth > h.clientWidth + 1) out.push(`${h.tagName}: ${h.textContent?.slice(0, 60)}`);
        }
        if (document.documentElement.scrollWidth > window.innerWidth) out.push(`page ${document.documentElement.scrollWidth}px wide`);
        return out;
      });
      expect(overflowing).toEqual([]);
    });

    it('cuts no chart label: every text lies inside its drawing, none shortened with "…", none on top of another', async () => {
      const problems = await page.locator('figure svg').evaluateAll((svgs) => {
        const out: string[] = [];
        for (const svg of svgs) {
          const frame = svg.getBoundingClientRect();
          const texts = Array.from(svg.querySelectorAll('text')).filter((t) => (t.textContent ?? '').trim() !== '');
          // Slanted labels (rotate(…) in their transform) have screen boxes that overlap whenever they
          // are close, so they are checked apart: by the distance between their parallel baselines.
          const angleOf = (t: SVGTextElement) => Number(/rotate\((-?[\d.]+)/.exec(t.getAttribute('transform') ?? '')?.[1] ?? 0);
          const boxes = texts.map((t) => ({ text: t.textContent!, box: t.getBoundingClientRect(), angle: angleOf(t), el: t }));
          for (const { text, box } of boxes) {
            if (text.includes('…')) out.push(`shortened: ${text}`);
            if (box.left < frame.left - 0.5 || box.right > frame.right + 0.5 || box.top < frame.top - 0.5 || box.bottom > frame.bottom + 0.5) {
              out.push(`outside its chart: ${text}`);
            }
          }
          for (let i = 0; i < boxes.length; i += 1)
            for (let j = i + 1; j < boxes.length; j += 1) {
              const [p, q] = [boxes[i], boxes[j]];
              if (p.angle !== 0 && p.angle === q.angle) {
                const rad = (p.angle * Math.PI) / 180;
                const [pa, qa] = [p.el.getCTM()!, q.el.getCTM()!];
                const gap = Math.abs(-(qa.e - pa.e) * Math.sin(rad) + (qa.f - pa.f) * Math.cos(rad));
                if (gap < p.el.getBBox().height - 1) out.push(`slanted labels too close: ${p.text} / ${q.text}`);
                continue;
              }
              const [a, b] = [p.box, q.box];
              if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) out.push(`overlap: ${p.text} / ${q.text}`);
            }
        }
        return out;
      });
      expect(problems).toEqual([]);
    });

    it('keeps legend entries apart: no symbol or label runs into another', async () => {
      const legends = await page.locator('figure svg .role-legend').evaluateAll((legends) =>
        legends.map((legend) =>
          Array.from(legend.querySelectorAll('.role-legend-symbol path, .role-legend-label text')).map((el) => {
            const r = el.getBoundingClientRect();
            return { name: el.textContent || el.tagName, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
          }),
        ),
      );
      expect(legends.length).toBeGreaterThanOrEqual(3); // flows' gradient, stages, Gantt
      const clashes: string[] = [];
      for (const items of legends)
        for (let i = 0; i < items.length; i += 1) for (let j = i + 1; j < items.length; j += 1) if (overlap(items[i], items[j])) clashes.push(`${items[i].name} / ${items[j].name}`);
      expect(clashes).toEqual([]);
    });

    it('writes each bar’s total just right of its bar', async () => {
      const rows = await page.locator('#chart-stages svg').evaluate((svg) => {
        const bars = Array.from(svg.querySelectorAll('.role-mark path[aria-roledescription="bar"]')).map((b) => b.getBoundingClientRect());
        return Array.from(svg.querySelectorAll('.role-mark text')).map((t) => {
          const box = t.getBoundingClientRect();
          const middle = (box.top + box.bottom) / 2;
          const same = bars.filter((b) => b.top <= middle && middle <= b.bottom);
          return { text: t.textContent, gap: box.left - Math.max(...same.map((b) => b.right)) };
        });
      });
      expect(rows.length).toBeGreaterThanOrEqual(4);
      for (const row of rows) {
        expect(row.text).toMatch(/^\d+\.\d$/);
        expect(row.gap).toBeGreaterThanOrEqual(0);
        expect(row.gap).toBeLessThanOrEqual(8);
      }
    });

    it('draws a stay of unstated length as a hatched span with its legend entry, never as a solid full-year bar', async () => {
      const gantt = await page.locator('#chart-gantt svg').evaluate((svg) => {
        const plot = svg.querySelector('.role-frame path.background, path.background')!.getBoundingClientRect();
        const bars = Array.from(svg.querySelectorAll('.role-mark path[aria-roledescription="bar"]')).map((b) => ({
          fill: b.getAttribute('fill') ?? '',
          share: b.getBoundingClientRect().width / plot.width,
        }));
        const legend = Array.from(svg.querySelectorAll('.role-legend-label text')).map((t) => t.textContent);
        return { bars, legend };
      });
      const hatched = gantt.bars.filter((b) => b.fill.startsWith('url(#'));
      expect(hatched.length).toBeGreaterThanOrEqual(10); // the seed's FY2024 visits with no stated length
      expect(gantt.bars.filter((b) => !b.fill.startsWith('url(#') && b.share > 0.5)).toEqual([]);
      expect(gantt.bars.some((b) => b.fill === LEGEND_COLOURS.stay)).toBe(true);
      expect(gantt.legend).toContain(lang === 'ja' ? '期間の記載なし（斜線内に開始）' : 'Length not stated (start within the span)');
    });

    it('dates a new tie as the source does: a fiscal year is "FY2024" / "2024年度", never 2024-04-01', async () => {
      const dates = await page.locator('#table-ties tbody tr td:last-child').allTextContents();
      if (groupBy === 'COUNTRY') expect(dates).toHaveLength(3);
      expect(dates).toContain(lang === 'ja' ? '2024年度' : 'FY2024');
      expect(dates).not.toContain('2024-04-01');
    });

    it('names no repository path, and defines every figure in its own appendix', async () => {
      const html = readFileSync(join(reports.get(name)!, 'report.html'), 'utf8');
      expect(html).not.toMatch(/docs\/|src\/|metrics\.md/);
      const terms = await page.locator('#appendix dt').allTextContents();
      expect(terms.length).toBeGreaterThanOrEqual(12);
      expect(terms).toEqual(
        expect.arrayContaining(lang === 'ja' ? ['対象期間', '若手研究者', '部分的な日付の配置', '不確かな日付'] : ['Period', 'Early career', 'Placing partial dates', 'Uncertain dates']),
      );
    });

    it('is written into a folder others can read (0755 under umask 022, not 0700)', () => {
      expect(statSync(reports.get(name)!).mode & 0o777).toBe(0o755);
    });
  });

  it('has no Japanese in the English report and English placeholders where the Japanese one has Japanese', async () => {
    for (const name of ['en', 'en-institution']) {
      const html = readFileSync(join(reports.get(name)!, 'report.html'), 'utf8');
      expect([name, html.match(new RegExp(CJK.source, 'g')) ?? []]).toEqual([name, []]);
    }
    const en = readFileSync(join(reports.get('en')!, 'report.html'), 'utf8');
    expect(en).toContain('Osaka University graduate student (3 months in the Henss lab) → JLU');
    const ja = readFileSync(join(reports.get('ja')!, 'report.html'), 'utf8');
    expect(ja).toContain('大阪大学・大学院生（Henss 研究室に 3 ヶ月滞在） → ギーセン大学');
  });
});
