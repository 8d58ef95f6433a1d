/// <reference lib="dom" />
import 'reflect-metadata';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { serve, type RunningServer } from '../src/server/serve';
import { launchChromium } from '../tests/browser/chromium';
import { generateSynthetic } from './generate';

/**
 * `npm run bench:explorer`: the explorer in headless chromium (Debian's, software WebGL) on the
 * synthetic data set (bench/generate.ts, 10k people by default; `-- --people N`).
 *
 *  - first render: navigation start → the first animation frame after the network is drawn
 *    (the page's `kizuna:first-render` mark), for the default view (groups as nodes above
 *    1500 people) and for every person drawn (`?groups=0`);
 *  - interactivity while ForceAtlas2 runs in its worker: a click on a node → the selection is
 *    shown (URL and panel updated), and the longest main-thread task during the layout.
 *
 * The first load after the server starts is reported apart ('cold server': the API computes the
 * collaboration network once per data version); the others run on a warm server.
 *
 * Prints a table and writes bench/results/explorer.json (git-ignored). Not a test: no threshold fails it.
 */
interface Figures {
  view: string;
  nodes: number;
  firstRenderMs: number;
  /** When the network query's answer had arrived (the rest of first render is the page's own work). */
  answerMs: number;
  clickResponseMs: number | null;
  longestTaskDuringLayoutMs: number | null;
  layoutWasRunning: boolean;
}

function args(): { people: number; runs: number } {
  const a = process.argv.slice(2);
  const get = (name: string, d: number) => {
    const i = a.indexOf(`--${name}`);
    return i >= 0 ? Number(a[i + 1]) : d;
  };
  return { people: get('people', 10_000), runs: get('runs', 3) };
}

async function measure(browser: Browser, url: string, view: string): Promise<Figures> {
  const page: Page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Long tasks are observed from the start, so the ones during the layout can be picked out.
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: { start: number; duration: number }[] };
    w.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push({ start: e.startTime, duration: e.duration }))).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('kizuna:first-render').length > 0, null, { timeout: 120_000 });
  const firstRenderMs = await page.evaluate(() => performance.getEntriesByName('kizuna:first-render')[0].startTime);
  const answerMs = await page.evaluate(() => performance.getEntriesByName('kizuna:network-answer')[0].startTime);
  const nodes = Number(await page.locator('#status').getAttribute('data-visible-nodes'));
  const layoutWasRunning = (await page.getAttribute('body', 'data-layout')) === 'running';
  // A click on the node nearest the centre while the layout worker runs.
  let clickResponseMs: number | null = null;
  const target = await page.evaluate(() => {
    const el = document.querySelector('#graph')!.getBoundingClientRect();
    const api = (window as unknown as { kizunaExplorer: { nodeIds(): string[]; nodeViewport(id: string): { x: number; y: number } | null } }).kizunaExplorer;
    let best: { id: string; x: number; y: number; d: number } | null = null;
    for (const id of api.nodeIds()) {
      const p = api.nodeViewport(id);
      if (!p) continue;
      const d = Math.hypot(p.x - el.width / 2, p.y - el.height / 2);
      if (!best || d < best.d) best = { id, x: p.x + el.left, y: p.y + el.top, d };
    }
    return best;
  });
  if (target) {
    const t0 = Date.now();
    await page.mouse.click(target.x, target.y);
    await page.waitForFunction(() => document.body.dataset.selected !== '' && document.body.dataset.selected !== undefined, null, { timeout: 30_000 }).catch(() => null);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    clickResponseMs = (await page.getAttribute('body', 'data-selected')) ? Date.now() - t0 : null;
  }
  await page.waitForSelector('body[data-layout="done"]', { timeout: 60_000 });
  const longestTaskDuringLayoutMs = await page.evaluate((after) => {
    const tasks = (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks.filter((t) => t.start > after);
    return tasks.length ? Math.max(...tasks.map((t) => t.duration)) : 0;
  }, firstRenderMs);
  // The page's follow-up queries (planned ties, betweenness, tie dates) finish before the next
  // page loads, so its first query is not queued behind them on the server.
  await page.waitForSelector('body[data-evidence="loaded"]', { timeout: 300_000 });
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  await page.close();
  return { view, nodes, firstRenderMs, answerMs, clickResponseMs, longestTaskDuringLayoutMs, layoutWasRunning };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const { people, runs } = args();
  const dir = mkdtempSync(join(tmpdir(), 'kizuna-bench-explorer-'));
  writeFileSync(join(dir, 'dataset.json'), JSON.stringify(generateSynthetic({ people }).dataset));
  const server: RunningServer = await serve(loadConfig({ PORT: '0', HOST: '127.0.0.1', KIZUNA_SEED_FILE: join(dir, 'dataset.json') }), createLogger('silent'));
  const base = server.url.replace(/graphql$/, 'explorer/');
  const browser = await launchChromium();
  console.log(`Kizuna explorer benchmark — ${people} synthetic people, Node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  const all: Figures[] = [];
  try {
    // The first load after start is on a cold server (its first graph and brokerage answers fill
    // the per-version caches); it is reported on its own.
    all.push(await measure(browser, base, 'cold server'));
    for (const [view, url] of [['groups (default)', base], ['every person', `${base}?groups=0`]] as const)
      for (let i = 0; i < runs; i++) all.push(await measure(browser, url, view));
  } finally {
    await browser.close();
    await server.stop();
  }
  console.log('\nview               nodes  first render (median, ms)  of which until the API answered  click → selection shown (ms)  longest main-thread task during layout (ms)');
  for (const view of ['cold server', 'groups (default)', 'every person']) {
    const rows = all.filter((r) => r.view === view);
    const col = (f: (r: Figures) => number | null) => {
      const xs = rows.map(f).filter((x): x is number => x !== null);
      return xs.length ? String(Math.round(median(xs))) : '—';
    };
    console.log(`${view.padEnd(18)} ${String(rows[0].nodes).padStart(6)}  ${col((r) => r.firstRenderMs).padStart(25)}  ${col((r) => r.answerMs).padStart(32)}  ${col((r) => r.clickResponseMs).padStart(28)}  ${col((r) => r.longestTaskDuringLayoutMs).padStart(42)}`);
  }
  mkdirSync(join(__dirname, 'results'), { recursive: true });
  writeFileSync(join(__dirname, 'results', 'explorer.json'), JSON.stringify({ people, runs: all }, null, 2));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
