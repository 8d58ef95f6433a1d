import type { ChangeEntry } from '../../../src/store/changes';
import type { RecordGraph } from '../../../src/store/importSession';
import type { RecordState } from '../../../src/store/records';
import { forEachStore } from '../../support/stores';

jest.setTimeout(120_000);

const actor = { keyName: 'test', role: 'ADMIN' } as const;

function person(n: number): RecordGraph {
  const id = `person:vis-${n}`;
  return { id, label: 'Person', graph: { nodes: [{ id, label: 'Person', props: { name: `Visible ${n}`, careerStage: 'UNKNOWN' } }], rels: [] } };
}

/**
 * An import's change entries become part of the log with the import and never without it: while
 * the session is open (a staged Neo4j import has written and committed batches by then) `changes`
 * and `history` do not show them; after commit they show every one; after a rollback none.
 */
forEachStore('import change entries appear with the import', (store) => {
  const log = (batchId: string, records: RecordGraph[]) => (before: ReadonlyArray<RecordState | null>): ChangeEntry[] =>
    records.map((r, i) => ({ at: '2026-01-01T00:00:00.000Z', actor, recordId: r.id, label: r.label, op: before[i] ? 'UPDATE' : 'CREATE', fields: [], importFile: 'vis.csv', batchId }));

  beforeEach(async () => {
    await store().clear();
  });

  it.each([
    ['staged (batches committed one by one on Neo4j)', 0],
    ['one transaction', 1_000_000],
  ])('%s: hidden until commit, all there after it', async (_mode, transactionLimit) => {
    const records = [person(1), person(2), person(3)];
    const session = await store().beginImport({ records: records.length, transactionLimit, files: ['vis.csv'] });
    await session.upsertNodes(records.slice(0, 2), log(session.batchId, records.slice(0, 2)));
    await session.upsertNodes(records.slice(2), log(session.batchId, records.slice(2)));
    await session.replaceRels(records);
    expect((await store().changes({ importFile: 'vis.csv', first: 10 })).totalCount).toBe(0);
    expect((await store().changes({ first: 10 })).changes.map((c) => c.recordId)).toEqual([]);
    expect((await store().historyOf(['person:vis-1'], 10))[0].totalCount).toBe(0);
    await session.commit();
    const page = await store().changes({ importFile: 'vis.csv', first: 10 });
    expect(page.changes.map((c) => [c.recordId, c.op, c.batchId])).toEqual(records.map((r) => [r.id, 'CREATE', session.batchId]));
    expect((await store().historyOf(['person:vis-3'], 10))[0].changes.map((c) => c.op)).toEqual(['CREATE']);
  });

  it('a rolled-back staged import leaves no entry', async () => {
    const records = [person(4), person(5)];
    const session = await store().beginImport({ records: records.length, transactionLimit: 0, files: ['vis.csv'] });
    await session.upsertNodes(records, log(session.batchId, records));
    await session.rollback();
    expect((await store().changes({ first: 10 })).totalCount).toBe(0);
    expect(await store().recordStates(records.map((r) => r.id))).toEqual([null, null]);
  });
});
