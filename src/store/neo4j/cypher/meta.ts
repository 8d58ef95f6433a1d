import { int } from 'neo4j-driver';
import { lines, type CypherQuery } from './types';
import { BOOKKEEPING_LABELS, label } from './whitelist';

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
 * Deletes every domain node and relationship in batches, keeping the bookkeeping nodes (the
 * version, the test marker). `CALL … IN TRANSACTIONS` only runs in an auto-commit transaction
 * (session.run), never inside executeWrite.
 */
export function clearQuery(batchSize = CLEAR_BATCH_SIZE): CypherQuery {
  const cypher = lines(
    `MATCH (n) WHERE ${notInternal('n')}`,
    'CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF $batchSize ROWS',
  );
  return { cypher, params: { batchSize: int(batchSize) } };
}

/**
 * `NOT n:KizunaMeta AND NOT n:KizunaTestMarker`: static labels, so the planner can use label scans.
 * The change log (Change entries and their ChangeSets) is not bookkeeping: clear() removes it
 * with the data it describes.
 */
function notInternal(variable: string): string {
  return BOOKKEEPING_LABELS.map((l) => `NOT ${variable}:${label(l)}`).join(' AND ');
}

const TEST_MARKER_ID = 'test-marker';

/**
 * Whether the database is one the test tiers own (it carries the marker) and whether it holds any
 * data (a node that is not bookkeeping). The test setup refuses to clear a database that holds
 * data and no marker: that is somebody's real database, given to the tests by mistake.
 */
export function testMarkerStateQuery(): CypherQuery {
  const cypher = lines(
    `RETURN EXISTS { MATCH (m:${label('KizunaTestMarker')}) } AS marked,`,
    `  EXISTS { MATCH (n) WHERE ${notInternal('n')} } AS hasData`,
  );
  return { cypher, params: {} };
}

/** Idempotent: marks the database as owned by the test tiers. */
export function writeTestMarkerQuery(): CypherQuery {
  const cypher = lines(
    `MERGE (m:${label('KizunaTestMarker')} {id: $markerId})`,
    'ON CREATE SET m.since = datetime(), m.note = $note',
  );
  return { cypher, params: { markerId: TEST_MARKER_ID, note: 'Kizuna test database: the test suites clear it' } };
}

export function pingQuery(): CypherQuery {
  return { cypher: 'RETURN 1 AS ok', params: {} };
}
