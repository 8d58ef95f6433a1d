import type { Neo4jConfig } from '../../src/config';
import { Executor, createNeo4jStore } from '../../src/store/neo4j';
import { testMarkerStateQuery, writeTestMarkerQuery } from '../../src/store/neo4j/cypher/meta';
import type { GraphStore } from '../../src/store/port';

/**
 * The test tiers clear the Neo4j database they are given. To make sure that is never somebody's
 * real database (a developer's seeded store, a shared server), the first suite that takes a
 * database writes a (:KizunaTestMarker) node into it, and no suite clears a database that holds
 * data but no marker: it fails instead, naming the URI. clear() keeps the marker, so a test
 * database stays marked across runs.
 */
export type Ownership = 'owned' | 'claim' | 'refuse';

/** owned: marked before; claim: empty, mark it; refuse: holds data and no marker. */
export function ownershipOf(state: { marked: boolean; hasData: boolean }): Ownership {
  if (state.marked) return 'owned';
  return state.hasData ? 'refuse' : 'claim';
}

export class NotATestDatabaseError extends Error {
  override name = 'NotATestDatabaseError';
  constructor(config: Pick<Neo4jConfig, 'uri' | 'database'>) {
    super(
      `Refusing to clear database "${config.database}" at ${config.uri}: it holds data and no :KizunaTestMarker node, so it is not a test database ` +
        '(the tests clear what they are given). Point KIZUNA_TEST_NEO4J_URI at a database the tests own — `npm test` starts its own on port 7688 — ' +
        'or, if this database really is disposable, delete its data yourself first.',
    );
  }
}

/** Marks the database as the tests' own, or throws NotATestDatabaseError when it holds other data. */
export async function claimTestDatabase(config: Neo4jConfig): Promise<void> {
  const executor = Executor.connect(config);
  try {
    const [row] = await executor.read(testMarkerStateQuery());
    const decision = ownershipOf({ marked: row?.marked === true, hasData: row?.hasData === true });
    if (decision === 'refuse') throw new NotATestDatabaseError(config);
    if (decision === 'claim') await executor.write(writeTestMarkerQuery());
  } finally {
    await executor.close();
  }
}

/** The Neo4j store for a test suite, emptied — only after claimTestDatabase said the database is the tests' own. */
export async function openNeo4jTestStore(config: Neo4jConfig): Promise<GraphStore> {
  await claimTestDatabase(config);
  const store = await createNeo4jStore(config);
  await store.clear();
  return store;
}
