import { csrFromEdges, type Csr } from '../csr';
import { StructuralHoleCalculator, type StructuralHoles } from '../structuralHoles';

/**
 * Burt's constraint and effective size of a person v before and after a tie v–c that does not
 * exist yet, exactly, two ways. EgoWithTie is the reference: StructuralHoleCalculator (checked
 * against NetworkX) run on the graph with the tie added. StructuralDelta (below) is what
 * suggestPairings runs: the same values from the change the tie makes, per candidate in
 * O(|Γ(c)|); tests hold the two together and both against NetworkX.
 *
 * EgoWithTie: Only part of that graph matters: v's measures read v's ties,
 * the ties of each contact w of v (their strength Σ w_wk and strongest tie max w_wk) and the ties
 * among contacts. So the calculator runs on the *ego base* — every tie touching v or a contact of v,
 * built once per person — plus c's ties and the new tie, which gives the same values for v as the
 * whole graph with the tie added (unit-tested against a full rebuild and NetworkX).
 *
 * The new tie's weight is 1 (`NEW_TIE_WEIGHT`): one visit is one evidence item, as every tie
 * weight counts evidence items (docs/metrics.md, "The collaboration graph").
 */
export const NEW_TIE_WEIGHT = 1;

export interface StructuralChange {
  before: StructuralHoles;
  after: StructuralHoles;
}

export class EgoWithTie {
  /** The rows included in the base: v and its contacts. */
  private readonly inBase: Set<number>;
  private readonly src: number[] = [];
  private readonly dst: number[] = [];
  private readonly wgt: number[] = [];

  constructor(
    private readonly csr: Csr,
    private readonly v: number,
    readonly before: StructuralHoles,
  ) {
    const { offsets, targets } = csr;
    this.inBase = new Set([v]);
    for (let j = offsets[v]; j < offsets[v + 1]; j++) this.inBase.add(targets[j]);
    for (const a of this.inBase) this.addRow(a, (b) => this.inBase.has(b) && b < a);
  }

  /** v's measures with the tie v–c (weight `weight`) added; c must not be tied to v yet. */
  with(c: number, weight = NEW_TIE_WEIGHT): StructuralChange {
    if (c === this.v || this.inBase.has(c)) throw new RangeError(`person ${c} is v or already tied to v`);
    const base = this.src.length;
    // Ties of c to v's contacts are in the base already (from the contacts' rows).
    this.addRow(c, (b) => this.inBase.has(b));
    this.push(this.v, c, weight);
    const after = this.holesOfV(this.src.length);
    this.src.length = this.dst.length = this.wgt.length = base;
    return { before: this.before, after };
  }

  /** The ties of row a, but those `seen` says are listed already (each tie must appear once). */
  private addRow(a: number, seen: (b: number) => boolean): void {
    const { offsets, targets, weights } = this.csr;
    for (let j = offsets[a]; j < offsets[a + 1]; j++) {
      const b = targets[j];
      if (seen(b)) continue;
      this.push(a, b, weights[j]);
    }
  }

  private push(a: number, b: number, w: number): void {
    this.src.push(a);
    this.dst.push(b);
    this.wgt.push(w);
  }

  private holesOfV(count: number): StructuralHoles {
    const local = new Map<number, number>();
    const ids: string[] = [];
    const at = (x: number) => {
      let i = local.get(x);
      if (i === undefined) {
        local.set(x, (i = ids.length));
        ids.push(this.csr.ids[x]);
      }
      return i;
    };
    at(this.v);
    const s = new Int32Array(count);
    const d = new Int32Array(count);
    const w = new Float64Array(count);
    for (let e = 0; e < count; e++) {
      s[e] = at(this.src[e]);
      d[e] = at(this.dst[e]);
      w[e] = this.wgt[e];
    }
    const index = new Map(ids.map((id, i) => [id, i]));
    return new StructuralHoleCalculator(csrFromEdges(ids, index, s, d, w)).of(0);
  }
}

/** Σ_k w_ik and max_k w_ik per person: what the incremental form reads; one pass, kept per CSR. */
interface Strengths {
  strength: Float64Array;
  maxWeight: Float64Array;
}

const strengthsByCsr = new WeakMap<Csr, Strengths>();

function strengthsOf(csr: Csr): Strengths {
  let s = strengthsByCsr.get(csr);
  if (!s) {
    const strength = new Float64Array(csr.n);
    const maxWeight = new Float64Array(csr.n);
    for (let i = 0; i < csr.n; i++) {
      for (let j = csr.offsets[i]; j < csr.offsets[i + 1]; j++) {
        strength[i] += csr.weights[j];
        if (csr.weights[j] > maxWeight[i]) maxWeight[i] = csr.weights[j];
      }
    }
    strengthsByCsr.set(csr, (s = { strength, maxWeight }));
  }
  return s;
}

/**
 * The same "after" values as EgoWithTie, in O(|Γ(c)|) per candidate instead of a rebuild of the ego
 * base: what suggestPairings uses, since a request scores every person of the other groups (a
 * rebuild per candidate took 0.3–2 s per request at 10k people). Adding v–c (weight w₀) changes
 * only the strengths of v and c, so with s′_v = s_v + w₀, α = s_v / s′_v, q = w₀ / s′_v, s′_c = s_c + w₀,
 * max′_c = max(max_c, w₀), A_n = p_vn + Σ_{w∈N(v)} p_vw p_wn and R_u = Σ_{w∈N(v)} p_vw m_uw (computed once
 * per person v):
 *
 *   constraint′(v) = Σ_{n∈N(v)} (α A_n + q · w_cn / s′_c)²  +  (q + α Σ_{w∈N(v)} p_vw w_wc / s_w)²
 *   effective′(v)  = Σ_{u∈N(v)} (1 − α R_u − q · w_uc / max_u)  +  (1 − α Σ_{w∈N(v)} p_vw w_cw / max′_c)
 *
 * (w_xy = 0 when x and y are not tied; only c's ties into N(v) add terms). The unit tests check it
 * against EgoWithTie on random graphs (1e-12) and against NetworkX with the tie added (1e-9).
 */
export class StructuralDelta {
  private readonly strengths: Strengths;
  /** Position of each contact of v in v's row (a Map, not an array of n: between two groups many egos live at once). */
  private readonly slot: Map<number, number>;
  private readonly p: Float64Array;
  private readonly a: Float64Array;
  private readonly r: Float64Array;
  private readonly sumA2: number;
  private readonly sumR: number;
  private readonly sv: number;

  constructor(
    private readonly csr: Csr,
    private readonly v: number,
    readonly before: StructuralHoles,
  ) {
    this.strengths = strengthsOf(csr);
    const { offsets, targets, weights } = csr;
    const { strength, maxWeight } = this.strengths;
    const start = offsets[v];
    const deg = offsets[v + 1] - start;
    this.sv = strength[v];
    this.slot = new Map();
    this.p = new Float64Array(deg);
    this.a = new Float64Array(deg);
    this.r = new Float64Array(deg);
    for (let k = 0; k < deg; k++) {
      this.slot.set(targets[start + k], k);
      this.p[k] = weights[start + k] / this.sv;
    }
    for (let k = 0; k < deg; k++) {
      const w = targets[start + k];
      for (let q = offsets[w]; q < offsets[w + 1]; q++) {
        const x = this.slot.get(targets[q]);
        if (x === undefined) continue;
        this.a[x] += this.p[k] * (weights[q] / strength[w]);
        this.r[x] += this.p[k] * (weights[q] / maxWeight[targets[q]]);
      }
    }
    let sumA2 = 0;
    let sumR = 0;
    for (let k = 0; k < deg; k++) {
      this.a[k] += this.p[k];
      sumA2 += this.a[k] * this.a[k];
      sumR += this.r[k];
    }
    this.sumA2 = sumA2;
    this.sumR = sumR;
  }

  with(c: number, weight = NEW_TIE_WEIGHT): StructuralChange {
    if (c === this.v || this.slot.has(c)) throw new RangeError(`person ${c} is v or already tied to v`);
    const { offsets, targets, weights } = this.csr;
    const { strength, maxWeight } = this.strengths;
    const svAfter = this.sv + weight;
    const alpha = this.sv / svAfter;
    const q = weight / svAfter;
    const scAfter = strength[c] + weight;
    const maxC = Math.max(maxWeight[c], weight);
    const deg = this.p.length;
    let constraint = alpha * alpha * this.sumA2;
    let effective = deg - alpha * this.sumR + 1;
    let indirectToC = 0;
    let redundancyOfC = 0;
    for (let j = offsets[c]; j < offsets[c + 1]; j++) {
      const n = targets[j];
      const x = this.slot.get(n);
      if (x === undefined) continue;
      const w = weights[j];
      const base = alpha * this.a[x];
      const after = base + (q * w) / scAfter;
      constraint += after * after - base * base;
      effective -= (q * w) / maxWeight[n];
      indirectToC += this.p[x] * (w / strength[n]);
      redundancyOfC += this.p[x] * (w / maxC);
    }
    const toC = q + alpha * indirectToC;
    constraint += toC * toC;
    effective -= alpha * redundancyOfC;
    return { before: this.before, after: { constraint, effectiveSize: effective } };
  }
}
