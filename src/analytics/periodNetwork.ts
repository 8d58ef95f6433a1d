import { toDayNumber } from '../domain/days';
import type { CollaborationProjection, ProjectedPaper, ProjectedPerson, ProjectedVisit } from '../store/projection';
import { adoptCsr, csrFromSortedTies } from './csr';
import { graphologyOf, type CollaborationGraph, type CollaborationNetwork, type PersonAttributes, type TieAttributes } from './collaborationGraph';
import { labMembership, personAttributes } from './members';
import { dayBounds, paperStart, visitStart, type NetworkPeriod } from './period';

/**
 * The collaboration network as it stood on a day (docs/metrics.md, "The network as of a date"),
 * derived in memory from the full network of the same store version: no second store read, no
 * second build of the tie table. The full network's ties already carry every evidence item; a
 * period view keeps, per tie, the items that count on the day (a visit or paper whose placed start
 * is on or before it, a shared lab whose two memberships both hold on it) and drops ties left with
 * none. Ties come out in the full table's (a, b) order, so the CSR is built in one pass, and a tie
 * whose evidence all counts keeps its attribute object. People's labs and institutions are those
 * whose membership holds on the day. Built once per store version and variant (PeriodIndex), then
 * one view per day, each cached by the CollaborationCache.
 */
export interface PeriodSummary {
  asOf: string;
  fiscalYear: number | null;
  /** Ties in the view. */
  ties: number;
  /** Ties in the view none of whose evidence certainly started by `asOf` (its start could fall after it). */
  uncertainTies: number;
  /** Ties left out whose start could still fall on or before `asOf` (a start stated as a calendar year). */
  uncertainExcludedTies: number;
  /** Counted visits and papers with no date at all: they make ties in no period. */
  undatedItems: number;
}

export interface PeriodNetwork extends CollaborationNetwork {
  period: PeriodSummary;
}

const VISIT = 0;
const PAPER = 1;
const LAB = 2;

export class PeriodIndex {
  private readonly m: number;
  private readonly tieA: Int32Array;
  private readonly tieB: Int32Array;
  private readonly tieAttrs: TieAttributes[];
  /** Evidence records of tie t: [recOffsets[t], recOffsets[t+1]), in the order of its attrs (visits, papers, labs). */
  private readonly recOffsets: Int32Array;
  private readonly recKind: Uint8Array;
  private readonly recId: string[];
  /** Day numbers: counts on D when from ≤ D ≤ to; its start could be after D while D < certain; could be before D from earliest. */
  private readonly recFrom: Float64Array;
  private readonly recTo: Float64Array;
  private readonly recEarliest: Float64Array;
  private readonly recCertain: Float64Array;
  /** Per tie: every record has no end and a date (the fast path applies). */
  private readonly simple: Uint8Array;
  private readonly minFrom: Float64Array;
  private readonly allFrom: Float64Array;
  private readonly minEarliest: Float64Array;
  private readonly minCertain: Float64Array;
  private readonly undatedItems: number;

  constructor(
    private readonly full: CollaborationNetwork,
    private readonly projection: CollaborationProjection,
  ) {
    const csr = full.csr;
    this.m = csr.m;
    this.tieA = new Int32Array(csr.m);
    this.tieB = new Int32Array(csr.m);
    this.tieAttrs = new Array(csr.m);
    let t = 0;
    let records = 0;
    for (let u = 0; u < csr.n; u++) {
      for (let p = csr.offsets[u]; p < csr.offsets[u + 1]; p++) {
        const v = csr.targets[p];
        if (v <= u) continue;
        const attrs = csr.arcAttrs[p];
        this.tieA[t] = u;
        this.tieB[t] = v;
        this.tieAttrs[t++] = attrs;
        records += attrs.visits.length + attrs.papers.length + attrs.labs.length;
      }
    }
    this.recOffsets = new Int32Array(this.m + 1);
    this.recKind = new Uint8Array(records);
    this.recId = new Array(records);
    this.recFrom = new Float64Array(records);
    this.recTo = new Float64Array(records);
    this.recEarliest = new Float64Array(records);
    this.recCertain = new Float64Array(records);
    this.simple = new Uint8Array(this.m);
    this.minFrom = new Float64Array(this.m);
    this.allFrom = new Float64Array(this.m);
    this.minEarliest = new Float64Array(this.m);
    this.minCertain = new Float64Array(this.m);

    const visitStarts = new Map<string, ReturnType<typeof visitStart>>();
    for (const v of full.visits.values()) visitStarts.set(v.id, visitStart(v.start, v.startLatest));
    const paperStarts = new Map<string, ReturnType<typeof paperStart>>();
    for (const p of full.papers.values()) paperStarts.set(p.id, paperStart(p.year));
    this.undatedItems = countNull(visitStarts) + countNull(paperStarts);
    const periods = labPeriodsByPerson(projection, full);

    let r = 0;
    for (let k = 0; k < this.m; k++) {
      this.recOffsets[k] = r;
      const attrs = this.tieAttrs[k];
      const put = (kind: number, id: string, from: number, to: number, earliest: number, certain: number) => {
        this.recKind[r] = kind;
        this.recId[r] = id;
        this.recFrom[r] = from;
        this.recTo[r] = to;
        this.recEarliest[r] = earliest;
        this.recCertain[r] = certain;
        r++;
      };
      const dated = (kind: number, id: string, start: ReturnType<typeof visitStart>) =>
        start ? put(kind, id, start.from, Infinity, start.earliest, Math.max(start.latest, start.from)) : put(kind, id, Infinity, Infinity, Infinity, Infinity);
      for (const id of attrs.visits) dated(VISIT, id, visitStarts.get(id) ?? null);
      for (const id of attrs.papers) dated(PAPER, id, paperStarts.get(id) ?? null);
      for (const lab of attrs.labs) {
        const a = periods.get(lab)?.get(this.tieA[k]) ?? OPEN;
        const b = periods.get(lab)?.get(this.tieB[k]) ?? OPEN;
        const from = Math.max(a.from, b.from);
        put(LAB, lab, from, Math.min(a.to, b.to), from, from);
      }
      this.summarise(k, this.recOffsets[k], r);
    }
    this.recOffsets[this.m] = r;
  }

  view(period: NetworkPeriod): PeriodNetwork {
    const day = toDayNumber(period.asOf);
    const a: number[] = [];
    const b: number[] = [];
    const weight: number[] = [];
    const attrs: TieAttributes[] = [];
    let uncertain = 0;
    let excludedUncertain = 0;
    for (let t = 0; t < this.m; t++) {
      if (this.simple[t] && day < this.minFrom[t]) {
        if (day >= this.minEarliest[t]) excludedUncertain++;
        continue;
      }
      const kept = this.simple[t] && day >= this.allFrom[t] ? this.tieAttrs[t] : this.filtered(t, day);
      if (!kept) {
        if (this.couldHaveStarted(t, day)) excludedUncertain++;
        continue;
      }
      if (this.isUncertain(t, day)) uncertain++;
      a.push(this.tieA[t]);
      b.push(this.tieB[t]);
      weight.push(kept.weight);
      attrs.push(kept);
    }
    return this.assemble(period, Int32Array.from(a), Int32Array.from(b), Float64Array.from(weight), attrs, { uncertain, excludedUncertain });
  }

  private summarise(t: number, start: number, end: number): void {
    let simple = 1;
    let minFrom = Infinity;
    let allFrom = -Infinity;
    let minEarliest = Infinity;
    let minCertain = Infinity;
    for (let r = start; r < end; r++) {
      if (this.recTo[r] !== Infinity || this.recFrom[r] === Infinity) simple = 0;
      minFrom = Math.min(minFrom, this.recFrom[r]);
      allFrom = Math.max(allFrom, this.recFrom[r]);
      minEarliest = Math.min(minEarliest, this.recEarliest[r]);
      minCertain = Math.min(minCertain, this.recCertain[r]);
    }
    this.simple[t] = simple;
    this.minFrom[t] = minFrom;
    this.allFrom[t] = allFrom;
    this.minEarliest[t] = minEarliest;
    this.minCertain[t] = minCertain;
  }

  /** The tie's evidence that counts on `day`, or null when none does. */
  private filtered(t: number, day: number): TieAttributes | null {
    const visits: string[] = [];
    const papers: string[] = [];
    const labs: string[] = [];
    for (let r = this.recOffsets[t]; r < this.recOffsets[t + 1]; r++) {
      if (this.recFrom[r] > day || this.recTo[r] < day) continue;
      (this.recKind[r] === VISIT ? visits : this.recKind[r] === PAPER ? papers : labs).push(this.recId[r]);
    }
    const weight = visits.length + papers.length + labs.length;
    return weight ? { visits, papers, labs, weight } : null;
  }

  /** In the view, and no evidence that counts is certain to have started by `day`. */
  private isUncertain(t: number, day: number): boolean {
    if (this.simple[t]) return day < this.minCertain[t];
    for (let r = this.recOffsets[t]; r < this.recOffsets[t + 1]; r++) {
      if (this.recFrom[r] <= day && day <= this.recTo[r] && this.recCertain[r] <= day) return false;
    }
    return true;
  }

  /** Left out, but some evidence's stated start allows a day on or before `day` (and its end, if any, after it). */
  private couldHaveStarted(t: number, day: number): boolean {
    for (let r = this.recOffsets[t]; r < this.recOffsets[t + 1]; r++) {
      if (this.recEarliest[r] <= day && day < this.recFrom[r] && day <= this.recTo[r]) return true;
    }
    return false;
  }

  private assemble(
    period: NetworkPeriod,
    a: Int32Array,
    b: Int32Array,
    weight: Float64Array,
    attrs: TieAttributes[],
    counts: { uncertain: number; excludedUncertain: number },
  ): PeriodNetwork {
    const full = this.full;
    const ids = full.csr.ids;
    const csr = csrFromSortedTies(ids, full.csr.index, a, b, weight, attrs);
    const people = this.peopleOn(period.asOf);
    const day = toDayNumber(period.asOf);
    const startsBy = (start: { from: number } | null) => start !== null && start.from <= day;
    const visits = new Map<string, ProjectedVisit>();
    for (const v of full.visits.values()) if (startsBy(visitStart(v.start, v.startLatest))) visits.set(v.id, v);
    const papers = new Map<string, ProjectedPaper>();
    for (const p of full.papers.values()) if (startsBy(paperStart(p.year))) papers.set(p.id, p);
    let graph: CollaborationGraph | null = null;
    return {
      get graph(): CollaborationGraph {
        if (!graph) graph = adoptCsr(graphologyOf(ids, people.nodes, { a, b, weight, attrs }), csr);
        return graph;
      },
      csr,
      people: people.nodes,
      includePlanned: full.includePlanned,
      earlyCareerRule: full.earlyCareerRule,
      labs: full.labs,
      institutions: full.institutions,
      countries: full.countries,
      labMembers: people.labMembers,
      visits,
      papers,
      period: {
        asOf: period.asOf,
        fiscalYear: period.fiscalYear,
        ties: csr.m,
        uncertainTies: counts.uncertain,
        uncertainExcludedTies: counts.excludedUncertain,
        undatedItems: this.undatedItems,
      },
    };
  }

  /** People's labs and institutions on the day: the full network's when every membership holds then. */
  private peopleOn(asOf: string): { nodes: readonly PersonAttributes[]; labMembers: ReadonlyMap<string, string[]> } {
    let changed = false;
    const people = this.projection.people.map((p) => {
      const q = personOn(p, asOf, this.full);
      if (q !== p) changed = true;
      return q;
    });
    if (!changed) return { nodes: this.full.people, labMembers: this.full.labMembers };
    const full = this.full;
    const projection = { ...this.projection, people };
    const membership = labMembership(projection, full.labs, full.csr.ids, full.csr.index);
    return { nodes: personAttributes(projection, full.csr.index, membership, full.labs, full.institutions, full.earlyCareerRule), labMembers: membership.labMembers };
  }
}

const OPEN = { from: -Infinity, to: Infinity };

/** The person with only the labs and affiliations that hold on the day (the same object when all do). */
function personOn(p: ProjectedPerson, asOf: string, full: CollaborationNetwork): ProjectedPerson {
  const holds = (m: { sinceEarliest: string | null; untilLatest: string | null }) =>
    (m.sinceEarliest === null || m.sinceEarliest <= asOf) && (m.untilLatest === null || asOf <= m.untilLatest);
  const endedLabs = new Set((p.labPeriods ?? []).filter((m) => !holds(m) && full.labs.get(m.lab)?.head !== p.id).map((m) => m.lab));
  const endedAffiliations = (p.affiliations ?? []).filter((m) => !holds(m));
  if (!endedLabs.size && !endedAffiliations.length) return p;
  const labs = p.labs.filter((l) => !endedLabs.has(l));
  // Without the store's affiliations the person's institutions cannot be split by source: kept as they are.
  if (!p.affiliations) return { ...p, labs };
  const institutions = new Set<string>();
  for (const l of labs) institutions.add(full.labs.get(l)?.institution ?? '');
  for (const a of p.affiliations) if (holds(a)) institutions.add(a.institution);
  institutions.delete('');
  return { ...p, labs, institutions: [...institutions].sort() };
}

/** Lab → person index → membership bounds (day numbers), for memberships limited in time (heads are not). */
function labPeriodsByPerson(projection: CollaborationProjection, full: CollaborationNetwork): Map<string, Map<number, { from: number; to: number }>> {
  const out = new Map<string, Map<number, { from: number; to: number }>>();
  for (const p of projection.people) {
    const i = full.csr.index.get(p.id);
    if (i === undefined) continue;
    for (const m of p.labPeriods ?? []) {
      if (full.labs.get(m.lab)?.head === p.id) continue;
      let byPerson = out.get(m.lab);
      if (!byPerson) out.set(m.lab, (byPerson = new Map()));
      byPerson.set(i, dayBounds(m.sinceEarliest, m.untilLatest));
    }
  }
  return out;
}

function countNull(map: ReadonlyMap<string, unknown>): number {
  let n = 0;
  for (const v of map.values()) if (v === null) n++;
  return n;
}
