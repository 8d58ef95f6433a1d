/**
 * `npm run bench:analytics -- --cold` — what an analyst waits for after a data change (issue #9):
 * cold and warm timings of the projection, `bridges(level: COUNTRY)`, `brokerage(level:
 * INSTITUTION)` and `circulation(fiscalYear: 2023)` through GraphQL, on the embedded store and on
 * Neo4j, at 10k and 100k synthetic people (bench/generate.ts).
 *
 *   node -r ./bench/register.js bench/analytics.ts --cold [--sizes 10k,100k] [--stores memory,neo4j]
 *        [--runs 3] [--neo4j-uri bolt://…] [--keep-neo4j] [--json out.json]
 *
 * - cold, version change: the store's version is bumped (an empty write, which every write path
 *   does), then the operation is asked once: version read, projection, network, group index and
 *   the measure (circulation: its aggregation statements). Median of --runs, each after a bump.
 * - cold, fresh process (Neo4j only; the embedded store seeds at start, see bench:start): a child
 *   process opens the store and the app and asks the operation as its first request (after the
 *   runs above, so Neo4j has its plans: a restarted Kizuna, not a restarted Neo4j).
 * - warm: the same request again with nothing changed; median of --runs.
 * - projection: `store.projection()` alone, median of --runs (the first call apart).
 * Each row also gives the CPU seconds of this process and, for a Neo4j the bench started itself,
 * of the Neo4j JVM (from /proc): on a shared machine wall-clock time follows the load, CPU does not.
 *
 * Neo4j: without --neo4j-uri the bench runs its own instance per size with scripts/neo4j.sh
 * (NEO4J_HOME_NAME=bench-<size>, port KIZUNA_BENCH_NEO4J_PORT, default 7689; never 7687 or 7688)
 * and stops it afterwards unless --keep-neo4j. The data is written once per home and remembered
 * by the marker of bench/api/data.ts (size + generator version), so later runs start at once;
 * writing 100k people takes about 4 min here. A database holding other data is refused.
 */
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Neo4jConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createApolloServer } from '../../src/server/apollo';
import { createApp } from '../../src/server/app';
import { MemoryStore } from '../../src/store/memory/memoryStore';
import type { GraphStore } from '../../src/store/port';
import { benchData, ensureLoaded, SIZES } from '../api/data';
import { ownInstance, processCpuSeconds, type Instance } from './instance';

export const COLD_OPERATIONS = {
  bridges: {
    title: 'bridges(level: COUNTRY), first 20',
    query: '{ bridges(level: COUNTRY, first: 20) { person { id name } pairs { a { group { id } } b { group { id } } structuralHole } } }',
  },
  brokerage: {
    title: 'brokerage(level: INSTITUTION), first 20',
    query: '{ brokerage(level: INSTITUTION, first: 20) { person { id } group { id } coordinator itinerant gatekeeperRepresentative liaison constraint effectiveSize } }',
  },
  circulation: {
    title: 'circulation(fiscalYear: 2023)',
    query: '{ circulation(fiscalYear: 2023) { totals { crossBorderStays personMonthsAbroad earlyCareerStays newTies } pairs { stays } } }',
  },
} as const;
export type ColdOperation = keyof typeof COLD_OPERATIONS;

interface Args {
  sizes: string[];
  stores: ('memory' | 'neo4j')[];
  runs: number;
  neo4jUri: string | null;
  keepNeo4j: boolean;
  json: string | null;
}

export function parseColdArgs(argv: string[]): Args {
  const a: Args = { sizes: ['10k', '100k'], stores: ['memory', 'neo4j'], runs: 3, neo4jUri: null, keepNeo4j: false, json: null };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = () => argv[++i];
    if (k === '--cold') continue;
    else if (k === '--sizes') a.sizes = v().split(',');
    else if (k === '--stores') a.stores = v().split(',') as Args['stores'];
    else if (k === '--runs') a.runs = Number(v());
    else if (k === '--neo4j-uri') a.neo4jUri = v();
    else if (k === '--keep-neo4j') a.keepNeo4j = true;
    else if (k === '--json') a.json = v();
    else throw new Error(`unknown argument ${k} (cold mode)`);
  }
  for (const s of a.sizes) if (!SIZES[s]) throw new Error(`--sizes: one of ${Object.keys(SIZES).join(', ')}`);
  return a;
}

/** One timed thing: wall seconds, CPU seconds of this process and of the Neo4j JVM (NaN when unknown). */
interface Timing {
  wall: number;
  cpu: number;
  neo4jCpu: number;
}

interface Row {
  size: string;
  store: string;
  what: string;
  cold: Timing | string | null;
  coldFresh: Timing | string | null;
  warm: Timing | string | null;
  note: string;
}

/** A timing, or what stopped it (a TIMEOUT under load is a result too, not a reason to lose the run). */
async function attempt(fn: () => Promise<Timing>): Promise<Timing | string> {
  try {
    return await fn();
  } catch (error) {
    const text = String((error as Error)?.message ?? error);
    return /TIMEOUT/.test(text) ? 'TIMEOUT (the 30 s operation limit)' : `failed: ${text.slice(0, 200)}`;
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const medianTiming = (ts: Timing[]): Timing => ({ wall: median(ts.map((t) => t.wall)), cpu: median(ts.map((t) => t.cpu)), neo4jCpu: median(ts.map((t) => t.neo4jCpu)) });

async function timed(neo4jPid: number | null, fn: () => Promise<unknown>): Promise<Timing> {
  const n0 = neo4jPid ? processCpuSeconds(neo4jPid) : NaN;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await fn();
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1e6, neo4jCpu: neo4jPid ? processCpuSeconds(neo4jPid) - n0 : NaN };
}

/** The app as `kizuna serve` builds it, on a random loopback port. */
export async function serveApp(store: GraphStore): Promise<{ ask: (query: string) => Promise<unknown>; close: () => Promise<void> }> {
  const config = loadConfig({ ...process.env, NEO4J_URI: '' });
  const logger = createLogger('warn');
  const apollo = createApolloServer(logger);
  await apollo.start();
  const app = createApp(apollo, { store, earlyCareer: config.earlyCareer, maxPageSize: config.maxPageSize }, logger);
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const ask = async (query: string) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const body = (await res.json()) as { data?: unknown; errors?: unknown };
    if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors).slice(0, 500)}`);
    return body.data;
  };
  const close = async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await apollo.stop();
  };
  return { ask, close };
}

async function benchStore(size: string, storeName: string, store: GraphStore, neo4j: { pid: number | null; config: Neo4jConfig } | null, runs: number, emit: (row: Row) => void): Promise<void> {
  const pid = neo4j?.pid ?? null;
  // An empty write moves the version, as every write does: what the caches key on.
  const bump = () => store.write({ nodes: [], rels: [] });

  const first = await timed(pid, () => store.projection());
  const again: Timing[] = [];
  for (let r = 0; r < runs; r++) again.push(await timed(pid, () => store.projection()));
  const people = (await store.projection()).people.length;
  emit({ size, store: storeName, what: 'projection()', cold: first, coldFresh: null, warm: medianTiming(again), note: `${people} people; cold = the first call in this process (on a Neo4j that has not seen the statement, planning it too); warm = later calls (the read itself is never cached)` });

  const app = await serveApp(store);
  try {
    for (const [name, op] of Object.entries(COLD_OPERATIONS) as [ColdOperation, (typeof COLD_OPERATIONS)[ColdOperation]][]) {
      const cold = await attempt(async () => {
        const runsCold: Timing[] = [];
        for (let r = 0; r < runs; r++) {
          await bump();
          runsCold.push(await timed(pid, () => app.ask(op.query)));
        }
        return medianTiming(runsCold);
      });
      const warm = await attempt(async () => {
        const runsWarm: Timing[] = [];
        for (let r = 0; r < runs; r++) runsWarm.push(await timed(pid, () => app.ask(op.query)));
        return medianTiming(runsWarm);
      });
      // After the runs above, so Neo4j has planned the statements: this is a new Kizuna process, not a new Neo4j.
      const fresh = neo4j ? await attempt(() => freshProcess(neo4j.config, name, pid)) : null;
      emit({ size, store: storeName, what: op.title, cold, coldFresh: fresh, warm, note: '' });
    }
  } finally {
    await app.close();
  }
}

/** A child process whose first request is this operation (bench/analytics/coldChild.ts). */
function freshProcess(config: Neo4jConfig, operation: ColdOperation, neo4jPid: number | null): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'coldChild.ts'), [operation], {
      execArgv: ['-r', join(__dirname, '..', 'register.js')],
      env: { ...process.env, BENCH_NEO4J: JSON.stringify(config), BENCH_NEO4J_PID: String(neo4jPid ?? '') },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.once('message', (m: Timing & { error?: string }) => (m.error ? reject(new Error(m.error)) : resolve({ wall: m.wall, cpu: m.cpu, neo4jCpu: m.neo4jCpu ?? NaN })));
    child.once('exit', (code) => code !== 0 && reject(new Error(`fresh-process child exited with ${code}`)));
  });
}

function fmt(t: Timing | string | null): string {
  if (!t) return '–';
  if (typeof t === 'string') return t;
  const s = (x: number) => (x >= 10 ? x.toFixed(1) : x.toFixed(2));
  return `${s(t.wall)} s (CPU ${s(t.cpu)}${Number.isNaN(t.neo4jCpu) ? '' : ` + Neo4j ${s(t.neo4jCpu)}`})`;
}

const HEAD = ['size', 'store', 'operation', 'cold after a version change', 'cold, fresh process', 'warm'];
const line = (r: Row) => `| ${[r.size, r.store, r.what, fmt(r.cold), fmt(r.coldFresh), fmt(r.warm)].join(' | ')} |`;

function printRows(rows: Row[]): void {
  console.log(`| ${HEAD.join(' | ')} |\n|${HEAD.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(line(r));
  for (const r of rows) if (r.note) console.log(`\n${r.size} ${r.store} ${r.what}: ${r.note}`);
}

export async function runCold(argv: string[]): Promise<void> {
  const args = parseColdArgs(argv);
  const started = loadavg()[0];
  console.log(`Kizuna analytics, cold and warm — Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load ${loadavg().map((x) => x.toFixed(2)).join(' ')}, runs ${args.runs}`);
  const rows: Row[] = [];
  mkdirSync(join(__dirname, '..', 'results'), { recursive: true });
  const out = args.json ?? join(__dirname, '..', 'results', `analytics-cold-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const save = () => writeFileSync(out, JSON.stringify({ load: { start: started, now: loadavg()[0] }, node: process.version, rows }, null, 2));
  // Each row is printed and saved as it is measured: a long run that fails late keeps what it had.
  const emit = (row: Row) => {
    rows.push(row);
    process.stderr.write(`${line(row)}  (load ${loadavg()[0].toFixed(1)})\n`);
    save();
  };
  for (const size of args.sizes) {
    const t = performance.now();
    const data = benchData(size);
    process.stderr.write(`${size}: generated in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
    if (args.stores.includes('memory')) {
      const memory = new MemoryStore();
      await memory.write(data.graph);
      await benchStore(size, 'embedded', memory, null, args.runs, emit);
    }
    if (args.stores.includes('neo4j')) {
      let instance: Instance | null = null;
      const config: Neo4jConfig = {
        uri: args.neo4jUri ?? '',
        user: process.env.NEO4J_USER ?? 'neo4j',
        password: process.env.NEO4J_PASSWORD ?? 'kizuna-dev-password',
        database: process.env.NEO4J_DATABASE ?? 'neo4j',
      } as Neo4jConfig;
      if (!args.neo4jUri) {
        instance = ownInstance(`bench-${size}`);
        config.uri = instance.uri;
        config.password = instance.password;
      }
      try {
        const { createNeo4jStore } = await import('../../src/store/neo4j');
        const store = await createNeo4jStore(config);
        try {
          await ensureLoaded(config, store, data, (s) => process.stderr.write(`${size}: ${s}\n`));
          await benchStore(size, 'Neo4j', store, { pid: instance?.pid() ?? null, config }, args.runs, emit);
        } finally {
          await store.close();
        }
      } finally {
        if (instance && !args.keepNeo4j) instance.stop();
      }
    }
  }
  console.log(`\nload average: ${started.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end\n`);
  printRows(rows);
  save();
  console.log(`\nJSON: ${out}`);
}

