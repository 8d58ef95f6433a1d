import { labelOfId } from '../../../../src/domain/ids';
import { recordToGraph } from '../../../../src/ingest/toGraph';
import { COLLECTION_ORDER } from '../../../../src/ingest/import/records';
import { loadDatasetFile } from '../../../../src/ingest/load';
import { DEFAULT_SEED_FILE } from '../../../../src/ingest/seed';
import { REL_TYPES } from '../../../../src/store/graph';
import { OWNED_RELS } from '../../../../src/store/records';
import { syntheticDataset } from '../../../fixtures/syntheticDataset';

/**
 * Import replaces the relationships a record states and nothing else, so OWNED_RELS must say
 * exactly which relationships toGraph makes for each record type, and no type may be owned from
 * both of its ends (then two records would both replace it).
 */
describe('OWNED_RELS', () => {
  it('covers every relationship toGraph makes for a record, at the record\'s end', async () => {
    const seed = await loadDatasetFile(DEFAULT_SEED_FILE);
    for (const dataset of [seed, syntheticDataset(12)]) {
      for (const collection of COLLECTION_ORDER) {
        for (const record of dataset[collection]) {
          const graph = recordToGraph(collection, record as never);
          const label = labelOfId(record.id)!;
          for (const rel of graph.rels) {
            const owned = rel.from === record.id ? OWNED_RELS[label].out : OWNED_RELS[label].in;
            expect({ id: record.id, type: rel.type, owned: owned.includes(rel.type) }).toEqual({ id: record.id, type: rel.type, owned: true });
          }
        }
      }
    }
  });

  it('gives every relationship type one owning end', () => {
    for (const type of REL_TYPES) {
      const owners = Object.entries(OWNED_RELS).flatMap(([label, o]) => [...(o.out.includes(type) ? [`${label} out`] : []), ...(o.in.includes(type) ? [`${label} in`] : [])]);
      const ends = new Set(owners.map((o) => o.split(' ')[1]));
      expect({ type, ends: ends.size }).toEqual({ type, ends: 1 });
    }
  });
});
