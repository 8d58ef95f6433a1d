import type { ChangeEntry } from '../../../src/store/changes';
import { StoreError } from '../../../src/store/errors';
import { forEachStore } from '../../support/stores';

/**
 * The change log's port contract (appendChanges / changes) on every store: append order, seq,
 * filters, keyset pages and identical objects on both stores.
 */
const editor = { keyName: 'officer', role: 'EDITOR' as const };

function entry(over: Partial<ChangeEntry>): ChangeEntry {
  return {
    at: '2025-05-01T09:00:00.000Z',
    actor: editor,
    recordId: 'person:a',
    label: 'Person',
    op: 'UPDATE',
    fields: [{ name: 'careerStage', old: 'POSTDOC', new: 'ASSISTANT_PROFESSOR' }],
    ...over,
  };
}

forEachStore('change log', (store) => {
  beforeAll(async () => {
    await store().clear();
    await store().appendChanges([
      entry({ at: '2025-03-01T00:00:00Z', op: 'CREATE', fields: [{ name: 'name', old: null, new: 'A' }], batchId: 'b1', importFile: 'fy2024.yaml' }),
      entry({ at: '2025-03-01T00:00:00Z', recordId: 'visit:v1', label: 'Visit', op: 'CREATE', fields: [{ name: 'hosts', old: null, new: ['person:a'] }], batchId: 'b1', importFile: 'fy2024.yaml' }),
    ]);
    await store().appendChanges([entry({ at: '2025-06-01T12:30:00+09:00' })]);
    await store().appendChanges([entry({ at: '2025-07-01', recordId: 'visit:v1', label: 'Visit', op: 'DELETE', fields: [{ name: 'status', old: 'PLANNED', new: null }] })]);
  });

  it('keeps every entry in append order with growing seq and ids, and JSON values intact', async () => {
    const page = await store().changes({ first: 10 });
    expect(page.totalCount).toBe(4);
    expect(page.hasNextPage).toBe(false);
    const seqs = page.changes.map((c) => c.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(new Set(seqs).size).toBe(4);
    expect(page.changes.map((c) => c.id)).toEqual(seqs.map((s) => `change:${s}`));
    expect(page.changes[1]).toEqual({
      id: `change:${seqs[1]}`,
      seq: seqs[1],
      at: '2025-03-01T00:00:00.000Z',
      actor: editor,
      recordId: 'visit:v1',
      label: 'Visit',
      op: 'CREATE',
      fields: [{ name: 'hosts', old: null, new: ['person:a'] }],
      importFile: 'fy2024.yaml',
      batchId: 'b1',
    });
    // Instants are normalised to UTC, so "since" compares across offsets.
    expect(page.changes[2].at).toBe('2025-06-01T03:30:00.000Z');
    expect(page.changes[2].importFile).toBeNull();
  });

  it('filters by record, instant, import file and batch', async () => {
    const ids = async (q: Parameters<ReturnType<typeof store>['changes']>[0]) => (await store().changes(q)).changes.map((c) => `${c.recordId}/${c.op}`);
    expect(await ids({ first: 10, recordId: 'visit:v1' })).toEqual(['visit:v1/CREATE', 'visit:v1/DELETE']);
    expect(await ids({ first: 10, since: '2025-06-01T00:00:00.000Z' })).toEqual(['person:a/UPDATE', 'visit:v1/DELETE']);
    expect(await ids({ first: 10, since: '2025-03-01T00:00:00.000Z', until: '2025-07-01T00:00:00.000Z' })).toEqual([
      'person:a/CREATE',
      'visit:v1/CREATE',
      'person:a/UPDATE',
    ]);
    expect(await ids({ first: 10, importFile: 'fy2024.yaml' })).toEqual(['person:a/CREATE', 'visit:v1/CREATE']);
    expect(await ids({ first: 10, batchId: 'b1', recordId: 'person:a' })).toEqual(['person:a/CREATE']);
    expect(await ids({ first: 10, afterImportFile: 'fy2024.yaml' })).toEqual(['person:a/UPDATE', 'visit:v1/DELETE']);
    expect(await ids({ first: 10, label: 'Visit' })).toEqual(['visit:v1/CREATE', 'visit:v1/DELETE']);
    expect(await ids({ first: 10, op: 'CREATE' })).toEqual(['person:a/CREATE', 'visit:v1/CREATE']);
    expect(await ids({ first: 10, op: 'DELETE', label: 'Person' })).toEqual([]);
    expect(await ids({ first: 10, afterImportFile: 'fy2024.yaml', recordId: 'visit:v1' })).toEqual(['visit:v1/DELETE']);
    expect((await store().changes({ first: 1, afterImportFile: 'fy2024.yaml' })).totalCount).toBe(2);
  });

  it('pages forward by seq; the total counts the filter over all pages', async () => {
    const first = await store().changes({ first: 3 });
    expect(first.changes).toHaveLength(3);
    expect(first.hasNextPage).toBe(true);
    const second = await store().changes({ first: 3, afterSeq: first.changes[2].seq });
    expect(second.changes.map((c) => c.op)).toEqual(['DELETE']);
    expect(second).toMatchObject({ totalCount: 4, hasNextPage: false });
  });

  it('refuses an entry without a valid instant and stores nothing of its batch', async () => {
    await expect(store().appendChanges([entry({}), entry({ at: 'yesterday' })])).rejects.toBeInstanceOf(StoreError);
    expect((await store().changes({ first: 10 })).totalCount).toBe(4);
  });

  it('an empty append stores nothing', async () => {
    expect(await store().appendChanges([])).toEqual([]);
  });

  it('clear() empties the log but seq keeps growing', async () => {
    const before = (await store().changes({ first: 10 })).changes.at(-1)!.seq;
    await store().clear();
    expect((await store().changes({ first: 10 })).totalCount).toBe(0);
    const [again] = await store().appendChanges([entry({})]);
    expect(again.seq).toBeGreaterThan(before);
  });
});
