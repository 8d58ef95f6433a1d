import { loadConfig, type Neo4jConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createApolloServer } from '../../src/server/apollo';
import { createApp } from '../../src/server/app';
import { MemoryStore } from '../../src/store/memory/memoryStore';
import type { GraphStore } from '../../src/store/port';
import { benchData } from './data';
import { listen } from './http';

/** Kizuna as `kizuna serve` builds it (same Apollo server, plugins and express app), on either store. */
export async function startKizuna(kind: 'kizuna-neo4j' | 'kizuna-memory', neo4jConfig: Neo4jConfig): Promise<string> {
  const config = loadConfig({ ...process.env, NEO4J_URI: '' });
  // warn, not info: one log line per request would measure the terminal, not the server.
  const logger = createLogger('warn');
  let store: GraphStore;
  if (kind === 'kizuna-memory') {
    store = new MemoryStore();
    await store.write(benchData(process.env.BENCH_SIZE ?? '10k').graph);
  } else {
    const { createNeo4jStore } = await import('../../src/store/neo4j');
    store = await createNeo4jStore(neo4jConfig);
  }
  const apollo = createApolloServer(logger);
  await apollo.start();
  const app = createApp(apollo, { store, earlyCareer: config.earlyCareer, maxPageSize: config.maxPageSize }, logger);
  return listen(app);
}
