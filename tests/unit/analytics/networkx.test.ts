import { betweenness, betweennessParallel } from '../../../src/analytics/betweenness';
import { StructuralHoleCalculator } from '../../../src/analytics/structuralHoles';
import { csrOfFixture, expectClose, loadNetworkxFixtures } from '../../support/networkxFixtures';

/**
 * The independent oracle: tests/fixtures/networkx/*.json were computed by NetworkX
 * (scripts/networkx-oracle.py) on the same graphs. Every value must agree within 1e-9.
 */
const fixtures = loadNetworkxFixtures();

test('there are NetworkX fixtures, made with NetworkX >= 3.5', () => {
  expect(fixtures.length).toBeGreaterThanOrEqual(6);
  for (const fx of fixtures) expect(Number(fx.networkx.split('.')[0]) * 100 + Number(fx.networkx.split('.')[1])).toBeGreaterThanOrEqual(305);
});

describe.each(fixtures.map((fx) => [fx.name, fx] as const))('NetworkX oracle: %s', (_name, fx) => {
  const csr = csrOfFixture(fx);

  test('exact betweenness (unweighted, normalized)', () => {
    const result = betweenness(csr, { method: 'EXACT' });
    expect(result.method).toBe('EXACT');
    let checked = 0;
    csr.ids.forEach((id, i) => {
      expectClose(result.values[i], fx.betweenness[id], `betweenness ${id}`);
      checked++;
    });
    expect(checked).toBe(fx.nodes.length);
  });

  test('sampled betweenness with the same sources as NetworkX', () => {
    for (const run of fx.sampled) {
      const result = betweenness(csr, { sources: run.sources });
      expect(result.k).toBe(Math.min(run.k, csr.n));
      csr.ids.forEach((id, i) => expectClose(result.values[i], run.betweenness[id], `sampled(k=${run.k}) ${id}`));
    }
  });

  test('constraint and effective size (weighted)', () => {
    const calc = new StructuralHoleCalculator(csr);
    csr.ids.forEach((id, i) => {
      const sh = calc.of(i);
      expectClose(sh.constraint, fx.constraint[id], `constraint ${id}`);
      expectClose(sh.effectiveSize, fx.effectiveSize[id], `effective size ${id}`);
    });
  });
});

test('the worker-thread betweenness gives bit-identical values', async () => {
  const fx = fixtures.find((f) => f.name.startsWith('synthetic'))!;
  const csr = csrOfFixture(fx);
  const single = betweenness(csr, { method: 'EXACT' });
  const parallel = await betweennessParallel(csr, { method: 'EXACT', threads: 2, minParallelWork: 0 });
  expect(Array.from(parallel.values)).toEqual(Array.from(single.values));
});
