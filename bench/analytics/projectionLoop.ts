/**
 * `store.projection()` on a bench Neo4j that is already running, many times in one process, with
 * the CPU of this process and of the Neo4j JVM per call (issue #9). The cold bench
 * (bench/analytics/cold.ts) starts its Neo4j afresh per size, so its "warm" projection falls in
 * the JVM's warm-up (Neo4j CPU 8 s, 2 s, 1.2 s… over the first calls at 100k); this shows the
 * settled figures.
 *
 *   NEO4J_HOME_NAME=bench-100k NEO4J_BOLT_PORT=7781 bash scripts/neo4j.sh start   # data from the cold bench
 *   node -r ./bench/register.js bench/analytics/projectionLoop.ts bench-100k [calls, default 8]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { createNeo4jStore } from '../../src/store/neo4j';
import type { Neo4jConfig } from '../../src/config';
import { processCpuSeconds } from './instance';

async function main(): Promise<void> {
  const home = process.argv[2];
  const calls = Number(process.argv[3] ?? 8);
  if (!home) throw new Error('usage: projectionLoop.ts <instance home, e.g. bench-100k> [calls]');
  const base = join(__dirname, '..', '..', '.neo4j');
  const port = readFileSync(join(base, `${home}.port`), 'utf8').trim();
  const pid = Number(readFileSync(join(base, `${home}.pid`), 'utf8').trim());
  const config = { uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password: process.env.NEO4J_PASSWORD ?? 'kizuna-dev-password', database: 'neo4j' } as Neo4jConfig;
  const store = await createNeo4jStore(config);
  try {
    for (let call = 1; call <= calls; call++) {
      const n0 = processCpuSeconds(pid);
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const projection = await store.projection();
      const c = process.cpuUsage(c0);
      const s = (x: number) => x.toFixed(2);
      console.log(`call ${call}: ${s((performance.now() - t0) / 1000)} s (CPU ${s((c.user + c.system) / 1e6)} + Neo4j ${s(processCpuSeconds(pid) - n0)}), ${projection.people.length} people, load ${s(loadavg()[0])}`);
    }
  } finally {
    await store.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
