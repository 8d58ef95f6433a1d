/**
 * `npm run bench:asof` — twelve monthly `asOf` views of the synthetic graph against one.
 *
 *   node -r ./bench/register.js bench/asof.ts [--people 10000] [--runs 5] [--neo4j] [--json out.json]
 *
 * Issue #13's cost target: asking for the network as of each month-end of a fiscal year takes at
 * most 3× the time of asking for one. Each run starts from a cold cache (a fresh
 * CollaborationCache, as after a data change): read the projection from the store, build the full
 * network, then cut the period views (analytics/periodNetwork.ts). "One" asks for the view on
 * 2025-03-31; "twelve" for every month-end of FY2024. Measured twice: the views alone, and each
 * view with bridges for every early-career person (LAB) on it. Runs alternate one/twelve so both
 * see the same machine load; medians are printed with the ratio. Neo4j with --neo4j (NEO4J_URI;
 * the bench CLEARS that database). A benchmark, not a test: it asserts nothing.
 */
import { writeFileSync } from 'node:fs';
import { bridges } from '../src/analytics/bridges';
import { CollaborationCache } from '../src/analytics/cache';
import type { NetworkPeriod } from '../src/analytics/period';
import { fiscalYearRange } from '../src/domain/fiscalYear';
import type { Dataset } from '../src/domain/model';
import { datasetToGraph } from '../src/ingest/toGraph';
import { validateDataset } from '../src/ingest/validate';
import type { GraphStore } from '../src/store/port';
import { generateSynthetic } from './generate';

interface Args {
  people: number;
  runs: number;
  neo4j: boolean;
  json: string | null;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { people: 10000, runs: 5, neo4j: false, json: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--people') args.people = Number(argv[++i]);
    else if (a === '--runs') args.runs = Number(argv[++i]);
    else if (a === '--neo4j') args.neo4j = true;
    else if (a === '--json') args.json = argv[++i];
    else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

/** Month-ends of FY2024: 2024-04-30 … 2025-03-31. */
function monthEnds(): NetworkPeriod[] {
  const out: NetworkPeriod[] = [];
  for (let k = 0; k < 12; k++) {
    const y = 2024 + Math.floor((3 + k + 1) / 12);
    const m = ((3 + k + 1) % 12) + 1;
    const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    out.push({ asOf: last, fiscalYear: null });
  }
  return out;
}

async function run(store: GraphStore, periods: NetworkPeriod[], withBridges: boolean): Promise<{ seconds: number; ties: number }> {
  const t = performance.now();
  const cache = new CollaborationCache(store);
  let ties = 0;
  for (const period of periods) {
    const view = await cache.periodNetwork(period);
    ties += view.period.ties;
    if (withBridges) bridges(view, { level: 'LAB', earlyCareerOnly: true });
  }
  return { seconds: (performance.now() - t) / 1000, ties };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (s: number) => `${s.toFixed(3)} s`;

async function benchStore(name: string, store: GraphStore, args: Args): Promise<Record<string, unknown>> {
  const one = [{ asOf: fiscalYearRange(2024).end, fiscalYear: null }];
  const twelve = monthEnds();
  const result: Record<string, unknown> = { store: name };
  for (const withBridges of [false, true]) {
    const a: number[] = [];
    const b: number[] = [];
    let ties = 0;
    // One warm-up pair (JIT), then alternate.
    await run(store, one, withBridges);
    await run(store, twelve, withBridges);
    for (let r = 0; r < args.runs; r++) {
      a.push((await run(store, one, withBridges)).seconds);
      const t = await run(store, twelve, withBridges);
      b.push(t.seconds);
      ties = t.ties;
    }
    const label = withBridges ? 'views + bridges (every early-career person, LAB)' : 'views';
    const ratio = median(b) / median(a);
    console.log(`  ${name.padEnd(14)} ${label.padEnd(50)} one ${fmt(median(a))}   twelve ${fmt(median(b))}   ratio ${ratio.toFixed(2)}×  (target ≤ 3×; ${ties} ties over the twelve views)`);
    result[withBridges ? 'withBridges' : 'views'] = { one: median(a), twelve: median(b), ratio, runsOne: a, runsTwelve: b };
  }
  return result;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const { availableParallelism, loadavg } = await import('node:os');
  console.log(`Kizuna asOf benchmark — Node ${process.version}, ${availableParallelism()} cores, load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  const { dataset } = generateSynthetic({ people: args.people });
  const valid = validateDataset(dataset);
  if (!valid.ok) throw new Error('synthetic data set is invalid');
  const graph = datasetToGraph(valid.dataset as Dataset);
  console.log(`  ${args.people.toLocaleString('en')} people, ${valid.dataset.visits.length.toLocaleString('en')} visits (2021–2026), ${valid.dataset.papers.length.toLocaleString('en')} papers; medians of ${args.runs} cold runs`);
  const stores: Array<{ name: string; store: GraphStore }> = [];
  const { MemoryStore } = await import('../src/store/memory/memoryStore');
  stores.push({ name: 'embedded', store: new MemoryStore() });
  if (args.neo4j) {
    const uri = process.env.NEO4J_URI;
    if (!uri) throw new Error('--neo4j needs NEO4J_URI; the bench clears that database');
    const { createNeo4jStore } = await import('../src/store/neo4j');
    stores.push({ name: 'neo4j', store: await createNeo4jStore({ uri, user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? 'kizuna-dev-password', database: process.env.NEO4J_DATABASE ?? 'neo4j' }) });
  }
  const results: Record<string, unknown>[] = [];
  try {
    for (const { name, store } of stores) {
      await store.clear();
      const slice = 20000;
      for (let i = 0; i < graph.nodes.length; i += slice) await store.write({ nodes: graph.nodes.slice(i, i + slice), rels: [] });
      for (let i = 0; i < graph.rels.length; i += slice) await store.write({ nodes: [], rels: graph.rels.slice(i, i + slice) });
      results.push(await benchStore(name, store, args));
    }
  } finally {
    for (const { store } of stores) await store.close();
  }
  if (args.json) writeFileSync(args.json, JSON.stringify({ people: args.people, runs: args.runs, results }, null, 2));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
