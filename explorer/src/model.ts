import Graph from 'graphology';
import type { ExplorerNetworkQuery, ExplorerTieEvidenceQuery, VisitStatus } from './gql/graphql';
import { countryColours, OTHER, TIE_ORDER, TIE_STYLE, type TieKindName } from './palette';
import type { ViewState } from './state';

export type NodeRow = ExplorerNetworkQuery['graph']['nodes'][number];
export type EdgeRow = ExplorerNetworkQuery['graph']['edges'][number] & { id: string };
export type TieEvidence = ExplorerTieEvidenceQuery['graph']['edges'][number];

/** What the API answered for one level, kept as is; views are derived from it. */
export interface NetworkData {
  nodes: NodeRow[];
  edges: EdgeRow[];
  /** Ties that stand without planned items; the others are planned-only (drawn dashed). null until loaded. */
  doneEdges: Set<string> | null;
  /** Dates and visits of each tie, once loaded (after the first render). */
  evidence: Map<string, TieEvidence> | null;
  colours: Map<string, string>;
  countries: ExplorerNetworkQuery['countries'];
}

export interface NodeAttrs {
  label: string;
  x: number;
  y: number;
  size: number;
  color: string;
  kind: 'person' | 'group';
  country: string | null;
  /** For people: their group at the level; for groups: themselves. */
  group: string | null;
  groupLabel: string | null;
  members: number;
}

export interface EdgeAttrs {
  size: number;
  color: string;
  type: 'line' | 'dashed';
  tie: TieKindName;
  planned: boolean;
  weight: number;
}

export function toNetworkData(answer: ExplorerNetworkQuery): NetworkData {
  const nodes = answer.graph.nodes.filter((n) => n.type === 'PERSON');
  return {
    nodes,
    edges: answer.graph.edges.map((e) => ({ ...e, id: `${e.source}--${e.target}` })),
    doneEdges: null,
    evidence: null,
    colours: countryColours(nodes.map((n) => n.country)),
    countries: answer.countries,
  };
}

/** Visit statuses by visit id, once loaded (the status filter needs them). */
export type VisitStatusIndex = Map<string, VisitStatus>;

/** Fiscal year N: 1 April N to 31 March N+1 (ISO dates compare as strings). */
export function fiscalYearWindow(fy: number): [string, string] {
  return [`${fy}-04-01`, `${fy + 1}-03-31`];
}

export function isPlanned(data: NetworkData, edgeId: string): boolean {
  return data.doneEdges !== null && !data.doneEdges.has(edgeId);
}

/** Restyles the ties of a person graph once it is known which ones are planned-only. */
export function markPlanned(graph: Graph<NodeAttrs, EdgeAttrs>, data: NetworkData): void {
  for (const e of data.edges) if (graph.hasEdge(e.id)) graph.replaceEdgeAttributes(e.id, edgeAttrs(e, isPlanned(data, e.id)));
}

export function personPasses(n: NodeRow, s: ViewState): boolean {
  if (s.countries.length && !(n.country && s.countries.includes(n.country))) return false;
  if (s.stages.length && !(n.stage && s.stages.includes(n.stage))) return false;
  if (s.earlyCareerOnly && n.earlyCareer !== true) return false;
  return true;
}

/**
 * A tie is shown when its planned-ness is wanted, and, when a fiscal year is chosen, it is
 * timeless (papers, shared labs) or one of its visits overlaps the year; with a status filter,
 * when it has non-visit evidence or a visit in one of the statuses. Until the ties' dates and
 * visits have arrived, only the planned filter applies.
 */
export function tiePasses(e: EdgeRow, planned: boolean, s: ViewState, evidence: TieEvidence | undefined, statuses: VisitStatusIndex | null): boolean {
  if (planned && !s.planned) return false;
  if (!evidence) return true;
  if (s.fiscalYear !== null && evidence.intervals) {
    const [from, to] = fiscalYearWindow(s.fiscalYear);
    if (!evidence.intervals.some((i) => (i.start ?? '0000') <= to && (i.end ?? i.start ?? '9999') >= from)) return false;
  }
  const onlyVisits = !e.kinds.includes('COAUTHORSHIP') && !e.kinds.includes('SHARED_LAB');
  if (s.statuses.length && statuses && onlyVisits) {
    if (!evidence.visits.some((v) => s.statuses.includes(statuses.get(v) ?? 'COMPLETED'))) return false;
  }
  return true;
}

export function fiscalYearsOf(evidence: Iterable<TieEvidence>): number[] {
  const years = new Set<number>();
  for (const e of evidence)
    for (const i of e.intervals ?? []) {
      for (const d of [i.start, i.end]) {
        if (!d) continue;
        const [y, m] = d.split('-').map(Number);
        years.add(m >= 4 ? y : y - 1);
      }
    }
  return [...years].sort((a, b) => a - b);
}

function primaryTie(kinds: readonly string[]): TieKindName {
  return TIE_ORDER.find((k) => kinds.includes(k)) ?? 'SHARED_LAB';
}

function edgeAttrs(e: EdgeRow, planned: boolean, weight = e.weight): EdgeAttrs {
  const tie = primaryTie(e.kinds);
  const style = TIE_STYLE[tie];
  return { size: style.size + Math.min(3, Math.log2(weight)), color: style.colour, type: planned ? 'dashed' : 'line', tie, planned, weight };
}

/** Labels are cut to about 200 px (CJK characters are about twice as wide as Latin ones). */
export function shortLabel(label: string): string {
  const max = /[\u3000-\u9fff\uff00-\uffef]/.test(label) ? 13 : 24;
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

/** Every person as a node; filters are applied by the renderer's reducers so the layout stays put. */
export function personGraph(data: NetworkData): Graph<NodeAttrs, EdgeAttrs> {
  const graph = new Graph<NodeAttrs, EdgeAttrs>({ type: 'undirected', multi: false });
  for (const n of data.nodes) graph.addNode(n.id, personAttrs(n, data));
  for (const e of data.edges) {
    if (!graph.hasNode(e.source) || !graph.hasNode(e.target)) continue;
    graph.addEdgeWithKey(e.id, e.source, e.target, edgeAttrs(e, isPlanned(data, e.id)));
  }
  return graph;
}

function personAttrs(n: NodeRow, data: NetworkData): NodeAttrs {
  return {
    label: shortLabel(n.label), x: 0, y: 0, size: 3 + Math.sqrt(n.degree), kind: 'person',
    color: (n.country && data.colours.get(n.country)) || OTHER,
    country: n.country ?? null, group: n.group ?? null, groupLabel: n.groupLabel ?? null, members: 1,
  };
}

/**
 * The view for large networks: each group at the level is one node (sized by its people,
 * coloured by its country) except the groups the user opened, whose people are shown. Ties
 * between two nodes of the view are merged into one link weighted by their count.
 * Filters apply before grouping (a group holds only the people that pass).
 */
export function groupedGraph(data: NetworkData, s: ViewState, expanded: ReadonlySet<string>, statuses: VisitStatusIndex | null): Graph<NodeAttrs, EdgeAttrs> {
  const graph = new Graph<NodeAttrs, EdgeAttrs>({ type: 'undirected', multi: false });
  const representative = new Map<string, string>();
  for (const n of data.nodes) {
    if (!personPasses(n, s)) continue;
    const group = n.group ?? `nogroup:${n.id}`;
    if (!n.group || expanded.has(group)) {
      graph.addNode(n.id, personAttrs(n, data));
      representative.set(n.id, n.id);
      continue;
    }
    representative.set(n.id, group);
    if (graph.hasNode(group)) graph.updateNodeAttribute(group, 'members', (m = 0) => m + 1);
    else
      graph.addNode(group, {
        label: shortLabel(n.groupLabel ?? group), x: 0, y: 0, size: 0, kind: 'group',
        color: (n.country && data.colours.get(n.country)) || OTHER,
        country: n.country ?? null, group, groupLabel: n.groupLabel ?? null, members: 1,
      });
  }
  graph.forEachNode((id, a) => {
    if (a.kind === 'group') graph.setNodeAttribute(id, 'size', 4 + 3 * Math.sqrt(a.members));
  });
  for (const e of data.edges) {
    const planned = isPlanned(data, e.id);
    const [a, b] = [representative.get(e.source), representative.get(e.target)];
    if (!a || !b || a === b || !tiePasses(e, planned, s, data.evidence?.get(e.id), statuses)) continue;
    const existing = graph.edge(a, b);
    if (existing === undefined) graph.addEdge(a, b, edgeAttrs(e, planned, 1));
    else {
      const weight = graph.getEdgeAttribute(existing, 'weight') + 1;
      const merged = edgeAttrs(e, planned && graph.getEdgeAttribute(existing, 'planned'), weight);
      graph.replaceEdgeAttributes(existing, merged);
    }
  }
  return graph;
}
