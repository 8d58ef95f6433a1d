import type { Dataset } from '../../src/domain/model';
import { seedStore } from '../../src/ingest/seed';
import { MemoryStore } from '../../src/store/memory/memoryStore';
import type { GraphStore } from '../../src/store/port';
import { NEO4J_SKIP_REASON, neo4jTestConfig } from './neo4j';

/**
 * Runs a contract suite once per store. The embedded store always runs; Neo4j runs when
 * KIZUNA_TEST_NEO4J_URI is set (the suite clears that database first, once it is sure the
 * database is the tests' own: tests/support/testDatabase.ts), and is otherwise registered as a
 * skipped block whose name says why, next to the loud warning printed by neo4jTestConfig.
 */
export function forEachStore(title: string, suite: (store: () => GraphStore) => void, dataset?: () => Dataset): void {
  describe(`${title} [memory]`, () => {
    const holder = storeHolder(async () => new MemoryStore(), dataset);
    suite(holder);
  });
  const config = neo4jTestConfig();
  if (!config) {
    describe.skip(`${title} [neo4j] — ${NEO4J_SKIP_REASON}`, () => {
      it('runs only with Neo4j', () => undefined);
    });
    return;
  }
  describe(`${title} [neo4j]`, () => {
    const holder = storeHolder(async () => {
      const { openNeo4jTestStore } = await import('./testDatabase');
      return openNeo4jTestStore(config);
    }, dataset);
    suite(holder);
  });
}

function storeHolder(open: () => Promise<GraphStore>, dataset?: () => Dataset): () => GraphStore {
  let store: GraphStore | null = null;
  beforeAll(async () => {
    store = await open();
    if (dataset) await seedStore(store, dataset());
  });
  afterAll(async () => {
    await store?.close();
  });
  return () => {
    if (!store) throw new Error('store not opened yet (use it inside a test or hook)');
    return store;
  };
}
