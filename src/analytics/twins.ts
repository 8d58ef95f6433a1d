import type { Csr } from './csr';
import { reverseCuthillMcKee } from './rcm';

/**
 * Sampled people → one BFS per class of twins, weighted by how many of its members were drawn;
 * classes without ties are skipped (a BFS from them reaches nobody). Sorted by class so that the
 * chunks do not depend on the order of the draw.
 */
export function classSources(sources: Int32Array, reduced: Reduced): { sources: Int32Array; weights: Float64Array } {
  const count = new Float64Array(reduced.n);
  for (const s of sources) count[reduced.classOf[s]]++;
  const list: number[] = [];
  for (let c = 0; c < reduced.n; c++) if (count[c] > 0 && reduced.offsets[c + 1] > reduced.offsets[c]) list.push(c);
  const weights = new Float64Array(list.length);
  const out = new Int32Array(list.length);
  list.forEach((c, i) => {
    out[i] = c;
    weights[i] = count[c];
  });
  return { sources: out, weights };
}

/**
 * The graph the kernel runs on: closed twins merged, then renumbered in reverse Cuthill–McKee
 * order. Cached per Csr (so per built collaboration graph).
 *
 * Closed twins (same neighbours and tied to each other, e.g. the members of a lab who have no
 * other tie) are interchangeable on every shortest path: a path never uses two of them, each of
 * them carries the same share, and a twin of the source is never between the source and anyone.
 * So one node with multiplicity stands for the class (Sariyüce et al. 2013, "Shattering and
 * compressing networks for betweenness centrality", identical vertices). On the synthetic 10k
 * graph this cuts the work to ~40%.
 */
export interface Reduced {
  /** Number of classes. */
  n: number;
  /** classOf[original index] = class index in the renumbered arrays. */
  classOf: Int32Array;
  /** Class sizes, by class index (also the target weights: tw === mult). */
  mult: Float64Array;
  tw: Float64Array;
  offsets: Int32Array;
  targets: Int32Array;
}

const reducedCache = new WeakMap<Csr, Reduced>();

export function reducedOf(csr: Csr): Reduced {
  let r = reducedCache.get(csr);
  if (!r) reducedCache.set(csr, (r = reduce(csr)));
  return r;
}

export function reduce(csr: Csr): Reduced {
  const { n, offsets, targets } = csr;
  // Union-find over ties whose two ends are closed twins; twins are adjacent, so every pair of a
  // class is checked directly and the classes are exactly the connected parts of this relation.
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (let u = 0; u < n; u++) {
    const du = offsets[u + 1] - offsets[u];
    for (let j = offsets[u]; j < offsets[u + 1]; j++) {
      const v = targets[j];
      if (v <= u || offsets[v + 1] - offsets[v] !== du) continue;
      if (closedTwins(offsets, targets, u, v)) {
        const a = find(u);
        const b = find(v);
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  }
  // Classes numbered by their smallest member.
  const classIndex = new Int32Array(n).fill(-1);
  const firstClassOf = new Int32Array(n);
  const reps: number[] = [];
  for (let i = 0; i < n; i++) {
    const root = find(i);
    if (classIndex[root] < 0) {
      classIndex[root] = reps.length;
      reps.push(i);
    }
    firstClassOf[i] = classIndex[root];
  }
  const k = reps.length;
  const size = new Float64Array(k);
  for (let i = 0; i < n; i++) size[firstClassOf[i]]++;
  // Class graph: the representative's row, mapped to classes, own class dropped, deduplicated.
  const rows: Int32Array[] = new Array(k);
  let arcs = 0;
  for (let c = 0; c < k; c++) {
    const r = reps[c];
    const seen = new Set<number>();
    for (let j = offsets[r]; j < offsets[r + 1]; j++) {
      const d = firstClassOf[targets[j]];
      if (d !== c) seen.add(d);
    }
    rows[c] = Int32Array.from(seen);
    arcs += rows[c].length;
  }
  const cOffsets = new Int32Array(k + 1);
  const cTargets = new Int32Array(arcs);
  for (let c = 0; c < k; c++) {
    cOffsets[c + 1] = cOffsets[c] + rows[c].length;
    cTargets.set(rows[c].sort(), cOffsets[c]);
  }
  const ordered = reverseCuthillMcKee(k, cOffsets, cTargets);
  const classOf = new Int32Array(n);
  for (let i = 0; i < n; i++) classOf[i] = ordered.newOf[firstClassOf[i]];
  const mult = new Float64Array(k);
  for (let c = 0; c < k; c++) mult[ordered.newOf[c]] = size[c];
  return { n: k, classOf, mult, tw: mult, offsets: ordered.offsets, targets: ordered.targets };
}

/** N[u] = N[v] for adjacent u, v of equal degree: rows equal once u and v are taken out. */
function closedTwins(offsets: Int32Array, targets: Int32Array, u: number, v: number): boolean {
  let i = offsets[u];
  let j = offsets[v];
  const ie = offsets[u + 1];
  const je = offsets[v + 1];
  for (;;) {
    if (i < ie && targets[i] === v) i++;
    if (j < je && targets[j] === u) j++;
    if (i >= ie || j >= je) return i >= ie && j >= je;
    if (targets[i] !== targets[j]) return false;
    i++;
    j++;
  }
}
