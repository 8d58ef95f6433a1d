import type { CollaborationGraph, TieAttributes } from './collaborationGraph';

/**
 * Compressed sparse rows of the collaboration graph: node i is `ids[i]` (ids sorted), its
 * neighbours are `targets[offsets[i] .. offsets[i+1])` in increasing index order, with the tie
 * weights alongside. The heavy measures (betweenness, brokerage, constraint) run on these typed
 * arrays rather than on graphology's maps: it is what makes them fast enough at 100k people.
 * The collaboration network builds it straight from its tie table (`network.csr`); `csrOf` serves
 * callers holding only a graphology graph, from a WeakMap that lives exactly as long as the graph.
 */
export interface Csr {
  n: number;
  /** Number of ties (undirected edges). */
  m: number;
  ids: readonly string[];
  index: ReadonlyMap<string, number>;
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
  /** Tie attributes per arc (the same object for both directions of a tie); empty when built from bare edges. */
  arcAttrs: readonly TieAttributes[];
}

const cache = new WeakMap<CollaborationGraph, Csr>();

export function csrOf(graph: CollaborationGraph): Csr {
  let csr = cache.get(graph);
  if (!csr) cache.set(graph, (csr = buildCsr(graph)));
  return csr;
}

/** Registers the CSR a graph was built alongside, so that `csrOf(graph)` is that same object. */
export function adoptCsr<G extends CollaborationGraph>(graph: G, csr: Csr): G {
  cache.set(graph, csr);
  return graph;
}

export function buildCsr(graph: CollaborationGraph): Csr {
  const ids = graph.nodes().sort();
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));
  const n = ids.length;
  const m = graph.size;
  const src = new Int32Array(m);
  const dst = new Int32Array(m);
  const wgt = new Float64Array(m);
  const attrs: TieAttributes[] = new Array(m);
  let e = 0;
  graph.forEachEdge((_key, a, s, t) => {
    src[e] = index.get(s)!;
    dst[e] = index.get(t)!;
    wgt[e] = a.weight;
    attrs[e] = a;
    e++;
  });
  return csrFromEdges(ids, index, src, dst, wgt, attrs);
}

/**
 * The CSR of ties listed in (a, b) order with a < b (the tie table's order): one pass, no sort.
 * Walking the ties in that order, row u first receives its smaller neighbours (ties (a, u), a < u,
 * by increasing a) and then its larger ones (ties (u, b) by increasing b), so every row comes out
 * sorted — the same arrays `csrFromEdges` gives for these edges in any order.
 */
export function csrFromSortedTies(
  ids: readonly string[],
  index: ReadonlyMap<string, number>,
  a: Int32Array,
  b: Int32Array,
  wgt: Float64Array,
  tieAttrs: readonly TieAttributes[],
): Csr {
  const n = ids.length;
  const m = a.length;
  const offsets = new Int32Array(n + 1);
  for (let t = 0; t < m; t++) {
    offsets[a[t] + 1]++;
    offsets[b[t] + 1]++;
  }
  for (let i = 0; i < n; i++) offsets[i + 1] += offsets[i];
  const cursor = offsets.slice(0, n);
  const targets = new Int32Array(2 * m);
  const weights = new Float64Array(2 * m);
  const arcAttrs: TieAttributes[] = new Array(2 * m);
  for (let t = 0; t < m; t++) {
    const u = a[t];
    const v = b[t];
    const pu = cursor[u]++;
    const pv = cursor[v]++;
    targets[pu] = v;
    targets[pv] = u;
    weights[pu] = weights[pv] = wgt[t];
    arcAttrs[pu] = arcAttrs[pv] = tieAttrs[t];
  }
  return { n, m, ids, index, offsets, targets, weights, arcAttrs };
}

/** The arc u → v (position in `targets`), −1 when u and v are not tied: rows are sorted, so a binary search. */
export function arcBetween(csr: Csr, u: number, v: number): number {
  let lo = csr.offsets[u];
  let hi = csr.offsets[u + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = csr.targets[mid];
    if (t === v) return mid;
    if (t < v) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * Rows sorted by target through two counting sorts (by target, then stably by source): O(n + m),
 * and the order does not depend on graphology's insertion order.
 */
export function csrFromEdges(
  ids: readonly string[],
  index: ReadonlyMap<string, number>,
  src: Int32Array,
  dst: Int32Array,
  wgt: Float64Array,
  edgeAttrs?: readonly TieAttributes[],
): Csr {
  const n = ids.length;
  const m = src.length;
  const arcs = 2 * m;
  const from = new Int32Array(arcs);
  const to = new Int32Array(arcs);
  const w = new Float64Array(arcs);
  for (let e = 0; e < m; e++) {
    from[2 * e] = src[e];
    to[2 * e] = dst[e];
    w[2 * e] = wgt[e];
    from[2 * e + 1] = dst[e];
    to[2 * e + 1] = src[e];
    w[2 * e + 1] = wgt[e];
  }
  // Pass 1: order arcs by target.
  const byTarget = countingOrder(to, n);
  // Pass 2: stable by source.
  const count = new Int32Array(n + 1);
  for (let i = 0; i < arcs; i++) count[from[i] + 1]++;
  for (let i = 0; i < n; i++) count[i + 1] += count[i];
  const offsets = count.slice();
  const cursor = count.slice(0, n);
  const targets = new Int32Array(arcs);
  const weights = new Float64Array(arcs);
  const arcAttrs: TieAttributes[] = edgeAttrs ? new Array(arcs) : [];
  for (let r = 0; r < arcs; r++) {
    const a = byTarget[r];
    const pos = cursor[from[a]]++;
    targets[pos] = to[a];
    weights[pos] = w[a];
    if (edgeAttrs) arcAttrs[pos] = edgeAttrs[a >> 1];
  }
  return { n, m, ids, index, offsets, targets, weights, arcAttrs };
}

function countingOrder(keys: Int32Array, n: number): Int32Array {
  const count = new Int32Array(n + 1);
  for (let i = 0; i < keys.length; i++) count[keys[i] + 1]++;
  for (let i = 0; i < n; i++) count[i + 1] += count[i];
  const order = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) order[count[keys[i]]++] = i;
  return order;
}
