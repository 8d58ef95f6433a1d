import { Writable } from 'node:stream';
import type { Dataset } from '../../../src/domain/model';
import { importWithReport } from '../../../src/ingest/import/command';
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
});
