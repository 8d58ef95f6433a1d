import { int } from 'neo4j-driver';
import { lines, type CypherQuery } from './types';
import { label } from './whitelist';

/**
 * The store's bookkeeping: one `(:KizunaMeta {id: 'meta'})` node whose `version` every write and
 * every clear increments in the same transaction as the change. clear() keeps this node, so the
 * version never goes back (it is a cache key: a repeated number would serve a stale projection).
 */
const META_ID = 'meta';

export function versionQuery(): CypherQuery {
  const cypher = lines(`OPTIONAL MATCH (m:${label('KizunaMeta')} {id: $metaId})`, 'RETURN coalesce(m.version, 0) AS version');
  return { cypher, params: { metaId: META_ID } };
}

export function bumpVersionQuery(): CypherQuery {
  const cypher = lines(
    `MERGE (m:${label('KizunaMeta')} {id: $metaId})`,
    'SET m.version = coalesce(m.version, 0) + 1',
    'RETURN m.version AS version',
  );
  return { cypher, params: { metaId: META_ID } };
}

/** Rows deleted per inner transaction: bounded memory whatever the size of the store. */
export const CLEAR_BATCH_SIZE = 5000;

/**
 * Deletes every domain node and relationship in batches. `CALL … IN TRANSACTIONS` only runs in an
 * auto-commit transaction (session.run), never inside executeWrite.
 */
export function clearQuery(batchSize = CLEAR_BATCH_SIZE): CypherQuery {
  const cypher = lines(
    `MATCH (n) WHERE NOT n:${label('KizunaMeta')}`,
    'CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF $batchSize ROWS',
  );
  return { cypher, params: { batchSize: int(batchSize) } };
}

export function pingQuery(): CypherQuery {
  return { cypher: 'RETURN 1 AS ok', params: {} };
}
