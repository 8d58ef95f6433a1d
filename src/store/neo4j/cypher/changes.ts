import { int } from 'neo4j-driver';
import type { ChangeEntry, ChangeQuery } from '../../changes';
import { lines, type CypherQuery } from './types';
import { label } from './whitelist';

/**
 * The change log in Neo4j: one `(:Change)` node per entry, outside the domain graph (no
 * relationships, so reads and the projection never meet it). `fields` is stored as one JSON
 * string: old and new values are arbitrary JSON (lists of ids, citations) that a Neo4j property
 * cannot hold, and they are only ever read back whole.
 * The sequence number comes from a counter on the meta node; incrementing it takes that node's
 * write lock, so concurrent appenders get disjoint ranges and the log has one order.
 */
const META_ID = 'meta';

export function appendChangesQuery(entries: readonly ChangeEntry[]): CypherQuery {
  const rows = entries.map((e) => ({
    at: e.at,
    keyName: e.actor.keyName,
    role: e.actor.role,
    recordId: e.recordId,
    label: e.label,
    op: e.op,
    fields: JSON.stringify(e.fields),
    importFile: e.importFile ?? null,
    batchId: e.batchId ?? null,
  }));
  const cypher = lines(
    `MERGE (m:${label('KizunaMeta')} {id: $metaId})`,
    'SET m.changeSeq = coalesce(m.changeSeq, 0) + size($rows)',
    'WITH m.changeSeq - size($rows) AS base',
    'UNWIND range(0, size($rows) - 1) AS i',
    'WITH base + i + 1 AS seq, $rows[i] AS row',
    // CREATE: the seq is new in every attempt (a retried transaction takes a new range), so MERGE
    // could never find the entry of an earlier attempt; the id's constraint still guards it.
    `CREATE (c:${label('Change')} {id: 'change:' + toString(seq)})`,
    'SET c += row, c.seq = seq',
    'RETURN seq ORDER BY seq',
  );
  return { cypher, params: { metaId: META_ID, rows } };
}

/**
 * One page of entries in `seq` order and the number matching the filters, in one statement. Only
 * the filters asked for appear in the WHERE clause, so each can use its index (recordId, at,
 * importFile, seq); values are parameters.
 */
export function changesQuery(query: ChangeQuery, hiddenBatch: string | null = null): CypherQuery {
  const conditions: string[] = [];
  const params: Record<string, unknown> = { limit: int(query.first + 1) };
  if (hiddenBatch !== null) params.hiddenBatch = hiddenBatch;
  const add = (condition: string, name: string, value: unknown) => {
    conditions.push(condition);
    params[name] = value;
  };
  if (query.since !== undefined) add('c.at >= $since', 'since', query.since);
  if (query.until !== undefined) add('c.at < $until', 'until', query.until);
  if (query.recordId !== undefined) add('c.recordId = $recordId', 'recordId', query.recordId);
  if (query.importFile !== undefined) add('c.importFile = $importFile', 'importFile', query.importFile);
  if (query.batchId !== undefined) add('c.batchId = $batchId', 'batchId', query.batchId);
  if (query.label !== undefined) add('c.label = $label', 'label', query.label);
  if (query.op !== undefined) add('c.op = $op', 'op', query.op);
  if (query.afterImportFile !== undefined) add('c.seq > floor', 'afterImportFile', query.afterImportFile);
  if (hiddenBatch !== null) conditions.push(HIDE('c'));
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  const afterCondition = query.afterSeq !== undefined ? `${where ? `${where} AND` : 'WHERE'} c.seq > $afterSeq` : where;
  if (query.afterSeq !== undefined) params.afterSeq = int(query.afterSeq);
  const change = label('Change');
  // The floor of `afterImportFile`: the last seq of that import (0 when none), found once by index.
  const floor = `CALL () { OPTIONAL MATCH (i:${change}) WHERE i.importFile = $afterImportFile${hiddenBatch !== null ? ` AND ${HIDE('i')}` : ''} RETURN coalesce(max(i.seq), 0) AS floor }`;
  const cypher = lines(
    query.afterImportFile !== undefined ? floor : 'WITH 0 AS floor',
    `CALL (floor) { MATCH (c:${change}) ${where} RETURN count(c) AS totalCount }`,
    `CALL (floor) { MATCH (c:${change}) ${afterCondition} WITH c ORDER BY c.seq LIMIT $limit RETURN collect(c {.*}) AS page }`,
    'RETURN totalCount, page',
  );
  return { cypher, params };
}

/** The first `first` entries and the total of each record's history, one row per id (index seeks on recordId). */
export function historyQuery(recordIds: readonly string[], first: number, hiddenBatch: string | null = null): CypherQuery {
  const change = label('Change');
  const where = `c.recordId = id${hiddenBatch !== null ? ` AND ${HIDE('c')}` : ''}`;
  const cypher = lines(
    'UNWIND $ids AS id',
    `CALL (id) { MATCH (c:${change}) WHERE ${where} RETURN count(c) AS totalCount }`,
    `CALL (id) { MATCH (c:${change}) WHERE ${where} WITH c ORDER BY c.seq LIMIT $limit RETURN collect(c {.*}) AS page }`,
    'RETURN id, totalCount, page',
  );
  return { cypher, params: { ids: recordIds, limit: int(first + 1), ...(hiddenBatch !== null ? { hiddenBatch } : {}) } };
}

/**
 * The entries of the staged import that is running (batchId $hiddenBatch) are not yet part of the
 * log: they appear when it commits (store/importSession.ts ChangeLog). Mutations' entries may have
 * no batchId.
 */
function HIDE(variable: string): string {
  return `(${variable}.batchId IS NULL OR ${variable}.batchId <> $hiddenBatch)`;
}
