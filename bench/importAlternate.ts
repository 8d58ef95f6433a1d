// npm run bench:import-alternate -- --base DIR [--size 100000] [--rounds 3] [--instance alt] [--port 7794]
// Old against new on one warm Neo4j: `kizuna import` of the same generated CSV files from another
// checkout's build (--base: a worktree with `npm run build` done, e.g.
// `git worktree add /tmp/kizuna-base <commit> && (cd /tmp/kizuna-base && npm ci && npm run build)`)
// and from this one, alternately, the store cleared before each run. Prints per run the wall time,
// the importer's `phases:` line and CPU, and the Neo4j JVM's CPU (utime + stime from /proc), so a
// change is judged by ratios of runs a minute apart rather than by absolute times on a shared
// machine. Runs its own instance of scripts/neo4j.sh (--instance, --port), never a developer's.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { generateSynthetic } from './generate';
import { writeBenchFiles } from './importFiles';

const root = join(__dirname, '..');
const arg = (name: string, fallback?: string) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const base = arg('--base');
const size = Number(arg('--size', '100000'));
const rounds = Number(arg('--rounds', '3'));
const instance = arg('--instance', 'alt')!;
const port = Number(arg('--port', '7794'));
const password = 'kizuna-alternate-pw';

async function main(): Promise<void> {
  if (!base || !existsSync(join(base, 'dist', 'cli.js'))) throw new Error('--base must name a checkout whose build is done (dist/cli.js)');
  if (port === 7687 || port === 7688) throw new Error(`port ${port} is a developer's or the tests' Neo4j: choose another`);
  const env = { ...process.env, NEO4J_HOME_NAME: instance, NEO4J_BOLT_PORT: String(port), NEO4J_PASSWORD: password };
  if (spawnSync('bash', [join(root, 'scripts', 'neo4j.sh'), 'start'], { env, stdio: 'inherit' }).status !== 0) throw new Error('could not start the Neo4j instance');
  const dir = join(root, 'bench', 'results', `alternate-data-${size}`);
  const files = await writeBenchFiles(generateSynthetic({ people: Math.max(10, Math.round(size / 1.93)) }).dataset, dir);
  const pid = Number(readFileSync(join(root, '.neo4j', `${instance}.pid`), 'utf8'));
  const sides = [
    { name: 'base', dir: resolve(base) },
    { name: 'this', dir: root },
  ];
  for (let round = 1; round <= rounds; round++) {
    for (const side of sides) process.stdout.write(`${round} ${side.name}: ${runOnce(side.dir, files.kizuna, pid)}\n`);
  }
  process.stdout.write(`records ${files.records}; stop the instance with NEO4J_HOME_NAME=${instance} bash scripts/neo4j.sh stop\n`);
}

function runOnce(dir: string, files: string[], neo4jPid: number): string {
  const env = { ...process.env, NEO4J_URI: `bolt://127.0.0.1:${port}`, NEO4J_PASSWORD: password, LOG_LEVEL: 'warn' };
  // Batched deletes need an auto-commit statement (session.run), not a managed transaction.
  const clear = 'MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS';
  const cleared = spawnSync(process.execPath, ['-e', `const n=require('neo4j-driver');const d=n.driver(process.env.NEO4J_URI,n.auth.basic('neo4j',process.env.NEO4J_PASSWORD));const s=d.session();s.run(${JSON.stringify(clear)}).then(()=>s.close()).then(()=>d.close(),(e)=>{console.error(e.message);process.exit(1)})`], { env, cwd: root, encoding: 'utf8' });
  if (cleared.status !== 0) throw new Error(`clearing the store failed: ${cleared.stderr}`);
  const cpuBefore = jvmCpuSeconds(neo4jPid);
  const load = loadavg()[0].toFixed(1);
  const started = Date.now();
  const run = spawnSync('/usr/bin/time', ['-f', 'importer cpu %U+%S s, peak RSS %M kB', process.execPath, join(dir, 'dist', 'cli.js'), 'import', ...files], { env, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  const wall = ((Date.now() - started) / 1000).toFixed(1);
  if (run.status !== 0) throw new Error(`import from ${dir} failed:\n${(run.stdout + run.stderr).slice(-2000)}`);
  const out = run.stdout + run.stderr;
  const phases = /phases: (.*)/.exec(out)?.[1] ?? '?';
  const importer = /importer cpu .*/.exec(out)?.[0] ?? '?';
  return `wall ${wall} s; Neo4j CPU ${(jvmCpuSeconds(neo4jPid) - cpuBefore).toFixed(1)} s; ${importer}; load ${load}; ${phases}`;
}

/** utime + stime of a process, in seconds (Linux /proc; clock ticks of 1/100 s). */
function jvmCpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

main().catch((error) => {
  process.stderr.write(`bench:import-alternate: ${(error as Error).message}\n`);
  process.exit(1);
});
