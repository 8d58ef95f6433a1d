import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { writeDatasetExport } from '../../../src/ingest/import/exportDataset';
import { loadDatasetFile } from '../../../src/ingest/load';
import { DEFAULT_SEED_FILE } from '../../../src/ingest/seed';
import type { Dataset } from '../../../src/domain/model';
import type { GraphStore } from '../../../src/store/port';
import { forEachStore } from '../../support/stores';
import { countsOf, graphSnapshot, importFiles, tempDir } from '../../support/importHelpers';

jest.setTimeout(300_000);

let seed: Dataset;
beforeAll(async () => {
  seed = await loadDatasetFile(DEFAULT_SEED_FILE);
});

async function exportTo(store: GraphStore, file: string): Promise<number> {
  const out = createWriteStream(file);
  const written = await writeDatasetExport(store, out, file.endsWith('.json') ? 'json' : 'yaml');
  out.end();
  await finished(out);
  return written;
}

/** `kizuna export --format dataset` then `kizuna import` into an empty store gives the same graph. */
forEachStore(
  'data-set export round trip (the seed)',
  (store) => {
    it.each(['seed-export.yaml', 'seed-export.json'])('export → %s → import into an empty store: the same graph', async (name) => {
      const file = join(tempDir(), name);
      const original = await graphSnapshot(store());
      expect(original.length).toBeGreaterThan(400);
      expect(await exportTo(store(), file)).toBe(137);
      // Importing the export over the graph it came from changes nothing …
      const again = await importFiles(store(), [file], { batchSize: 1000 });
      expect(countsOf(again, 'updated')).toEqual({});
      expect(countsOf(again, 'created')).toEqual({});
      // … and into an empty store it rebuilds the graph exactly.
      await store().clear();
      const result = await importFiles(store(), [file], { batchSize: 1000 });
      expect(result.problems).toEqual([]);
      expect(await graphSnapshot(store())).toEqual(original);
    });
  },
  () => seed,
);
