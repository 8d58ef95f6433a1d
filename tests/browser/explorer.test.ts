/// <reference lib="dom" />
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { EXPLORER_DIR } from '../../src/server/explorer';
import { serve, type RunningServer } from '../../src/server/serve';
import { BROWSER_SKIP_REASON, chromiumAvailable, launchChromium, SCREENSHOTS } from './chromium';

/**
 * The visual explorer (/explorer) on the seed, in Debian's chromium, as a user goes through it:
 * the network, a filter, bridges, a click on a person, a path, the timeline, search, Japanese.
 * Each state is saved as a screenshot in .reports/screens/explorer-*.png.
 * The bundle comes from `npm run build` (npm test builds first).
 */
const describeBrowser = chromiumAvailable() ? describe : describe.skip;

async function gql<T>(server: RunningServer, query: string): Promise<T> {
  const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const body = (await response.json()) as { data: T };
  return body.data;
}

describeBrowser(`/explorer in Chromium${chromiumAvailable() ? '' : ` — ${BROWSER_SKIP_REASON}`}`, () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let origin: string;
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];

  const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `explorer-${name}.png`) });
  const visibleNodes = async () => Number(await page.locator('#status').getAttribute('data-visible-nodes'));
  const layoutDone = () => page.waitForSelector('body[data-layout="done"]', { timeout: 30_000 });
  /** Clicks a node where sigma draws it; on a loaded machine a click can be missed, so it is retried (3 times at most). */
  const clickNode = async (p: Page, id: string) => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const at = await p.evaluate((nodeId) => (window as unknown as { kizunaExplorer: { nodeViewport(id: string): { x: number; y: number } | null } }).kizunaExplorer.nodeViewport(nodeId), id);
      const box = (await p.locator('#graph').boundingBox())!;
      await p.mouse.move(box.x + at!.x, box.y + at!.y);
      await p.waitForTimeout(200);
      await p.mouse.click(box.x + at!.x, box.y + at!.y);
      const ok = await p.waitForFunction((nodeId) => document.body.dataset.selected === nodeId, id, { timeout: 5_000 }).then(() => true, () => false);
      if (ok) return;
    }
    throw new Error(`clicking ${id} did not select it`);
  };

  beforeAll(async () => {
    if (!existsSync(join(EXPLORER_DIR, 'app.js'))) throw new Error(`${EXPLORER_DIR} has no bundle: run \`npm run build\` first`);
    // The embedded store with the seed (the report's network), whatever NEO4J_URI the tiers share.
    server = await serve(loadConfig({ PORT: '0', HOST: '127.0.0.1' }), createLogger('silent'));
    origin = new URL(server.url).origin;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    // The layout worker is a blob: of this origin; anything else outside the API is a failure.
    page.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith(origin) && !url.startsWith(`blob:${origin}`) && !url.startsWith('data:')) foreignRequests.push(url);
    });
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('renders the seed network with as many people as the API returns, with no console error and nothing fetched from elsewhere', async () => {
    const api = await gql<{ graph: { nodes: { id: string; type: string }[] } }>(server, '{ graph(filter: { level: LAB }) { nodes { id type } } }');
    const people = api.graph.nodes.filter((n) => n.type === 'PERSON').length;
    expect(people).toBeGreaterThan(20);
    await page.goto(`${origin}/explorer/`);
    await page.waitForSelector('body[data-ready="network"]', { timeout: 30_000 });
    await layoutDone();
    expect(await visibleNodes()).toBe(people);
    // Every person is drawn somewhere inside the graph's box.
    const box = (await page.locator('#graph').boundingBox())!;
    const inside = await page.evaluate(
      ({ ids, w, h }) => ids.filter((id) => {
        const p = (window as unknown as { kizunaExplorer: { nodeViewport(id: string): { x: number; y: number } | null } }).kizunaExplorer.nodeViewport(id);
        return p !== null && p.x >= 0 && p.y >= 0 && p.x <= w && p.y <= h;
      }).length,
      { ids: api.graph.nodes.map((n) => n.id), w: box.width, h: box.height },
    );
    expect(inside).toBe(people);
    await shot('network');
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  }, 90_000);

  it('a country filter shows only that country and is kept in the URL', async () => {
    const api = await gql<{ graph: { nodes: { country: string | null }[] } }>(server, '{ graph(filter: { level: LAB }) { nodes { country } } }');
    const japanese = api.graph.nodes.filter((n) => n.country === 'JP').length;
    await page.locator('input[data-country="JP"]').check();
    await page.waitForFunction((n) => document.querySelector('#status')?.getAttribute('data-visible-nodes') === String(n), japanese);
    expect(await visibleNodes()).toBe(japanese);
    expect(page.url()).toContain('country=JP');
    await shot('filter-jp');
    await page.reload();
    await page.waitForSelector('body[data-ready="network"]');
    expect(await visibleNodes()).toBe(japanese);
    await page.getByRole('button', { name: 'Reset filters' }).click();
    expect(await visibleNodes()).toBe(api.graph.nodes.length);
  }, 60_000);

  it('a visit-status filter keeps only the ties with a visit in that status, and the arrow keys move the selection', async () => {
    const edges = async () => Number(await page.locator('#status').getAttribute('data-visible-edges'));
    const all = await edges();
    await page.locator('input[data-status="CANCELLED"]').check();
    // Visits are fetched on first use of the filter; only ties with no cancelled visit disappear.
    await page.waitForFunction((n) => Number(document.querySelector('#status')?.getAttribute('data-visible-edges')) < n, all, { timeout: 20_000 });
    expect(page.url()).toContain('status=CANCELLED');
    await page.locator('input[data-status="CANCELLED"]').uncheck();
    expect(await edges()).toBe(all);
    await page.locator('#graph').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('ArrowRight');
    const first = await page.getAttribute('body', 'data-selected');
    expect(first).toMatch(/^person:/);
    await page.keyboard.press('ArrowRight');
    const second = await page.getAttribute('body', 'data-selected');
    expect(second).toMatch(/^person:/);
    expect(second).not.toBe(first);
    // Escape clears the selection and brings the whole network back into view.
    await page.keyboard.press('Escape');
    expect(await page.getAttribute('body', 'data-selected')).toBe('');
    await page.waitForTimeout(500);
  }, 60_000);

  it('bridges mode lists Iwase, Yu, Nishioka and Herbers (the default level: labs, institutions where no lab is named)', async () => {
    await page.locator('[data-mode="bridges"]').click();
    const list = page.locator('#bridges');
    await list.waitFor({ timeout: 20_000 });
    const text = await list.innerText();
    for (const name of ['Iwase', 'Yu', 'Nishioka', 'Herbers']) expect(text).toContain(name);
    // "Who connects Kyoto to Nottingham?": Nishioka, with the groups named at the level they resolved at.
    expect(text).toContain('Kyoto University (institution) ↔ University of Nottingham (institution)');
    expect(await page.locator('#level').inputValue()).toBe('LAB');
    expect(page.url()).toContain('mode=bridges');
    await layoutDone();
    await shot('bridges');
  }, 60_000);

  it('clicking a person in the network shows their details with a quote from the report', async () => {
    await page.locator('[data-mode="network"]').click();
    await clickNode(page, 'person:iwase');
    const details = page.locator('article.details[data-id="person:iwase"]');
    await details.waitFor({ timeout: 30_000 });
    expect(await details.locator('h2').innerText()).toContain('Iwase');
    expect(await details.locator('blockquote').count()).toBeGreaterThan(0);
    expect((await details.locator('blockquote').first().innerText()).length).toBeGreaterThan(5);
    expect(page.url()).toContain('sel=person%3Aiwase');
    await shot('details');
  }, 60_000);

  it('the path finder draws a collaboration path with its evidence', async () => {
    await page.getByRole('button', { name: 'Path from here' }).click();
    await page.locator('#path-to').fill('Daniel Schröder');
    await page.locator('#path-to').dispatchEvent('change');
    await page.locator('#path-find').click();
    await page.waitForSelector('body[data-path="found"]', { timeout: 20_000 });
    const steps = page.locator('ol.path > li');
    expect(await steps.count()).toBeGreaterThan(0);
    expect(await steps.first().innerText()).toContain('Iwase');
    expect(await page.locator('ol.path .evidence li').count()).toBeGreaterThan(0);
    await shot('path');
  }, 60_000);

  it('the timeline shows the visits in the report legend and the fiscal year figures', async () => {
    await page.locator('[data-mode="timeline"]').click();
    await page.waitForSelector('body[data-evidence="loaded"]', { timeout: 30_000 });
    await page.waitForSelector('#timeline svg .gantt-row', { timeout: 20_000 });
    const slider = page.locator('#fy');
    const years = Number(await slider.getAttribute('max'));
    expect(years).toBeGreaterThan(0);
    // The slider's positions are: all years, then each fiscal year in the data; pick FY2024.
    await slider.focus();
    for (let i = 0; i < years; i++) {
      if ((await page.locator('output[for="fy"]').innerText()) === 'FY2024') break;
      await page.keyboard.press('ArrowRight');
    }
    await page.locator('.circulation').waitFor({ timeout: 20_000 });
    expect(await page.locator('.circulation').innerText()).toContain('FY2024');
    expect(await page.locator('#timeline svg .gantt-row').count()).toBeGreaterThan(0);
    await shot('timeline');
  }, 60_000);

  it('search finds people and institutions in either script and width', async () => {
    for (const [text, id] of [['中西', 'person:nakanishi-shuji'], ['nakanishi', 'person:nakanishi-shuji'], ['ＪＬＵ', 'institution:']] as const) {
      await page.locator('#search').fill(text);
      await page.locator(`#search-results button[data-id^="${id}"]`).first().waitFor({ timeout: 20_000 });
    }
    await shot('search');
    await page.locator('#search-results button[data-id^="institution:"]').first().click();
    await page.locator('article.details h2').waitFor();
  }, 60_000);

  it('exports the view as a PNG', async () => {
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), page.locator('#export-png').click()]);
    expect(download.suggestedFilename()).toBe('kizuna-network.png');
    const file = await download.path();
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
  }, 60_000);

  it('the GEXF link exports the view through /export', async () => {
    const href = await page.locator('#export-gexf').getAttribute('href');
    expect(href).toMatch(/^\/export\?format=gexf/);
    const response = await fetch(`${origin}${href}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<gexf');
  }, 60_000);

  it('above the configured size the view starts from groups and a click opens one', async () => {
    const grouped = await browser.newPage({ viewport: { width: 1400, height: 850 } });
    grouped.on('pageerror', (e) => consoleErrors.push(e.message));
    await grouped.goto(`${origin}/explorer/?groupAbove=5`);
    await grouped.waitForSelector('body[data-ready="network"]', { timeout: 30_000 });
    await grouped.waitForSelector('body[data-layout="done"]', { timeout: 30_000 });
    const ids = await grouped.evaluate(() => (window as unknown as { kizunaExplorer: { nodeIds(): string[] } }).kizunaExplorer.nodeIds());
    expect(ids).toContain('institution:tohoku-u');
    expect(ids.some((id) => id === 'person:iwase')).toBe(false);
    await grouped.screenshot({ path: join(SCREENSHOTS, 'explorer-groups.png') });
    await clickNode(grouped, 'institution:tohoku-u');
    await grouped.waitForFunction(() => (window as unknown as { kizunaExplorer: { nodeIds(): string[] } }).kizunaExplorer.nodeIds().includes('person:iwase'), null, { timeout: 20_000 });
    const opened = await grouped.evaluate(() => (window as unknown as { kizunaExplorer: { nodeIds(): string[] } }).kizunaExplorer.nodeIds());
    expect(opened).not.toContain('institution:tohoku-u');
    expect(opened).toContain('institution:osaka-u');
    await grouped.waitForSelector('body[data-layout="done"]', { timeout: 30_000 });
    await grouped.screenshot({ path: join(SCREENSHOTS, 'explorer-groups-opened.png') });
    await grouped.close();
  }, 90_000);

  it('the Japanese toggle changes the labels', async () => {
    await page.locator('#lang').click();
    expect(await page.locator('[data-mode="bridges"]').innerText()).toBe('橋渡し');
    expect(await page.locator('#filters h2').innerText()).toBe('絞り込み');
    expect(page.url()).toContain('lang=ja');
    // Node labels switch script where the data has a Japanese name.
    await page.waitForFunction(() => (window as unknown as { kizunaExplorer: { nodeLabel(id: string): string | null } }).kizunaExplorer.nodeLabel('person:nakanishi-shuji') === '中西 周次');
    await shot('ja');
    await page.locator('#lang').click();
    expect(await page.locator('[data-mode="bridges"]').innerText()).toBe('Bridges');
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  }, 60_000);
});
