import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csrFromEdges, type Csr } from '../../../src/analytics/csr';
import { linkScores, linkScoresFrom } from '../../../src/analytics/pairings/linkPrediction';
import { EgoWithTie } from '../../../src/analytics/pairings/structuralChange';
import { StructuralHoleCalculator } from '../../../src/analytics/structuralHoles';

/**
 * Link prediction and the constraint / effective size with an added tie against NetworkX
 * (scripts/networkx-oracle.py: adamic_adar_index, resource_allocation_index, common_neighbors, and
 * constraint / effective_size on the graph with the tie added), within 1e-9.
 */
interface Fixture {
  name: string;
  nodes: string[];
  edges: [string, string, number][];
  linkPrediction: { u: string; v: string; commonNeighbours: number; adamicAdar: number; resourceAllocation: number }[];
  withTie: { u: string; v: string; weight: number; constraint: Record<string, number | null>; effectiveSize: Record<string, number | null> }[];
}

const dir = join(__dirname, '..', '..', 'fixtures', 'networkx');
const fixtures: Fixture[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));

function csrOfFixture(fx: Fixture): Csr {
  const ids = [...fx.nodes].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  return csrFromEdges(
    ids,
    index,
    Int32Array.from(fx.edges.map((e) => index.get(e[0])!)),
    Int32Array.from(fx.edges.map((e) => index.get(e[1])!)),
    Float64Array.from(fx.edges.map((e) => e[2])),
  );
}

function close(actual: number | null, expected: number | null, what: string): void {
  if (expected === null || actual === null) {
    if (actual !== expected) throw new Error(`${what}: expected ${expected}, got ${actual}`);
    return;
  }
  if (!(Math.abs(actual - expected) <= 1e-9)) throw new Error(`${what}: expected ${expected}, got ${actual}`);
}

test('every fixture has link-prediction pairs (some with shared neighbours) and added-tie cases', () => {
  expect(fixtures.length).toBeGreaterThanOrEqual(6);
  for (const fx of fixtures) {
    expect(fx.linkPrediction.length).toBeGreaterThan(50);
    expect(fx.linkPrediction.some((p) => p.commonNeighbours > 0)).toBe(true);
    expect(fx.withTie.length).toBeGreaterThan(0);
  }
});

describe.each(fixtures.map((fx) => [fx.name, fx] as const))('NetworkX oracle, pairings: %s', (_name, fx) => {
  const csr = csrOfFixture(fx);
  const at = (id: string) => csr.index.get(id)!;

  test('common neighbours, Adamic–Adar and resource allocation (pairwise and from one person)', () => {
    for (const p of fx.linkPrediction) {
      const s = linkScores(csr, at(p.u), at(p.v));
      expect(s.commonNeighbours).toBe(p.commonNeighbours);
      close(s.adamicAdar, p.adamicAdar, `AA ${p.u} ${p.v}`);
      close(s.resourceAllocation, p.resourceAllocation, `RA ${p.u} ${p.v}`);
      const fromU = linkScoresFrom(csr, at(p.u)).get(at(p.v));
      expect(fromU?.commonNeighbours ?? 0).toBe(p.commonNeighbours);
      close(fromU?.adamicAdar ?? 0, p.adamicAdar, `AA from ${p.u}`);
      close(fromU?.resourceAllocation ?? 0, p.resourceAllocation, `RA from ${p.u}`);
    }
  });

  test('constraint and effective size of both people with the tie added', () => {
    const calc = new StructuralHoleCalculator(csr);
    for (const t of fx.withTie) {
      for (const [ego, other] of [[t.u, t.v], [t.v, t.u]]) {
        const change = new EgoWithTie(csr, at(ego), calc.of(at(ego))).with(at(other), t.weight);
        close(change.after.constraint, t.constraint[ego], `constraint of ${ego} with ${other}`);
        close(change.after.effectiveSize, t.effectiveSize[ego], `effective size of ${ego} with ${other}`);
      }
    }
  });
});
