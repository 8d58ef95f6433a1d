import neo4j, { type Driver } from 'neo4j-driver';
import type { Neo4jConfig } from '../../src/config';
import type { Dataset } from '../../src/domain/model';
import { datasetToGraph } from '../../src/ingest/toGraph';
import { validateDataset } from '../../src/ingest/validate';
import type { Graph } from '../../src/store/graph';
import type { GraphStore } from '../../src/store/port';
import { generateSynthetic } from '../generate';

/**
 * The benchmark's data: the synthetic graph of bench/generate.ts, written once into the bench's
 * Neo4j and remembered there by a marker node (size + generator version). Bump
 * GENERATOR_VERSION whenever generate.ts changes its output, so stale data is reloaded.
 */
export const GENERATOR_VERSION = 1;
export const SIZES: Record<string, number> = { '1k': 1000, '10k': 10000, '100k': 100000 };

export interface BenchData {
  people: number;
  graph: Graph;
  dataset: Dataset;
}

export function benchData(size: string): BenchData {
  const people = SIZES[size];
  if (!people) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
  const { dataset: input } = generateSynthetic({ people });
  const validation = validateDataset(input);
  if (!validation.ok) throw new Error(`generated data set is invalid: ${JSON.stringify(validation.problems.slice(0, 3))}`);
  return { people, dataset: validation.dataset, graph: datasetToGraph(validation.dataset) };
}

const markerKey = (people: number) => `people=${people};generator=${GENERATOR_VERSION}`;

/**
 * Makes the database hold exactly the bench data. Loads only when the marker differs. A database
 * holding other data (no marker, some nodes) is refused rather than cleared: the bench never
 * wipes data it did not write.
 */
export async function ensureLoaded(config: Neo4jConfig, store: GraphStore, data: BenchData, log: (s: string) => void): Promise<void> {
  const driver: Driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), { disableLosslessIntegers: true });
  try {
    const key = markerKey(data.people);
    const run = (cypher: string, params: Record<string, unknown> = {}) => driver.executeQuery(cypher, params, { database: config.database });
    const { records } = await run('OPTIONAL MATCH (m:KizunaBench {id: "dataset"}) RETURN m.key AS key, COUNT { MATCH (n) WHERE NOT n:KizunaMeta AND NOT n:KizunaBench } AS nodes');
    const found = records[0].get('key') as string | null;
    const nodes = records[0].get('nodes') as number;
    if (found === key) {
      log(`bench data already loaded (${key}, ${nodes} nodes)`);
      return;
    }
    if (nodes > 0 && found === null) {
      throw new Error(`the database at ${config.uri} holds ${nodes} nodes that the bench did not write; point the bench at its own Neo4j`);
    }
    const t = performance.now();
    await store.clear();
    await run('MATCH (m:KizunaBench) DELETE m');
    const slice = 20000;
    const { nodes: ns, rels } = data.graph;
    for (let i = 0; i < ns.length; i += slice) await store.write({ nodes: ns.slice(i, i + slice), rels: [] });
    for (let i = 0; i < rels.length; i += slice) await store.write({ nodes: [], rels: rels.slice(i, i + slice) });
    await run('MERGE (m:KizunaBench {id: "dataset"}) SET m.key = $key', { key });
    log(`loaded ${ns.length} nodes and ${rels.length} relationships in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  } finally {
    await driver.close();
  }
}
