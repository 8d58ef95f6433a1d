import DataLoader from 'dataloader';
import type { Direction, GraphNode, Neighbour, RelType } from '../store/graph';
import type { ChangePage } from '../store/changes';
import type { GraphStore } from '../store/port';
import type { Label } from '../domain/ids';
import type { TreeMap, TreeNode } from '../store/tree';

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
  /**
   * Compiled by-id roots (person(id), node(id)…, compile/resolvers.ts), per early-career rule (one
   * per request in practice): the roots of one operation become one store.readTree call, so one
   * statement. Only for a store that reads trees.
   */
  tree(earlyCareerStages: readonly string[]): DataLoader<TreeItem, TreeMap | null>;
}

export interface TreeItem {
  label: Label;
  id: string;
  node: TreeNode;
}

export function createLoaders(store: GraphStore): Loaders {
  const node = new DataLoader<string, GraphNode | null>((ids) => store.nodesByIds(ids));
  const byRel = new Map<string, DataLoader<string, Neighbour[]>>();
  const histories = new Map<number, DataLoader<string, ChangePage>>();
  const trees = new Map<string, DataLoader<TreeItem, TreeMap | null>>();
  return {
    tree(stages) {
      const key = stages.join('|');
      let loader = trees.get(key);
      // No cache: the request store already makes identical reads once.
      if (!loader) trees.set(key, (loader = new DataLoader((items) => readTrees(store, items, stages), { cache: false })));
      return loader;
    },
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

async function readTrees(store: GraphStore, items: readonly TreeItem[], earlyCareerStages: readonly string[]): Promise<(TreeMap | null)[]> {
  if (!store.readTree) throw new TypeError('tree loader used with a store that does not read trees');
  // A lone root keeps the plain by-id statement.
  if (items.length === 1) {
    const result = await store.readTree({ kind: 'byId', ...items[0], earlyCareerStages });
    if (result.kind !== 'byId') throw new TypeError('readTree answered a byId read with another kind');
    return [result.node];
  }
  const result = await store.readTree({ kind: 'byIds', items, earlyCareerStages });
  if (result.kind !== 'byIds') throw new TypeError('readTree answered a byIds read with another kind');
  return result.nodes;
}
