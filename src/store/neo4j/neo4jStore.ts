import type { Label } from '../../domain/ids';
import { StoreError } from '../errors';
import type { Direction, Graph, GraphNode, Neighbour, RelType } from '../graph';
import type { GraphStore, Page, PageQuery, SearchResult, StoreCounts, WriteSummary } from '../port';
import type { CollaborationProjection } from '../projection';
import { countsQuery } from './cypher/counts';
import { circulationStatements, decodeCirculationFacts } from './cypher/circulation';
import type { CirculationFacts, CirculationQuery } from '../../circulation/facts';
import { bumpVersionQuery, clearQuery, versionQuery } from './cypher/meta';
import { neighboursQuery } from './cypher/neighbours';
import { nodesByIdsQuery } from './cypher/nodes';
import { pageQuery } from './cypher/page';
import { projectionQuery } from './cypher/projection';
import { searchQuery } from './cypher/search';
import { planWrite, type WritePlan } from './cypher/write';
import type { Executor, Row, RunInTx } from './executor';
import type { ImportOptions, ImportSession, ReplaceScope, StoreStatus } from '../importSession';
import type { RecordState } from '../records';
import { isEmptyQuery, recordIdsQuery } from './cypher/import';
import { beginNeo4jImport, readStates, recoverDeadImport } from './importSession';
import { decodeProjection } from './projectionRows';
import { asArray, asNumber, decodeCounts, decodeNeighbourRow, decodeNode, groupByKeys, orderByKeys } from './rows';

/**
 * The Neo4j adapter of the GraphStore port. Each method is one statement (or one transaction)
 * built by a pure function in cypher/ and run by the Executor; this class only sequences them and
 * decodes the rows. It lives as long as the application and owns the executor (close() closes it).
 */
export class Neo4jStore implements GraphStore {
  readonly kind = 'neo4j' as const;

  constructor(private readonly executor: Executor) {}

  async nodesByIds(ids: readonly string[]): Promise<(GraphNode | null)[]> {
    const query = nodesByIdsQuery(ids);
    if (!query) return ids.map(() => null);
    const nodes = (await this.executor.read(query)).map((row) => decodeNode(row.node));
    return orderByKeys(ids, nodes, (node) => node.id);
  }

  async neighbours(ids: readonly string[], rel: RelType, direction: Direction): Promise<Neighbour[][]> {
    const query = neighboursQuery(ids, rel, direction);
    if (!query) return ids.map(() => []);
    const rows = (await this.executor.read(query)).map(decodeNeighbourRow);
    return groupByKeys(ids, rows, (row) => row.key).map((group) => group.map((row) => row.neighbour));
  }

  async page(query: PageQuery): Promise<Page> {
    const [row] = await this.executor.read(pageQuery(query));
    const fetched = asArray(row?.nodes, 'nodes').map(decodeNode);
    const first = Math.max(0, Math.floor(query.first));
    return { nodes: fetched.slice(0, first), totalCount: asNumber(row?.totalCount, 'totalCount'), hasNextPage: fetched.length > first };
  }

  async search(text: string, first: number, labels: readonly Label[]): Promise<SearchResult[]> {
    const query = searchQuery(text, first, labels);
    if (!query) return [];
    const rows = await this.executor.read(query);
    return rows.map((row) => ({ node: decodeNode(row.node), score: asNumber(row.score, 'score') }));
  }

  async projection(): Promise<CollaborationProjection> {
    const [row] = await this.executor.read(projectionQuery());
    return decodeProjection(row ?? {});
  }

  async counts(): Promise<StoreCounts> {
    const [row] = await this.executor.read(countsQuery());
    return decodeCounts(row ?? {});
  }

  /**
   * One write transaction: nodes, then relationships, then the version bump, so a reader sees all
   * of it or none of it. The driver may re-run the whole function after a transient failure; every
   * statement is a MERGE on ids, so a re-run changes nothing. The plan is built (and validated)
   * before any I/O, so an invalid graph never opens a transaction.
   */
  async write(graph: Graph): Promise<WriteSummary> {
    const plan = planWrite(graph);
    await this.executor.writeTransaction((run) => runPlan(run, plan));
    return { nodes: plan.nodeCount, rels: plan.relCount };
  }

  /**
   * Batched deletes in an auto-commit statement (CALL … IN TRANSACTIONS cannot run inside a
   * managed transaction), then a version bump. Not atomic, by design: clearing a large store in
   * one transaction would need a heap as large as the store.
   */
  async clear(): Promise<void> {
    await this.executor.autoCommit(clearQuery());
    await this.executor.write(bumpVersionQuery());
  }

  recordStates(ids: readonly string[], options: { allRels?: boolean } = {}): Promise<(RecordState | null)[]> {
    return this.executor.readTransaction((run) => readStates(run, ids, options.allRels ?? false));
  }

  async recordIds(scope: ReplaceScope, label: Label, after: string | null, first: number): Promise<string[]> {
    return (await this.executor.read(recordIdsQuery(scope, label, after, first))).map((row) => String(row.id));
  }

  beginImport(options: ImportOptions): Promise<ImportSession> {
    return beginNeo4jImport(this.executor, options);
  }

  /** Also rolls back an import whose process died (neo4j/importSession.ts), so a crash is repaired by the next look. */
  async status(): Promise<StoreStatus> {
    const importing = await recoverDeadImport(this.executor);
    const [row] = await this.executor.read(isEmptyQuery());
    return { empty: row?.empty === true, importing };
  }

  async version(): Promise<number> {
    const [row] = await this.executor.read(versionQuery());
    return asNumber(row?.version, 'version');
  }

  async ping(): Promise<void> {
    await this.executor.ping();
  }

  async close(): Promise<void> {
    await this.executor.close();
  }

  /** Circulation facts by Cypher aggregation (cypher/circulation.ts), all statements in one read snapshot. */
  async circulationFacts(query: CirculationQuery): Promise<CirculationFacts> {
    const statements = circulationStatements(query);
    return this.executor.readTransaction(async (run) =>
      decodeCirculationFacts({
        flows: await run(statements.flows),
        people: await run(statements.people),
        ties: await run(statements.ties),
        undated: await run(statements.undated),
        timeline: statements.timeline ? await run(statements.timeline) : null,
      }),
    );
  }
}

async function runPlan(run: RunInTx, plan: WritePlan): Promise<void> {
  for (const query of plan.nodeBatches) await run(query);
  for (const { query, expected } of plan.relBatches) {
    const written = writtenCount(await run(query));
    if (written !== expected) {
      // Throwing inside the transaction function rolls the whole write back.
      throw new StoreError('INVALID', `${expected - written} relationship(s) name an endpoint that does not exist`);
    }
  }
  await run(bumpVersionQuery());
}

function writtenCount(rows: Row[]): number {
  return asNumber(rows[0]?.written, 'written');
}
