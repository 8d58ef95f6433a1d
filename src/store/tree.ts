import type { Label } from '../domain/ids';
import type { Direction, RelType } from './graph';
import type { PageQuery } from './port';

/**
 * A read of a whole nested selection in one go (the GraphQL compiler's output, src/graphql/compile):
 * which properties of a node to return under which response keys, and which relationships to
 * follow. Store-neutral on purpose: the Neo4j adapter turns it into one Cypher statement
 * (cypher/tree.ts); a store without `readTree` is read field by field through the loaders instead.
 *
 * Results are plain maps keyed by response key, each carrying `__c: true` so that the alias-aware
 * field resolvers (graphql/compile/resolvers.ts) know to read them by key. Neighbour lists come in
 * the order of GraphStore.neighbours (sortKey, id, relationship key).
 */
export type TreeField =
  | { kind: 'prop'; key: string; prop: string }
  /** Under the configured early-career rule: null for UNKNOWN, else whether the stage is in the list. */
  | { kind: 'earlyCareer'; key: string }
  | { kind: 'rel'; key: string; rel: RelType; direction: Direction; target: Label; one: boolean; node: TreeNode }
  /** A relationship shown as an object of its own (LabMembership): its properties plus the far node under `nodeKey`s. */
  | { kind: 'edge'; key: string; rel: RelType; direction: Direction; target: Label; props: { key: string; prop: string }[]; nodeKeys: { key: string; node: TreeNode }[] };

export interface TreeNode {
  fields: readonly TreeField[];
  /**
   * The map also carries `__label` (the node's label): set for a selection on an interface (Node,
   * a search hit's node), whose type is known only per node and whose resolveType reads it.
   */
  typed?: boolean;
}

/** A selection on an interface: one TreeNode per label it may meet (a label left out cannot be read this way). */
export type TreeNodesByLabel = Partial<Record<Label, TreeNode>>;

export type TreeRoot =
  | { kind: 'byId'; label: Label; id: string; node: TreeNode; earlyCareerStages: readonly string[] }
  /** Several by-id roots of one request (person(id), node(id)…, each with its own selection) in one read. */
  | { kind: 'byIds'; items: readonly { label: Label; id: string; node: TreeNode }[]; earlyCareerStages: readonly string[] }
  | { kind: 'page'; query: PageQuery; countTotal: boolean; node: TreeNode; earlyCareerStages: readonly string[] }
  /**
   * GraphStore.search's hits (same matching, scores and order) with each node read as the selection
   * of its label asks; `labels` says where to search, `nodes` how to read each (every label of `labels` has one).
   */
  | { kind: 'search'; text: string; first: number; labels: readonly Label[]; nodes: TreeNodesByLabel; earlyCareerStages: readonly string[] };

/** A node as read: its response keys, plus `__c`; a page's nodes also carry `__sortKey` and `__id` for cursors. */
export type TreeMap = Record<string, unknown> & { __c: true };

export type TreeResult =
  | { kind: 'byId'; node: TreeMap | null }
  /** In the order of the root's items; null where no node has that id. */
  | { kind: 'byIds'; nodes: (TreeMap | null)[] }
  | { kind: 'search'; hits: { node: TreeMap; score: number }[] }
  | { kind: 'page'; nodes: (TreeMap & { __sortKey: string | null; __id: string })[]; totalCount: number | null; hasNextPage: boolean };

/**
 * A key for a tree read, for remembering identical reads within a request (graphql/requestStore.ts).
 * Selections (TreeNode, TreeNodesByLabel) are never mutated and the compiler hands out the same
 * object for the same operation shape, so they are keyed by identity: serialising a whole
 * selection on every request cost more than the rest of the key. Two equal selections that are
 * different objects only miss the sharing, never share wrongly.
 */
export function treeRootKey(root: TreeRoot): string {
  return JSON.stringify(root, (key, value) => ((key === 'node' || key === 'nodes') && value !== null && typeof value === 'object' ? `#${selectionId(value)}` : value));
}

const selectionIds = new WeakMap<object, number>();
let nextSelectionId = 0;

function selectionId(selection: object): number {
  let id = selectionIds.get(selection);
  if (id === undefined) selectionIds.set(selection, (id = ++nextSelectionId));
  return id;
}
