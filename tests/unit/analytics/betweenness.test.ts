import Graph from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import { generateSynthetic } from '../../../bench/generate';
import { betweenness, betweennessParallel, decomposeBlocks, planBetweenness, reduce } from '../../../src/analytics/betweenness';
import { buildCollaborationNetwork } from '../../../src/analytics/collaborationGraph';
import { csrOf } from '../../../src/analytics/csr';
import { createRng, sampleIndices } from '../../../src/analytics/random';

const net = buildCollaborationNetwork(generateSynthetic({ people: 500, seed: 5 }).projection);
const csr = csrOf(net.graph);

describe('betweenness', () => {
  test('exact agrees with graphology-metrics (unweighted) on a collaboration graph', () => {
    const g = new Graph({ type: 'undirected' });
    net.graph.forEachNode((n) => g.addNode(n));
    net.graph.forEachEdge((_e, _a, s, t) => g.addEdge(s, t));
    const expected = betweennessCentrality(g, { getEdgeWeight: null });
    const result = betweenness(csr, { method: 'EXACT' });
    csr.ids.forEach((id, i) => expect(Math.abs(result.values[i] - expected[id])).toBeLessThan(1e-9));
  });

  test('twins are merged and biconnected blocks split (the kernel runs on less) without changing the values', () => {
    const reduced = reduce(csr);
    expect(reduced.n).toBeLessThan(csr.n);
    expect(Array.from(reduced.mult).reduce((a, b) => a + b, 0)).toBe(csr.n);
    const blocks = decomposeBlocks(reduced);
    expect(blocks.work).toBeLessThan(reduced.n * (reduced.n + reduced.targets.length));
    // The NetworkX fixtures (networkx.test.ts) check the values; here: the cut-vertex term on a star.
  });

  test('a star: the centre is a cut vertex between every pair of leaves', () => {
    const star = buildCollaborationNetwork({
      people: ['c', 'a', 'b', 'd', 'e'].map((x) => ({ id: `person:${x}`, label: x, careerStage: 'POSTDOC' as const, placeholder: false, labs: [], institutions: [] })),
      labs: [],
      institutions: [],
      visits: [],
      papers: ['a', 'b', 'd', 'e'].map((x) => ({ id: `paper:${x}`, authors: ['person:c', `person:${x}`], status: 'PUBLISHED' as const, year: 2024 })),
    });
    const result = betweenness(csrOf(star.graph), { method: 'EXACT' });
    // c is on all C(4,2) = 6 leaf pairs out of C(4,2) = 6 pairs among the others: 1.
    expect(Array.from(result.values)).toEqual([0, 0, 1, 0, 0]);
  });

  test('AUTO picks exact below the work limit and sampling above it, and says so', () => {
    expect(betweenness(csr).method).toBe('EXACT');
    const sampled = betweenness(csr, { exactWorkLimit: 1000, k: 50, seed: 9 });
    expect(sampled).toMatchObject({ method: 'SAMPLED', k: 50, seed: 9, n: csr.n });
    expect(sampled.sources).toHaveLength(50);
    // The sample budget is spent on the twin-merged graph, so k is a little larger than on the raw one.
    const r = reduce(csr);
    expect(planBetweenness(csr, { exactWorkLimit: 1000, sampleWorkBudget: 1e5 }).sources.length).toBe(Math.floor(1e5 / (r.n + r.targets.length)));
    expect(betweenness(csr, { method: 'SAMPLED', k: csr.n }).method).toBe('EXACT'); // k = n is exact, as in NetworkX
  });

  test('sampling is seeded: same seed, same values; another seed, other sources', () => {
    const a = betweenness(csr, { method: 'SAMPLED', k: 40, seed: 1 });
    const b = betweenness(csr, { method: 'SAMPLED', k: 40, seed: 1 });
    const c = betweenness(csr, { method: 'SAMPLED', k: 40, seed: 2 });
    expect(Array.from(a.values)).toEqual(Array.from(b.values));
    expect(a.sources).not.toEqual(c.sources);
  });

  test('the sampled estimate is close to the exact value for the central people', () => {
    const exact = betweenness(csr, { method: 'EXACT' });
    const sampled = betweenness(csr, { method: 'SAMPLED', k: 250, seed: 3 });
    const top = [...exact.values.keys()].sort((x, y) => exact.values[y] - exact.values[x]).slice(0, 5);
    for (const i of top) expect(Math.abs(sampled.values[i] - exact.values[i]) / exact.values[i]).toBeLessThan(0.35);
  });

  test('worker threads give bit-identical results (sampled too)', async () => {
    const single = betweenness(csr, { method: 'SAMPLED', k: 100, seed: 4 });
    const parallel = await betweennessParallel(csr, { method: 'SAMPLED', k: 100, seed: 4, threads: 2, minParallelWork: 0 });
    expect(parallel.method).toBe('SAMPLED');
    expect(Array.from(parallel.values)).toEqual(Array.from(single.values));
  });

  test('tiny graphs: n ≤ 2 needs no rescaling, unknown sources are refused', () => {
    const tiny = buildCollaborationNetwork({
      people: [
        { id: 'person:a', label: 'A', careerStage: 'POSTDOC', placeholder: false, labs: [], institutions: [] },
        { id: 'person:b', label: 'B', careerStage: 'POSTDOC', placeholder: false, labs: [], institutions: [] },
      ],
      labs: [],
      institutions: [],
      visits: [],
      papers: [{ id: 'paper:x', authors: ['person:a', 'person:b'], status: 'PUBLISHED', year: 2024 }],
    });
    expect(Array.from(betweenness(csrOf(tiny.graph)).values)).toEqual([0, 0]);
    expect(() => betweenness(csr, { sources: ['person:nobody'] })).toThrow(RangeError);
  });
});

describe('PRNG', () => {
  test('xoshiro128** is deterministic and roughly uniform', () => {
    const r1 = createRng(42);
    const r2 = createRng(42);
    const xs = Array.from({ length: 10000 }, () => r1.next());
    expect(xs.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => r2.next()));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.02);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  test('sampleIndices draws distinct indices', () => {
    const s = sampleIndices(100, 30, createRng(1));
    expect(new Set(s).size).toBe(30);
    expect(Math.max(...s)).toBeLessThan(100);
    expect(sampleIndices(5, 10, createRng(1))).toHaveLength(5);
  });
});
