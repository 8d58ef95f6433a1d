import type { Label } from '../../domain/ids';
import { labelOfId } from '../../domain/ids';
import { normalizeForSearch } from '../../domain/searchText';
import type { Direction, Graph, GraphNode, GraphRel, Neighbour, Props, RelType } from '../graph';
import { relKey } from '../graph';
import type { GraphStore, Page, PageQuery, SearchResult, StoreCounts, WriteSummary } from '../port';
import type { CollaborationProjection } from '../projection';
import { matchesFilter } from './filters';
import { buildProjection } from './projection';
import { compareBySortKey, isAfter, searchScore } from './ordering';

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

  async write(graph: Graph): Promise<WriteSummary> {
    for (const node of graph.nodes) this.nodes.set(node.id, { ...node, props: withoutNulls(node.props) });
    for (const rel of graph.rels) this.putRel({ ...rel, props: withoutNulls(rel.props) });
    this.dataVersion += 1;
    return { nodes: graph.nodes.length, rels: graph.rels.length };
  }

  async clear(): Promise<void> {
    this.nodes.clear();
    this.rels.clear();
    this.adjacency.clear();
    this.dataVersion += 1;
  }

  async version(): Promise<number> {
    return this.dataVersion;
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}

  /** Synchronous reads for the filters and projection of this store (same process, no I/O). */
  nodesWithLabel(label: Label): GraphNode[] {
    return [...this.nodes.values()].filter((n) => n.label === label);
  }

  neighboursOf(id: string, rel: RelType, direction: Direction): Neighbour[] {
    const keys = this.adjacency.get(id)?.get(`${direction}|${rel}`) ?? new Set<string>();
    const result: Neighbour[] = [];
    for (const key of keys) {
      const r = this.rels.get(key)!;
      const other = this.nodes.get(direction === 'OUT' ? r.to : r.from);
      if (other) result.push({ rel: r.props, node: other });
    }
    return result.sort((a, b) => compareBySortKey(a.node, b.node));
  }

  private putRel(rel: GraphRel): void {
    const key = relKey(rel);
    this.rels.set(key, rel);
    this.index(rel.from, `OUT|${rel.type}`, key);
    this.index(rel.to, `IN|${rel.type}`, key);
  }

  private index(id: string, slot: string, key: string): void {
    let byType = this.adjacency.get(id);
    if (!byType) this.adjacency.set(id, (byType = new Map()));
    let keys = byType.get(slot);
    if (!keys) byType.set(slot, (keys = new Set()));
    keys.add(key);
  }
}

/**
 * Neo4j cannot store null, so a null property is simply absent there; the embedded store drops
 * nulls on write too, which makes both stores return identical property maps.
 */
function withoutNulls(props: Props): Props {
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v !== null && v !== undefined));
}

export { labelOfId };
