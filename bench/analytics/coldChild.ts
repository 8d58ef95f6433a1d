/**
 * The fresh-process case of bench/analytics/cold.ts: opens the Neo4j store and the app, asks one
 * operation as the process's first request, reports wall and CPU seconds of that request (its own
 * and the Neo4j JVM's) to the parent, and exits.
 */
import type { Neo4jConfig } from '../../src/config';
import { createNeo4jStore } from '../../src/store/neo4j';
import { COLD_OPERATIONS, serveApp, type ColdOperation } from './cold';
import { processCpuSeconds } from './instance';

async function main(): Promise<void> {
  const operation = process.argv[2] as ColdOperation;
  const config = JSON.parse(process.env.BENCH_NEO4J ?? '{}') as Neo4jConfig;
  const store = await createNeo4jStore(config);
  const app = await serveApp(store);
  const neo4jPid = Number(process.env.BENCH_NEO4J_PID) || null;
  const n0 = neo4jPid ? processCpuSeconds(neo4jPid) : NaN;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await app.ask(COLD_OPERATIONS[operation].query);
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  process.send!({ wall, cpu: (c.user + c.system) / 1e6, neo4jCpu: neo4jPid ? processCpuSeconds(neo4jPid) - n0 : NaN });
  await app.close();
  await store.close();
}

main().catch((error) => {
  process.send?.({ error: String(error?.stack ?? error) });
  process.exitCode = 1;
});
