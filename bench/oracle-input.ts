/**
 * Writes a collaboration graph as an input of the NetworkX oracle (tests/fixtures/networkx/inputs/):
 *   node -r ./bench/register.js bench/oracle-input.ts [people] [seed]   the synthetic graph (bench/generate.ts)
 *   node -r ./bench/register.js bench/oracle-input.ts --seed-data       the seed data set (seed/kizuna-seed.yaml),
 *                                                                        through the embedded store's projection
 * Then `python3 scripts/networkx-oracle.py` computes the expected measures for every input.
 * Rerun both when the generator, the seed or the tie rules change.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCollaborationNetwork } from '../src/analytics/collaborationGraph';
import { seedStoreFromFile } from '../src/ingest/seed';
import { MemoryStore } from '../src/store/memory/memoryStore';
import type { CollaborationProjection } from '../src/store/projection';
import { generateSynthetic } from './generate';

async function main(): Promise<void> {
  let projection: CollaborationProjection;
  let name: string;
  let description: string;
  if (process.argv[2] === '--seed-data') {
    const store = new MemoryStore();
    await seedStoreFromFile(store);
    projection = await store.projection();
    name = 'seed';
    description = 'the seed data set (seed/kizuna-seed.yaml) through the embedded store, planned items excluded';
  } else {
    const people = Number(process.argv[2] ?? 600);
    const seed = Number(process.argv[3] ?? 7);
    projection = generateSynthetic({ people, seed }).projection;
    name = `synthetic-${people}`;
    description = `bench/generate.ts collaboration graph, ${people} people, seed ${seed}, planned items excluded`;
  }
  const network = buildCollaborationNetwork(projection);
  const nodes = network.graph.nodes().sort();
  const edges: [string, string, number][] = [];
  network.graph.forEachEdge((_k, attrs, s, t) => edges.push(s < t ? [s, t, attrs.weight] : [t, s, attrs.weight]));
  edges.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : 1));
  const dir = join(__dirname, '..', 'tests', 'fixtures', 'networkx', 'inputs');
  mkdirSync(dir, { recursive: true });
  const k = Math.max(2, Math.round(nodes.length / 10));
  writeFileSync(join(dir, `${name}.json`), JSON.stringify({ name, description, nodes, edges, sampled: [[k, 1]] }) + '\n');
  console.log(`wrote ${name}: ${nodes.length} people, ${edges.length} ties`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
