import type { Neo4jConfig } from '../../config';
import { StoreError } from '../errors';
import type { GraphStore } from '../port';
import { awaitIndexesQuery, convertOldChangesQuery, dropOldChangeLogSchemaQueries, oldChangeLogQuery, schemaQueries } from './cypher/schema';
import { UNAVAILABLE_MESSAGE } from './driverErrors';
import { Executor, type ExecutorTuning } from './executor';
import { Neo4jStore } from './neo4jStore';
import { recoverDeadImport } from './importSession';

/** How long start-up waits for freshly created indexes to come online. */
const INDEX_WAIT_SECONDS = 60;

/**
 * The Neo4j store, ready to serve: connected (pinged), with its constraints and indexes in place.
 * Throws StoreError UNAVAILABLE, and leaves no driver open behind, when Neo4j cannot be reached or
 * refuses the credentials; the message says where to look without echoing secrets.
 */
export async function createNeo4jStore(config: Neo4jConfig, tuning?: ExecutorTuning): Promise<GraphStore> {
  const executor = Executor.connect(config, tuning);
  try {
    await executor.ping();
    await ensureSchema(executor);
    // An import killed mid-way is rolled back before anything reads the store.
    await recoverDeadImport(executor);
  } catch (error) {
    await executor.close().catch(() => undefined);
    if (error instanceof StoreError && error.kind === 'UNAVAILABLE') {
      throw new StoreError(
        'UNAVAILABLE',
        `${UNAVAILABLE_MESSAGE}: cannot use database "${config.database}" at ${config.uri} ` +
          '(is Neo4j running — `npm run neo4j:start` — and are NEO4J_USER / NEO4J_PASSWORD right?)',
        { cause: error.cause ?? error },
      );
    }
    throw error;
  }
  return new Neo4jStore(executor);
}

/**
 * Idempotent: every statement is CREATE … IF NOT EXISTS, so this runs on every start; then a
 * change log still in the old format is converted (before recovery, which finds a dead import's
 * entries through their sets).
 */
export async function ensureSchema(executor: Executor): Promise<void> {
  for (const query of schemaQueries()) await executor.autoCommit(query);
  await executor.autoCommit(awaitIndexesQuery(INDEX_WAIT_SECONDS));
  await migrateChangeLog(executor);
}

/**
 * Entries written before ChangeSets existed become entries with a set of their own; then the old
 * constraint and indexes go. Cheap when there is nothing to do (one SHOW INDEXES), and safe to
 * kill at any point: the next start converts the rest (cypher/schema.ts convertOldChangesQuery).
 */
export async function migrateChangeLog(executor: Executor): Promise<void> {
  const [row] = await executor.autoCommit(oldChangeLogQuery());
  if (row?.old !== true) return;
  await executor.autoCommit(convertOldChangesQuery());
  for (const query of dropOldChangeLogSchemaQueries()) await executor.autoCommit(query);
}

export { Neo4jStore } from './neo4jStore';
export { Executor, DEFAULT_TUNING, type ExecutorTuning } from './executor';
