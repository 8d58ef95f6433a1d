import { randomUUID } from 'node:crypto';
import { labelOfId, type Label } from '../../domain/ids';
import type { ChangeEntry } from '../changes';
import { nodeVersion, relKey, type GraphNode, type GraphRel } from '../graph';
import type { ChangeLog, ImportSession, RecordGraph, ReplaceScope } from '../importSession';
import { OWNED_RELS, withoutNulls, type RecordState } from '../records';
import type { MemoryStore } from './memoryStore';

/**
 * Bulk import into the embedded store: the session only records what to do, and commit applies
 * it in one synchronous step, change-log entries included, so a reader (same event loop) sees the
 * old graph or the new one, never a mix; rollback (or a crash) simply drops the staged changes.
 */
export class MemoryImportSession implements ImportSession {
  readonly mode = 'memory' as const;
  /** Batches are staged in memory: nothing to overlap. */
  readonly concurrency = 1;
  private readonly nodes: GraphNode[] = [];
  private readonly rels = new Map<string, GraphRel[]>();
  private readonly deletions: string[] = [];
  private readonly bumped = new Set<string>();
  private readonly changes: ChangeEntry[] = [];
  private open = true;
  readonly batchId = randomUUID();

  constructor(private readonly store: MemoryStore) {}

  async upsertNodes(records: readonly RecordGraph[], log?: ChangeLog): Promise<(RecordState | null)[]> {
    const before = memoryRecordStates(this.store, records.map((r) => r.id), false);
    records.forEach((r, i) => {
      this.nodes.push(...r.graph.nodes);
      if (r.relsWithNode && before[i] === null) this.rels.set(r.id, r.graph.rels);
    });
    if (log) this.changes.push(...log(before));
    return before;
  }

  async replaceRels(records: readonly RecordGraph[]): Promise<void> {
    for (const r of records) {
      this.rels.set(r.id, r.graph.rels);
      if (r.bumpVersion) this.bumped.add(r.id);
    }
  }

  async deleteRecords(ids: readonly string[], log?: ChangeLog): Promise<RecordState[]> {
    this.deletions.push(...ids);
    const before = memoryRecordStates(this.store, ids, true).filter((s): s is RecordState => s !== null);
    if (log) this.changes.push(...log(before));
    return before;
  }

  async commit(): Promise<void> {
    if (!this.open) return;
    this.open = false;
    // As write(graph) does: the stored version stays when the written props carry none.
    // A changed record moves on by one (RecordGraph.bumpVersion).
    for (const node of this.nodes) {
      const stored = this.store.node(node.id)?.props ?? null;
      const version = stored && this.bumped.has(node.id) ? nodeVersion(stored) + 1 : (stored?.version ?? null);
      this.store.putNode({ ...node, props: withoutNulls({ version, ...node.props }) });
    }
    for (const [id, rels] of this.rels) {
      const keep = new Set(rels.map(relKey));
      for (const old of ownedRels(this.store, id)) if (!keep.has(relKey(old))) this.store.removeRel(old);
      for (const rel of rels) this.store.putRel({ ...rel, props: withoutNulls(rel.props) });
    }
    for (const id of this.deletions) this.store.removeNode(id);
    this.store.touch();
    // appendChanges' body runs synchronously (no await inside): the log grows in the same step as
    // the graph. In slices, as a spread of a million entries would overflow the stack.
    const logged: Promise<unknown>[] = [];
    for (let i = 0; i < this.changes.length; i += 10_000) logged.push(this.store.appendChanges(this.changes.slice(i, i + 10_000)));
    this.changes.length = 0;
    await Promise.all(logged);
  }

  async rollback(): Promise<void> {
    this.open = false;
  }
}

export function memoryRecordStates(store: MemoryStore, ids: readonly string[], allRels: boolean): (RecordState | null)[] {
  return ids.map((id) => {
    const node = store.node(id);
    if (!node) return null;
    const rels = allRels ? store.relsOf(id) : ownedRels(store, id);
    return { id, label: node.label, props: node.props, rels };
  });
}

function ownedRels(store: MemoryStore, id: string): GraphRel[] {
  const label = labelOfId(id);
  if (!label) return [];
  const owned = OWNED_RELS[label];
  return store.relsOf(id).filter((r) => (r.from === id && owned.out.includes(r.type)) || (r.to === id && owned.in.includes(r.type)));
}

/** Ids of one label in scope, sorted, after `after`: the same answer the Cypher gives (cypher/import.ts). */
export function memoryRecordIds(store: MemoryStore, scope: ReplaceScope, label: Label, after: string | null, first: number): string[] {
  const documents = scope.kind === 'documents' ? new Set(scope.documents) : null;
  const inScope = (node: GraphNode): boolean => {
    if (!documents) return true;
    if (node.label === 'Source') return documents.has(String(node.props.document));
    const cited = store.relsOf(node.id).filter((r) => r.type === 'CITED_IN' && r.from === node.id);
    return cited.length > 0 && cited.every((r) => documents.has(String(store.node(r.to)?.props.document)));
  };
  return store
    .nodesWithLabel(label)
    .filter((n) => (after === null || n.id > after) && inScope(n))
    .map((n) => n.id)
    .sort()
    .slice(0, first);
}
