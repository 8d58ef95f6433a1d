import type { Csr } from './csr';

/**
 * Burt's (1992) constraint and effective size on the weighted collaboration graph, with the
 * definitions of NetworkX's `constraint(G, weight="weight")` and `effective_size(G, weight="weight")`
 * (networkx/algorithms/structuralholes.py), for an undirected graph without self-loops:
 *
 *   p_ij = w_ij / Σ_k w_ik                                  (normalized mutual weight; the
 *                                                            mutual weight 2·w_ij cancels)
 *   m_ij = w_ij / max_k w_ik                                (mutual weight scaled by i's strongest tie)
 *   constraint(v)     = Σ_{n ∈ N(v)} ( p_vn + Σ_{w ∈ N(v)} p_vw · p_wn )²
 *   effectiveSize(v)  = Σ_{u ∈ N(v)} ( 1 − Σ_{w ∈ N(v)} p_vw · m_uw )
 *
 * Both are undefined (null here, NaN in NetworkX) for a person without ties.
 * Cost per person: Σ over neighbours w of deg(w), with dense scratch arrays (no maps).
 */
export interface StructuralHoles {
  constraint: number | null;
  effectiveSize: number | null;
}

export class StructuralHoleCalculator {
  private readonly strength: Float64Array;
  private readonly maxWeight: Float64Array;
  /** Scratch, indexed by node: 1 + position in v's row while v is being computed, else 0. */
  private readonly mark: Int32Array;
  private readonly indirect: Float64Array;
  private readonly redundancy: Float64Array;

  constructor(private readonly csr: Csr) {
    const { n, offsets, weights } = csr;
    this.strength = new Float64Array(n);
    this.maxWeight = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      let mx = 0;
      for (let j = offsets[i]; j < offsets[i + 1]; j++) {
        s += weights[j];
        if (weights[j] > mx) mx = weights[j];
      }
      this.strength[i] = s;
      this.maxWeight[i] = mx;
    }
    this.mark = new Int32Array(n);
    this.indirect = new Float64Array(n);
    this.redundancy = new Float64Array(n);
  }

  of(v: number): StructuralHoles {
    const { offsets, targets, weights } = this.csr;
    const start = offsets[v];
    const end = offsets[v + 1];
    if (start === end) return { constraint: null, effectiveSize: null };
    const { mark, indirect, redundancy, strength, maxWeight } = this;
    for (let j = start; j < end; j++) mark[targets[j]] = 1;
    const sv = strength[v];
    for (let j = start; j < end; j++) {
      const w = targets[j];
      const pvw = weights[j] / sv;
      const sw = strength[w];
      for (let q = offsets[w]; q < offsets[w + 1]; q++) {
        const x = targets[q];
        if (mark[x] === 0) continue;
        indirect[x] += pvw * (weights[q] / sw);
        redundancy[x] += pvw * (weights[q] / maxWeight[x]);
      }
    }
    let constraint = 0;
    let effectiveSize = 0;
    for (let j = start; j < end; j++) {
      const n = targets[j];
      const local = weights[j] / sv + indirect[n];
      constraint += local * local;
      effectiveSize += 1 - redundancy[n];
      mark[n] = 0;
      indirect[n] = 0;
      redundancy[n] = 0;
    }
    return { constraint, effectiveSize };
  }
}
