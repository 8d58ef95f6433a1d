import type { KernelGraph } from './kernelGraph';
import type { Reduced } from './twins';

/**
 * Exact betweenness by biconnected blocks (Puzis et al. 2012, "Heuristics for speeding up
 * betweenness centrality computation"; Sariyüce et al. 2013): shortest paths between two nodes
 * of a block stay in the block, and a cut vertex lies on every path between the parts it
 * separates. So, on the twin-merged graph with class sizes m:
 *
 *   raw(X) = cut(X) + Σ_{blocks B ∋ X} Σ_{s ≠ t ∈ B \ {X}} R_B(s) · R_B(t) · σ_st(X) / σ_st
 *
 * where R_B(v) is the number of people reached from B through v (v's class plus everything
 * hanging off v outside B) and cut(X) = Σ_{i ≠ j} W_i·W_j over the parts W of X's component
 * without X. The inner sum is the weighted kernel run on each block with R as source and target
 * weights; blocks of two nodes have no inner nodes and are skipped. On the synthetic 10k graph the
 * largest block holds ~75% of the classes, so this roughly halves the work again.
 */
export interface Blocks {
  /** Every block of 3+ classes as a separate component; a cut vertex has one copy per block. */
  graph: KernelGraph;
  /** Every copy is a source, weighing R. */
  sources: Int32Array;
  weights: Float64Array;
  /** Copy → class. */
  classOf: Int32Array;
  /** Per class: ordered pairs it separates as a cut vertex. */
  cut: Float64Array;
  /** Σ |B|·(|B| + 2 m_B): arc visits of an exact run. */
  work: number;
  /** Per source: its block's per-source cost, for balancing chunks. */
  cost: Float64Array;
}

const blocksCache = new WeakMap<Reduced, Blocks>();

export function blocksOf(r: Reduced): Blocks {
  let b = blocksCache.get(r);
  if (!b) blocksCache.set(r, (b = decomposeBlocks(r)));
  return b;
}

export function decomposeBlocks(r: Reduced): Blocks {
  const { n, offsets, targets, mult } = r;
  const disc = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const compOf = new Int32Array(n);
  const sub = new Float64Array(n);
  const hang = new Float64Array(n);
  const sepSum = new Float64Array(n);
  const sepSq = new Float64Array(n);
  const callStack = new Int32Array(n);
  const nodeStack = new Int32Array(n);
  const edgePos = new Int32Array(n);
  const compTotal: number[] = [];
  const found: { nodes: number[]; top: number; childSub: number; comp: number }[] = [];
  let time = 0;
  for (let root = 0; root < n; root++) {
    if (disc[root] >= 0) continue;
    const comp = compTotal.length;
    let cs = 0;
    let ns = 0;
    const open = (v: number) => {
      disc[v] = low[v] = time++;
      compOf[v] = comp;
      sub[v] = hang[v] = mult[v];
      edgePos[v] = offsets[v];
      callStack[cs++] = v;
      nodeStack[ns++] = v;
    };
    open(root);
    while (cs > 0) {
      const v = callStack[cs - 1];
      if (edgePos[v] < offsets[v + 1]) {
        const w = targets[edgePos[v]++];
        if (disc[w] < 0) {
          parent[w] = v;
          open(w);
        } else if (w !== parent[v] && disc[w] < low[v]) low[v] = disc[w];
        continue;
      }
      cs--;
      const u = parent[v];
      if (u < 0) continue;
      if (low[v] < low[u]) low[u] = low[v];
      sub[u] += sub[v];
      if (low[v] >= disc[u]) {
        hang[u] += sub[v];
        sepSum[u] += sub[v];
        sepSq[u] += sub[v] * sub[v];
        const nodes: number[] = [u];
        let x: number;
        do {
          x = nodeStack[--ns];
          nodes.push(x);
        } while (x !== v);
        found.push({ nodes, top: u, childSub: sub[v], comp });
      }
    }
    compTotal.push(sub[root]);
  }
  const cut = new Float64Array(n);
  for (let x = 0; x < n; x++) {
    const outside = compTotal[compOf[x]] - mult[x];
    const rest = outside - sepSum[x];
    cut[x] = outside * outside - sepSq[x] - rest * rest;
  }

  // The blocks worth a kernel run, each renumbered in class order (RCM locality carries over).
  const big = found.filter((blk) => blk.nodes.length >= 3);
  let copies = 0;
  for (const blk of big) {
    blk.nodes.sort((a, c) => a - c);
    copies += blk.nodes.length;
  }
  const pos = new Int32Array(n).fill(-1);
  const gOffsets = new Int32Array(copies + 1);
  const gTargets: number[] = [];
  const gMult = new Float64Array(copies);
  const gTw = new Float64Array(copies);
  const classOf = new Int32Array(copies);
  const cost = new Float64Array(copies);
  let work = 0;
  let base = 0;
  for (const blk of big) {
    blk.nodes.forEach((x, i) => (pos[x] = base + i));
    const arcsBefore = gTargets.length;
    blk.nodes.forEach((x, i) => {
      const c = base + i;
      for (let j = offsets[x]; j < offsets[x + 1]; j++) if (pos[targets[j]] >= 0) gTargets.push(pos[targets[j]]);
      gOffsets[c + 1] = gTargets.length;
      gMult[c] = mult[x];
      gTw[c] = x === blk.top ? compTotal[blk.comp] - blk.childSub : hang[x];
      classOf[c] = x;
    });
    const perSource = blk.nodes.length + (gTargets.length - arcsBefore);
    for (let i = 0; i < blk.nodes.length; i++) cost[base + i] = perSource;
    work += blk.nodes.length * perSource;
    for (const x of blk.nodes) pos[x] = -1;
    base += blk.nodes.length;
  }
  const sources = new Int32Array(copies);
  for (let i = 0; i < copies; i++) sources[i] = i;
  return {
    graph: { n: copies, offsets: gOffsets, targets: Int32Array.from(gTargets), mult: gMult, tw: gTw },
    sources,
    weights: gTw,
    classOf,
    cut,
    work,
    cost,
  };
}
