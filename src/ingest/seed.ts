import { join } from 'node:path';
import type { Dataset } from '../domain/model';
import type { GraphStore, WriteSummary } from '../store/port';
import { loadDatasetFile } from './load';
import { datasetToGraph } from './toGraph';

/** The seed data set shipped with the project (the FY2024 report); resolves from src/ and dist/ alike. */
export const DEFAULT_SEED_FILE = join(__dirname, '..', '..', 'seed', 'kizuna-seed.yaml');

/** Writes a data set into a store. Idempotent: the store merges on ids, so seeding twice changes nothing. */
export async function seedStore(store: GraphStore, dataset: Dataset): Promise<WriteSummary> {
  return store.write(datasetToGraph(dataset));
}

export async function seedStoreFromFile(store: GraphStore, file: string = DEFAULT_SEED_FILE): Promise<WriteSummary> {
  return seedStore(store, await loadDatasetFile(file));
}
