import { Writable } from 'node:stream';
import type { Dataset } from '../../../src/domain/model';
import { importWithReport } from '../../../src/ingest/import/command';
import { readRecords } from '../../../src/write/fromGraph';
import { WriteService } from '../../../src/write/service';
import { forEachStore } from '../../support/stores';
import { tempDir, writeYaml } from '../../support/importHelpers';
import { syntheticDataset } from '../../fixtures/syntheticDataset';

jest.setTimeout(240_000);

const quiet = () => new Writable({ write: (_chunk, _encoding, done) => done() });
const run = (store: Parameters<typeof importWithReport>[0], files: string[], dryRun = false) =>
  importWithReport(store, { files, mode: 'merge', dryRun, batchSize: 100, transactionLimit: 20_000 }, quiet(), null);

/** Imports write the change log too, on every store: one entry per created, updated or deleted record, none for the unchanged. */
forEachStore('import → change log', (store) => {
  const dir = tempDir();
  const dataset = syntheticDataset(6);
  const file = writeYaml(dir, 'report.yaml', dataset);

  beforeAll(async () => {
    await store().clear();
  });

  it('logs every created record with the file it came from, then only what a changed file changed', async () => {
    expect(await run(store(), [file], true)).toBe(0);
    expect((await store().changes({ importFile: file, first: 100 })).totalCount).toBe(0);
    expect(await run(store(), [file])).toBe(0);
    const created = await store().changes({ importFile: file, first: 1000 });
    const records = Object.values(dataset).filter(Array.isArray).reduce((n, list) => n + (list as unknown[]).length, 0);
    expect(created.totalCount).toBe(records);
    expect(new Set(created.changes.map((c) => c.op))).toEqual(new Set(['CREATE']));
    expect(new Set(created.changes.map((c) => c.actor.keyName.startsWith('cli:')))).toEqual(new Set([true]));

    expect(await run(store(), [file])).toBe(0);
    expect((await store().changes({ importFile: file, first: 1000 })).totalCount).toBe(records);

    const changed = structuredClone(dataset) as Dataset;
    changed.visits[0].status = 'CANCELLED';
    const second = writeYaml(dir, 'corrected.yaml', changed);
    expect(await run(store(), [second])).toBe(0);
    const updates = await store().changes({ importFile: second, first: 100 });
    expect(updates.changes.map((c) => [c.recordId, c.op, c.fields.map((f) => f.name)])).toEqual([[changed.visits[0].id, 'UPDATE', ['status']]]);
  });

  it("names fields as the data-set format does, as a mutation's entry does: no derived properties, no graph relationships", async () => {
    const person = dataset.people[0];
    const visit = dataset.visits[1];
    const changed = structuredClone(dataset) as Dataset;
    changed.people[0].name = `${person.name} Jr.`;
    changed.visits[1].hosts = [];
    changed.visits[1].status = 'CANCELLED';
    const third = writeYaml(dir, 'renamed.yaml', changed);
    expect(await run(store(), [third])).toBe(0);
    const imported = await store().changes({ importFile: third, first: 100 });
    const byId = new Map(imported.changes.map((c) => [c.recordId, c.fields]));
    expect(byId.get(person.id)).toEqual([{ name: 'name', old: person.name, new: `${person.name} Jr.` }]);
    expect(byId.get(visit.id)).toEqual([
      { name: 'hosts', old: [...visit.hosts].sort(), new: [] },
      { name: 'status', old: visit.status, new: 'CANCELLED' },
    ]);

    // The same two changes undone by mutations: the same names and values, the other way round.
    const writer = new WriteService(store());
    const actor = { keyName: 'editor', role: 'EDITOR' as const };
    for (const [label, id, record] of [['Person', person.id, person], ['Visit', visit.id, visit]] as const) {
      const [current] = await readRecords(store(), [id]);
      await writer.upsert(label, { ...current!.record, ...record }, { actor, expectedVersion: current!.version });
    }
    const undone = await store().changes({ afterImportFile: third, first: 100 });
    const byIdUndone = new Map(undone.changes.map((c) => [c.recordId, c.fields]));
    expect(byIdUndone.get(person.id)).toEqual(byId.get(person.id)!.map((f) => ({ name: f.name, old: f.new, new: f.old })));
    expect(byIdUndone.get(visit.id)).toEqual(byId.get(visit.id)!.map((f) => ({ name: f.name, old: f.new, new: f.old })));
  });
});
