import { join } from 'node:path';
import type { Config } from '../config';
import type { Dataset } from '../domain/model';
import { openStore } from '../store';
import type { GraphStore, WriteSummary } from '../store/port';
import { loadDatasetFile } from './load';
import { datasetToGraph } from './toGraph';

/** The seed data set shipped with the project (the FY2024 report); resolves from src/ and dist/ alike. */
export const DEFAULT_SEED_FILE = join(__dirname, '..', '..', 'seed', 'kizuna-seed.yaml');

/** Writes a data set into a store. Idempotent: the store merges on ids, so seeding twice changes nothing. */
export async function seedStore(store: GraphStore, dataset: Dataset): Promise<WriteSummary> {
  return store.write(datasetToGraph(dataset));
}

/**
 * The store a one-shot command (report, export) reads: Neo4j as it is, or the embedded store
 * seeded from KIZUNA_SEED_FILE or the shipped seed, since the embedded store starts empty.
 */
export async function openSeededStore(config: Pick<Config, 'neo4j' | 'seedFile'>): Promise<GraphStore> {
  const store = await openStore(config.neo4j);
  if (store.kind === 'memory') await seedStoreFromFile(store, config.seedFile ?? DEFAULT_SEED_FILE);
  return store;
}

export async function seedStoreFromFile(store: GraphStore, file: string = DEFAULT_SEED_FILE): Promise<WriteSummary> {
  return seedStore(store, await loadDatasetFile(file));
}
