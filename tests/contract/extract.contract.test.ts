import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset } from '../../src/domain/model';
import { extractDraft } from '../../src/extract/draft';
import { loadDatasetFile } from '../../src/ingest/load';
import { DEFAULT_SEED_FILE, seedStore } from '../../src/ingest/seed';
import { TestApi } from '../support/api';
import { forEachStore } from '../support/stores';

/**
 * Extract → review → import on every store: the draft read from the seed report, imported into the
 * graph that holds the curated seed, changes none of its movements and adds no node.
 */
let seed: Dataset;
let draft: Dataset;

beforeAll(async () => {
  seed = await loadDatasetFile(DEFAULT_SEED_FILE);
  const report = readFileSync(join(__dirname, '..', '..', 'seed', 'source', 'fy2024-progress-report.ja.txt'), 'utf8');
  draft = (await extractDraft(report, { fiscalYear: 2024, homeCountry: 'JP', document: 'seed/source/fy2024-progress-report.ja.txt', graph: seed })).dataset;
}, 120_000);

const MOVEMENTS = `{ visits(first: 100) { totalCount edges { node { id status start duration visitor { id } from { id } to { id } } } } }`;

forEachStore('extract → import', (store) => {
  beforeAll(async () => {
    await store().clear();
    await seedStore(store(), seed);
  });

  it('reproduces the curated movements: the same visits, visitors, places, statuses and dates after the import', async () => {
    const api = new TestApi(store());
    const before = await api.data(MOVEMENTS);
    const counts = await store().counts();
    await seedStore(store(), draft);
    expect(await api.data(MOVEMENTS)).toEqual(before);
    expect((await store().counts()).nodes).toEqual(counts.nodes);
    expect(before.visits.totalCount).toBe(29);
  });
});
