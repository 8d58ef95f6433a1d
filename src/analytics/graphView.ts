import type { CareerStage, GroupLevel } from '../domain/enums';
import { groupsAtPlace } from '../domain/groupLevel';
import { labelOfId } from '../domain/ids';
import { badInput, notFound } from '../errors';
import type { CollaborationNetwork, TieAttributes } from './collaborationGraph';
import { groupIndexOf, groupLabel, resolvedLevelOf, resolveGroups, resolvePeople } from './groups';
import { checkHops, endpointMembers } from './paths';

/**
 * A layout-free, frontend-ready view of (part of) the collaboration graph: people, optionally
 * their labs, and the ties between them with evidence. Ids are the domain ids, so a view can be
 * joined back to the API; nodes and edges are sorted by id, so the same data gives the same file.
 * Exporters (export/) turn a view into Cytoscape.js, graphology, GEXF or GraphML.
 */
export type ViewNodeType = 'PERSON' | 'LAB';
export type ViewEdgeType = 'COLLABORATION' | 'MEMBER_OF';
export type TieKind = 'VISIT' | 'COAUTHORSHIP' | 'SHARED_LAB';

export interface ViewNode {
  id: string;
  type: ViewNodeType;
  label: string;
  /** Primary group at the view's level (lab, institution or country id); for a lab, the lab at LAB level, else its institution or country. */
  group: string | null;
  /**
   * The level `group` was resolved at: at LAB level a person with no named lab is grouped by
   * institution, and one at a placeholder institution by country (domain/groupLevel.ts).
   */
  groupResolvedLevel: GroupLevel | null;
  groupLabel: string | null;
  /** Career stage; null for labs. */
  stage: CareerStage | null;
  earlyCareer: boolean | null;
  /** ISO 3166-1 alpha-2 of the primary place (people; known even at a placeholder institution) or of the lab's institution. */
  country: string | null;
  /** Primary named institution; null when only a placeholder is known. */
  institution: string | null;
  /** Primary lab; null when the data names none. */
  lab: string | null;
  /** People: sum of tie weights in the whole graph (strength); labs: number of members. */
  weight: number;
  /** People: number of ties in the whole graph; labs: number of members. */
  degree: number;
}

export interface VisitInterval {
  visit: string;
  /** YYYY-MM-DD, null when unknown. */
  start: string | null;
  end: string | null;
}

export interface ViewEdge {
  id: string;
  source: string;
  target: string;
  type: ViewEdgeType;
  weight: number;
  kinds: TieKind[];
  visits: string[];
  papers: string[];
  labs: string[];
  /**
   * When the tie rests on dated visits only: the visits' intervals (the edge exists during them).
   * null when the tie is timeless (a paper or a shared lab, or an undated visit).
   */
  intervals: VisitInterval[] | null;
  /** First start and last end over `intervals`; null when timeless or open. */
  start: string | null;
  end: string | null;
}

export interface GraphView {
  level: GroupLevel;
  includePlanned: boolean;
  nodes: ViewNode[];
  edges: ViewEdge[];
}

export const MAX_NEIGHBORHOOD_HOPS = 3;

export interface ViewOptions {
  level?: GroupLevel;
  /** Add each person's labs as LAB nodes with MEMBER_OF edges. */
  includeLabs?: boolean;
  /** BAD_USER_INPUT when the view would have more nodes than this (protects the API). */
  maxNodes?: number;
}

export interface GraphFilter extends ViewOptions {
  /** Keep these people… */
  people?: readonly string[];
  /** …and the members of these groups (any level). With none of the three, everyone. */
  labs?: readonly string[];
  institutions?: readonly string[];
  countries?: readonly string[];
  earlyCareerOnly?: boolean;
  /** Drop ties lighter than this. */
  minWeight?: number;
  /** Keep people without a tie in the view (default true). */
  includeIsolated?: boolean;
  /** Group ids that exist in the store but not in the projection (see groups.ts `resolveGroups`). */
  existingGroups?: ReadonlySet<string>;
}

/** The ego network of a person (or of a lab's members) up to `hops` ties away, with all ties among them. */
export function neighborhood(network: CollaborationNetwork, id: string, hops: number, options: ViewOptions = {}): GraphView {
  checkHops(hops, 'hops', 0, MAX_NEIGHBORHOOD_HOPS);
  const csr = network.csr;
  const seeds = endpointMembers(network, csr, id, 'id');
  const dist = new Int32Array(csr.n).fill(-1);
  const queue: number[] = [];
  for (const s of seeds) {
    dist[s] = 0;
    queue.push(s);
  }
  for (let h = 0; h < queue.length; h++) {
    const v = queue[h];
    if (dist[v] >= hops) continue;
    for (let j = csr.offsets[v]; j < csr.offsets[v + 1]; j++) {
      const w = csr.targets[j];
      if (dist[w] < 0) {
        dist[w] = dist[v] + 1;
        queue.push(w);
      }
    }
  }
  const people = queue.sort((a, b) => a - b).map((i) => csr.ids[i]);
  const centerLab = labelOfId(id) === 'Lab' ? id : null;
  return buildView(network, people, { ...options, extraLabs: centerLab ? [centerLab] : [] });
}

/** The whole graph or a filtered part of it. */
export function graphView(network: CollaborationNetwork, filter: GraphFilter = {}): GraphView {
  const csr = network.csr;
  let keep: Set<number> | null = null;
  const add = (xs: Iterable<number>) => {
    keep ??= new Set();
    for (const x of xs) keep.add(x);
  };
  if (filter.people) add(resolvePeople(csr, filter.people, 'filter.people'));
  for (const [level, ids] of [
    ['LAB', filter.labs],
    ['INSTITUTION', filter.institutions],
    ['COUNTRY', filter.countries],
  ] as const) {
    if (!ids) continue;
    const gi = groupIndexOf(network, level);
    const argument = `filter.${level === 'LAB' ? 'labs' : level === 'INSTITUTION' ? 'institutions' : 'countries'}`;
    // filter.labs names labs only; institutions and countries have their own lists.
    const notLab = level === 'LAB' ? ids.find((id) => labelOfId(id) !== 'Lab') : undefined;
    if (notLab) throw badInput(`${argument}: "${notLab}" is not a Lab id`, { argumentName: argument });
    const wanted = new Set(resolveGroups(gi, ids, argument, filter.existingGroups));
    const members: number[] = [];
    for (let i = 0; i < csr.n; i++) {
      for (let q = gi.offsets[i]; q < gi.offsets[i + 1]; q++) {
        if (wanted.has(gi.groups[q])) {
          members.push(i);
          break;
        }
      }
    }
    add(members);
  }
  if (filter.minWeight !== undefined && !(Number.isFinite(filter.minWeight) && filter.minWeight >= 0)) {
    throw badInput('filter.minWeight must be a non-negative number', { argumentName: 'filter.minWeight' });
  }
  const kept: Set<number> | null = keep;
  let people = (kept ? [...kept].sort((a, b) => a - b) : Array.from({ length: csr.n }, (_, i) => i)).map((i) => csr.ids[i]);
  if (filter.earlyCareerOnly) people = people.filter((p) => network.graph.getNodeAttribute(p, 'earlyCareer') === true);
  return buildView(network, people, {
    ...filter,
    minWeight: filter.minWeight ?? 0,
    includeIsolated: filter.includeIsolated ?? true,
  });
}

interface BuildOptions extends ViewOptions {
  extraLabs?: string[];
  minWeight?: number;
  includeIsolated?: boolean;
}

function buildView(network: CollaborationNetwork, people: string[], options: BuildOptions): GraphView {
  const level = options.level ?? 'LAB';
  const gi = groupIndexOf(network, level);
  const csr = network.csr;
  const inView = new Set(people);
  const minWeight = options.minWeight ?? 0;
  const edges: ViewEdge[] = [];
  const touched = new Set<string>();
  for (const p of people) {
    network.graph.forEachEdge(p, (key, t, s, u) => {
      const other = s === p ? u : s;
      if (p > other || !inView.has(other) || t.weight < minWeight) return;
      touched.add(p);
      touched.add(other);
      edges.push(tieEdge(network, key, p, other, t));
    });
  }
  if (options.includeIsolated === false) people = people.filter((p) => touched.has(p));
  const labIds = new Set(options.extraLabs ?? []);
  if (options.includeLabs) for (const p of people) for (const l of network.graph.getNodeAttribute(p, 'labs')) labIds.add(l);
  const total = people.length + labIds.size;
  if (options.maxNodes !== undefined && total > options.maxNodes) {
    throw badInput(`the view would have ${total} nodes, more than the limit of ${options.maxNodes}: narrow the filter or the hops`, {
      nodes: total,
      limit: options.maxNodes,
    });
  }
  const nodes: ViewNode[] = people.map((p) => {
    const i = csr.index.get(p)!;
    const a = network.graph.getNodeAttributes(p);
    const g = gi.primary[i];
    const labGroup = primaryAt(network, p, 'LAB');
    const lab = labGroup && resolvedLevelOf(labGroup) === 'LAB' ? labGroup : null;
    const institution = primaryAt(network, p, 'INSTITUTION');
    const country = primaryAt(network, p, 'COUNTRY');
    let strength = 0;
    for (let j = csr.offsets[i]; j < csr.offsets[i + 1]; j++) strength += csr.weights[j];
    return {
      id: p,
      type: 'PERSON',
      label: a.label,
      group: g >= 0 ? gi.ids[g] : null,
      groupResolvedLevel: g >= 0 ? resolvedLevelOf(gi.ids[g]) : null,
      groupLabel: g >= 0 ? groupLabel(network, gi.ids[g]) : null,
      stage: a.stage,
      earlyCareer: a.earlyCareer,
      country: country ? country.replace(/^country:/, '') : null,
      institution,
      lab,
      weight: strength,
      degree: csr.offsets[i + 1] - csr.offsets[i],
    };
  });
  for (const labId of labIds) {
    const lab = network.labs.get(labId);
    if (!lab) throw notFound(`no Lab "${labId}"`, { id: labId });
    const members = network.labMembers.get(labId) ?? [];
    const inst = network.institutions.get(lab.institution);
    const country = inst?.country ?? null;
    const group = inst ? groupsAtPlace(level, { id: inst.id, country: inst.country, placeholder: inst.placeholder === true }, [labId])[0] ?? null : null;
    nodes.push({
      id: labId,
      type: 'LAB',
      label: lab.label,
      group,
      groupResolvedLevel: group ? resolvedLevelOf(group) : null,
      groupLabel: group ? groupLabel(network, group) : null,
      stage: null,
      earlyCareer: null,
      country,
      institution: lab.institution,
      lab: labId,
      weight: members.length,
      degree: members.length,
    });
    for (const m of members) {
      if (!inView.has(m) || (options.includeIsolated === false && !touched.has(m))) continue;
      edges.push({
        id: `${m}--${labId}`,
        source: m,
        target: labId,
        type: 'MEMBER_OF',
        weight: 1,
        kinds: [],
        visits: [],
        papers: [],
        labs: [labId],
        intervals: null,
        start: null,
        end: null,
      });
    }
  }
  nodes.sort((x, y) => cmp(x.id, y.id));
  edges.sort((x, y) => cmp(x.id, y.id));
  return { level, includePlanned: network.includePlanned, nodes, edges };
}

function tieEdge(network: CollaborationNetwork, key: string, a: string, b: string, t: TieAttributes): ViewEdge {
  const kinds: TieKind[] = [];
  if (t.visits.length) kinds.push('VISIT');
  if (t.papers.length) kinds.push('COAUTHORSHIP');
  if (t.labs.length) kinds.push('SHARED_LAB');
  let intervals: VisitInterval[] | null = null;
  let start: string | null = null;
  let end: string | null = null;
  if (t.papers.length === 0 && t.labs.length === 0 && t.visits.length > 0) {
    intervals = t.visits.map((id) => {
      const v = network.visits.get(id);
      return { visit: id, start: v?.start ?? null, end: v?.end ?? null };
    });
    if (intervals.some((iv) => iv.start === null && iv.end === null)) intervals = null;
    else {
      const starts = intervals.map((iv) => iv.start);
      const ends = intervals.map((iv) => iv.end);
      start = starts.includes(null) ? null : (starts as string[]).reduce((x, y) => (y < x ? y : x));
      end = ends.includes(null) ? null : (ends as string[]).reduce((x, y) => (y > x ? y : x));
    }
  }
  return {
    id: key,
    source: a,
    target: b,
    type: 'COLLABORATION',
    weight: t.weight,
    kinds,
    visits: t.visits,
    papers: t.papers,
    labs: t.labs,
    intervals,
    start,
    end,
  };
}

function primaryAt(network: CollaborationNetwork, person: string, level: GroupLevel): string | null {
  const gi = groupIndexOf(network, level);
  const i = network.csr.index.get(person)!;
  const g = gi.primary[i];
  return g >= 0 ? gi.ids[g] : null;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
