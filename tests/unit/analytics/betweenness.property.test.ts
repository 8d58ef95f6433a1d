import { betweenness } from '../../../src/analytics/betweenness';
import { csrFromEdges, type Csr } from '../../../src/analytics/csr';
import { createRng } from '../../../src/analytics/random';

/**
 * Textbook Brandes (2001) with adjacency lists, normalized like NetworkX, against the optimized
 * path (twins merged, biconnected blocks, RCM, typed arrays) on many small random graphs built to
 * have what the optimizations feed on: cliques (twins), pendant trees and cut vertices, several
 * components, isolated people.
 */
function reference(n: number, adj: number[][]): number[] {
  const bc = new Array<number>(n).fill(0);
  for (let s = 0; s < n; s++) {
    const stack: number[] = [];
    const pred: number[][] = Array.from({ length: n }, () => []);
    const sigma = new Array<number>(n).fill(0);
    const dist = new Array<number>(n).fill(-1);
    sigma[s] = 1;
    dist[s] = 0;
    const queue = [s];
    for (let h = 0; h < queue.length; h++) {
      const v = queue[h];
      stack.push(v);
      for (const w of adj[v]) {
        if (dist[w] < 0) {
          dist[w] = dist[v] + 1;
          queue.push(w);
        }
        if (dist[w] === dist[v] + 1) {
          sigma[w] += sigma[v];
          pred[w].push(v);
        }
      }
    }
    const delta = new Array<number>(n).fill(0);
    while (stack.length) {
      const w = stack.pop()!;
      for (const v of pred[w]) delta[v] += (sigma[v] / sigma[w]) * (1 + delta[w]);
      if (w !== s) bc[w] += delta[w];
    }
  }
  const scale = n > 2 ? 1 / ((n - 1) * (n - 2)) : 1;
  return bc.map((x) => x * scale);
}

function randomGraph(seed: number): { n: number; edges: [number, number][] } {
  const rng = createRng(seed);
  const n = 3 + rng.int(40);
  const set = new Set<number>();
  const add = (a: number, b: number) => {
    if (a !== b) set.add(Math.min(a, b) * n + Math.max(a, b));
  };
  // Cliques ("labs"), some random ties, and pendant paths.
  const cliques = 1 + rng.int(6);
  for (let c = 0; c < cliques; c++) {
    const size = 2 + rng.int(5);
    const members = Array.from({ length: size }, () => rng.int(n));
    for (const a of members) for (const b of members) add(a, b);
  }
  const extra = rng.int(n);
  for (let e = 0; e < extra; e++) add(rng.int(n), rng.int(n));
  return { n, edges: [...set].map((k) => [Math.floor(k / n), k % n] as [number, number]) };
}

function toCsr(n: number, edges: [number, number][]): Csr {
  const ids = Array.from({ length: n }, (_, i) => `person:x${String(i).padStart(3, '0')}`);
  return csrFromEdges(
    ids,
    new Map(ids.map((id, i) => [id, i])),
    Int32Array.from(edges.map((e) => e[0])),
    Int32Array.from(edges.map((e) => e[1])),
    new Float64Array(edges.length).fill(1),
  );
}

test('optimized exact betweenness equals textbook Brandes on 300 random graphs', () => {
  for (let seed = 1; seed <= 300; seed++) {
    const { n, edges } = randomGraph(seed);
    const adj: number[][] = Array.from({ length: n }, () => []);
    for (const [a, b] of edges) {
      adj[a].push(b);
      adj[b].push(a);
    }
    const expected = reference(n, adj);
    const actual = betweenness(toCsr(n, edges), { method: 'EXACT' }).values;
    for (let i = 0; i < n; i++) {
      if (Math.abs(actual[i] - expected[i]) > 1e-12) throw new Error(`seed ${seed}, node ${i}: expected ${expected[i]}, got ${actual[i]}`);
    }
  }
});
