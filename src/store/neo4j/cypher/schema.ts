import { int } from 'neo4j-driver';
import { LABELS } from '../../../domain/ids';
import type { CypherQuery } from './types';
import { INTERNAL_LABELS, label } from './whitelist';

/**
 * The schema the adapter relies on, as idempotent statements run one by one at start-up (schema
 * commands cannot share a transaction with data, so each is its own auto-commit statement).
 * - a unique constraint on `id` per label: MERGE on id is then an index seek and can never
 *   create a duplicate, which is what makes every write safe to retry;
 * - a range index on `sortKey` per domain label, for ordered pages;
 * - a TEXT index on `searchText`, which serves `CONTAINS`;
 * - a range index on Country.code, which filters by country reach through;
 * - range indexes on the change log's seq, recordId, at and importFile.
 * Names are fixed so that `IF NOT EXISTS` recognises them on every start.
 */
export function schemaQueries(): CypherQuery[] {
  const statements: string[] = [];
  for (const l of [...LABELS, ...INTERNAL_LABELS]) {
    const checked = label(l);
    statements.push(`CREATE CONSTRAINT kizuna_${checked}_id IF NOT EXISTS FOR (n:${checked}) REQUIRE n.id IS UNIQUE`);
  }
  for (const l of LABELS) {
    const checked = label(l);
    statements.push(`CREATE RANGE INDEX kizuna_${checked}_sortKey IF NOT EXISTS FOR (n:${checked}) ON (n.sortKey)`);
    statements.push(`CREATE TEXT INDEX kizuna_${checked}_searchText IF NOT EXISTS FOR (n:${checked}) ON (n.searchText)`);
  }
  statements.push('CREATE RANGE INDEX kizuna_Country_code IF NOT EXISTS FOR (n:Country) ON (n.code)');
  // The change log is paged by seq and filtered by record, instant, import file or batch (a staged
  // import's entries are found by their batch when it rolls back).
  for (const property of ['seq', 'recordId', 'at', 'importFile', 'batchId']) {
    statements.push(`CREATE RANGE INDEX kizuna_Change_${property} IF NOT EXISTS FOR (n:${label('Change')}) ON (n.${property})`);
  }
  return statements.map((cypher) => ({ cypher, params: {} }));
}

/** Waits until the indexes are online, so the first queries after start-up already use them. */
export function awaitIndexesQuery(timeoutSeconds: number): CypherQuery {
  return { cypher: 'CALL db.awaitIndexes($timeoutSeconds)', params: { timeoutSeconds: int(timeoutSeconds) } };
}
