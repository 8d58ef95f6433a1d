import { int, isInt } from 'neo4j-driver';
import type { ChangeEntry, ChangeQuery } from '../../../../src/store/changes';
import { appendChangesQuery, changeSetsOf, changesQuery, historyQuery } from '../../../../src/store/neo4j/cypher/changes';
import { deleteChangesOfImportQueries } from '../../../../src/store/neo4j/cypher/import';
import { convertOldChangesQuery, dropOldChangeLogSchemaQueries, oldChangeLogQuery, schemaQueries } from '../../../../src/store/neo4j/cypher/schema';
import { decodeChange } from '../../../../src/store/neo4j/changeRows';
import { RowShapeError } from '../../../../src/store/neo4j/rows';

const HOSTILE = "x'}) DETACH DELETE n //";
const editor = { keyName: 'officer', role: 'EDITOR' as const };

function entry(over: Partial<ChangeEntry> = {}): ChangeEntry {
  return { at: '2025-05-01T09:00:00.000Z', actor: editor, recordId: 'person:a', label: 'Person', op: 'UPDATE', fields: [], ...over };
}

/** Where each table's rows come from in a changesQuery: the plan it chose. */
function plan(query: ChangeQuery, hidden: string | null = null): { cypher: string; record: boolean; sets: boolean; seq: boolean } {
  const { cypher } = changesQuery(query, hidden);
  return {
    cypher,
    record: cypher.includes('USING INDEX c:Change(recordId)'),
    sets: /MATCH \(s:ChangeSet\) WHERE (?!s\.firstSeq = c\.setSeq)/.test(cypher),
    seq: cypher.includes('WHERE c.seq > 0'),
  };
}

describe('change sets of an append', () => {
  it('one set for a mutation whose entries share instant, actor, file and batch', () => {
    const { sets, setOf } = changeSetsOf([entry({ batchId: 'b' }), entry({ recordId: 'visit:v', label: 'Visit', batchId: 'b' }), entry({ recordId: 'person:c', batchId: 'b' })]);
    expect(sets).toEqual([{ first: int(1), last: int(3), props: { at: '2025-05-01T09:00:00.000Z', keyName: 'officer', role: 'EDITOR', importFile: null, batchId: 'b' } }]);
    expect(setOf).toEqual([1, 1, 1]);
    expect(isInt(sets[0].first)).toBe(true);
  });

  it('a new set wherever a shared value changes, and again when it changes back (sets are runs of seqs)', () => {
    const { sets, setOf } = changeSetsOf([
      entry({ importFile: 'a.csv' }),
      entry({ importFile: 'a.csv' }),
      entry({ importFile: 'b.csv' }),
      entry({ importFile: 'a.csv' }),
      entry({ importFile: 'a.csv', actor: { keyName: 'officer', role: 'ADMIN' } }),
      entry({ importFile: 'a.csv', actor: { keyName: 'officer', role: 'ADMIN' }, at: '2025-05-01T09:00:01.000Z' }),
    ]);
    expect(sets.map((s) => [Number(s.first), Number(s.last)])).toEqual([
      [1, 2],
      [3, 3],
      [4, 4],
      [5, 5],
      [6, 6],
    ]);
    expect(setOf).toEqual([1, 1, 3, 4, 5, 6]);
  });

  it('none for no entries', () => {
    expect(changeSetsOf([])).toEqual({ sets: [], setOf: [] });
  });
});

describe('appendChangesQuery', () => {
  it('one statement: the seq range, the sets, then the entries; values as parameters, fields as one JSON string', () => {
    const q = appendChangesQuery([entry({ actor: { keyName: HOSTILE, role: 'EDITOR' }, op: 'CREATE', fields: [{ name: 'name', old: null, new: 'A' }], importFile: HOSTILE, batchId: 'b1' })]);
    expect(q.cypher).not.toContain('DETACH');
    expect(q.params.rows).toEqual([{ recordId: 'person:a', label: 'Person', op: 'CREATE', fields: '[{"name":"name","old":null,"new":"A"}]', set: int(1) }]);
    expect(q.params.sets).toEqual([{ first: int(1), last: int(1), props: { at: '2025-05-01T09:00:00.000Z', keyName: HOSTILE, role: 'EDITOR', importFile: HOSTILE, batchId: 'b1' } }]);
    expect(q.cypher).toMatch(/SET m\.changeSeq = coalesce\(m\.changeSeq, 0\) \+ size\(\$rows\)[\s\S]*CREATE \(cs:ChangeSet\)[\s\S]*CREATE \(c:Change \{seq: seq, setSeq: base \+ row\.set/);
    expect(q.cypher).toMatch(/RETURN seq ORDER BY seq$/);
    // The entry holds only what is its own: no id, no instant, actor, file or batch.
    const entryProps = q.cypher.match(/CREATE \(c:Change \{([^}]*)\}/)![1];
    expect(entryProps.split(',').map((p) => p.split(':')[0].trim())).toEqual(['seq', 'setSeq', 'recordId', 'label', 'op', 'fields']);
  });
});

describe('changesQuery picks its plan by the filters present', () => {
  it('no filter: entries by the seq index in order; the total from the count store', () => {
    const p = plan({ first: 20 });
    expect(p).toMatchObject({ record: false, sets: false, seq: true });
    expect(p.cypher).toContain('MATCH (c:Change) RETURN count(c) AS entries');
    expect(p.cypher).not.toContain('$hiddenBatch');
  });

  it('a later page of a set-level filter starts at the sets that end after the previous page', () => {
    const q = changesQuery({ first: 20, importFile: 'a.csv', afterSeq: 7 });
    expect(q.cypher).toContain('WHERE s.importFile = $importFile AND s.lastSeq > $afterSeq');
    expect(q.cypher).toContain('WHERE c.seq >= r[0] AND c.seq <= r[1] AND c.seq > $afterSeq');
  });

  it('a later page starts after the previous one, in the same index seek', () => {
    const q = changesQuery({ first: 20, afterSeq: 7 });
    expect(q.cypher).toContain('USING INDEX c:Change(seq) WHERE c.seq > 0 AND c.seq > $afterSeq');
    expect(q.params.afterSeq).toEqual(int(7));
    expect(q.params.limit).toEqual(int(21));
  });

  it('a running staged import: its sets found by batch, their entries skipped and their sizes taken off the total', () => {
    const q = changesQuery({ first: 20 }, HOSTILE);
    expect(q.cypher).toContain('MATCH (h:ChangeSet) WHERE h.batchId = $hiddenBatch');
    expect(q.cypher).toContain('entries - hiddenCount AS totalCount');
    // The page steps over the hidden sets (its entries can be the whole tail of the log) …
    expect(q.cypher).toContain('MATCH (s:ChangeSet) WHERE s.firstSeq > 0 AND (s.batchId IS NULL OR s.batchId <> $hiddenBatch)');
    expect(q.cypher).toContain('WITH s ORDER BY s.firstSeq LIMIT $limit');
    // … and with an entry filter skips its entries.
    expect(changesQuery({ first: 20, op: 'CREATE' }, 'h').cypher).toContain('NOT c.setSeq IN hidden');
    expect(q.params.hiddenBatch).toBe(HOSTILE);
    expect(q.cypher).not.toContain('DETACH');
  });

  it.each<[string, ChangeQuery, string]>([
    ['since', { first: 20, since: '2025-04-01T00:00:00.000Z' }, 's.at >= $since'],
    ['until', { first: 20, until: '2025-04-01T00:00:00.000Z' }, 's.at < $until'],
    ['importFile', { first: 20, importFile: HOSTILE }, 's.importFile = $importFile'],
    ['batchId', { first: 20, batchId: 'b1' }, 's.batchId = $batchId'],
  ])('%s: the sets by their index, the total their sizes, the page only from the first sets that fill it', (_name, query, condition) => {
    const p = plan(query);
    expect(p).toMatchObject({ record: false, sets: true, seq: false });
    expect(p.cypher).toContain(`MATCH (s:ChangeSet) WHERE ${condition} RETURN coalesce(sum(s.lastSeq - s.firstSeq + 1), 0) AS totalCount`);
    // At most $limit sets can hold the page (each holds an entry): only those are collected.
    expect(p.cypher).toContain('WITH s ORDER BY s.firstSeq LIMIT $limit');
    expect(p.cypher).toContain('reduce(acc = {n: 0, take: []}, r IN ranges');
    expect(p.cypher).not.toMatch(/MATCH \(c:Change\)[^}]*count\(c\)/);
    expect(p.cypher).not.toContain('DETACH');
  });

  it('set and entry filters together: the total counts entries of the sets’ ranges; the page walks them in order', () => {
    const q = changesQuery({ first: 20, importFile: 'a.csv', op: 'DELETE', label: 'Visit' });
    expect(q.cypher).toContain('CALL (s) { MATCH (c:Change) USING INDEX c:Change(seq) WHERE c.seq >= s.firstSeq AND c.seq <= s.lastSeq AND c.label = $label AND c.op = $op RETURN count(c) AS n } RETURN coalesce(sum(n), 0) AS totalCount');
    expect(q.cypher).toContain('AND c.setSeq IN setSeqs AND c.label = $label AND c.op = $op');
    expect(q.params).toMatchObject({ importFile: 'a.csv', op: 'DELETE', label: 'Visit' });
  });

  it('a record: its entries by the recordId index, each joined to its set for the set-level filters', () => {
    const p = plan({ first: 20, recordId: HOSTILE, since: '2025-04-01T00:00:00.000Z', op: 'UPDATE' }, 'import-1');
    expect(p).toMatchObject({ record: true, sets: false, seq: false });
    expect(p.cypher).toContain('WHERE c.recordId = $recordId AND c.op = $op');
    expect(p.cypher).toContain('WHERE s.firstSeq = c.setSeq AND s.at >= $since AND (s.batchId IS NULL OR s.batchId <> $hiddenBatch)');
    expect(p.cypher).not.toContain('DETACH');
  });

  it('afterImportFile: the floor is the last seq of that file’s sets; entries and sets after it', () => {
    const q = changesQuery({ first: 20, afterImportFile: HOSTILE });
    expect(q.cypher).toContain('OPTIONAL MATCH (f:ChangeSet) WHERE f.importFile = $afterImportFile RETURN coalesce(max(f.lastSeq), 0) AS floor');
    expect(q.cypher).toContain('MATCH (s:ChangeSet) WHERE s.firstSeq > floor');
    expect(q.cypher).toContain('WHERE c.seq > 0 AND c.seq > floor');
    expect(changesQuery({ first: 20, afterImportFile: 'a', since: '2025-01-01' }).cypher).toContain('MATCH (s:ChangeSet) WHERE s.at >= $since AND s.firstSeq > floor');
    expect(changesQuery({ first: 20, afterImportFile: 'a' }, 'h').cypher).toContain('f.importFile = $afterImportFile AND (f.batchId IS NULL');
    expect(changesQuery({ first: 20 }).cypher).toContain('WITH 0 AS floor');
  });

  it('every page row has the shape decodeChange reads', () => {
    for (const q of [changesQuery({ first: 1 }), changesQuery({ first: 1, since: '2025-01-01' }), changesQuery({ first: 1, recordId: 'person:a' }), historyQuery(['person:a'], 1)]) {
      expect(q.cypher).toContain('c {.seq, .recordId, .label, .op, .fields, at: s.at, keyName: s.keyName, role: s.role, importFile: s.importFile, batchId: s.batchId}');
    }
  });
});

describe('historyQuery', () => {
  it('one row per id by the recordId index; a running staged import hidden through its set', () => {
    const q = historyQuery(['person:a', HOSTILE], 5, 'imp');
    expect(q.cypher).toContain('UNWIND $ids AS id');
    expect(q.cypher).toContain('USING INDEX c:Change(recordId) WHERE c.recordId = id');
    expect(q.cypher).toContain('(s.batchId IS NULL OR s.batchId <> $hiddenBatch)');
    expect(q.params).toEqual({ ids: ['person:a', HOSTILE], limit: int(6), hiddenBatch: 'imp' });
    expect(historyQuery(['person:a'], 5).cypher).not.toContain('hiddenBatch');
  });
});

describe('decodeChange', () => {
  const row = { seq: 12, recordId: 'visit:v', label: 'Visit', op: 'DELETE', fields: '[{"name":"status","old":"PLANNED","new":null}]', at: '2025-07-01T00:00:00.000Z', keyName: 'officer', role: 'EDITOR', importFile: null, batchId: 'b' };

  it('derives the id from seq and takes the shared values from the set', () => {
    expect(decodeChange(row)).toEqual({
      id: 'change:12',
      seq: 12,
      at: '2025-07-01T00:00:00.000Z',
      actor: editor,
      recordId: 'visit:v',
      label: 'Visit',
      op: 'DELETE',
      fields: [{ name: 'status', old: 'PLANNED', new: null }],
      importFile: null,
      batchId: 'b',
    });
  });

  it('refuses a row without its set’s values', () => {
    expect(() => decodeChange({ ...row, at: null, keyName: null, role: null })).toThrow(RowShapeError);
  });
});

describe('staged import rollback', () => {
  it('deletes the entries of the import’s sets first, then the sets', () => {
    const [entries, sets] = deleteChangesOfImportQueries(HOSTILE);
    expect(entries.cypher).toContain('MATCH (s:ChangeSet) WHERE s.batchId = $importId');
    expect(entries.cypher).toContain('MATCH (c:Change) WHERE c.seq >= s.firstSeq AND c.seq <= s.lastSeq');
    expect(entries.cypher).toContain('CALL (c) { DELETE c } IN TRANSACTIONS');
    expect(sets.cypher).toContain('CALL (s) { DELETE s } IN TRANSACTIONS');
    for (const q of [entries, sets]) expect(q.params).toEqual({ importId: HOSTILE });
  });
});

describe('change log schema and its migration', () => {
  it('indexes entries on seq and recordId, sets on firstSeq, lastSeq, at, importFile and batchId', () => {
    const indexes = schemaQueries().map((q) => q.cypher).filter((c) => /kizuna_Change/.test(c));
    expect(indexes).toEqual([
      'CREATE RANGE INDEX kizuna_Change_seq IF NOT EXISTS FOR (n:Change) ON (n.seq)',
      'CREATE RANGE INDEX kizuna_Change_recordId IF NOT EXISTS FOR (n:Change) ON (n.recordId)',
      ...['firstSeq', 'lastSeq', 'at', 'importFile', 'batchId'].map((p) => `CREATE RANGE INDEX kizuna_ChangeSet_${p} IF NOT EXISTS FOR (n:ChangeSet) ON (n.${p})`),
    ]);
  });

  it('is found by the old index on Change.at, converts what still holds `at`, and drops that index last', () => {
    expect(oldChangeLogQuery().params).toEqual({ name: 'kizuna_Change_at' });
    const convert = convertOldChangesQuery(100);
    expect(convert.cypher).toMatch(/^MATCH \(c:Change\) WHERE c\.at IS NOT NULL/);
    expect(convert.cypher).toContain('CREATE (s:ChangeSet {firstSeq: c.seq, lastSeq: c.seq, at: c.at, keyName: c.keyName, role: c.role})');
    expect(convert.cypher).toContain('REMOVE c.id, c.at, c.keyName, c.role, c.importFile, c.batchId');
    expect(convert.cypher).toContain('IN TRANSACTIONS OF $batchSize ROWS');
    expect(convert.params.batchSize).toEqual(int(100));
    const drops = dropOldChangeLogSchemaQueries().map((q) => q.cypher);
    expect(drops).toContain('DROP CONSTRAINT kizuna_Change_id IF EXISTS');
    expect(drops.at(-1)).toBe('DROP INDEX kizuna_Change_at IF EXISTS');
  });
});
