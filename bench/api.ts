/**
 * `npm run bench:api -- --size 10k` — Kizuna's GraphQL API against @neo4j/graphql 7 and the raw
 * Cypher floor on the same Neo4j, plus Kizuna on its embedded store.
 *
 *   node -r ./bench/register.js bench/api.ts [--size 1k|10k|100k] [--duration 5] [--connections 10,50]
 *        [--rounds 1] [--ops a,b] [--contenders kizuna-neo4j,peer,floor,kizuna-memory]
 *        [--neo4j-uri bolt://…] [--neo4j-port 7689] [--keep-neo4j] [--no-docs]
 *
 * Neo4j: without --neo4j-uri (or KIZUNA_BENCH_NEO4J_URI) it starts its own instance with
 * scripts/neo4j.sh (NEO4J_HOME_NAME=bench, port --neo4j-port, else KIZUNA_BENCH_NEO4J_PORT, else
 * 7689) and stops it at the end unless --keep-neo4j. The generated data is loaded once and remembered by a marker node
 * (size + generator version); a database holding anything else is refused, never cleared.
 *
 * Each contender is a child process (bench/api/server.ts). Before timing, every contender's answer
 * to every operation must equal Kizuna-on-memory's; then 20 sequential requests count the Cypher
 * statements per request (the driver's Session.run / Transaction.run wrapped in the child); then
 * autocannon runs per (round, connections, operation), contenders interleaved in rotating order.
 * Server CPU per request is the child's process.cpuUsage delta over the run divided by its requests.
 * JSON goes to bench/results/, the table to stdout and into docs/benchmarks.md.
 */
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { Neo4jConfig } from '../src/config';
import { benchData, ensureLoaded } from './api/data';
import { operations, type Operation } from './api/operations';

const ROOT = join(__dirname, '..');
const CONTENDERS = ['kizuna-neo4j', 'peer', 'floor', 'kizuna-memory'] as const;
type Contender = (typeof CONTENDERS)[number];
const LABEL: Record<Contender, string> = { 'kizuna-neo4j': 'Kizuna on Neo4j', peer: '@neo4j/graphql 7', floor: 'raw Cypher', 'kizuna-memory': 'Kizuna embedded' };

interface Args {
  size: string;
  duration: number;
  connections: number[];
  rounds: number;
  ops: string[] | null;
  contenders: Contender[];
  neo4jUri: string | null;
  /** Bolt port of the bench's own Neo4j (only without neo4jUri). */
  neo4jPort: string;
  keepNeo4j: boolean;
  docs: boolean;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { size: '10k', duration: 5, connections: [10, 50], rounds: 1, ops: null, contenders: [...CONTENDERS], neo4jUri: process.env.KIZUNA_BENCH_NEO4J_URI ?? null, neo4jPort: process.env.KIZUNA_BENCH_NEO4J_PORT ?? '7689', keepNeo4j: false, docs: true };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = () => argv[++i];
    if (k === '--size') a.size = v();
    else if (k === '--duration') a.duration = Number(v());
    else if (k === '--connections') a.connections = v().split(',').map(Number);
    else if (k === '--rounds') a.rounds = Number(v());
    else if (k === '--ops') a.ops = v().split(',');
    else if (k === '--contenders') a.contenders = v().split(',') as Contender[];
    else if (k === '--neo4j-uri') a.neo4jUri = v();
    else if (k === '--neo4j-port') a.neo4jPort = v();
    else if (k === '--keep-neo4j') a.keepNeo4j = true;
    else if (k === '--no-docs') a.docs = false;
    else throw new Error(`unknown argument ${k}`);
  }
  return a;
}

const log = (s: string) => process.stderr.write(`bench:api ${s}\n`);

// ---------------------------------------------------------------- Neo4j

function neo4jScript(command: string, port: string): void {
  const r = spawnSync('bash', [join(ROOT, 'scripts/neo4j.sh'), command], { env: { ...process.env, NEO4J_HOME_NAME: 'bench', NEO4J_BOLT_PORT: port }, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`scripts/neo4j.sh ${command} failed (exit ${r.status})`);
}

function ownNeo4j(port: string): { uri: string; port: string } {
  if (!readFileSync(join(ROOT, 'scripts/neo4j.sh'), 'utf8').includes('NEO4J_HOME_NAME')) {
    throw new Error('scripts/neo4j.sh cannot run a second instance (no NEO4J_HOME_NAME); pass --neo4j-uri of a Neo4j the bench may own');
  }
  if (!/^\d+$/.test(port)) throw new Error(`--neo4j-port must be a port number, not ${port}`);
  if (port === '7687' || port === '7688') throw new Error('the bench never runs on 7687 (developer) or 7688 (tests)');
  neo4jScript('start', port);
  return { uri: `bolt://127.0.0.1:${port}`, port };
}

// ---------------------------------------------------------------- contenders

interface Child {
  name: Contender;
  proc: ChildProcess;
  url: string;
  stats(): Promise<{ cpuMicros: number; statements: number }>;
}

async function startChild(name: Contender, env: NodeJS.ProcessEnv): Promise<Child> {
  const proc = fork(join(__dirname, 'api/server.ts'), [name], { execArgv: ['-r', join(__dirname, 'register.js')], env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const url = await new Promise<string>((resolve, reject) => {
    proc.once('exit', (code) => reject(new Error(`${name} exited with ${code} before serving`)));
    proc.on('message', (m: any) => m?.type === 'ready' && resolve(m.url));
  });
  let next = 0;
  const stats = () =>
    new Promise<{ cpuMicros: number; statements: number }>((resolve) => {
      const id = ++next;
      const onMessage = (m: any) => {
        if (m?.type === 'stats' && m.id === id) {
          proc.off('message', onMessage);
          resolve(m);
        }
      };
      proc.on('message', onMessage);
      proc.send({ type: 'stats', id });
    });
  return { name, proc, url, stats };
}

function requestBody(op: Operation, who: Contender): string {
  if (who === 'peer') return JSON.stringify({ query: op.peer!.query, variables: op.peer!.variables, operationName: op.name });
  if (who === 'floor') return JSON.stringify({ operationName: op.name });
  return JSON.stringify({ query: op.kizuna, variables: op.variables, operationName: op.name });
}

function supports(op: Operation, who: Contender): boolean {
  return who === 'peer' ? Boolean(op.peer) : who === 'floor' ? Boolean(op.floor) : true;
}

async function ask(child: Child, op: Operation): Promise<unknown> {
  const res = await fetch(child.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: requestBody(op, child.name) });
  const json: any = await res.json();
  if (json.errors) throw new Error(`${child.name} ${op.name}: ${JSON.stringify(json.errors).slice(0, 500)}`);
  return child.name === 'peer' ? op.peer!.fromPeer(json.data) : json.data;
}

/** Canonical JSON: keys sorted; lists sorted by their canonical text when the operation allows any order. */
function canonical(value: unknown, unordered: boolean): string {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) {
      const items = v.map(walk);
      return unordered ? items.map((x) => JSON.stringify(x)).sort().map((s) => JSON.parse(s)) : items;
    }
    if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, walk((v as any)[k])]));
    return v;
  };
  return JSON.stringify(walk(value));
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `…${a.slice(Math.max(0, i - 80), i + 80)}\n   vs …${b.slice(Math.max(0, i - 80), i + 80)}`;
}

// ---------------------------------------------------------------- measuring

interface Measure {
  op: string;
  contender: Contender;
  connections: number;
  round: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  requests: number;
  cpuMsPerRequest: number;
}

async function load(child: Child, op: Operation, connections: number, duration: number): Promise<Omit<Measure, 'op' | 'contender' | 'connections' | 'round'>> {
  const before = await child.stats();
  const result = await autocannon({ url: child.url, method: 'POST', headers: { 'content-type': 'application/json' }, body: requestBody(op, child.name), connections, duration, timeout: 10 });
  const after = await child.stats();
  const requests = result.requests.total;
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    requests,
    cpuMsPerRequest: requests ? (after.cpuMicros - before.cpuMicros) / 1000 / requests : NaN,
  };
}

async function statementsPerRequest(child: Child, op: Operation, n = 20): Promise<number> {
  const before = await child.stats();
  for (let i = 0; i < n; i++) await ask(child, op);
  const after = await child.stats();
  return (after.statements - before.statements) / n;
}

// ---------------------------------------------------------------- report

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const num = (x: number) => (Number.isNaN(x) ? '–' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const ratio = (a: number, b: number) => (Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : '–');

interface Summary {
  op: Operation;
  cell(who: Contender, connections: number): Measure | null;
  statements: Partial<Record<Contender, number>>;
  equal: Partial<Record<Contender, boolean>>;
}

function table(args: Args, summaries: Summary[]): string {
  const [c1, c2] = [args.connections[0], args.connections.at(-1)!];
  const who = args.contenders;
  const out: string[] = [];
  out.push(`| operation | ${who.map((w) => `${LABEL[w]} req/s ${c1} / ${c2}`).join(' | ')} | Kizuna/peer ${c1} / ${c2} | Kizuna/floor ${c1} / ${c2} |`);
  out.push(`|---|${who.map(() => '---:').join('|')}|---:|---:|`);
  for (const s of summaries) {
    const rps = (w: Contender, c: number) => s.cell(w, c)?.rps ?? NaN;
    const cells = who.map((w) => (s.equal[w] === false ? '≠ answer' : `${num(rps(w, c1))} / ${num(rps(w, c2))}`));
    const k = 'kizuna-neo4j';
    out.push(`| ${s.op.title} | ${cells.join(' | ')} | ${ratio(rps(k, c1), rps('peer', c1))} / ${ratio(rps(k, c2), rps('peer', c2))} | ${ratio(rps(k, c1), rps('floor', c1))} / ${ratio(rps(k, c2), rps('floor', c2))} |`);
  }
  out.push('');
  out.push(`| operation | ${who.map((w) => `${LABEL[w]} p50 / p99 ms (${c1})`).join(' | ')} | p50 Kizuna/floor | statements/request ${who.map((w) => LABEL[w]).join(' · ')} | server CPU ms/request ${who.map((w) => LABEL[w]).join(' · ')} | errors+timeouts at ${c2} |`);
  out.push(`|---|${who.map(() => '---:').join('|')}|---:|---:|---:|---:|`);
  for (const s of summaries) {
    const lat = who.map((w) => ((m) => (m ? `${num(m.p50)} / ${num(m.p99)}` : '–'))(s.cell(w, c1)));
    const p50 = (w: Contender) => s.cell(w, c1)?.p50 ?? NaN;
    const stmts = who.map((w) => (s.statements[w] == null ? '–' : num(s.statements[w]!))).join(' · ');
    const cpu = who.map((w) => num(s.cell(w, c1)?.cpuMsPerRequest ?? NaN)).join(' · ');
    const bad = who.map((w) => ((m) => (m ? m.errors + m.timeouts + m.non2xx : NaN))(s.cell(w, c2))).map((x) => (Number.isNaN(x) ? '–' : String(x))).join(' · ');
    out.push(`| ${s.op.title} | ${lat.join(' | ')} | ${ratio(p50('kizuna-neo4j'), p50('floor'))} | ${stmts} | ${cpu} | ${bad} |`);
  }
  return out.join('\n');
}

function writeDocs(markdown: string): void {
  const file = join(ROOT, 'docs/benchmarks.md');
  const begin = '<!-- bench:api:begin -->';
  const end = '<!-- bench:api:end -->';
  let text = readFileSync(file, 'utf8');
  const block = `${begin}\n${markdown}\n${end}`;
  if (text.includes(begin) && text.includes(end)) text = text.slice(0, text.indexOf(begin)) + block + text.slice(text.indexOf(end) + end.length);
  else text += `\n## API: Kizuna against @neo4j/graphql and raw Cypher (latest \`npm run bench:api\`)\n\n${block}\n`;
  writeFileSync(file, text);
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = new Date();
  const data = benchData(args.size);
  let own: { uri: string; port: string } | null = null;
  const uri = args.neo4jUri ?? (own = ownNeo4j(args.neo4jPort)).uri;
  const config: Neo4jConfig = { uri, user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? 'kizuna-dev-password', database: process.env.NEO4J_DATABASE ?? 'neo4j' };
  const children: Child[] = [];
  try {
    {
      const { createNeo4jStore } = await import('../src/store/neo4j');
      const store = await createNeo4jStore(config);
      try {
        await ensureLoaded(config, store, data, log);
      } finally {
        await store.close();
      }
    }
    const env = { ...process.env, BENCH_SIZE: args.size, BENCH_NEO4J_URI: uri, LOG_LEVEL: 'warn' };
    const wanted = new Set<Contender>(['kizuna-memory', ...args.contenders]);
    for (const name of CONTENDERS) if (wanted.has(name)) children.push(await startChild(name, env));
    const byName = new Map(children.map((c) => [c.name, c]));
    const ops = operations(data).filter((op) => !args.ops || args.ops.includes(op.name));

    // Same answers everywhere (reference: the embedded store), then statements per request.
    const summaries: Summary[] = [];
    const measures: Measure[] = [];
    for (const op of ops) {
      const reference = canonical(await ask(byName.get('kizuna-memory')!, op), Boolean(op.unordered));
      const summary: Summary = {
        op,
        statements: {},
        equal: {},
        cell: (w, c) => {
          const ms = measures.filter((m) => m.op === op.name && m.contender === w && m.connections === c);
          if (!ms.length) return null;
          const pick = (f: (m: Measure) => number) => median(ms.map(f));
          return { ...ms[0], rps: pick((m) => m.rps), p50: pick((m) => m.p50), p99: pick((m) => m.p99), cpuMsPerRequest: pick((m) => m.cpuMsPerRequest), errors: ms.reduce((s, m) => s + m.errors, 0), timeouts: ms.reduce((s, m) => s + m.timeouts, 0), non2xx: ms.reduce((s, m) => s + m.non2xx, 0) };
        },
      };
      for (const w of args.contenders) {
        if (!supports(op, w)) continue;
        const child = byName.get(w)!;
        const got = canonical(await ask(child, op), Boolean(op.unordered));
        summary.equal[w] = got === reference;
        if (!summary.equal[w]) log(`${op.name}: ${w} answers differently from Kizuna on memory (left out of timing):\n   ${firstDifference(got, reference)}`);
        summary.statements[w] = await statementsPerRequest(child, op);
      }
      log(`${op.name}: ${(reference.length / 1024).toFixed(1)} KB answer; statements/request ${JSON.stringify(summary.statements)}`);
      summaries.push(summary);
    }

    let turn = 0;
    for (let round = 1; round <= args.rounds; round++) {
      for (const connections of args.connections) {
        for (const s of summaries) {
          const order = args.contenders.filter((w) => supports(s.op, w) && s.equal[w]);
          const rotated = order.map((_, i) => order[(i + turn) % order.length]);
          turn++;
          for (const w of rotated) {
            const m = await load(byName.get(w)!, s.op, connections, args.duration);
            measures.push({ op: s.op.name, contender: w, connections, round, ...m });
            log(`round ${round} c=${connections} ${s.op.name} ${w}: ${num(m.rps)} req/s p50 ${m.p50} ms p99 ${m.p99} ms cpu ${num(m.cpuMsPerRequest)} ms/req errors ${m.errors} timeouts ${m.timeouts}`);
          }
        }
      }
    }

    const header = `${args.size} people · ${args.duration} s per run · ${args.rounds} round(s), contenders interleaved · ${started.toISOString().slice(0, 16)}Z · ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)} at the end`;
    const markdown = `${header}\n\n${table(args, summaries)}`;
    process.stdout.write(`\n${markdown}\n`);
    mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
    const file = join(ROOT, `bench/results/api-${args.size}-${started.toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify({ args, started, measures, statements: summaries.map((s) => ({ op: s.op.name, statements: s.statements, equal: s.equal })) }, null, 2));
    log(`results in ${file}`);
    if (args.docs) writeDocs(markdown);
  } finally {
    for (const c of children) c.proc.kill('SIGTERM');
    if (own && !args.keepNeo4j) neo4jScript('stop', own.port);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
