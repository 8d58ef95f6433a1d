import { linkScores, linkScoresFrom } from '../../../src/analytics/pairings/linkPrediction';
import { EgoWithTie, StructuralDelta } from '../../../src/analytics/pairings/structuralChange';
import { StructuralHoleCalculator } from '../../../src/analytics/structuralHoles';
import { csrOfFixture, expectClose as close, loadNetworkxFixtures } from '../../support/networkxFixtures';

/**
 * Link prediction and the constraint / effective size with an added tie against NetworkX
 * (scripts/networkx-oracle.py: adamic_adar_index, resource_allocation_index, common_neighbors, and
 * constraint / effective_size on the graph with the tie added), within 1e-9.
 */
const fixtures = loadNetworkxFixtures();

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
        for (const Kind of [EgoWithTie, StructuralDelta]) {
          const change = new Kind(csr, at(ego), calc.of(at(ego))).with(at(other), t.weight);
          close(change.after.constraint, t.constraint[ego], `${Kind.name}: constraint of ${ego} with ${other}`);
          close(change.after.effectiveSize, t.effectiveSize[ego], `${Kind.name}: effective size of ${ego} with ${other}`);
        }
      }
    }
  });
});
