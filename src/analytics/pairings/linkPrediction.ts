import type { Csr } from '../csr';

/**
 * Neighbourhood link-prediction scores (Liben-Nowell & Kleinberg 2007) on the collaboration graph,
 * unweighted, with NetworkX's definitions (networkx/algorithms/link_prediction.py), Γ(x) the people
 * tied to x and |Γ(w)| w's number of ties:
 *
 *   common neighbours      CN(u, v) = |Γ(u) ∩ Γ(v)|
 *   Adamic–Adar (2003)     AA(u, v) = Σ_{w ∈ Γ(u) ∩ Γ(v)} 1 / ln |Γ(w)|      (adamic_adar_index)
 *   resource allocation    RA(u, v) = Σ_{w ∈ Γ(u) ∩ Γ(v)} 1 / |Γ(w)|         (resource_allocation_index;
 *                                                                                Zhou, Lü & Zhang 2009)
 *
 * A common neighbour has at least two ties, so ln |Γ(w)| > 0. Written by hand because graphology
 * has no link prediction and these are a few lines over the CSR the measures already share.
 */
export interface LinkScores {
  commonNeighbours: number;
  adamicAdar: number;
  resourceAllocation: number;
}

/** The common neighbours of u and v (CSR indices, ascending): rows are sorted, so a merge. */
export function commonNeighbours(csr: Csr, u: number, v: number): number[] {
  const { offsets, targets } = csr;
  const out: number[] = [];
  let i = offsets[u];
  let j = offsets[v];
  while (i < offsets[u + 1] && j < offsets[v + 1]) {
    const a = targets[i];
    const b = targets[j];
    if (a === b) {
      out.push(a);
      i++;
      j++;
    } else if (a < b) i++;
    else j++;
  }
  return out;
}

export function degreeOf(csr: Csr, w: number): number {
  return csr.offsets[w + 1] - csr.offsets[w];
}

export function linkScores(csr: Csr, u: number, v: number): LinkScores {
  let adamicAdar = 0;
  let resourceAllocation = 0;
  const shared = commonNeighbours(csr, u, v);
  for (const w of shared) {
    const d = degreeOf(csr, w);
    adamicAdar += 1 / Math.log(d);
    resourceAllocation += 1 / d;
  }
  return { commonNeighbours: shared.length, adamicAdar, resourceAllocation };
}

/**
 * The scores of u with every person two steps away, in one walk over u's neighbours' rows
 * (Σ_{w ∈ Γ(u)} |Γ(w)| steps instead of one merge per candidate). Sums are accumulated in the
 * order of w ascending, the order `linkScores` uses, so both give bit-identical values.
 * People absent from the map share no neighbour with u (all three scores are 0).
 */
export function linkScoresFrom(csr: Csr, u: number): Map<number, LinkScores> {
  const { offsets, targets } = csr;
  const out = new Map<number, LinkScores>();
  for (let j = offsets[u]; j < offsets[u + 1]; j++) {
    const w = targets[j];
    const d = offsets[w + 1] - offsets[w];
    const aa = 1 / Math.log(d);
    const ra = 1 / d;
    for (let q = offsets[w]; q < offsets[w + 1]; q++) {
      const x = targets[q];
      if (x === u) continue;
      const s = out.get(x);
      if (s) {
        s.commonNeighbours++;
        s.adamicAdar += aa;
        s.resourceAllocation += ra;
      } else out.set(x, { commonNeighbours: 1, adamicAdar: aa, resourceAllocation: ra });
    }
  }
  return out;
}
