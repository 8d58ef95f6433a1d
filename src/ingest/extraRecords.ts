import { LABELS, type Label } from '../domain/ids';
import type { Graph } from '../store/graph';
import type { GraphStore } from '../store/port';

/** Per label, how many records a store holds that a data set does not have (only labels with some). */
export type ExtraRecords = Partial<Record<Label, number>>;

/**
 * What seeding this graph would leave in the store besides the data set: the store's count per
 * label minus the data set's records already in it. Two reads, before anything is written, so
 * `seed --strict` can refuse without changing the store.
 */
export async function extraRecords(store: GraphStore, graph: Graph): Promise<ExtraRecords> {
  const counts = await store.counts();
  const present = new Map<Label, number>();
  for (const node of await store.nodesByIds(graph.nodes.map((n) => n.id))) {
    if (node) present.set(node.label, (present.get(node.label) ?? 0) + 1);
  }
  const extra: ExtraRecords = {};
  for (const [label, count] of Object.entries(counts.nodes) as Array<[Label, number]>) {
    const n = count - (present.get(label) ?? 0);
    if (n > 0) extra[label] = n;
  }
  return extra;
}

/** "Person 2, Visit 2", in the model's label order whatever order the store counted in. */
export function describeExtraRecords(extra: ExtraRecords): string {
  return LABELS.filter((label) => extra[label])
    .map((label) => `${label} ${extra[label]}`)
    .join(', ');
}

export function totalOf(extra: ExtraRecords): number {
  return Object.values(extra).reduce((sum, n) => sum + (n ?? 0), 0);
}
