import { UndirectedGraph } from 'graphology';
import { DEFAULT_EARLY_CAREER_RULE, isEarlyCareer, type EarlyCareerRule } from '../domain/earlyCareer';
import type { CareerStage, PaperStatus, VisitStatus } from '../domain/enums';
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
 * function of this object.
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
  graph: CollaborationGraph;
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

export const countryId = (code: string): string => `country:${code}`;

/** Edge key of the tie between two people: the two ids in sorted order. Stable across builds. */
export function tieKey(a: string, b: string): string {
  return a < b ? `${a}--${b}` : `${b}--${a}`;
}

/**
 * Evidence lists are plain arrays: an item can reach a tie only once (a visit's counterparts, a
 * paper's authors and a lab's members are deduplicated first), and arrays keep the 100k-people
 * build out of the garbage collector's way.
 */
interface TieBuilder {
  a: number;
  b: number;
  visits: string[] | null;
  papers: string[] | null;
  labs: string[] | null;
}

export function buildCollaborationNetwork(projection: CollaborationProjection, options: CollaborationOptions = {}): CollaborationNetwork {
  const includePlanned = options.includePlanned ?? false;
  const rule = options.earlyCareerRule ?? DEFAULT_EARLY_CAREER_RULE;

  const institutions = new Map(projection.institutions.map((i) => [i.id, i]));
  const labs = new Map(projection.labs.map((l) => [l.id, l]));
  const people = new Map<string, ProjectedPerson>(projection.people.map((p) => [p.id, p]));
  const personIds = [...people.keys()].sort();
  const personIndex = new Map(personIds.map((id, i) => [id, i]));
  const N = personIds.length;

  const countries = new Map<string, string[]>();
  for (const inst of [...institutions.values()].sort(byId)) {
    const key = countryId(inst.country);
    const list = countries.get(key);
    if (list) list.push(inst.id);
    else countries.set(key, [inst.id]);
  }

  const membersOf = new Map<string, Set<string>>();
  const addMember = (lab: string, person: string) => {
    if (!people.has(person)) return;
    let set = membersOf.get(lab);
    if (!set) membersOf.set(lab, (set = new Set()));
    set.add(person);
  };
  for (const p of projection.people) for (const lab of p.labs) addMember(lab, p.id);
  for (const lab of labs.values()) if (lab.head) addMember(lab.id, lab.head);
  const labMembers = new Map<string, string[]>();
  for (const [lab, set] of membersOf) labMembers.set(lab, [...set].sort());

  // Keyed by a·N + b over sorted person indices (a < b): numeric keys, and key order is id order.
  const ties = new Map<number, TieBuilder>();
  const tie = (x: string, y: string): TieBuilder | null => {
    const i = personIndex.get(x);
    const j = personIndex.get(y);
    if (i === undefined || j === undefined || i === j) return null;
    const [a, b] = i < j ? [i, j] : [j, i];
    const key = a * N + b;
    let t = ties.get(key);
    if (!t) ties.set(key, (t = { a, b, visits: null, papers: null, labs: null }));
    return t;
  };

  const visits = new Map<string, ProjectedVisit>();
  for (const v of projection.visits) {
    if (!visitCounts(v.status, includePlanned)) continue;
    const counterparts = new Set(v.hosts);
    const head = v.toLab ? labs.get(v.toLab)?.head : null;
    if (head) counterparts.add(head);
    let used = false;
    for (const other of counterparts) {
      const t = tie(v.visitor, other);
      if (t) {
        (t.visits ??= []).push(v.id);
        used = true;
      }
    }
    if (used) visits.set(v.id, v);
  }

  const papers = new Map<string, ProjectedPaper>();
  for (const paper of projection.papers) {
    if (!paperCounts(paper.status, includePlanned)) continue;
    const authors = [...new Set(paper.authors)].filter((a) => people.has(a)).sort();
    for (let i = 0; i < authors.length; i++) {
      for (let j = i + 1; j < authors.length; j++) {
        const t = tie(authors[i], authors[j])!;
        (t.papers ??= []).push(paper.id);
      }
    }
    if (authors.length > 1) papers.set(paper.id, paper);
  }

  for (const [lab, members] of labMembers) {
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const t = tie(members[i], members[j])!;
        (t.labs ??= []).push(lab);
      }
    }
  }

  // A person's labs: memberships and headships (the projection lists both; heads are added
  // again here so that a store that forgot one still gives the same graph).
  const labsOf = new Map<string, string[]>();
  for (const [lab, members] of labMembers) {
    if (!labs.has(lab)) continue;
    for (const m of members) {
      const list = labsOf.get(m);
      if (list) list.push(lab);
      else labsOf.set(m, [lab]);
    }
  }

  const graph: CollaborationGraph = new UndirectedGraph<PersonAttributes, TieAttributes>({ allowSelfLoops: false });
  for (const id of personIds) {
    const p = people.get(id)!;
    const personLabs = (labsOf.get(p.id) ?? []).sort();
    const instIds = new Set(p.institutions.filter((i) => institutions.has(i)));
    for (const lab of personLabs) {
      const inst = labs.get(lab)!.institution;
      if (institutions.has(inst)) instIds.add(inst);
    }
    const personInstitutions = [...instIds].sort();
    const countryIds = new Set(personInstitutions.map((i) => countryId(institutions.get(i)!.country)));
    graph.addNode(p.id, {
      label: p.label,
      stage: p.careerStage,
      earlyCareer: isEarlyCareer(p.careerStage, rule),
      placeholder: p.placeholder,
      labs: personLabs,
      institutions: personInstitutions,
      countries: [...countryIds].sort(),
    });
  }
  const keys = Float64Array.from(ties.keys()).sort();
  for (const key of keys) {
    const t = ties.get(key)!;
    const a = personIds[t.a];
    const b = personIds[t.b];
    const visitIds = sorted(t.visits);
    const paperIds = sorted(t.papers);
    const labIds = sorted(t.labs);
    graph.addUndirectedEdgeWithKey(`${a}--${b}`, a, b, {
      visits: visitIds,
      papers: paperIds,
      labs: labIds,
      weight: visitIds.length + paperIds.length + labIds.length,
    });
  }

  return { graph, includePlanned, earlyCareerRule: rule, labs, institutions, countries, labMembers, visits, papers };
}

// Shared by every tie without that kind of evidence; frozen so that a careless push throws.
const EMPTY = Object.freeze([]) as unknown as string[];

function sorted(list: string[] | null): string[] {
  if (!list) return EMPTY;
  return list.length > 1 ? list.sort() : list;
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The evidence of a tie as a fresh object (callers may keep it). */
export function evidenceOf(attrs: TieAttributes): TieEvidence {
  return { visits: attrs.visits, papers: attrs.papers, labs: attrs.labs };
}
