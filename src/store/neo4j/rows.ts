import type { Label } from '../../domain/ids';
import type { GraphNode, Neighbour, Props } from '../graph';
import { REL_TYPES, type RelType } from '../graph';
import type { StoreCounts } from '../port';
import { domainLabelOf } from './cypher/whitelist';
import { REL_KEY_PROPERTY } from './cypher/write';

/**
 * Decoding of result rows into the port's types. Rows are plain JS already (executor.ts); these
 * functions check shapes rather than trust casts, so a query that returns something unexpected
 * fails loudly here instead of deep inside a resolver.
 */
export class RowShapeError extends Error {
  override name = 'RowShapeError';
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Values in the order of `keys`, null where no row has that key (a batch loader's contract). */
export function orderByKeys<T>(keys: readonly string[], rows: readonly T[], keyOf: (row: T) => string): (T | null)[] {
  const byKey = new Map<string, T>();
  for (const row of rows) byKey.set(keyOf(row), row);
  return keys.map((key) => byKey.get(key) ?? null);
}

/** Rows grouped per key, in the order of `keys`, an empty list where none; rows keep their order. */
export function groupByKeys<T>(keys: readonly string[], rows: readonly T[], keyOf: (row: T) => string): T[][] {
  const byKey = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = byKey.get(key);
    if (group) group.push(row);
    else byKey.set(key, [row]);
  }
  return keys.map((key) => [...(byKey.get(key) ?? [])]);
}

/** A `{id, labels, props}` map (cypher/nodes.ts nodeProjection) as a GraphNode; `id` leaves the props. */
export function decodeNode(value: unknown): GraphNode {
  const map = asRecord(value, 'node');
  const id = asString(map.id, 'node.id');
  const labels = asArray(map.labels, 'node.labels').map((l) => asString(l, 'node.labels[]'));
  const label: Label | null = domainLabelOf(labels);
  if (!label) throw new RowShapeError(`Node ${id} has no known label (${labels.join(', ')})`);
  const { id: _id, ...props } = asRecord(map.props, 'node.props');
  return { id, label, props: props as Props };
}

/** Relationship props without the adapter's internal identity key. */
export function decodeRelProps(value: unknown): Props {
  const { [REL_KEY_PROPERTY]: _key, ...props } = asRecord(value, 'rel');
  return props as Props;
}

export function decodeNeighbourRow(row: Record<string, unknown>): { key: string; neighbour: Neighbour } {
  return { key: asString(row.key, 'key'), neighbour: { rel: decodeRelProps(row.rel), node: decodeNode(row.node) } };
}

/** Zero counts are left out, as the memory store (which counts what it holds) leaves them out. */
export function decodeCounts(row: Record<string, unknown>): StoreCounts {
  const counts: StoreCounts = { nodes: {}, rels: {} };
  for (const [l, n] of Object.entries(asRecord(row.nodes, 'nodes'))) {
    const count = asNumber(n, `nodes.${l}`);
    const label = domainLabelOf([l]);
    if (label && count > 0) counts.nodes[label] = count;
  }
  for (const [t, n] of Object.entries(asRecord(row.rels, 'rels'))) {
    const count = asNumber(n, `rels.${t}`);
    if ((REL_TYPES as string[]).includes(t) && count > 0) counts.rels[t as RelType] = count;
  }
  return counts;
}

export function asRecord(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new RowShapeError(`${what}: expected a map`);
  return value as Record<string, unknown>;
}

export function asArray(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new RowShapeError(`${what}: expected a list`);
  return value;
}

export function asString(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new RowShapeError(`${what}: expected a string`);
  return value;
}

export function asNumber(value: unknown, what: string): number {
  if (typeof value !== 'number') throw new RowShapeError(`${what}: expected a number`);
  return value;
}

export function asNullableString(value: unknown, what: string): string | null {
  return value === null || value === undefined ? null : asString(value, what);
}

export function asNullableNumber(value: unknown, what: string): number | null {
  return value === null || value === undefined ? null : asNumber(value, what);
}

/** A list of ids, de-duplicated and sorted (code-unit order, as the memory store sorts). */
export function sortedIds(value: unknown, what: string): string[] {
  return [...new Set(asArray(value, what).map((v) => asString(v, `${what}[]`)))].sort(compareStrings);
}
