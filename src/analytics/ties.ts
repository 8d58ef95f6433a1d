import type { TieAttributes } from './collaborationGraph';

/**
 * The tie table: every pair of people with its evidence, built from flat typed arrays instead of a
 * Map of tie objects (or graphology's edge insertion). At 100k people that build dominated the
 * cold path (a data change → first `bridges`): heap-number Map keys and per-edge graphology
 * records kept the garbage collector busy for seconds.
 *
 * Every evidence item has an index in one list of item ids: visits, then papers, then labs. The
 * builder logs one (a, b, item) record per item and pair; a stable two-pass counting sort by
 * (a, b) then groups the records into ties. An item reaches a pair at most once (a visit's
 * counterparts, a paper's authors and a lab's members are deduplicated first), so the weight of a
 * tie is its number of records.
 */
export interface TieTable {
  /** Ties in (a, b) order over person indices, a < b. */
  a: Int32Array;
  b: Int32Array;
  weight: Float64Array;
  /** One object per tie: the graphology edge attributes and the CSR arc attributes are these. */
  attrs: TieAttributes[];
}

// Shared by every tie without that kind of evidence; frozen so that a careless push throws.
const EMPTY = Object.freeze([]) as unknown as string[];

export class TieLog {
  private a = new Int32Array(1 << 16);
  private b = new Int32Array(1 << 16);
  private item = new Int32Array(1 << 16);
  private size = 0;

  /** Records that item `item` ties people i and j (person indices; i ≠ j). */
  add(i: number, j: number, item: number): void {
    if (this.size === this.a.length) this.grow();
    const k = this.size++;
    if (i < j) {
      this.a[k] = i;
      this.b[k] = j;
    } else {
      this.a[k] = j;
      this.b[k] = i;
    }
    this.item[k] = item;
  }

  /**
   * Groups the records into ties. `itemIds` is the list of item ids; items below `paperStart` are
   * visits, below `labStart` papers, the rest labs. `n` is the number of people.
   */
  table(n: number, itemIds: readonly string[], paperStart: number, labStart: number): TieTable {
    const size = this.size;
    // Stable LSD sort by (a, b): by b first, then by a.
    const byB = countingOrder(this.b, size, n, null);
    const order = countingOrder(this.a, size, n, byB);
    let ties = 0;
    for (let r = 0; r < size; r++) {
      const k = order[r];
      if (r === 0 || this.a[k] !== this.a[order[r - 1]] || this.b[k] !== this.b[order[r - 1]]) ties++;
    }
    const a = new Int32Array(ties);
    const b = new Int32Array(ties);
    const weight = new Float64Array(ties);
    const attrs: TieAttributes[] = new Array(ties);
    let t = 0;
    for (let r = 0; r < size; ) {
      const k = order[r];
      const ta = this.a[k];
      const tb = this.b[k];
      let end = r + 1;
      while (end < size && this.a[order[end]] === ta && this.b[order[end]] === tb) end++;
      let visits: string[] = EMPTY;
      let papers: string[] = EMPTY;
      let labs: string[] = EMPTY;
      for (let q = r; q < end; q++) {
        const item = this.item[order[q]];
        const id = itemIds[item];
        if (item < paperStart) visits === EMPTY ? (visits = [id]) : visits.push(id);
        else if (item < labStart) papers === EMPTY ? (papers = [id]) : papers.push(id);
        else labs === EMPTY ? (labs = [id]) : labs.push(id);
      }
      a[t] = ta;
      b[t] = tb;
      weight[t] = end - r;
      attrs[t] = { visits: sorted(visits), papers: sorted(papers), labs: sorted(labs), weight: end - r };
      t++;
      r = end;
    }
    return { a, b, weight, attrs };
  }

  private grow(): void {
    const twice = (x: Int32Array) => {
      const y = new Int32Array(x.length * 2);
      y.set(x);
      return y;
    };
    this.a = twice(this.a);
    this.b = twice(this.b);
    this.item = twice(this.item);
  }
}

/** Evidence lists are sorted by id; most ties have one item. */
function sorted(list: string[]): string[] {
  return list.length > 1 ? list.sort() : list;
}

/** Positions 0..size−1 ordered by keys[position] (keys in [0, n)), stably after `within` (or position order). */
function countingOrder(keys: Int32Array, size: number, n: number, within: Int32Array | null): Int32Array {
  const count = new Int32Array(n + 1);
  for (let i = 0; i < size; i++) count[keys[i] + 1]++;
  for (let i = 0; i < n; i++) count[i + 1] += count[i];
  const order = new Int32Array(size);
  for (let r = 0; r < size; r++) {
    const i = within ? within[r] : r;
    order[count[keys[i]]++] = i;
  }
  return order;
}
