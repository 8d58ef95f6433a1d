import type { GraphNode, PropValue } from '../graph';
import type { PageAfter } from '../port';

/**
 * Orders and search scores shared by the embedded store. Neo4j orders strings by code point,
 * so plain `<` comparison (not localeCompare) is used here to give the same order.
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortKeyOf(node: GraphNode): string {
  return typeof node.props.sortKey === 'string' ? node.props.sortKey : '';
}

export function compareBySortKey(a: GraphNode, b: GraphNode): number {
  return compareStrings(sortKeyOf(a), sortKeyOf(b)) || compareStrings(a.id, b.id);
}

/** Whether a node comes after the keyset position in the given direction. */
export function isAfter(node: GraphNode, after: PageAfter, descending: boolean): boolean {
  const cmp = compareStrings(sortKeyOf(node), after.sortKey) || compareStrings(node.id, after.id);
  return descending ? cmp < 0 : cmp > 0;
}

/** 3: a name equals the query; 2: a name starts with it; 1: a name contains it; 0: no match. */
export function searchScore(searchText: PropValue | undefined, query: string): number {
  if (typeof searchText !== 'string' || !searchText.includes(query)) return 0;
  const keys = searchText.split('|');
  if (keys.includes(query)) return 3;
  if (keys.some((k) => k.startsWith(query))) return 2;
  return 1;
}
