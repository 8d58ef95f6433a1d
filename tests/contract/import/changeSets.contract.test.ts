import neo4j from 'neo4j-driver';
import type { Principal } from '../../../src/auth/keys';
import { matchesChangeQuery, type ChangeEntry, type ChangeQuery, type StoredChange } from '../../../src/store/changes';
import type { RecordGraph } from '../../../src/store/importSession';
import type { GraphStore } from '../../../src/store/port';
import { TestApi } from '../../support/api';
import { importFiles, tempDir, writeYaml } from '../../support/importHelpers';
import { NEO4J_SKIP_REASON, neo4jTestConfig } from '../../support/neo4j';
import { forEachStore } from '../../support/stores';
import { syntheticDataset } from '../../fixtures/syntheticDataset';

jest.setTimeout(120_000);

/**
 * The change log of a realistic history — an import of two files in several batches, a mutation,
 * a second import of one file — read with every filter and paged in small pages, on both stores,
 * against the port's own filter (matchesChangeQuery, the embedded store's oracle). On Neo4j this
 * crosses the boundaries of the ChangeSets each append writes (cypher/changes.ts), and the sets
 * themselves are checked: one per append, their seq ranges partitioning the entries.
 */
const CLI: Principal = { keyName: 'cli:tester', role: 'ADMIN' };
const EDITOR: Principal = { keyName: 'officer', role: 'EDITOR' };
const BATCH = 7;

function files(): { a: string; b: string; c: string } {
  const dir = tempDir();
  const { sources, countries, institutions, labs, people, themes, materials, events, visits, papers, transfers, format, version, meta } = syntheticDataset(12) as never as Record<string, unknown>;
  const head = { format, version, meta };
  const a = writeYaml(dir, 'a.yaml', { ...head, sources, countries, institutions, labs, people });
  const b = writeYaml(dir, 'b.yaml', { ...head, themes, materials, events, visits, papers, transfers });
  const changed = structuredClone({ ...head, sources, countries, institutions, labs, people }) as { people: { name: string }[] };
  changed.people[3].name = 'Renamed Person';
  changed.people[4].name = 'Renamed Again';
  const c = writeYaml(dir, 'c.yaml', changed);
  return { a, b, c };
}

async function everything(store: GraphStore): Promise<StoredChange[]> {
  return (await store.changes({ first: 10_000 })).changes;
}

/** Every page of `query` at `first` entries, following afterSeq, checking each page's total. */
async function pagedThrough(store: GraphStore, query: Omit<ChangeQuery, 'first'>, first: number, total: number): Promise<StoredChange[]> {
  const all: StoredChange[] = [];
  let afterSeq: number | undefined;
  for (;;) {
    const page = await store.changes({ ...query, first, ...(afterSeq !== undefined ? { afterSeq } : {}) });
    expect(page.totalCount).toBe(total);
    all.push(...page.changes);
    if (!page.hasNextPage) return all;
    afterSeq = page.changes.at(-1)!.seq;
  }
}

forEachStore('change log across appends: filters and pages', (store) => {
  const { a, b, c } = files();
  let log: StoredChange[] = [];

  beforeAll(async () => {
    await store().clear();
    await importFiles(store(), [a, b], { batchSize: BATCH, actor: CLI });
    await new TestApi(store(), EDITOR).data('mutation { updateVisitStatus(id: "visit:v001", status: CANCELLED) { id } }');
    await importFiles(store(), [c], { batchSize: BATCH, actor: CLI });
    log = await everything(store());
  });

  it('holds the two imports and the mutation, in order', () => {
    const files = [...new Set(log.map((e) => e.importFile))];
    expect(files).toEqual([`${a}, ${b}`, null, c]);
    expect(log.filter((e) => e.importFile === null).map((e) => [e.recordId, e.op, e.actor])).toEqual([['visit:v001', 'UPDATE', EDITOR]]);
    expect(log.filter((e) => e.importFile === c).map((e) => e.recordId).sort()).toEqual(['person:p003', 'person:p004']);
    expect(log.length).toBeGreaterThan(3 * BATCH);
  });

  const since = () => log.find((e) => e.importFile === null)!.at;
  const queries: Array<[string, () => Omit<ChangeQuery, 'first'>]> = [
    ['everything', () => ({})],
    ['importFile (two files in several batches)', () => ({ importFile: `${a}, ${b}` })],
    ['importFile and type', () => ({ importFile: `${a}, ${b}`, label: 'Visit' })],
    ['batchId', () => ({ batchId: log[0].batchId! })],
    ['since', () => ({ since: since() })],
    ['until', () => ({ until: since() })],
    ['since and op', () => ({ since: since(), op: 'UPDATE' })],
    ['record', () => ({ recordId: 'person:p003' })],
    ['record and since', () => ({ recordId: 'person:p003', since: since() })],
    ['afterImportFile', () => ({ afterImportFile: `${a}, ${b}` })],
    ['afterImportFile and type', () => ({ afterImportFile: `${a}, ${b}`, label: 'Person' })],
    ['type', () => ({ label: 'Person' })],
    ['op', () => ({ op: 'CREATE' })],
  ];

  it.each(queries)('%s: the filter of the port, in pages of 3 and 8 that add up to it', async (_name, make) => {
    const query = make();
    const floor = query.afterImportFile ? Math.max(0, ...log.filter((e) => e.importFile === query.afterImportFile).map((e) => e.seq)) : 0;
    const expected = log.filter((e) => matchesChangeQuery(e, { ...query, first: 0 }, floor));
    expect(expected.length).toBeGreaterThan(0);
    for (const first of [3, 8]) expect(await pagedThrough(store(), query, first, expected.length)).toEqual(expected);
  });

  it('while a staged import runs, pages of the log step over its entries, also around a mutation made meanwhile', async () => {
    const person = (n: number): RecordGraph => {
      const id = `person:staged-${n}`;
      return { id, label: 'Person', graph: { nodes: [{ id, label: 'Person', props: { name: `Staged ${n}`, careerStage: 'UNKNOWN' } }], rels: [] } };
    };
    const session = await store().beginImport({ records: 6, transactionLimit: 0, files: ['staged.csv'] });
    const logOf = (records: RecordGraph[]) => (): ChangeEntry[] =>
      records.map((r) => ({ at: '2026-06-01T00:00:00.000Z', actor: CLI, recordId: r.id, label: r.label, op: 'CREATE', fields: [], importFile: 'staged.csv', batchId: session.batchId }));
    try {
      const first = [person(1), person(2), person(3)];
      await session.upsertNodes(first, logOf(first));
      const meanwhile = await store().appendChanges([{ at: '2026-06-01T00:00:01.000Z', actor: EDITOR, recordId: 'person:p005', label: 'Person', op: 'UPDATE', fields: [{ name: 'name', old: 'x', new: 'y' }] }]);
      const second = [person(4), person(5), person(6)];
      await session.upsertNodes(second, logOf(second));
      const visible = [...log, ...meanwhile];
      for (const first of [1, 2, 5]) expect(await pagedThrough(store(), {}, first, visible.length)).toEqual(visible);
      const afterFirstImport = visible.filter((e) => e.seq > Math.max(...log.filter((x) => x.importFile === `${a}, ${b}`).map((x) => x.seq)));
      expect(await pagedThrough(store(), { afterImportFile: `${a}, ${b}` }, 2, afterFirstImport.length)).toEqual(afterFirstImport);
      const recent = visible.filter((e) => e.at >= '2026-06-01T00:00:00.000Z');
      expect(recent).toContainEqual(meanwhile[0]);
      expect(await pagedThrough(store(), { since: '2026-06-01T00:00:00.000Z' }, 2, recent.length)).toEqual(recent);
      expect((await store().historyOf(['person:staged-1'], 5))[0].totalCount).toBe(0);
    } finally {
      await session.rollback();
    }
    log = await everything(store());
  });

  it('history of records written by both imports and the mutation', async () => {
    const ids = ['person:p003', 'visit:v001', 'person:p011', 'person:none'];
    const pages = await store().historyOf(ids, 1);
    expect(pages.map((p) => [p.totalCount, p.hasNextPage, p.changes.map((e) => e.seq)])).toEqual(
      ids.map((id) => {
        const entries = log.filter((e) => e.recordId === id);
        return [entries.length, entries.length > 1, entries.slice(0, 1).map((e) => e.seq)];
      }),
    );
  });
});

const config = neo4jTestConfig();
(config ? describe : describe.skip)(`Neo4j change sets: one per append, partitioning the entries${config ? '' : ` — ${NEO4J_SKIP_REASON}`}`, () => {
  let store: GraphStore;
  const driver = config ? neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password)) : null;
  const cypher = async (text: string) => (await driver!.executeQuery(text, {}, { database: config!.database })).records.map((r) => r.toObject());

  beforeAll(async () => {
    const { openNeo4jTestStore } = await import('../../support/testDatabase');
    store = await openNeo4jTestStore(config!);
  });
  afterAll(async () => {
    await store?.close();
    await driver?.close();
  });

  it('an import of two files, a mutation and a second import give sets that carry what their entries share', async () => {
    const { a, b, c } = files();
    await importFiles(store, [a, b], { batchSize: BATCH, actor: CLI });
    await new TestApi(store, EDITOR).data('mutation { updateVisitStatus(id: "visit:v001", status: CANCELLED) { id } }');
    await importFiles(store, [c], { batchSize: BATCH, actor: CLI });
    const log = await everything(store);
    const sets = await cypher('MATCH (s:ChangeSet) RETURN properties(s) AS s ORDER BY s.firstSeq');
    const props = sets.map((r) => r.s as Record<string, unknown>);

    // The entries hold only their own values; the sets the shared ones.
    const keys = await cypher('MATCH (c:Change) UNWIND keys(c) AS key RETURN collect(DISTINCT key) AS keys');
    expect([...(keys[0].keys as string[])].sort()).toEqual(['fields', 'label', 'op', 'recordId', 'seq', 'setSeq']);

    // Consecutive, disjoint ranges covering every entry; each entry points at the set holding its seq.
    expect(Number(props[0].firstSeq)).toBe(log[0].seq);
    for (let i = 1; i < props.length; i++) expect(Number(props[i].firstSeq)).toBe(Number(props[i - 1].lastSeq) + 1);
    expect(Number(props.at(-1)!.lastSeq)).toBe(log.at(-1)!.seq);
    const misplaced = await cypher('MATCH (c:Change) OPTIONAL MATCH (s:ChangeSet {firstSeq: c.setSeq}) WITH c, s WHERE s IS NULL OR NOT c.seq <= s.lastSeq RETURN count(c) AS n');
    expect(Number(misplaced[0].n)).toBe(0);

    // The first import: several batches, so several sets, each no larger than a batch, all with its file list and batch.
    const first = props.filter((s) => s.importFile === `${a}, ${b}`);
    expect(first.length).toBeGreaterThan(1);
    for (const s of first) {
      expect(Number(s.lastSeq) - Number(s.firstSeq) + 1).toBeLessThanOrEqual(BATCH);
      expect(s).toMatchObject({ keyName: CLI.keyName, role: CLI.role, batchId: log[0].batchId, at: log[0].at });
    }
    // The mutation: one set of its own, without a file.
    const mutation = props.filter((s) => s.keyName === EDITOR.keyName);
    expect(mutation).toHaveLength(1);
    expect(mutation[0]).toMatchObject({ role: 'EDITOR', firstSeq: mutation[0].lastSeq });
    expect(mutation[0].importFile).toBeUndefined();
    // The second import: two changed people, one batch, one set.
    expect(props.filter((s) => s.importFile === c).map((s) => Number(s.lastSeq) - Number(s.firstSeq) + 1)).toEqual([2]);

    // clear() takes the sets with the entries (a set left behind would count in a `since` total).
    await store.clear();
    expect((await cypher('RETURN COUNT { MATCH (:ChangeSet) } AS sets, COUNT { MATCH (:Change) } AS entries'))[0]).toEqual({ sets: neo4j.int(0), entries: neo4j.int(0) });
  });
});
