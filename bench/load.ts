/**
 * `npm run bench:load` — the HTTP API under load (autocannon), on the embedded store and on Neo4j.
 *
 *   node -r ./bench/register.js bench/load.ts [--duration 60] [--connections 100] [--stores memory,neo4j]
 *
 * Starts the built server (`node dist/cli.js serve`, so run `npm run build` first) once per store,
 * warms it, then sends a mix of real questions (lookups, pages, search, a circulation report,
 * bridges, an ego network) from `connections` clients for `duration` seconds. Prints throughput,
 * p50/p99 latency, errors (non-2xx and GraphQL errors; target 0) and the server's RSS growth
 * (after warm-up → end of the run, and the peak). The Neo4j run uses NEO4J_URI and WRITES the
 * seed into it (idempotent upserts, `serve --seed`): never point it at a database people use.
 * Results go to bench/results/load-<time>.json. A benchmark, not a test: it asserts nothing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

const ROOT = join(__dirname, '..');

const MIX = [
  '{ countries { code name } }',
  '{ person(id: "person:nakanishi-shuji") { displayName nameJa careerStage visits { start status to { name } } } }',
  '{ people(first: 20, filter: { earlyCareer: true }) { totalCount edges { node { displayName labs { lab { name } } } } } }',
  '{ search(text: "JLU", first: 5) { score node { id } } }',
  '{ visits(filter: { fiscalYear: 2024 }, first: 20) { totalCount edges { node { start status visitor { displayName } } } } }',
  '{ circulation(fiscalYear: 2024) { groupBy pairs { stays personMonths from { countryCode } to { countryCode } } } }',
  '{ bridges(level: COUNTRY, first: 10) { earlyCareer person { displayName } } }',
  '{ neighborhood(id: "person:nakanishi-shuji", hops: 1) { nodes { id } edges { source target } } }',
];

interface Args {
  duration: number;
  connections: number;
  stores: ('memory' | 'neo4j')[];
}

function parseArgs(argv: string[]): Args {
  const value = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const stores = (value('stores') ?? (process.env.NEO4J_URI ? 'memory,neo4j' : 'memory')).split(',') as Args['stores'];
  return { duration: Number(value('duration') ?? 60), connections: Number(value('connections') ?? 100), stores };
}

/** Resident set size of a process, in MiB (Linux). */
function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return line ? Number(line.replace(/\D+/g, '')) / 1024 : NaN;
}

async function startServer(store: 'memory' | 'neo4j'): Promise<{ child: ChildProcess; url: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', KIZUNA_RATE_LIMIT_PER_MINUTE: '0' };
  if (store === 'memory') delete env.NEO4J_URI;
  else if (!env.NEO4J_URI) throw new Error('--stores neo4j needs NEO4J_URI (npm run neo4j:start)');
  const args = ['dist/cli.js', 'serve', ...(store === 'neo4j' ? ['--seed'] : [])];
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'ignore'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = /ready at (\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before it was ready`)));
  });
  return { child, url };
}

async function runStore(store: 'memory' | 'neo4j', args: Args) {
  const { child, url } = await startServer(store);
  try {
    const requests = MIX.map((query) => ({
      method: 'POST' as const,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    }));
    let graphqlErrors = 0;
    const countErrors = requests.map((r) => ({
      ...r,
      onResponse: (status: number, body: string) => {
        if (status === 200 && body.includes('"errors"')) graphqlErrors += 1;
      },
    }));
    // Warm-up: caches (analytics network, store sizes) and the JIT, then the baseline RSS.
    await autocannon({ url, connections: 10, duration: 3, requests });
    const rssStart = rssMiB(child.pid!);
    let rssPeak = rssStart;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMiB(child.pid!))), 500);
    const result = await autocannon({ url, connections: args.connections, duration: args.duration, requests: countErrors });
    clearInterval(sampler);
    const rssEnd = rssMiB(child.pid!);
    const errors = result.errors + result.timeouts + result.non2xx + graphqlErrors;
    return {
      store,
      requests: result.requests.total,
      throughput: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      max: result.latency.max,
      errors,
      errorDetail: { socket: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, graphql: graphqlErrors },
      rssStartMiB: Math.round(rssStart),
      rssEndMiB: Math.round(rssEnd),
      rssPeakMiB: Math.round(rssPeak),
    };
  } finally {
    child.kill('SIGTERM');
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  console.log(
    `Kizuna load benchmark — Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model.trim()}), load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`,
  );
  console.log(`${args.connections} clients × ${args.duration} s, mix of ${MIX.length} queries, per store\n`);
  const rows = [];
  for (const store of args.stores) {
    const row = await runStore(store, args);
    rows.push(row);
    console.log(
      `${store.padEnd(7)} ${Math.round(row.throughput)} req/s (${row.requests} requests)  p50 ${row.p50} ms  p99 ${row.p99} ms  max ${row.max} ms  ` +
        `errors ${row.errors} ${JSON.stringify(row.errorDetail)}  RSS ${row.rssStartMiB} → ${row.rssEndMiB} MiB (peak ${row.rssPeakMiB}, +${row.rssEndMiB - row.rssStartMiB})`,
    );
  }
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `load-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), node: process.version, loadavg: loadavg(), args, rows }, null, 2));
  console.log(`\nwritten to ${file}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
