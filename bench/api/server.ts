/**
 * One contender of the API benchmark, as a child process of bench/api.ts, so that its CPU time
 * (process.cpuUsage) and its Cypher statements are its own:
 *   node -r ./bench/register.js bench/api/server.ts kizuna-neo4j|kizuna-memory|peer|floor
 * Settings come from the environment (BENCH_SIZE, BENCH_NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD).
 * It listens on a random port and talks to the parent over IPC: {ready, url} once serving;
 * answers {stats} with its CPU microseconds and the number of statements run so far.
 */
import type { Neo4jConfig } from '../../src/config';
import { countStatements } from './statements';

// Installed before any driver is made: every statement this process sends is counted.
const statements = countStatements();

const contender = process.argv[2];
const config: Neo4jConfig = {
  uri: process.env.BENCH_NEO4J_URI ?? '',
  user: process.env.NEO4J_USER ?? 'neo4j',
  password: process.env.NEO4J_PASSWORD ?? 'kizuna-dev-password',
  database: process.env.NEO4J_DATABASE ?? 'neo4j',
};

async function main(): Promise<void> {
  let url: string;
  if (contender === 'kizuna-neo4j' || contender === 'kizuna-memory') url = await (await import('./kizuna')).startKizuna(contender, config);
  else if (contender === 'peer') url = await (await import('./peer')).startPeer(config);
  else if (contender === 'floor') url = await (await import('./floor')).startFloor(config);
  else throw new Error(`unknown contender ${contender}`);
  process.on('message', (msg: any) => {
    if (msg?.type === 'stats') {
      const cpu = process.cpuUsage();
      process.send!({ type: 'stats', id: msg.id, cpuMicros: cpu.user + cpu.system, statements: statements.peek() });
    }
  });
  process.send!({ type: 'ready', url });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
