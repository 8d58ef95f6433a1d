// npm run bench:import [-- --sizes 10000,100000,1000000] [--port 7717]: records/s of `kizuna import`
// into Neo4j next to `neo4j-admin database import full` on the same generated data, and the
// importer's peak RSS. Runs its own Neo4j (home bench/results/neo4j-bench, Bolt port from --port or
// KIZUNA_BENCH_BOLT_PORT, default 7717: choose a free one, never a database you use) from the jars
// scripts/neo4j.sh installed, and the admin import into a separate home (port + 1 in its config,
// never started). Results: bench/results/import-<date>.json; docs/benchmarks.md has the table.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { generateSynthetic } from './generate';
import { writeBenchFiles } from './importFiles';
import { schemaQueries } from '../src/store/neo4j/cypher/schema';

const root = join(__dirname, '..');
const results = join(root, 'bench', 'results');
const lib = join(root, '.neo4j', 'lib');
const stockConf = join(root, '.neo4j', 'home', 'conf', 'neo4j.conf');
const port = benchPort(argument('--port') ?? process.env.KIZUNA_BENCH_BOLT_PORT ?? '7717');
const password = 'kizuna-bench-password';
const sizes = (argument('--sizes') ?? '10000,100000').split(',').map(Number);

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
}

function benchPort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1024 || n > 65534) throw new Error(`--port / KIZUNA_BENCH_BOLT_PORT must be a port number from 1024 to 65534, not "${value}"`);
  if (n === 7687 || n === 7688) throw new Error(`port ${n} is the default of a developer's or the tests' Neo4j: choose another for the benchmark's own database`);
  return n;
}

interface Row {
  records: number;
  entities: number;
  kizunaSeconds: number;
  kizunaRate: number;
  kizunaMode: string;
  /** The importer's own per-phase wall times (its `phases:` line). */
  kizunaPhases: string;
  peakRssMb: number;
  adminSeconds: number;
  adminRate: number;
  ratio: number;
  /** Building kizuna's constraints and indexes on the store neo4j-admin wrote (it writes none): what an offline load adds before the graph is usable. */
  adminIndexSeconds: number;
  /** admin import + index build, records/s, over kizuna's. */
  ratioWithIndexes: number;
  load: number;
}

async function main(): Promise<void> {
  if (!existsSync(stockConf)) throw new Error('run `bash scripts/neo4j.sh install` first (the benchmark uses its jars and config)');
  if (spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' }).status !== 0) throw new Error('build failed');
  mkdirSync(results, { recursive: true });
  const rows: Row[] = [];
  for (const records of sizes) {
    const dir = join(results, `import-data-${records}`);
    rmSync(dir, { recursive: true, force: true });
    const people = Math.max(10, Math.round(records / 1.93));
    process.stdout.write(`generating ~${records} records (${people} people) …\n`);
    const files = await writeBenchFiles(generateSynthetic({ people }).dataset, dir);
    const server = await startNeo4j(join(results, 'neo4j-bench'));
    let kizuna: { seconds: number; rate: number; mode: string; peakRssMb: number; phases: string };
    try {
      kizuna = await runKizunaImport(files.kizuna);
    } finally {
      await server.stop();
    }
    process.stdout.write(`  kizuna import: ${kizuna.rate} records/s (${kizuna.mode}), peak RSS ${kizuna.peakRssMb} MB\n`);
    const adminHome = join(results, 'neo4j-admin-import');
    const adminSeconds = runAdminImport(adminHome, files.admin);
    process.stdout.write(`  neo4j-admin import: ${adminSeconds.toFixed(1)} s; building kizuna's indexes on it …\n`);
    const adminIndexSeconds = await buildIndexes(adminHome);
    rmSync(adminHome, { recursive: true, force: true });
    const row: Row = {
      records: files.records,
      entities: files.entities,
      kizunaSeconds: kizuna.seconds,
      kizunaRate: kizuna.rate,
      kizunaMode: kizuna.mode,
      kizunaPhases: kizuna.phases,
      peakRssMb: kizuna.peakRssMb,
      adminSeconds,
      adminRate: Math.round(files.records / adminSeconds),
      ratio: Number((files.records / adminSeconds / kizuna.rate).toFixed(1)),
      adminIndexSeconds,
      ratioWithIndexes: Number((files.records / (adminSeconds + adminIndexSeconds) / kizuna.rate).toFixed(1)),
      load: Number(loadavg()[0].toFixed(1)),
    };
    rows.push(row);
    printRow(row);
    rmSync(dir, { recursive: true, force: true });
  }
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`;
  const file = join(results, `import-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ machine, rows }, null, 2));
  process.stdout.write(`\nmachine: ${machine}\nresults: ${file}\n`);
}

function printRow(r: Row): void {
  process.stdout.write(
    `records ${r.records} (${r.entities} nodes+rels): kizuna import ${r.kizunaSeconds.toFixed(1)} s = ${r.kizunaRate} records/s (${r.kizunaMode}), peak RSS ${r.peakRssMb} MB; ` +
      `neo4j-admin import ${r.adminSeconds.toFixed(1)} s = ${r.adminRate} records/s; admin/kizuna ${r.ratio}×; ` +
      `with kizuna's indexes built after it (+${r.adminIndexSeconds.toFixed(1)} s) ${r.ratioWithIndexes}×; load ${r.load}\n  kizuna phases: ${r.kizunaPhases}\n`,
  );
}

/** `kizuna import` of the CSV files into the bench Neo4j, under /usr/bin/time for the peak RSS. */
function runKizunaImport(files: string[]): Promise<{ seconds: number; rate: number; mode: string; peakRssMb: number; phases: string }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn('/usr/bin/time', ['-f', 'maxrss_kb=%M', process.execPath, join(root, 'dist', 'cli.js'), 'import', ...files], {
      env: { ...process.env, NEO4J_URI: `bolt://127.0.0.1:${port}`, NEO4J_PASSWORD: password, LOG_LEVEL: 'warn' },
    });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => {
      out += c;
      if (/import: .* (50|100)%/.test(String(c))) process.stdout.write(`  ${String(c).trim()}\n`);
    });
    child.on('exit', (code) => {
      const seconds = (Date.now() - started) / 1000;
      const imported = /imported (\d+) records .*\((\w+)\)/.exec(out);
      const rss = /maxrss_kb=(\d+)/.exec(out);
      if (code !== 0 || !imported || !rss) return reject(new Error(`kizuna import failed (${code}):\n${out.slice(-3000)}`));
      const phases = /phases: (.*)/.exec(out)?.[1] ?? '';
      resolve({ seconds, rate: Math.round(Number(imported[1]) / seconds), mode: imported[2], peakRssMb: Math.round(Number(rss[1]) / 1024), phases });
    });
  });
}

/** `neo4j-admin database import full` into a home of its own (the Neo4j there is not running). */
function runAdminImport(home: string, files: { nodes: string[]; rels: string[] }): number {
  rmSync(home, { recursive: true, force: true });
  writeConf(home, port + 1);
  const args = [
    '-Xmx1g', '-cp', `${lib}/*`, `-Dbasedir=${home}`, 'org.neo4j.server.startup.Neo4jAdminCommand', 'database', 'import', 'full', 'neo4j',
    '--overwrite-destination=true', '--array-delimiter=;', '--skip-duplicate-nodes=false',
    ...files.nodes.map((f) => `--nodes=${f}`), ...files.rels.map((f) => `--relationships=${f}`),
  ];
  const started = Date.now();
  const run = spawnSync('java', args, { env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: join(home, 'conf') }, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  const seconds = (Date.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`neo4j-admin import failed:\n${(run.stdout + run.stderr).slice(-3000)}`);
  return seconds;
}

/**
 * neo4j-admin writes store files and no schema; kizuna import keeps its constraints and indexes
 * live. For a like-for-like figure: start Neo4j on the store neo4j-admin wrote, create the schema
 * the store creates at start-up (cypher/schema.ts) and time until every index is online (server
 * start not counted).
 */
async function buildIndexes(home: string): Promise<number> {
  const server = await startNeo4j(home, { fresh: false });
  const neo4j = (await import('neo4j-driver')).default;
  const driver = neo4j.driver(`bolt://127.0.0.1:${port}`, neo4j.auth.basic('neo4j', password));
  try {
    const started = Date.now();
    for (const { cypher, params } of schemaQueries()) await driver.executeQuery(cypher, params);
    for (;;) {
      const { records } = await driver.executeQuery("SHOW INDEXES YIELD state WHERE state <> 'ONLINE' RETURN count(*) AS pending");
      if (Number(records[0].get('pending')) === 0) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    return (Date.now() - started) / 1000;
  } finally {
    await driver.close();
    await server.stop();
  }
}

/** The config scripts/neo4j.sh writes, with this home's directories and port. */
function writeConf(home: string, boltPort: number): void {
  mkdirSync(join(home, 'conf'), { recursive: true });
  const stockHome = join(root, '.neo4j', 'home');
  const conf = readFileSync(stockConf, 'utf8')
    .split(stockHome).join(home)
    .replace(/127\.0\.0\.1:\d+/g, `127.0.0.1:${boltPort}`);
  writeFileSync(join(home, 'conf', 'neo4j.conf'), conf);
}

/** A Neo4j on `home` (fresh: a new one) with the benchmark's password, on the benchmark's port; stopped (and its home removed) by the caller. */
async function startNeo4j(home: string, { fresh = true } = {}): Promise<{ stop(): Promise<void> }> {
  if (fresh) rmSync(home, { recursive: true, force: true });
  writeConf(home, port);
  const env = { ...process.env, NEO4J_HOME: home, NEO4J_CONF: join(home, 'conf') };
  const pw = spawnSync('java', ['-cp', `${lib}/*`, `-Dbasedir=${home}`, 'org.neo4j.server.startup.Neo4jAdminCommand', 'dbms', 'set-initial-password', password], { env, encoding: 'utf8' });
  if (pw.status !== 0) throw new Error(`set-initial-password failed: ${pw.stderr}`);
  const child = spawn('java', ['-Xmx128m', '-cp', `${lib}/*`, `-Dbasedir=${home}`, 'org.neo4j.server.startup.Neo4jCommand', 'console'], { env, stdio: 'ignore', detached: true });
  const deadline = Date.now() + 300_000;
  const neo4j = (await import('neo4j-driver')).default;
  for (;;) {
    const driver = neo4j.driver(`bolt://127.0.0.1:${port}`, neo4j.auth.basic('neo4j', password));
    try {
      await driver.executeQuery('RETURN 1');
      await driver.close();
      break;
    } catch {
      await driver.close();
      if (Date.now() > deadline || child.exitCode !== null) throw new Error('the bench Neo4j did not start');
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
  return {
    stop: async () => {
      process.kill(-child.pid!, 'SIGTERM');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            /* already gone */
          }
          resolve();
        }, 60_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      rmSync(home, { recursive: true, force: true });
    },
  };
}

main().catch((error) => {
  process.stderr.write(`bench:import: ${(error as Error).message}\n`);
  process.exit(1);
});
