import { generateSynthetic, projectionOfDataset } from '../../../bench/generate';
import { datasetToGraph } from '../../../src/ingest/toGraph';
import { validateDataset } from '../../../src/ingest/validate';
import { MemoryStore } from '../../../src/store/memory/memoryStore';
import type { CollaborationProjection } from '../../../src/store/projection';

const sorted = (p: CollaborationProjection): CollaborationProjection => {
  const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    people: byId(p.people),
    labs: byId(p.labs),
    institutions: byId(p.institutions),
    visits: byId(p.visits).map((v) => ({ ...v, hosts: [...v.hosts].sort() })),
    papers: byId(p.papers),
  };
};

describe('synthetic data (bench/generate.ts)', () => {
  const { dataset, projection } = generateSynthetic({ people: 300, seed: 9 });

  test('is a valid kizuna data set', () => {
    const result = validateDataset(dataset);
    if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 5)));
  });

  test('its projection is exactly what the embedded store returns for it', async () => {
    const result = validateDataset(dataset);
    if (!result.ok) throw new Error('invalid');
    const store = new MemoryStore();
    await store.write(datasetToGraph(result.dataset));
    expect(sorted(await store.projection())).toEqual(sorted(projection));
    expect(projectionOfDataset(dataset)).toEqual(projection);
  });

  test('is deterministic and has a realistic spread', () => {
    expect(generateSynthetic({ people: 300, seed: 9 }).projection).toEqual(projection);
    expect(projection.people).toHaveLength(300);
    const stages = new Set(projection.people.map((p) => p.careerStage));
    expect(stages.size).toBeGreaterThanOrEqual(8);
    expect(projection.visits.some((v) => v.status === 'PLANNED')).toBe(true);
    expect(projection.people.some((p) => p.labs.length === 2)).toBe(true);
    expect(projection.people.some((p) => p.labs.length === 0 && p.institutions.length === 1)).toBe(true);
  });
});
