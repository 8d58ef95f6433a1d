import type { Label } from '../../../src/domain/ids';
import type { Graph, GraphNode, Props } from '../../../src/store/graph';
import type { StoreCounts } from '../../../src/store/port';

/** Helpers that compute what a store should return from the graph that was written, independently of any store. */

/** A node as both stores hold it: null-valued props are not stored (see store/neo4j/values.ts). */
export function asStored(node: GraphNode): GraphNode {
  return { ...node, props: withoutNulls(node.props) };
}

export function withoutNulls(props: Props): Props {
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v !== null));
}

export function nodeOf(graph: Graph, id: string): GraphNode {
  const node = graph.nodes.find((n) => n.id === id);
  if (!node) throw new Error(`fixture has no node ${id}`);
  return asStored(node);
}

export function expectedCounts(graph: Graph): StoreCounts {
  const counts: StoreCounts = { nodes: {}, rels: {} };
  for (const n of graph.nodes) counts.nodes[n.label] = (counts.nodes[n.label] ?? 0) + 1;
  for (const r of graph.rels) counts.rels[r.type] = (counts.rels[r.type] ?? 0) + 1;
  return counts;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Ids of a label in (sortKey, id) order: the order every page must follow. */
export function idsInSortOrder(graph: Graph, label: Label): string[] {
  return graph.nodes
    .filter((n) => n.label === label)
    .sort((a, b) => compare(String(a.props.sortKey), String(b.props.sortKey)) || compare(a.id, b.id))
    .map((n) => n.id);
}
