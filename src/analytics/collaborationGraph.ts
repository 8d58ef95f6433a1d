import { UndirectedGraph } from 'graphology';
import { DEFAULT_EARLY_CAREER_RULE, isEarlyCareer, type EarlyCareerRule } from '../domain/earlyCareer';
import type { CareerStage, PaperStatus, VisitStatus } from '../domain/enums';
import { periodsOverlap, type MembershipPeriod } from '../domain/membershipPeriod';
import { adoptCsr, csrFromSortedTies, type Csr } from './csr';
import { countryId, labMembership, personAttributes } from './members';
import { TieLog, type TieTable } from './ties';
import type {
  CollaborationProjection,
  ProjectedInstitution,
  ProjectedLab,
  ProjectedPaper,
  ProjectedPerson,
  ProjectedVisit,
} from '../store/projection';

/**
 * The collaboration graph: people as nodes, one undirected tie per pair of people who worked
 * together, with the evidence of the tie. Built once per (store version, options) from the
 * store's projection (see cache.ts) and then only read: every analytics function is a pure
 * function of this object. The ties are built once, as a tie table (ties.ts) and the CSR made
 * from it, which is all the measures read; the graphology graph is made from the same table and
 * attribute objects on first access, since only views, exports and outside callers use it and
 * inserting ~300k edges into graphology cost 3 s of the first request after a data change.
 *
 * A tie between A and B exists when (docs/metrics.md, "The collaboration graph"):
 *  - visit: A visited and B hosted the visit, or B heads the lab the visit went to;
 *  - co-authorship: A and B are authors of the same paper;
 *  - shared lab: A and B are members (or head) of the same lab.
 * Planned visits and planned papers count only with `includePlanned`; cancelled visits never.
 * The weight of a tie is the number of distinct evidence items (visits + papers + labs).
 */
export interface PersonAttributes {
  label: string;
  stage: CareerStage;
  /** Under the network's early-career rule; null when the stage is UNKNOWN. */
  earlyCareer: boolean | null;
  placeholder: boolean;
  /** Sorted lab ids (member or head). */
  labs: string[];
  /** Sorted institution ids (of the labs, plus direct affiliations). */
  institutions: string[];
  /** Sorted country ids ("country:JP") of those institutions. */
  countries: string[];
}

export interface TieEvidence {
  /** Sorted visit ids. */
  visits: string[];
  /** Sorted paper ids. */
  papers: string[];
  /** Sorted ids of the labs both people belong to. */
  labs: string[];
}

export interface TieAttributes extends TieEvidence {
  weight: number;
}

export type CollaborationGraph = UndirectedGraph<PersonAttributes, TieAttributes>;

export interface CollaborationOptions {
  includePlanned?: boolean;
  earlyCareerRule?: EarlyCareerRule;
}

export interface CollaborationNetwork {
  /** The graphology graph (views, exports, external callers); built on first access. */
  readonly graph: CollaborationGraph;
  /** Ties as compressed sparse rows (person index = position of the id in sorted order): what the measures read. */
  csr: Csr;
  /** Person attributes by CSR index (the graph's node attributes are the same objects). */
  people: readonly PersonAttributes[];
  includePlanned: boolean;
  earlyCareerRule: EarlyCareerRule;
  labs: ReadonlyMap<string, ProjectedLab>;
  institutions: ReadonlyMap<string, ProjectedInstitution>;
  /** Country id ("country:JP") → the institutions located there, sorted. */
  countries: ReadonlyMap<string, string[]>;
  /** Lab id → member ids (including the head), sorted. */
  labMembers: ReadonlyMap<string, string[]>;
  /** Only the visits and papers that are evidence of some tie under these options. */
  visits: ReadonlyMap<string, ProjectedVisit>;
  papers: ReadonlyMap<string, ProjectedPaper>;
}

/** Visits that count as collaboration: done or under way; planned ones only when asked for. */
export function visitCounts(status: VisitStatus, includePlanned: boolean): boolean {
  if (status === 'CANCELLED') return false;
  if (status === 'PLANNED') return includePlanned;
  return true;
}

/** A paper in preparation or later is joint work already; a planned paper is only an intention. */
export function paperCounts(status: PaperStatus, includePlanned: boolean): boolean {
  return status !== 'PLANNED' || includePlanned;
}

export { countryId } from './members';

/** Edge key of the tie between two people: the two ids in sorted order. Stable across builds. */
export function tieKey(a: string, b: string): string {
  return a < b ? `${a}--${b}` : `${b}--${a}`;
}

export function buildCollaborationNetwork(projection: CollaborationProjection, options: CollaborationOptions = {}): CollaborationNetwork {
  const includePlanned = options.includePlanned ?? false;
  const rule = options.earlyCareerRule ?? DEFAULT_EARLY_CAREER_RULE;

  const institutions = new Map(projection.institutions.map((i) => [i.id, i]));
  const labs = new Map(projection.labs.map((l) => [l.id, l]));
  const people = new Map<string, ProjectedPerson>(projection.people.map((p) => [p.id, p]));
  const personIds = [...people.keys()].sort();
  const personIndex = new Map(personIds.map((id, i) => [id, i]));

  const countries = new Map<string, string[]>();
  for (const inst of [...institutions.values()].sort(byId)) {
    const key = countryId(inst.country);
    const list = countries.get(key);
    if (list) list.push(inst.id);
    else countries.set(key, [inst.id]);
  }

  const membership = labMembership(projection, labs, personIds, personIndex);
  const labMembers = membership.labMembers;

  // Evidence items in one list: visits, then papers, then labs (see ties.ts).
  const log = new TieLog();
  const itemIds: string[] = [];
  const visitUsed = new Uint8Array(projection.visits.length);
  for (let vi = 0; vi < projection.visits.length; vi++) {
    const visit = projection.visits[vi];
    if (!visitCounts(visit.status, includePlanned)) continue;
    const i = personIndex.get(visit.visitor);
    if (i === undefined) continue;
    const counterparts = new Set(visit.hosts);
    const head = visit.toLab ? labs.get(visit.toLab)?.head : null;
    if (head) counterparts.add(head);
    const item = itemIds.length;
    for (const other of counterparts) {
      const j = personIndex.get(other);
      if (j === undefined || j === i) continue;
      log.add(i, j, item);
      visitUsed[vi] = 1;
    }
    if (visitUsed[vi]) itemIds.push(visit.id);
  }

  const paperStart = itemIds.length;
  const paperUsed = new Uint8Array(projection.papers.length);
  for (let pi = 0; pi < projection.papers.length; pi++) {
    const paper = projection.papers[pi];
    if (!paperCounts(paper.status, includePlanned)) continue;
    const authors = [...new Set(paper.authors)].filter((a) => personIndex.has(a)).map((a) => personIndex.get(a)!);
    if (authors.length < 2) continue;
    const item = itemIds.length;
    itemIds.push(paper.id);
    paperUsed[pi] = 1;
    for (let x = 0; x < authors.length; x++) for (let y = x + 1; y < authors.length; y++) log.add(authors[x], authors[y], item);
  }

  const labStart = itemIds.length;
  const limited = limitedMemberships(projection, personIndex, labs);
  for (const [lab, members] of membership.memberIndices) {
    if (members.length < 2) continue;
    const item = itemIds.length;
    const periods = limited.get(lab);
    let used = false;
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        // Two members are tied by the lab only when their memberships there overlap in time.
        if (periods && !periodsOverlap(periods.get(members[x]) ?? OPEN, periods.get(members[y]) ?? OPEN)) continue;
        log.add(members[x], members[y], item);
        used = true;
      }
    }
    if (used) itemIds.push(lab);
  }
  const ties = log.table(personIds.length, itemIds, paperStart, labStart);

  // Only the visits and papers that are evidence, in projection order.
  const visits = new Map<string, ProjectedVisit>();
  projection.visits.forEach((v, i) => visitUsed[i] && visits.set(v.id, v));
  const papers = new Map<string, ProjectedPaper>();
  projection.papers.forEach((p, i) => paperUsed[i] && papers.set(p.id, p));

  const nodes = personAttributes(projection, personIndex, membership, labs, institutions, rule);
  const csr = csrFromSortedTies(personIds, personIndex, ties.a, ties.b, ties.weight, ties.attrs);
  let graph: CollaborationGraph | null = null;
  return {
    // Only views, exports and callers outside the analytics read graphology: built on first use,
    // from the same attribute objects as `people` and the CSR, so the two cannot disagree.
    get graph(): CollaborationGraph {
      if (!graph) graph = adoptCsr(graphologyOf(personIds, nodes, ties), csr);
      return graph;
    },
    csr,
    people: nodes,
    includePlanned,
    earlyCareerRule: rule,
    labs,
    institutions,
    countries,
    labMembers,
    visits,
    papers,
  };
}

/** The graphology graph of a tie table, people in id order (period views build theirs the same way). */
export function graphologyOf(ids: readonly string[], nodes: readonly PersonAttributes[], ties: TieTable): CollaborationGraph {
  const graph: CollaborationGraph = new UndirectedGraph<PersonAttributes, TieAttributes>({ allowSelfLoops: false });
  for (let i = 0; i < ids.length; i++) graph.addNode(ids[i], nodes[i]);
  for (let t = 0; t < ties.a.length; t++) {
    const a = ids[ties.a[t]];
    const b = ids[ties.b[t]];
    graph.addUndirectedEdgeWithKey(`${a}--${b}`, a, b, ties.attrs[t]);
  }
  return graph;
}

const OPEN: MembershipPeriod = { sinceEarliest: null, untilLatest: null };

/**
 * Lab → person index → membership period, for the memberships limited in time (since/until
 * stated). A head's membership of their own lab is not limited (HEADS has no bounds).
 */
function limitedMemberships(
  projection: CollaborationProjection,
  personIndex: ReadonlyMap<string, number>,
  labs: ReadonlyMap<string, ProjectedLab>,
): Map<string, Map<number, MembershipPeriod>> {
  const out = new Map<string, Map<number, MembershipPeriod>>();
  for (const p of projection.people) {
    const i = personIndex.get(p.id);
    if (i === undefined || !p.labPeriods?.length) continue;
    for (const m of p.labPeriods) {
      if (labs.get(m.lab)?.head === p.id) continue;
      let byPerson = out.get(m.lab);
      if (!byPerson) out.set(m.lab, (byPerson = new Map()));
      byPerson.set(i, { sinceEarliest: m.sinceEarliest, untilLatest: m.untilLatest });
    }
  }
  return out;
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The evidence of a tie as a fresh object (callers may keep it). */
export function evidenceOf(attrs: TieAttributes): TieEvidence {
  return { visits: attrs.visits, papers: attrs.papers, labs: attrs.labs };
}
