import { csrFromEdges, type Csr } from '../csr';
import { StructuralHoleCalculator, type StructuralHoles } from '../structuralHoles';

/**
 * Burt's constraint and effective size of a person v before and after a tie v–c that does not
 * exist yet, exactly: the "after" values are StructuralHoleCalculator (checked against NetworkX)
 * run on the graph with the tie added. Only part of that graph matters: v's measures read v's ties,
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
