import DataLoader from 'dataloader';
import type { Direction, GraphNode, Neighbour, RelType } from '../store/graph';
import type { ChangePage } from '../store/changes';
import type { GraphStore } from '../store/port';

/**
 * Per-request batching. A fresh set is made for every request (in the context factory) so that
 * no cached node outlives the request that read it. Each batch is exactly one store call: all
 * the parents of one nesting level become one `nodesByIds` or `neighbours` call.
 */
export interface Loaders {
  node: DataLoader<string, GraphNode | null>;
  neighbours(rel: RelType, direction: Direction): DataLoader<string, Neighbour[]>;
  /** First pages of records' histories, per page size: a list of records asking for `history` is one call. */
  history(first: number): DataLoader<string, ChangePage>;
}

export function createLoaders(store: GraphStore): Loaders {
  const node = new DataLoader<string, GraphNode | null>((ids) => store.nodesByIds(ids));
  const byRel = new Map<string, DataLoader<string, Neighbour[]>>();
  const histories = new Map<number, DataLoader<string, ChangePage>>();
  return {
    history(first) {
      let loader = histories.get(first);
      if (!loader) histories.set(first, (loader = new DataLoader<string, ChangePage>((ids) => store.historyOf(ids, first))));
      return loader;
    },
    node,
    neighbours(rel, direction) {
      const key = `${rel}|${direction}`;
      let loader = byRel.get(key);
      if (!loader) {
        loader = new DataLoader<string, Neighbour[]>((ids) => store.neighbours(ids, rel, direction));
        byRel.set(key, loader);
      }
      return loader;
    },
  };
}
