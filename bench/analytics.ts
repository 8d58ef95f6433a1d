/**
 * `npm run bench:analytics` — network analytics on synthetic collaboration graphs.
 *
 *   node -r ./bench/register.js bench/analytics.ts [--sizes 1000,10000,100000] [--repeat 2]
 *        [--neo4j] [--no-graphology] [--no-networkx] [--json out.json]
 *   node -r ./bench/register.js bench/analytics.ts --cold …   cold and warm GraphQL timings per store (bench/analytics/cold.ts)
 *
 * Per size it prints: data generation; each store's write and projection (the embedded store
 * always; Neo4j with --neo4j, using NEO4J_URI — it CLEARS that database, so never point it at a
 * database tests or people are using); the network build (tie table + CSR) and, apart, the
 * graphology graph views and exports build on first use; bridges and brokerage for every
 * early-career person, warm and cold (a fresh network per run: the first request after a data
 * change, from the projection in hand); exact and sampled betweenness (1 thread and worker
 * threads); and the same measures through graphology-metrics and NetworkX, as time ratios (theirs / ours). Where running
 * a competitor is out of reach (graphology exact at 100k, NetworkX exact above 1k) its exact time
 * is extrapolated from k sampled sources (Brandes' cost is linear in the number of sources) and
 * marked "≈". A benchmark, not a test: it asserts nothing but prints the targets next to the times.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Graph from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import { createUnweightedIndexedBrandes } from 'graphology-shortest-path/indexed-brandes';
import { betweenness, betweennessParallel, planBetweenness } from '../src/analytics/betweenness';
import { bridges } from '../src/analytics/bridges';
import { brokerage } from '../src/analytics/brokerage';
import { buildCollaborationNetwork, type CollaborationNetwork } from '../src/analytics/collaborationGraph';
import type { Csr } from '../src/analytics/csr';
import { createRng, sampleIndices } from '../src/analytics/random';
import type { Dataset } from '../src/domain/model';
import { datasetToGraph } from '../src/ingest/toGraph';
import { validateDataset } from '../src/ingest/validate';
import type { Graph as StoreGraph } from '../src/store/graph';
import type { GraphStore } from '../src/store/port';
import { runCold } from './analytics/cold';
import { generateSynthetic } from './generate';

interface Args {
  sizes: number[];
  repeat: number;
  neo4j: boolean;
  graphology: boolean;
  networkx: boolean;
  json: string | null;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { sizes: [1000, 10000, 100000], repeat: 2, neo4j: false, graphology: true, networkx: true, json: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--sizes') args.sizes = argv[++i].split(',').map(Number);
    else if (a === '--repeat') args.repeat = Number(argv[++i]);
    else if (a === '--neo4j') args.neo4j = true;
    else if (a === '--no-graphology') args.graphology = false;
    else if (a === '--no-networkx') args.networkx = false;
    else if (a === '--json') args.json = argv[++i];
    else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

type Row = [string, string, string];

/** Best of `repeat` runs; `first` is the cold run (JIT, per-graph indexes built on first use). */
async function time<T>(repeat: number, fn: () => T | Promise<T>): Promise<{ seconds: number; first: number; value: T }> {
  let best = Infinity;
  let first = NaN;
  let value!: T;
  for (let r = 0; r < Math.max(1, repeat); r++) {
    const t = performance.now();
    value = await fn();
    const s = (performance.now() - t) / 1000;
    if (r === 0) first = s;
    best = Math.min(best, s);
  }
  return { seconds: best, first, value };
}

const fmt = (s: number) => (s >= 100 ? s.toFixed(0) : s >= 10 ? s.toFixed(1) : s >= 1 ? s.toFixed(2) : s.toFixed(3)) + ' s';
const ratio = (theirs: number, ours: number, approx = false) => `${approx ? '≈' : ''}${(theirs / ours).toFixed(theirs / ours >= 10 ? 0 : 1)}×`;

async function storeProjection(store: GraphStore, graph: StoreGraph, rows: Row[], name: string, repeat: number): Promise<void> {
  await store.clear();
  const write = await time(1, async () => {
    // Nodes first, then relationships, in slices: one huge transaction would need a huge heap.
    const slice = 20000;
    for (let i = 0; i < graph.nodes.length; i += slice) await store.write({ nodes: graph.nodes.slice(i, i + slice), rels: [] });
    for (let i = 0; i < graph.rels.length; i += slice) await store.write({ nodes: [], rels: graph.rels.slice(i, i + slice) });
  });
  const projection = await time(repeat, () => store.projection());
  rows.push([`${name}: write (${graph.nodes.length} nodes, ${graph.rels.length} rels)`, fmt(write.seconds), '']);
  rows.push([`${name}: projection()`, fmt(projection.seconds), `${projection.value.people.length} people`]);
}

function graphologyGraph(net: CollaborationNetwork): Graph {
  const g = new Graph({ type: 'undirected' });
  net.graph.forEachNode((n) => g.addNode(n));
  net.graph.forEachEdge((_e, _a, s, t) => g.addEdge(s, t));
  return g;
}

/** graphology-metrics' own accumulation loop, over k sources only (it has no sampling option). */
function graphologySampled(g: Graph, sources: Int32Array): void {
  const brandes = createUnweightedIndexedBrandes(g);
  const delta = new Float64Array(g.order);
  const centralities = new Float64Array(g.order);
  for (const s of sources) {
    const [S, P, sigma] = brandes(s);
    const items = (S as unknown as { items: ArrayLike<number> }).items; // typed without it
    for (let j = 0; j < S.size; j++) delta[items[j]] = 0;
    while (S.size !== 0) {
      const w = S.pop()!;
      const coefficient = (1 + delta[w]) / sigma[w];
      for (const v of P[w]) delta[v] += sigma[v] * coefficient;
      if (w !== s) centralities[w] += delta[w];
    }
  }
}

function networkx(csr: Csr, net: CollaborationNetwork, k: number, exact: boolean, people: string[]): Record<string, number> | null {
  const edges: [string, string, number][] = [];
  net.graph.forEachEdge((_e, a, s, t) => edges.push([s, t, a.weight]));
  const input = JSON.stringify({ nodes: csr.ids, edges, k, exact, people });
  const run = spawnSync('python3', [join(__dirname, 'networkx_bench.py')], { input, maxBuffer: 1 << 26, encoding: 'utf8' });
  if (run.status !== 0) {
    console.error(`  (NetworkX skipped: ${run.stderr.trim().split('\n').pop()})`);
    return null;
  }
  return JSON.parse(run.stdout);
}

async function benchSize(people: number, args: Args, stores: { name: string; store: GraphStore }[]): Promise<Row[]> {
  const rows: Row[] = [];
  const gen = await time(1, () => generateSynthetic({ people, seed: 20240401 }));
  const { dataset, projection } = gen.value;
  rows.push(['generate data set + projection', fmt(gen.seconds), `${dataset.visits!.length} visits, ${dataset.papers!.length} papers, ${dataset.labs!.length} labs`]);

  if (stores.length) {
    const checked = validateDataset(dataset);
    if (!checked.ok) throw new Error(`generated data set is invalid: ${JSON.stringify(checked.problems.slice(0, 3))}`);
    const storeGraph = datasetToGraph(checked.dataset as Dataset);
    for (const { name, store } of stores) {
      if (name === 'neo4j' && people > 10000 && !process.env.KIZUNA_BENCH_NEO4J_LARGE) {
        rows.push([`${name}: projection()`, 'skipped', 'set KIZUNA_BENCH_NEO4J_LARGE=1 above 10k']);
        continue;
      }
      await storeProjection(store, storeGraph, rows, name, args.repeat);
    }
  }

  // The cold path: what the first bridges + brokerage request pays after a data change (the
  // cache holds the projection's successor only once it is built). Each run builds a new network,
  // so every run is cold for the network's indexes; `first` is also cold for the JIT.
  const cold = await time(args.repeat, () => {
    const n = buildCollaborationNetwork(projection);
    return [bridges(n, { level: 'LAB', earlyCareerOnly: true }).length, brokerage(n, { level: 'LAB', earlyCareerOnly: true }).profiles.length];
  });
  const build = await time(args.repeat, () => buildCollaborationNetwork(projection));
  const net = build.value;
  rows.push(['build collaboration network (tie table + CSR)', fmt(build.seconds), `${net.csr.n} people, ${net.csr.m} ties`]);
  const gl = await time(1, () => net.graph);
  rows.push(['  graphology graph (views, exports; on first use)', fmt(gl.seconds), `${gl.value.order} nodes, ${gl.value.size} edges`]);

  const early = net.csr.ids.filter((_id, i) => net.people[i].earlyCareer === true);
  const br = await time(args.repeat, () => bridges(net, { level: 'LAB', earlyCareerOnly: true }));
  const bk = await time(args.repeat, () => brokerage(net, { level: 'LAB', earlyCareerOnly: true }));
  const brC = await time(args.repeat, () => bridges(net, { level: 'COUNTRY', earlyCareerOnly: true }));
  rows.push([`bridges, LAB, ${early.length} early-career people`, fmt(br.seconds), `${br.value.length} bridges, ${br.value.reduce((s, b) => s + b.pairs.length, 0)} pairs`]);
  rows.push(['bridges, COUNTRY, same people', fmt(brC.seconds), `${brC.value.length} bridges`]);
  rows.push(['brokerage (G–F + constraint + eff. size), LAB', fmt(bk.seconds), `${bk.value.profiles.length} profiles`]);
  rows.push([
    'bridges + brokerage (LAB)',
    fmt(br.seconds + bk.seconds),
    `first call ${fmt(br.first + bk.first)} (builds the group indexes)`,
  ]);
  rows.push([
    'bridges + brokerage, cold: projection → network → results',
    fmt(cold.seconds),
    `first run ${fmt(cold.first)} (cold JIT too)${people >= 100000 ? '; target ≤ 2 s at 100k' : ''}`,
  ]);

  const work = net.csr.n + 2 * net.csr.m;
  const exactFeasible = people <= 20000;
  let exact1 = NaN;
  let exactN = NaN;
  if (exactFeasible) {
    exact1 = (await time(1, () => betweenness(net.csr, { method: 'EXACT' }))).seconds;
    exactN = (await time(1, () => betweennessParallel(net.csr, { method: 'EXACT' }))).seconds;
    rows.push(['betweenness exact, 1 thread', fmt(exact1), '']);
    rows.push(['betweenness exact, worker threads', fmt(exactN), people === 10000 ? 'target ≤ 3 s at 10k' : '']);
  }
  const plan = planBetweenness(net.csr, { method: 'SAMPLED' });
  const k = plan.sources.length;
  const auto = planBetweenness(net.csr).method;
  let sampled1 = NaN;
  let sampledN = NaN;
  if (plan.method === 'SAMPLED') {
    sampled1 = (await time(1, () => betweenness(net.csr, { method: 'SAMPLED' }))).seconds;
    sampledN = (await time(1, () => betweennessParallel(net.csr, { method: 'SAMPLED' }))).seconds;
    rows.push([`betweenness sampled k=${k}, 1 thread`, fmt(sampled1), `the default (AUTO) here is ${auto}`]);
    rows.push([`betweenness sampled k=${k}, worker threads`, fmt(sampledN), people >= 100000 ? 'target ≤ 5 s at 100k' : '']);
  } else rows.push(['betweenness sampled', '—', `the sample budget covers every node: exact (AUTO picks ${auto})`]);
  const oursExact = exactFeasible ? Math.min(exact1, exactN) : (Math.min(sampled1, sampledN) * net.csr.n) / k;

  if (args.graphology) {
    const g = graphologyGraph(net);
    if (people <= 10000) {
      const gx = await time(1, () => betweennessCentrality(g, { getEdgeWeight: null }));
      rows.push(['graphology-metrics betweenness exact', fmt(gx.seconds), `ours is ${ratio(gx.seconds, oursExact)} faster`]);
    } else {
      const src = sampleIndices(g.order, k, createRng(1));
      const gk = await time(1, () => graphologySampled(g, src));
      rows.push([`graphology Brandes, same k=${k} sources`, fmt(gk.seconds), `ours is ${ratio(gk.seconds, Math.min(sampled1, sampledN))} faster`]);
    }
  }

  if (args.networkx) {
    const kx = Math.max(2, Math.min(net.csr.n, people <= 1000 ? 200 : Math.round(2e7 / work)));
    const sample = early.slice(0, 500); // NetworkX needs ~0.1 s per person at 10k: extrapolated from 500
    const nx = networkx(net.csr, net, kx, people <= 1000, sample);
    if (nx) {
      if (nx.betweenness_exact !== undefined) {
        rows.push([`NetworkX ${nx.networkx} betweenness exact`, fmt(nx.betweenness_exact), `ours is ${ratio(nx.betweenness_exact, oursExact)} faster`]);
      } else {
        const extrapolated = (nx.betweenness_k * net.csr.n) / nx.k;
        rows.push([`NetworkX ${nx.networkx} betweenness exact (from k=${nx.k})`, '≈' + fmt(extrapolated), `ours is ${ratio(extrapolated, oursExact, true)} faster`]);
      }
      if (nx.structural_holes !== undefined) {
        const perPerson = nx.structural_holes / nx.structural_holes_people;
        const theirs = perPerson * early.length;
        rows.push([
          `NetworkX constraint + effective size, ${early.length} people`,
          (early.length > nx.structural_holes_people ? '≈' : '') + fmt(theirs),
          `ours (whole brokerage) is ${ratio(theirs, bk.seconds, early.length > nx.structural_holes_people)} faster`,
        ]);
      }
    }
  }
  return rows;
}

function printTable(title: string, rows: Row[]): void {
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  console.log(`\n${title}`);
  for (const r of rows) console.log(`  ${r[0].padEnd(w0)}  ${r[1].padStart(w1)}  ${r[2]}`);
}

async function main(): Promise<void> {
  if (process.argv.includes('--cold')) return runCold(process.argv.slice(2));
  const args = parseArgs(process.argv.slice(2));
  const { availableParallelism, cpus, loadavg } = await import('node:os');
  console.log(`Kizuna analytics benchmark — Node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  const stores: { name: string; store: GraphStore }[] = [];
  const { MemoryStore } = await import('../src/store/memory/memoryStore');
  stores.push({ name: 'memory store', store: new MemoryStore() });
  if (args.neo4j) {
    const uri = process.env.NEO4J_URI;
    if (!uri) throw new Error('--neo4j needs NEO4J_URI (and NEO4J_USER / NEO4J_PASSWORD); the bench clears that database');
    const { createNeo4jStore } = await import('../src/store/neo4j');
    const store = await createNeo4jStore({
      uri,
      user: process.env.NEO4J_USER ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? 'kizuna-dev-password',
      database: process.env.NEO4J_DATABASE ?? 'neo4j',
    });
    stores.push({ name: 'neo4j', store });
  }
  const all: Record<string, Row[]> = {};
  try {
    for (const people of args.sizes) {
      const rows = await benchSize(people, args, stores);
      all[people] = rows;
      printTable(`${people.toLocaleString('en')} people`, rows);
    }
  } finally {
    for (const { store } of stores) await store.close();
  }
  if (args.json) writeFileSync(args.json, JSON.stringify(all, null, 2));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
