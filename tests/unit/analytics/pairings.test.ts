import { csrFromEdges, type Csr } from '../../../src/analytics/csr';
import { createRng } from '../../../src/analytics/random';
import { linkScores, linkScoresFrom } from '../../../src/analytics/pairings/linkPrediction';
import { closurePart, combinedScore, holePart, PAIRING_WEIGHTS, topicsPart } from '../../../src/analytics/pairings/score';
import { EgoWithTie, StructuralDelta } from '../../../src/analytics/pairings/structuralChange';
import { StructuralHoleCalculator } from '../../../src/analytics/structuralHoles';

/** Random weighted graphs (weights 1..4), as edge lists over n people. */
function randomGraph(n: number, p: number, seed: number): { n: number; edges: [number, number, number][] } {
  const rng = createRng(seed);
  const edges: [number, number, number][] = [];
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) if (rng.next() < p) edges.push([a, b, 1 + rng.int(4)]);
  return { n, edges };
}

function csrOf(n: number, edges: [number, number, number][]): Csr {
  const ids = Array.from({ length: n }, (_, i) => `person:p${String(i).padStart(3, '0')}`);
  const index = new Map(ids.map((id, i) => [id, i]));
  return csrFromEdges(ids, index, Int32Array.from(edges.map((e) => e[0])), Int32Array.from(edges.map((e) => e[1])), Float64Array.from(edges.map((e) => e[2])));
}

describe('EgoWithTie: the ego base gives what a full rebuild with the tie gives', () => {
  test.each([
    [30, 0.1, 1],
    [40, 0.2, 2],
    [25, 0.05, 3],
    [50, 0.08, 4],
  ])('G(%d, %d), seed %d: every untied pair of some egos', (n, p, seed) => {
    const { edges } = randomGraph(n, p, seed);
    const csr = csrOf(n, edges);
    const calc = new StructuralHoleCalculator(csr);
    const tied = new Set(edges.map(([a, b]) => `${a}-${b}`));
    let checked = 0;
    for (let v = 0; v < n; v += 3) {
      const ego = new EgoWithTie(csr, v, calc.of(v));
      const delta = new StructuralDelta(csr, v, calc.of(v));
      for (let c = 0; c < n; c++) {
        if (c === v || tied.has(`${Math.min(v, c)}-${Math.max(v, c)}`)) continue;
        const full = new StructuralHoleCalculator(csrOf(n, [...edges, [v, c, 1]])).of(v);
        const change = ego.with(c);
        expect(change.before).toEqual(calc.of(v));
        expect(Math.abs(change.after.constraint! - full.constraint!)).toBeLessThanOrEqual(1e-12);
        expect(Math.abs(change.after.effectiveSize! - full.effectiveSize!)).toBeLessThanOrEqual(1e-12);
        // The incremental form that suggestPairings uses gives the same values, for weights other than 1 too.
        for (const weight of [1, 3]) {
          const fast = delta.with(c, weight);
          const reference = weight === 1 ? change.after : ego.with(c, weight).after;
          expect(Math.abs(fast.after.constraint! - reference.constraint!)).toBeLessThanOrEqual(1e-12);
          expect(Math.abs(fast.after.effectiveSize! - reference.effectiveSize!)).toBeLessThanOrEqual(1e-12);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  test.each([
    ['EgoWithTie', EgoWithTie],
    ['StructuralDelta', StructuralDelta],
  ] as const)('%s: a person without ties: before null, after one tie (constraint 1, effective size 1)', (_name, Kind) => {
    const csr = csrOf(4, [[1, 2, 2], [2, 3, 1]]);
    const change = new Kind(csr, 0, new StructuralHoleCalculator(csr).of(0)).with(2);
    expect(change.before).toEqual({ constraint: null, effectiveSize: null });
    expect(change.after).toEqual({ constraint: 1, effectiveSize: 1 });
  });

  test.each([
    ['EgoWithTie', EgoWithTie],
    ['StructuralDelta', StructuralDelta],
  ] as const)('%s refuses a candidate already tied, and the person itself', (_name, Kind) => {
    const csr = csrOf(3, [[0, 1, 1]]);
    const ego = new Kind(csr, 0, new StructuralHoleCalculator(csr).of(0));
    expect(() => ego.with(1)).toThrow(RangeError);
    expect(() => ego.with(0)).toThrow(RangeError);
  });
});

test('linkScoresFrom gives linkScores for every pair, 0 for pairs with no common neighbour', () => {
  const { n, edges } = randomGraph(40, 0.12, 9);
  const csr = csrOf(n, edges);
  for (let u = 0; u < n; u++) {
    const from = linkScoresFrom(csr, u);
    for (let v = 0; v < n; v++) {
      if (v === u) continue;
      const pair = linkScores(csr, u, v);
      const got = from.get(v) ?? { commonNeighbours: 0, adamicAdar: 0, resourceAllocation: 0 };
      expect(got).toEqual(pair);
    }
  }
});

describe('the combined score', () => {
  test('weights sum to 1 and each part is in [0, 1]', () => {
    expect(PAIRING_WEIGHTS.closure + PAIRING_WEIGHTS.topics + PAIRING_WEIGHTS.hole).toBeCloseTo(1, 12);
    expect(closurePart({ commonNeighbours: 0, adamicAdar: 0, resourceAllocation: 0 })).toBe(0);
    expect(closurePart({ commonNeighbours: 3, adamicAdar: 50, resourceAllocation: 1 })).toBeLessThanOrEqual(1);
    expect(topicsPart(0, 0)).toBe(0);
    expect(topicsPart(2, 4)).toBe(0.5);
  });

  test('hole: relative fall of constraint, 1 without ties, clipped at 0 when constraint rises', () => {
    expect(holePart({ constraint: null, effectiveSize: null }, { constraint: 1, effectiveSize: 1 })).toBe(1);
    expect(holePart({ constraint: 1, effectiveSize: 1 }, { constraint: 0.5, effectiveSize: 2 })).toBe(0.5);
    expect(holePart({ constraint: 0.4, effectiveSize: 3 }, { constraint: 0.5, effectiveSize: 2.5 })).toBe(0);
  });

  test('score = weights · parts', () => {
    expect(combinedScore({ closure: 1, topics: 0, hole: 0 })).toBe(PAIRING_WEIGHTS.closure);
    expect(combinedScore({ closure: 0.5, topics: 0.5, hole: 0.5 })).toBeCloseTo(0.5, 12);
  });
});
