import neo4j, { type Driver } from 'neo4j-driver';
import { matchesChangeQuery, storedChange, type ChangeEntry, type ChangeQuery, type StoredChange } from '../../../src/store/changes';
import { createNeo4jStore } from '../../../src/store/neo4j';
import { convertOldChangesQuery } from '../../../src/store/neo4j/cypher/schema';
import type { GraphStore } from '../../../src/store/port';
import { NEO4J_SKIP_REASON, neo4jTestConfig } from '../../support/neo4j';
import { openNeo4jTestStore } from '../../support/testDatabase';

jest.setTimeout(120_000);

/**
 * A database written before ChangeSets (every (:Change) held all its values, with an id
 * constraint and indexes on at, importFile and batchId) is converted when the store opens, and
 * `changes` and `history` then answer exactly what the port says of those entries; a conversion
 * killed half-way is finished by the next start.
 */
const config = neo4jTestConfig();
if (!config) describe.skip(`change log migration — ${NEO4J_SKIP_REASON}`, () => it('runs only with Neo4j', () => undefined));

/** The append statement and schema of the old format, as they were (cypher/changes.ts and schema.ts before ChangeSets). */
const OLD_APPEND = `MERGE (m:KizunaMeta {id: $metaId})
SET m.changeSeq = coalesce(m.changeSeq, 0) + size($rows)
WITH m.changeSeq - size($rows) AS base
UNWIND range(0, size($rows) - 1) AS i
WITH base + i + 1 AS seq, $rows[i] AS row
CREATE (c:Change {id: 'change:' + toString(seq)})
SET c += row, c.seq = seq
RETURN seq ORDER BY seq`;
const OLD_SCHEMA = [
  'CREATE CONSTRAINT kizuna_Change_id IF NOT EXISTS FOR (n:Change) REQUIRE n.id IS UNIQUE',
  ...['seq', 'recordId', 'at', 'importFile', 'batchId'].map((p) => `CREATE RANGE INDEX kizuna_Change_${p} IF NOT EXISTS FOR (n:Change) ON (n.${p})`),
  'CALL db.awaitIndexes(60)',
];

const cli = { keyName: 'cli:officer', role: 'ADMIN' as const };
const editor = { keyName: 'officer', role: 'EDITOR' as const };
const APPENDS: ChangeEntry[][] = [
  ['person:a', 'person:b', 'visit:v1'].map((recordId) => ({
    at: '2025-03-01T00:00:00.000Z', actor: cli, recordId, label: recordId.startsWith('visit') ? 'Visit' : 'Person', op: 'CREATE', fields: [], importFile: 'fy2024.yaml, people.csv', batchId: 'import-1',
  })),
  [{ at: '2025-06-01T03:30:00.000Z', actor: editor, recordId: 'person:a', label: 'Person', op: 'UPDATE', fields: [{ name: 'careerStage', old: 'POSTDOC', new: 'LECTURER' }], batchId: 'mutation-1' }],
  [{ at: '2025-07-01T00:00:00.000Z', actor: editor, recordId: 'visit:v1', label: 'Visit', op: 'DELETE', fields: [{ name: 'status', old: 'PLANNED', new: null }, { name: 'hosts', old: ['person:b'], new: null }], importFile: null, batchId: null }],
  ['person:b', 'person:c'].map((recordId) => ({
    at: '2026-04-02T00:00:00.000Z', actor: cli, recordId, label: 'Person', op: recordId === 'person:c' ? 'CREATE' : 'UPDATE', fields: recordId === 'person:b' ? [{ name: 'name', old: 'B', new: 'Bee' }] : [], importFile: 'fy2025.yaml', batchId: 'import-2',
  })),
];

const QUERIES: Omit<ChangeQuery, 'first'>[] = [
  {},
  { recordId: 'person:a' },
  { recordId: 'visit:v1', since: '2025-06-01T00:00:00.000Z' },
  { since: '2025-06-01T00:00:00.000Z' },
  { until: '2025-07-01T00:00:00.000Z' },
  { importFile: 'fy2024.yaml, people.csv' },
  { batchId: 'import-2' },
  { afterImportFile: 'fy2024.yaml, people.csv' },
  { afterImportFile: 'fy2024.yaml, people.csv', label: 'Visit' },
  { op: 'CREATE' },
];

(config ? describe : describe.skip)('change log migration (Neo4j)', () => {
  let driver: Driver;
  let entries: StoredChange[] = [];
  /** Auto-commit (session.run): the conversion's CALL … IN TRANSACTIONS needs it. */
  const run = async (text: string, params: Record<string, unknown> = {}) => {
    const session = driver.session({ database: config!.database });
    try {
      return (await session.run(text, params)).records.map((r) => r.toObject());
    } finally {
      await session.close();
    }
  };

  /** The answers the port defines for `entries`, each query paged by 2 (pages cross the converted sets). */
  async function expectAnswers(store: GraphStore, all: StoredChange[]): Promise<void> {
    for (const query of QUERIES) {
      const floor = query.afterImportFile ? Math.max(0, ...all.filter((e) => e.importFile === query.afterImportFile).map((e) => e.seq)) : 0;
      const expected = all.filter((e) => matchesChangeQuery(e, { ...query, first: 0 }, floor));
      const got: StoredChange[] = [];
      for (let afterSeq: number | undefined; ; ) {
        const page = await store.changes({ ...query, first: 2, ...(afterSeq !== undefined ? { afterSeq } : {}) });
        expect(page.totalCount).toBe(expected.length);
        got.push(...page.changes);
        if (!page.hasNextPage) break;
        afterSeq = page.changes.at(-1)!.seq;
      }
      expect({ query, answer: got }).toEqual({ query, answer: expected });
    }
    const ids = ['person:a', 'person:b', 'visit:v1', 'person:c', 'person:none'];
    const history = await store.historyOf(ids, 1);
    expect(history).toEqual(ids.map((id) => {
      const of = all.filter((e) => e.recordId === id);
      return { changes: of.slice(0, 1), totalCount: of.length, hasNextPage: of.length > 1 };
    }));
  }

  async function schemaNames(): Promise<string[]> {
    const indexes = await run("SHOW INDEXES YIELD name WHERE name STARTS WITH 'kizuna_Change' RETURN name");
    const constraints = await run("SHOW CONSTRAINTS YIELD name WHERE name STARTS WITH 'kizuna_Change' RETURN name");
    return [...indexes, ...constraints].map((r) => r.name as string).sort();
  }

  beforeAll(async () => {
    driver = neo4j.driver(config!.uri, neo4j.auth.basic(config!.user, config!.password));
    const store = await openNeo4jTestStore(config!);
    await store.close();
    for (const statement of OLD_SCHEMA) await run(statement);
    entries = [];
    for (const append of APPENDS) {
      const rows = append.map((e) => ({ at: e.at, keyName: e.actor.keyName, role: e.actor.role, recordId: e.recordId, label: e.label, op: e.op, fields: JSON.stringify(e.fields), importFile: e.importFile ?? null, batchId: e.batchId ?? null }));
      const seqs = await run(OLD_APPEND, { metaId: 'meta', rows });
      append.forEach((e, i) => entries.push(storedChange(e, Number(seqs[i].seq))));
    }
  });

  afterAll(async () => {
    await driver?.close();
  });

  it('a conversion killed half-way is finished at the next start; then the old schema is gone', async () => {
    // As if killed after the inner transactions of the first entries committed.
    const half = entries[2].seq;
    const partial = convertOldChangesQuery(1);
    await run(partial.cypher.replace('WHERE c.at IS NOT NULL', 'WHERE c.at IS NOT NULL AND c.seq <= $half'), { ...partial.params, half: neo4j.int(half) });
    expect(Number((await run('MATCH (c:Change) WHERE c.at IS NOT NULL RETURN count(c) AS n'))[0].n)).toBe(entries.length - 3);

    const store = await createNeo4jStore(config!);
    try {
      const left = await run('MATCH (c:Change) RETURN count(c) AS entries, count(c.at) + count(c.id) + count(c.importFile) + count(c.batchId) AS oldProps, COUNT { MATCH (:ChangeSet) } AS sets');
      expect(left.map((r) => [Number(r.entries), Number(r.oldProps), Number(r.sets)])).toEqual([[entries.length, 0, entries.length]]);
      expect(await schemaNames()).toEqual([
        'kizuna_ChangeSet_at', 'kizuna_ChangeSet_batchId', 'kizuna_ChangeSet_firstSeq', 'kizuna_ChangeSet_importFile', 'kizuna_ChangeSet_lastSeq', 'kizuna_Change_recordId', 'kizuna_Change_seq',
      ]);
      await expectAnswers(store, entries);
    } finally {
      await store.close();
    }
  });

  it('the next start finds nothing to convert; entries appended since read together with the converted ones', async () => {
    const store = await createNeo4jStore(config!);
    try {
      await expectAnswers(store, entries);
      const appended = await store.appendChanges([
        { at: '2026-05-01T00:00:00.000Z', actor: editor, recordId: 'person:c', label: 'Person', op: 'UPDATE', fields: [{ name: 'name', old: 'C', new: 'Cee' }], batchId: 'mutation-2' },
        { at: '2026-05-01T00:00:00.000Z', actor: editor, recordId: 'person:a', label: 'Person', op: 'DELETE', fields: [], batchId: 'mutation-2' },
      ]);
      await expectAnswers(store, [...entries, ...appended]);
    } finally {
      await store.clear();
      await store.close();
    }
  });
});
