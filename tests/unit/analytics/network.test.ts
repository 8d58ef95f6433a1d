import { bridges } from '../../../src/analytics/bridges';
import { brokerage } from '../../../src/analytics/brokerage';
import { buildCollaborationNetwork } from '../../../src/analytics/collaborationGraph';
import { buildCsr, csrFromEdges, csrFromSortedTies, csrOf } from '../../../src/analytics/csr';
import { createRng } from '../../../src/analytics/random';
import { generateSynthetic } from '../../../bench/generate';
import { smallWorld } from './world';

/**
 * The network keeps one tie table: the CSR the measures read is built from it directly, and the
 * graphology graph (built on first access) shares its attribute objects. These tests pin that the
 * two views cannot disagree and that the measures never need graphology.
 */
describe('collaboration network: tie table, CSR and the lazy graphology graph', () => {
  for (const [name, projection] of [
    ['small world', smallWorld()],
    ['synthetic, 600 people', generateSynthetic({ people: 600, seed: 11 }).projection],
  ] as const) {
    for (const includePlanned of [false, true]) {
      test(`${name}, includePlanned ${includePlanned}: the CSR equals the one built from the graph`, () => {
        const net = buildCollaborationNetwork(projection, { includePlanned });
        const fromGraph = buildCsr(net.graph);
        expect(fromGraph.ids).toEqual(net.csr.ids);
        expect(Array.from(fromGraph.offsets)).toEqual(Array.from(net.csr.offsets));
        expect(Array.from(fromGraph.targets)).toEqual(Array.from(net.csr.targets));
        expect(Array.from(fromGraph.weights)).toEqual(Array.from(net.csr.weights));
        // The same objects, not copies: one source of truth for ties and people.
        fromGraph.arcAttrs.forEach((a, j) => expect(a).toBe(net.csr.arcAttrs[j]));
        net.csr.ids.forEach((id, i) => expect(net.graph.getNodeAttributes(id)).toBe(net.people[i]));
        expect(csrOf(net.graph)).toBe(net.csr);
      });
    }
  }

  test('bridges and brokerage do not build the graphology graph', () => {
    const net = buildCollaborationNetwork(generateSynthetic({ people: 300, seed: 3 }).projection);
    const spy = jest.spyOn(net, 'graph', 'get');
    bridges(net, { level: 'INSTITUTION', earlyCareerOnly: false });
    brokerage(net, { level: 'LAB' });
    expect(spy).not.toHaveBeenCalled();
  });

  test('csrFromSortedTies gives the arrays csrFromEdges gives', () => {
    const rng = createRng(5);
    for (let round = 0; round < 20; round++) {
      const n = 1 + rng.int(40);
      const pairs = new Set<number>();
      for (let e = rng.int(3 * n); e > 0; e--) {
        const x = rng.int(n);
        const y = rng.int(n);
        if (x !== y) pairs.add(Math.min(x, y) * n + Math.max(x, y));
      }
      const sorted = [...pairs].sort((p, q) => p - q);
      const a = Int32Array.from(sorted, (k) => Math.floor(k / n));
      const b = Int32Array.from(sorted, (k) => k % n);
      const w = Float64Array.from(sorted, (k) => 1 + (k % 3));
      const attrs = sorted.map((k) => ({ visits: [], papers: [], labs: [`lab:${k}`], weight: 1 + (k % 3) }));
      const ids = Array.from({ length: n }, (_, i) => `person:${String(i).padStart(2, '0')}`);
      const index = new Map(ids.map((id, i) => [id, i]));
      // The reference gets the edges shuffled and reversed: its result does not depend on order.
      const order = sorted.map((_, i) => i).sort(() => rng.int(3) - 1);
      const ref = csrFromEdges(ids, index, Int32Array.from(order, (i) => b[i]), Int32Array.from(order, (i) => a[i]), Float64Array.from(order, (i) => w[i]), order.map((i) => attrs[i]));
      const got = csrFromSortedTies(ids, index, a, b, w, attrs);
      expect(Array.from(got.offsets)).toEqual(Array.from(ref.offsets));
      expect(Array.from(got.targets)).toEqual(Array.from(ref.targets));
      expect(Array.from(got.weights)).toEqual(Array.from(ref.weights));
      expect(got.arcAttrs).toEqual(ref.arcAttrs);
      expect(got.m).toBe(ref.m);
    }
  });
});
