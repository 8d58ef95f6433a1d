import { int } from 'neo4j-driver';
import { LABELS } from '../../../domain/ids';
import { lines, type CypherQuery } from './types';
import { BOOKKEEPING_LABELS, label } from './whitelist';

/**
 * The schema the adapter relies on, as idempotent statements run one by one at start-up (schema
 * commands cannot share a transaction with data, so each is its own auto-commit statement).
 * - a unique constraint on `id` per label: MERGE on id is then an index seek and can never
 *   create a duplicate, which is what makes every write safe to retry;
 * - a range index on `sortKey` per domain label, for ordered pages;
 * - a TEXT index on `searchText`, which serves `CONTAINS`;
 * - a range index on Country.code, which filters by country reach through;
 * - the change log's range indexes (cypher/changes.ts): entries by seq and recordId; sets by
 *   firstSeq (an entry's set), lastSeq (the floor of afterImport), at, importFile and batchId.
 * Names are fixed so that `IF NOT EXISTS` recognises them on every start.
 */
export function schemaQueries(): CypherQuery[] {
  const statements: string[] = [];
  for (const l of [...LABELS, ...BOOKKEEPING_LABELS]) {
    const checked = label(l);
    statements.push(`CREATE CONSTRAINT kizuna_${checked}_id IF NOT EXISTS FOR (n:${checked}) REQUIRE n.id IS UNIQUE`);
  }
  for (const l of LABELS) {
    const checked = label(l);
    statements.push(`CREATE RANGE INDEX kizuna_${checked}_sortKey IF NOT EXISTS FOR (n:${checked}) ON (n.sortKey)`);
    statements.push(`CREATE TEXT INDEX kizuna_${checked}_searchText IF NOT EXISTS FOR (n:${checked}) ON (n.searchText)`);
  }
  statements.push('CREATE RANGE INDEX kizuna_Country_code IF NOT EXISTS FOR (n:Country) ON (n.code)');
  // The change log is paged by seq and filtered by record on its entries, by instant, import file
  // or batch on its sets (a staged import's sets are found by their batch when it rolls back).
  for (const property of ['seq', 'recordId']) {
    statements.push(`CREATE RANGE INDEX kizuna_Change_${property} IF NOT EXISTS FOR (n:${label('Change')}) ON (n.${property})`);
  }
  for (const property of ['firstSeq', 'lastSeq', 'at', 'importFile', 'batchId']) {
    statements.push(`CREATE RANGE INDEX kizuna_ChangeSet_${property} IF NOT EXISTS FOR (n:${label('ChangeSet')}) ON (n.${property})`);
  }
  return statements.map((cypher) => ({ cypher, params: {} }));
}

/**
 * The change log before ChangeSets: every (:Change) held all its values (id, at, keyName, role,
 * importFile, batchId too), with a unique constraint on id and range indexes on at, importFile
 * and batchId. The index on `at` exists exactly while old entries may remain: it is dropped last.
 */
const OLD_CHANGE_INDEX = 'kizuna_Change_at';

/** Whether the database still has the old change log's schema (SHOW INDEXES: no data is read). */
export function oldChangeLogQuery(): CypherQuery {
  return { cypher: 'SHOW INDEXES YIELD name WHERE name = $name RETURN count(*) > 0 AS old', params: { name: OLD_CHANGE_INDEX } };
}

/**
 * Converts old entries in batches, each into a set of its own (firstSeq = lastSeq = seq; sets of
 * one entry read exactly like merged ones). Each entry is converted whole in one inner
 * transaction, and only entries still holding `at` are taken (by the old index on it), so a
 * conversion killed half-way is finished by the next start. Auto-commit only (IN TRANSACTIONS).
 */
export function convertOldChangesQuery(batchSize = 5000): CypherQuery {
  const cypher = lines(
    `MATCH (c:${label('Change')}) WHERE c.at IS NOT NULL`,
    'CALL (c) {',
    `  CREATE (s:${label('ChangeSet')} {firstSeq: c.seq, lastSeq: c.seq, at: c.at, keyName: c.keyName, role: c.role})`,
    '  SET s.importFile = c.importFile, s.batchId = c.batchId, c.setSeq = c.seq',
    '  REMOVE c.id, c.at, c.keyName, c.role, c.importFile, c.batchId',
    '} IN TRANSACTIONS OF $batchSize ROWS',
  );
  return { cypher, params: { batchSize: int(batchSize) } };
}

/** After the conversion: the old constraint and indexes go, the index on `at` last (see OLD_CHANGE_INDEX). */
export function dropOldChangeLogSchemaQueries(): CypherQuery[] {
  return [
    'DROP CONSTRAINT kizuna_Change_id IF EXISTS',
    'DROP INDEX kizuna_Change_importFile IF EXISTS',
    'DROP INDEX kizuna_Change_batchId IF EXISTS',
    `DROP INDEX ${OLD_CHANGE_INDEX} IF EXISTS`,
  ].map((cypher) => ({ cypher, params: {} }));
}

/** Waits until the indexes are online, so the first queries after start-up already use them. */
export function awaitIndexesQuery(timeoutSeconds: number): CypherQuery {
  return { cypher: 'CALL db.awaitIndexes($timeoutSeconds)', params: { timeoutSeconds: int(timeoutSeconds) } };
}
