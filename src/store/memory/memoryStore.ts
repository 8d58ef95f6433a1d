import { labelOfId, type Label } from '../../domain/ids';
import { normalizeForSearch } from '../../domain/searchText';
import type { Direction, Graph, GraphNode, GraphRel, Neighbour, Props, RelType } from '../graph';
import { isAllowedEndpointPair, nodeVersion, relKey } from '../graph';
import type { GraphStore, Page, PageQuery, RecordCommit, SearchResult, StoreCounts, WriteSummary } from '../port';
import type { CollaborationProjection } from '../projection';
import { matchesFilter } from './filters';
import { buildProjection } from './projection';
import { memoryCirculationFacts } from './circulation';
import type { CirculationFacts, CirculationQuery } from '../../circulation/facts';
import { compareBySortKey, compareStrings, isAfter, searchScore } from './ordering';
import { StoreError } from '../errors';
import type { ImportOptions, ImportSession, ReplaceScope, StoreStatus } from '../importSession';
import { withoutNulls, type RecordState } from '../records';
import { MemoryImportSession, memoryRecordIds, memoryRecordStates } from './imports';
import { matchesChangeQuery, storedChange, type ChangeEntry, type ChangePage, type ChangeQuery, type StoredChange } from '../changes';
import { checkedChangeEntries } from '../changeEntries';

/**
 * The embedded store: the whole graph in process memory, indexed by id and by (node, type,
 * direction). It is the default when NEO4J_URI is unset and the oracle the Neo4j adapter is
 * checked against, so it favours obviously-correct code over cleverness. Data lives as long as
 * the process; `kizuna serve` seeds it at start.
 */
export class MemoryStore implements GraphStore {
  readonly kind = 'memory' as const;
  private readonly nodes = new Map<string, GraphNode>();
  private readonly rels = new Map<string, GraphRel>();
  /** node id → "OUT|TYPE" / "IN|TYPE" → relationship keys. */
  private readonly adjacency = new Map<string, Map<string, Set<string>>>();
  private dataVersion = 0;
  /** The change log, in seq order; seq keeps counting across clear() like the Neo4j counter. */
  private readonly changeLog: StoredChange[] = [];
  private changeSeq = 0;

  async nodesByIds(ids: readonly string[]): Promise<(GraphNode | null)[]> {
    return ids.map((id) => this.nodes.get(id) ?? null);
  }

  async neighbours(ids: readonly string[], rel: RelType, direction: Direction): Promise<Neighbour[][]> {
    return ids.map((id) => this.neighboursOf(id, rel, direction));
  }

  async page(query: PageQuery): Promise<Page> {
    const descending = query.direction === 'DESC';
    const matching = this.nodesWithLabel(query.filter.label)
      .filter((n) => matchesFilter(this, n, query.filter))
      .sort((a, b) => (descending ? -1 : 1) * compareBySortKey(a, b));
    const rest = query.after ? matching.filter((n) => isAfter(n, query.after!, descending)) : matching;
    return { nodes: rest.slice(0, query.first), totalCount: matching.length, hasNextPage: rest.length > query.first };
  }

  async search(text: string, first: number, labels: readonly Label[]): Promise<SearchResult[]> {
    const query = normalizeForSearch(text);
    if (!query) return [];
    const wanted = new Set<Label>(labels);
    const hits: SearchResult[] = [];
    for (const node of this.nodes.values()) {
      if (!wanted.has(node.label)) continue;
      const score = searchScore(node.props.searchText, query);
      if (score > 0) hits.push({ node, score });
    }
    hits.sort((a, b) => b.score - a.score || compareBySortKey(a.node, b.node));
    return hits.slice(0, first);
  }

  async projection(): Promise<CollaborationProjection> {
    return buildProjection(this);
  }

  async counts(): Promise<StoreCounts> {
    const counts: StoreCounts = { nodes: {}, rels: {} };
    for (const n of this.nodes.values()) counts.nodes[n.label] = (counts.nodes[n.label] ?? 0) + 1;
    for (const r of this.rels.values()) counts.rels[r.type] = (counts.rels[r.type] ?? 0) + 1;
    return counts;
  }

  /**
   * All or nothing, like the Neo4j adapter's single transaction: the whole graph is checked
   * (labels match ids, relationships join existing nodes of allowed labels) before anything is kept.
   */
  async write(graph: Graph): Promise<WriteSummary> {
    this.checkWrite(graph);
    for (const node of graph.nodes) this.nodes.set(node.id, { ...node, props: withoutNulls({ version: this.nodes.get(node.id)?.props.version ?? null, ...node.props }) });
    for (const rel of graph.rels) this.putRel({ ...rel, props: withoutNulls(rel.props) });
    this.dataVersion += 1;
    return { nodes: graph.nodes.length, rels: graph.rels.length };
  }

  async clear(): Promise<void> {
    this.nodes.clear();
    this.rels.clear();
    this.adjacency.clear();
    this.changeLog.length = 0;
    this.dataVersion += 1;
  }

  async version(): Promise<number> {
    return this.dataVersion;
  }

  async recordStates(ids: readonly string[], options: { allRels?: boolean } = {}): Promise<(RecordState | null)[]> {
    return memoryRecordStates(this, ids, options.allRels ?? false);
  }

  async recordIds(scope: ReplaceScope, label: Label, after: string | null, first: number): Promise<string[]> {
    return memoryRecordIds(this, scope, label, after, first);
  }

  async beginImport(_options: ImportOptions): Promise<ImportSession> {
    return new MemoryImportSession(this);
  }

  /** An embedded import is staged in its own process and applied in one step: never seen half-done. */
  async status(): Promise<StoreStatus> {
    return { empty: this.nodes.size === 0, importing: null };
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}

  /** Synchronous reads for the filters and projection of this store (same process, no I/O). */
  nodesWithLabel(label: Label): GraphNode[] {
    return [...this.nodes.values()].filter((n) => n.label === label);
  }

  node(id: string): GraphNode | undefined {
    return this.nodes.get(id);
  }

  /** Every relationship of a node, both directions. */
  relsOf(id: string): GraphRel[] {
    const keys = new Set<string>();
    for (const slot of this.adjacency.get(id)?.values() ?? []) for (const key of slot) keys.add(key);
    return [...keys].map((key) => this.rels.get(key)!).filter(Boolean);
  }

  /** Mutators for the import session (imports.ts), which applies a whole import in one synchronous step. */
  putNode(node: GraphNode): void {
    this.nodes.set(node.id, node);
  }

  putRel(rel: GraphRel): void {
    const key = relKey(rel);
    this.rels.set(key, rel);
    this.index(rel.from, `OUT|${rel.type}`, key);
    this.index(rel.to, `IN|${rel.type}`, key);
  }

  removeRelation(rel: GraphRel): void {
    this.removeRel(relKey(rel));
  }

  touch(): void {
    this.dataVersion += 1;
  }

  neighboursOf(id: string, rel: RelType, direction: Direction): Neighbour[] {
    const keys = this.adjacency.get(id)?.get(`${direction}|${rel}`) ?? new Set<string>();
    const result: Array<Neighbour & { key: string }> = [];
    for (const key of keys) {
      const r = this.rels.get(key)!;
      const other = this.nodes.get(direction === 'OUT' ? r.to : r.from);
      if (other) result.push({ rel: r.props, node: other, key });
    }
    // Several relationships to one neighbour (two citations of one source) are ordered by their key,
    // which is what the Neo4j adapter orders them by too.
    return result.sort((a, b) => compareBySortKey(a.node, b.node) || compareStrings(a.key, b.key)).map(({ rel, node }) => ({ rel, node }));
  }

  private checkWrite(graph: Graph): void {
    const incoming = new Map(graph.nodes.map((n) => [n.id, n.label] as const));
    for (const node of graph.nodes) {
      if (labelOfId(node.id) !== node.label) throw new StoreError('INVALID', `node ${node.id} is not a ${node.label} id`);
    }
    for (const rel of graph.rels) {
      const from = incoming.get(rel.from) ?? this.nodes.get(rel.from)?.label;
      const to = incoming.get(rel.to) ?? this.nodes.get(rel.to)?.label;
      if (!from || !to) throw new StoreError('INVALID', `relationship ${rel.type} from ${rel.from} to ${rel.to} has a missing endpoint`);
      if (!isAllowedEndpointPair(rel.type, from, to)) throw new StoreError('INVALID', `${rel.type} may not join ${from} to ${to}`);
    }
  }

  private index(id: string, slot: string, key: string): void {
    let byType = this.adjacency.get(id);
    if (!byType) this.adjacency.set(id, (byType = new Map()));
    let keys = byType.get(slot);
    if (!keys) byType.set(slot, (keys = new Set()));
    keys.add(key);
  }

  async appendChanges(entries: readonly ChangeEntry[]): Promise<StoredChange[]> {
    const stored = checkedChangeEntries(entries).map((entry) => storedChange(entry, ++this.changeSeq));
    this.changeLog.push(...stored);
    return stored.map((c) => structuredClone(c));
  }

  async changes(query: ChangeQuery): Promise<ChangePage> {
    const floor = Math.max(0, ...this.changeLog.filter((c) => c.importFile === query.afterImportFile).map((c) => c.seq));
    const matching = this.changeLog.filter((c) => matchesChangeQuery(c, query, floor));
    const rest = query.afterSeq === undefined ? matching : matching.filter((c) => c.seq > query.afterSeq!);
    return { changes: rest.slice(0, query.first).map((c) => structuredClone(c)), totalCount: matching.length, hasNextPage: rest.length > query.first };
  }

  async historyOf(recordIds: readonly string[], first: number): Promise<ChangePage[]> {
    return Promise.all(recordIds.map((recordId) => this.changes({ recordId, first })));
  }

  /**
   * Checked first, applied second, with no await in between: the embedded store's transaction.
   * A version that moved, a node whose label is not its id's, or a relationship whose endpoint
   * will not exist after the commit refuses the whole commit before anything changes.
   */
  async commitRecords(commit: RecordCommit): Promise<StoredChange[]> {
    for (const { id, version } of commit.expect) {
      const current = this.nodes.get(id);
      if ((current ? nodeVersion(current.props) : null) !== version) throw new StoreError('CONFLICT', `${id} changed since it was read`);
    }
    const entries = checkedChangeEntries(commit.changes);
    this.checkCommit(commit);
    for (const id of commit.deletes) this.removeNode(id);
    for (const { node, owned } of commit.upserts) {
      for (const { type, direction } of owned) {
        for (const key of [...(this.adjacency.get(node.id)?.get(`${direction}|${type}`) ?? [])]) this.removeRel(key);
      }
      this.nodes.set(node.id, { ...node, props: withoutNulls(node.props) });
    }
    for (const { rels } of commit.upserts) for (const rel of rels) this.putRel({ ...rel, props: withoutNulls(rel.props) });
    this.dataVersion += 1;
    const stored = entries.map((entry) => storedChange(entry, ++this.changeSeq));
    this.changeLog.push(...stored);
    return stored.map((c) => structuredClone(c));
  }

  private checkCommit(commit: RecordCommit): void {
    const deleted = new Set(commit.deletes);
    const upserted = new Map(commit.upserts.map((u) => [u.node.id, u.node.label] as const));
    const labelAfter = (id: string) => upserted.get(id) ?? (deleted.has(id) ? undefined : this.nodes.get(id)?.label);
    for (const { node, rels } of commit.upserts) {
      if (labelOfId(node.id) !== node.label) throw new StoreError('INVALID', `node ${node.id} is not a ${node.label} id`);
      for (const rel of rels) {
        const from = labelAfter(rel.from);
        const to = labelAfter(rel.to);
        if (!from || !to) throw new StoreError('INVALID', `relationship ${rel.type} from ${rel.from} to ${rel.to} has a missing endpoint`);
        if (!isAllowedEndpointPair(rel.type, from, to)) throw new StoreError('INVALID', `${rel.type} may not join ${from} to ${to}`);
      }
    }
  }

  removeNode(id: string): void {
    for (const keys of this.adjacency.get(id)?.values() ?? []) for (const key of [...keys]) this.removeRel(key);
    this.adjacency.delete(id);
    this.nodes.delete(id);
  }

  private removeRel(key: string): void {
    const rel = this.rels.get(key);
    if (!rel) return;
    this.rels.delete(key);
    this.adjacency.get(rel.from)?.get(`OUT|${rel.type}`)?.delete(key);
    this.adjacency.get(rel.to)?.get(`IN|${rel.type}`)?.delete(key);
  }

  /** Circulation facts computed in process (store/memory/circulation.ts, the Cypher's oracle). */
  async circulationFacts(query: CirculationQuery): Promise<CirculationFacts> {
    return memoryCirculationFacts(this, query);
  }
}
