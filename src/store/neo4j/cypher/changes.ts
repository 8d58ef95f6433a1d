import { int } from 'neo4j-driver';
import type { ChangeEntry, ChangeQuery } from '../../changes';
import { lines, type CypherQuery } from './types';
import { label } from './whitelist';

/**
 * The change log in Neo4j, outside the domain graph (no relationships, so reads and the
 * projection never meet it), in two kinds of node:
 * - `(:ChangeSet {firstSeq, lastSeq, at, keyName, role, importFile, batchId})`: what the entries
 *   of one append share (one mutation, one import batch). Its entries are exactly the seqs
 *   firstSeq..lastSeq: an append takes a contiguous range of the counter under the meta node's lock.
 * - `(:Change {seq, setSeq, recordId, label, op, fields})`, setSeq being its set's firstSeq. The
 *   API's id (`change:<seq>`) is derived when decoding, not stored.
 * Keeping the shared values once per append instead of once per entry (the import's file list is
 * a long string) and indexing entries on seq and recordId only is what keeps the log cheap to
 * write in bulk (docs/benchmarks.md). `fields` is one JSON string: old and new values are
 * arbitrary JSON (lists of ids, citations) that a Neo4j property cannot hold, and they are only
 * ever read back whole.
 *
 * Reads pick their plan by the filters present, so each stays index-backed: a record's entries by
 * the recordId index; set-level filters (instant, import file, batch, the hidden staged import)
 * on ChangeSet by its indexes, then the entries by a seq range; otherwise entries by the seq index
 * in order, stopping at the page's end.
 */
const META_ID = 'meta';

/** What a set's entries share; a new set starts wherever one of these differs from the entry before. */
function setKey(e: ChangeEntry): string {
  return JSON.stringify([e.at, e.actor.keyName, e.actor.role, e.importFile ?? null, e.batchId ?? null]);
}

/**
 * Splits entries into runs of consecutive entries sharing a set key; `first`/`last` are 1-based
 * offsets into the append (the seqs are `base + offset`), as Integers so the stored seqs stay integers.
 */
export function changeSetsOf(entries: readonly ChangeEntry[]): { sets: Record<string, unknown>[]; setOf: number[] } {
  const sets: Record<string, unknown>[] = [];
  const setOf: number[] = [];
  let previous: string | null = null;
  entries.forEach((e, i) => {
    const key = setKey(e);
    if (key !== previous) {
      sets.push({ first: i + 1, last: i + 1, props: { at: e.at, keyName: e.actor.keyName, role: e.actor.role, importFile: e.importFile ?? null, batchId: e.batchId ?? null } });
      previous = key;
    }
    const set = sets[sets.length - 1];
    set.last = i + 1;
    setOf.push(set.first as number);
  });
  return { sets: sets.map((s) => ({ ...s, first: int(s.first as number), last: int(s.last as number) })), setOf };
}

/**
 * One statement per append (it runs inside a mutation's or an import batch's transaction): takes
 * the seq range, creates the set(s), then the entries, and returns the seq of each entry in order.
 * CREATE, not MERGE: the seqs are new in every attempt (a retried transaction takes its range
 * again), so there is no earlier copy to find.
 */
export function appendChangesQuery(entries: readonly ChangeEntry[]): CypherQuery {
  const { sets, setOf } = changeSetsOf(entries);
  const rows = entries.map((e, i) => ({ recordId: e.recordId, label: e.label, op: e.op, fields: JSON.stringify(e.fields), set: int(setOf[i]) }));
  const cypher = lines(
    `MERGE (m:${label('KizunaMeta')} {id: $metaId})`,
    'SET m.changeSeq = coalesce(m.changeSeq, 0) + size($rows)',
    'WITH m.changeSeq - size($rows) AS base',
    'CALL (base) {',
    '  UNWIND $sets AS s',
    `  CREATE (cs:${label('ChangeSet')})`,
    '  SET cs += s.props, cs.firstSeq = base + s.first, cs.lastSeq = base + s.last',
    '}',
    'UNWIND range(0, size($rows) - 1) AS i',
    'WITH base, base + i + 1 AS seq, $rows[i] AS row',
    `CREATE (c:${label('Change')} {seq: seq, setSeq: base + row.set, recordId: row.recordId, label: row.label, op: row.op, fields: row.fields})`,
    'RETURN seq ORDER BY seq',
  );
  return { cypher, params: { metaId: META_ID, sets, rows } };
}

/** Accumulates WHERE conditions and their parameters; only the filters asked for appear. */
class Conditions {
  readonly list: string[] = [];
  constructor(readonly params: Record<string, unknown>) {}
  add(condition: string, name: string, value: unknown): this {
    this.list.push(condition);
    this.params[name] = value;
    return this;
  }
  /** ` AND a AND b`, to follow a condition that is always there. */
  and(): string {
    return this.list.map((c) => ` AND ${c}`).join('');
  }
}

/**
 * The staged import that is running (batchId $hiddenBatch) is not yet part of the log: its entries
 * appear when it commits (store/importSession.ts ChangeLog). Mutations' sets may have no batchId.
 */
function visible(set: string): string {
  return `(${set}.batchId IS NULL OR ${set}.batchId <> $hiddenBatch)`;
}

/** Whether the query filters on what sets hold (instant, import file, batch). */
function hasSetFilter(query: ChangeQuery): boolean {
  return query.since !== undefined || query.until !== undefined || query.importFile !== undefined || query.batchId !== undefined;
}

/** The conditions on a set `s` of a query (instant, import file, batch, the hidden import). */
function setConditions(query: ChangeQuery, hiddenBatch: string | null, params: Record<string, unknown>): Conditions {
  const where = new Conditions(params);
  if (query.since !== undefined) where.add('s.at >= $since', 'since', query.since);
  if (query.until !== undefined) where.add('s.at < $until', 'until', query.until);
  if (query.importFile !== undefined) where.add('s.importFile = $importFile', 'importFile', query.importFile);
  if (query.batchId !== undefined) where.add('s.batchId = $batchId', 'batchId', query.batchId);
  if (hiddenBatch !== null) where.add(visible('s'), 'hiddenBatch', hiddenBatch);
  return where;
}

/** The conditions on an entry `c` (record, type, op); only the record's has an index (byRecord's plan). */
function entryConditions(query: ChangeQuery, params: Record<string, unknown>): Conditions {
  const where = new Conditions(params);
  if (query.recordId !== undefined) where.add('c.recordId = $recordId', 'recordId', query.recordId);
  if (query.label !== undefined) where.add('c.label = $label', 'label', query.label);
  if (query.op !== undefined) where.add('c.op = $op', 'op', query.op);
  return where;
}

/** An entry with what its set holds for it: the row decodeChange reads. */
const ROW = 'c {.seq, .recordId, .label, .op, .fields, at: s.at, keyName: s.keyName, role: s.role, importFile: s.importFile, batchId: s.batchId}';

/** Joins each entry `c` to its set `s` (an index seek on ChangeSet.firstSeq), with the set's conditions. */
function joinSet(setWhere?: Conditions): string {
  const set = label('ChangeSet');
  return `MATCH (s:${set}) USING INDEX s:${set}(firstSeq) WHERE s.firstSeq = c.setSeq${setWhere?.and() ?? ''}`;
}

/** Ends a page: the entries `c` (already cut to the page) joined to their sets, as rows in seq order. */
const PAGE_ROWS = [joinSet(), 'WITH c, s ORDER BY c.seq', `RETURN collect(${ROW}) AS page`];

/**
 * The floor of `afterImportFile`: the last seq of that file's imports (0 when none), from the
 * sets by the importFile index. Sets never straddle it (it is a set's lastSeq), so "after the
 * floor" is the same for a set's firstSeq and for an entry's seq.
 */
function floorOf(query: ChangeQuery, hiddenBatch: string | null, params: Record<string, unknown>): string {
  if (query.afterImportFile === undefined) return 'WITH 0 AS floor';
  params.afterImportFile = query.afterImportFile;
  const set = label('ChangeSet');
  return `CALL () { OPTIONAL MATCH (f:${set}) WHERE f.importFile = $afterImportFile${hiddenBatch !== null ? ` AND ${visible('f')}` : ''} RETURN coalesce(max(f.lastSeq), 0) AS floor }`;
}

/**
 * One page of entries in `seq` order and the number matching the filters, in one statement
 * (rows: totalCount, page). The plan follows the filters present (see the module comment).
 */
export function changesQuery(query: ChangeQuery, hiddenBatch: string | null = null): CypherQuery {
  const params: Record<string, unknown> = { limit: int(query.first + 1) };
  if (query.afterSeq !== undefined) params.afterSeq = int(query.afterSeq);
  const floor = floorOf(query, hiddenBatch, params);
  const sets = setConditions(query, hiddenBatch, params);
  const entries = entryConditions(query, params);
  let body: string[];
  if (query.recordId !== undefined) body = byRecord(query, sets, entries);
  else if (hasSetFilter(query)) body = bySets(query, sets, entries);
  else body = bySeq(query, hiddenBatch, entries);
  return { cypher: lines(floor, ...body, 'RETURN totalCount, page'), params };
}

/** ` AND c.seq > floor` when afterImportFile asked for one. */
function afterFloor(query: ChangeQuery, variable = 'c.seq'): string {
  return query.afterImportFile !== undefined ? ` AND ${variable} > floor` : '';
}

/** ` AND c.seq > $afterSeq` on a later page. */
function afterPrevious(query: ChangeQuery): string {
  return query.afterSeq !== undefined ? ' AND c.seq > $afterSeq' : '';
}

/** A record's entries by the recordId index (few), each joined to its set for the set-level filters. */
function byRecord(query: ChangeQuery, sets: Conditions, entries: Conditions): string[] {
  const change = label('Change');
  const match = `MATCH (c:${change}) USING INDEX c:${change}(recordId) WHERE ${entries.list.join(' AND ')}${afterFloor(query)}`;
  return [
    `CALL (floor) { ${match} ${joinSet(sets)} RETURN count(c) AS totalCount }`,
    `CALL (floor) { ${match}${afterPrevious(query)} ${joinSet(sets)} WITH c, s ORDER BY c.seq LIMIT $limit RETURN collect(${ROW}) AS page }`,
  ];
}

/**
 * Set-level filters first: the matching sets by their indexes, then their entries by seq. The
 * total is the sets' sizes when no entry-level filter is asked for (no entry is read), else a
 * count over each set's seq range. Sets are streamed, never collected whole, except by a page
 * with entry filters (filteredSetsPage).
 */
function bySets(query: ChangeQuery, sets: Conditions, entries: Conditions): string[] {
  const change = label('Change');
  const match = `MATCH (s:${label('ChangeSet')}) WHERE ${sets.list.join(' AND ')}${afterFloor(query, 's.firstSeq')}`;
  const total = entries.list.length
    ? `CALL (floor) { ${match} CALL (s) { MATCH (c:${change}) USING INDEX c:${change}(seq) WHERE c.seq >= s.firstSeq AND c.seq <= s.lastSeq${entries.and()} RETURN count(c) AS n } RETURN coalesce(sum(n), 0) AS totalCount }`
    : `CALL (floor) { ${match} RETURN coalesce(sum(s.lastSeq - s.firstSeq + 1), 0) AS totalCount }`;
  const pageMatch = `${match}${query.afterSeq !== undefined ? ' AND s.lastSeq > $afterSeq' : ''}`;
  return [total, ...(entries.list.length ? filteredSetsPage(query, pageMatch, entries) : setsPage(query, pageMatch))];
}

/**
 * Without entry filters every entry of a set matches, so the page lies in the first sets (in seq
 * order, after the previous page) whose sizes add up to it — at most $limit sets, as each holds an
 * entry: only those are read, each by its seq range.
 */
function setsPage(query: ChangeQuery, match: string): string[] {
  const change = label('Change');
  const after = query.afterSeq !== undefined ? '$afterSeq' : '0';
  const from = `CASE WHEN r[0] > ${after} THEN r[0] ELSE ${after} + 1 END`;
  return [
    'CALL (floor) {',
    `  ${match}`,
    '  WITH s ORDER BY s.firstSeq LIMIT $limit',
    '  WITH collect([s.firstSeq, s.lastSeq]) AS ranges',
    `  WITH reduce(acc = {n: 0, take: []}, r IN ranges | CASE WHEN acc.n >= $limit THEN acc ELSE {n: acc.n + r[1] - ${from} + 1, take: acc.take + [r]} END).take AS chosen`,
    '  UNWIND chosen AS r',
    `  CALL (r) { MATCH (c:${change}) USING INDEX c:${change}(seq) WHERE c.seq >= r[0] AND c.seq <= r[1]${afterPrevious(query)} WITH c ORDER BY c.seq LIMIT $limit RETURN c }`,
    '  WITH c ORDER BY c.seq LIMIT $limit',
    ...PAGE_ROWS.map((l) => `  ${l}`),
    '}',
  ];
}

/**
 * With entry filters (type, op: no index) the page walks the seq index from the first matching
 * set to the last, in order, keeping the entries of matching sets that pass, and stops at the
 * page's end. The matching sets' firstSeqs are held as a list for that walk.
 */
function filteredSetsPage(query: ChangeQuery, match: string, entries: Conditions): string[] {
  const change = label('Change');
  return [
    'CALL (floor) {',
    `  ${match}`,
    '  WITH collect(s.firstSeq) AS setSeqs, min(s.firstSeq) AS lo, max(s.lastSeq) AS hi',
    `  MATCH (c:${change}) USING INDEX c:${change}(seq) WHERE c.seq >= lo AND c.seq <= hi${afterPrevious(query)} AND c.setSeq IN setSeqs${entries.and()}`,
    '  WITH c ORDER BY c.seq LIMIT $limit',
    ...PAGE_ROWS.map((l) => `  ${l}`),
    '}',
  ];
}

/**
 * No set-level filter: entries by the seq index in order (after the floor, after the previous
 * page), skipping the hidden import's sets (without entry filters: the visible sets in order). Without entry filters the total is the label's count
 * (or the sizes of the sets after the floor) less the hidden sets' sizes: no entry is read.
 */
function bySeq(query: ChangeQuery, hiddenBatch: string | null, entries: Conditions): string[] {
  const change = label('Change');
  const set = label('ChangeSet');
  const hidden =
    hiddenBatch !== null
      ? `CALL () { OPTIONAL MATCH (h:${set}) WHERE h.batchId = $hiddenBatch RETURN collect(h.firstSeq) AS hidden, coalesce(sum(h.lastSeq - h.firstSeq + 1), 0) AS hiddenCount }`
      : 'WITH *, [] AS hidden, 0 AS hiddenCount';
  const notHidden = hiddenBatch !== null ? ' AND NOT c.setSeq IN hidden' : '';
  let total: string[];
  if (entries.list.length) {
    total = [`CALL (floor, hidden) { MATCH (c:${change}) WHERE c.seq > 0${afterFloor(query)}${entries.and()}${notHidden} RETURN count(c) AS totalCount }`];
  } else if (query.afterImportFile !== undefined) {
    const visibleSet = hiddenBatch !== null ? ` AND ${visible('s')}` : '';
    total = [`CALL (floor) { MATCH (s:${set}) WHERE s.firstSeq > floor${visibleSet} RETURN coalesce(sum(s.lastSeq - s.firstSeq + 1), 0) AS totalCount }`];
  } else {
    // count(c) of a whole label is answered by the count store.
    total = [`CALL () { MATCH (c:${change}) RETURN count(c) AS entries }`, 'WITH *, entries - hiddenCount AS totalCount'];
  }
  if (hiddenBatch !== null && !entries.list.length) {
    // The running import's entries can be most of the log's tail: step over its sets, not its entries.
    const visibleSets = `MATCH (s:${set}) WHERE s.firstSeq > 0 AND ${visible('s')}${afterFloor(query, 's.firstSeq')}${query.afterSeq !== undefined ? ' AND s.lastSeq > $afterSeq' : ''}`;
    return [hidden, ...total, ...setsPage(query, visibleSets)];
  }
  return [
    hidden,
    ...total,
    'CALL (floor, hidden) {',
    `  MATCH (c:${change}) USING INDEX c:${change}(seq) WHERE c.seq > 0${afterFloor(query)}${afterPrevious(query)}${entries.and()}${notHidden}`,
    '  WITH c ORDER BY c.seq LIMIT $limit',
    ...PAGE_ROWS.map((l) => `  ${l}`),
    '}',
  ];
}

/** The first `first` entries and the total of each record's history, one row per id (index seeks on recordId). */
export function historyQuery(recordIds: readonly string[], first: number, hiddenBatch: string | null = null): CypherQuery {
  const change = label('Change');
  const params: Record<string, unknown> = { ids: recordIds, limit: int(first + 1) };
  const sets = new Conditions(params);
  if (hiddenBatch !== null) sets.add(visible('s'), 'hiddenBatch', hiddenBatch);
  const match = `MATCH (c:${change}) USING INDEX c:${change}(recordId) WHERE c.recordId = id ${joinSet(sets)}`;
  const cypher = lines(
    'UNWIND $ids AS id',
    `CALL (id) { ${match} RETURN count(c) AS totalCount }`,
    `CALL (id) { ${match} WITH c, s ORDER BY c.seq LIMIT $limit RETURN collect(${ROW}) AS page }`,
    'RETURN id, totalCount, page',
  );
  return { cypher, params };
}
