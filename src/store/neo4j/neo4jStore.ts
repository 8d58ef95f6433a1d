import type { Label } from '../../domain/ids';
import { StoreError } from '../errors';
import type { Direction, Graph, GraphNode, Neighbour, RelType } from '../graph';
import type { GraphStore, Page, PageQuery, RecordCommit, SearchResult, StoreCounts, WriteSummary } from '../port';
import { createNodesQuery, deleteOwnedQuery, detachDeleteQuery, lockVersionsQuery } from './cypher/records';
import { idsByLabel } from './cypher/whitelist';
import { labelOfId } from '../../domain/ids';
import type { CollaborationProjection } from '../projection';
import { countsQuery } from './cypher/counts';
import { circulationStatements, decodeCirculationFacts, splitFactsRow } from './cypher/circulation';
import type { CirculationFacts, CirculationQuery } from '../../circulation/facts';
import { bumpVersionQuery, clearQuery, versionQuery } from './cypher/meta';
import { appendChangesQuery, changesQuery, historyQuery } from './cypher/changes';
import type { ChangeEntry, ChangePage, ChangeQuery, StoredChange } from '../changes';
import { checkedChangeEntries } from '../changeEntries';
import { decodeChangePage } from './changeRows';
import { neighboursQuery } from './cypher/neighbours';
import { nodesByIdsQuery } from './cypher/nodes';
import { pageQuery } from './cypher/page';
import { projectionQueries } from './cypher/projection';
import { searchQuery } from './cypher/search';
import { treeQuery } from './cypher/tree';
import type { TreeMap, TreeResult, TreeRoot } from '../tree';
import { planWrite, type WritePlan } from './cypher/write';
import type { Executor, Row, RunInTx } from './executor';
import type { ImportOptions, ImportSession, ReplaceScope, StoreStatus } from '../importSession';
import type { RecordState } from '../records';
import { isEmptyQuery, recordIdsQuery, stagedImportIdQuery } from './cypher/import';
import { beginNeo4jImport, readStates, recoverDeadImport } from './importSession';
import { readBetweenVersions } from './betweenVersions';
import { decodeProjectionRows } from './projectionRows';
import { storedChange } from '../changes';
import { asArray, asNumber, decodeCounts, decodeNeighbourRow, decodeNode, groupByKeys, orderByKeys } from './rows';

/**
 * The Neo4j adapter of the GraphStore port. Each method is one statement (or one transaction)
 * built by a pure function in cypher/ and run by the Executor; this class only sequences them and
 * decodes the rows. It lives as long as the application and owns the executor (close() closes it).
 */
export class Neo4jStore implements GraphStore {
  readonly kind = 'neo4j' as const;

  /**
   * The last version read and when. Analytics ask for the version on every call (it keys their
   * cache); reading it is a round trip, so it is reused for VERSION_TTL_MS. A write or clear
   * through this store forgets it at once; a write by another process (a `kizuna seed` next to a
   * running server) is seen within VERSION_TTL_MS.
   */
  private versionSeen: { value: Promise<number>; at: number } | null = null;

  constructor(
    private readonly executor: Executor,
    private readonly versionTtlMs = VERSION_TTL_MS,
  ) {}

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

  /** A nested selection in one statement (cypher/tree.ts); the rows are already the answer's maps. */
  async readTree(root: TreeRoot): Promise<TreeResult> {
    const rows = await this.executor.readRaw(treeQuery(root));
    if (root.kind === 'byId') return { kind: 'byId', node: (rows[0]?.node as TreeMap | undefined) ?? null };
    if (root.kind === 'byIds') {
      // One row per node found, with its item's position (cypher/tree.ts byIdsQuery).
      const nodes: (TreeMap | null)[] = root.items.map(() => null);
      for (const row of rows) nodes[asNumber(row.i, 'i')] = row.node as TreeMap;
      return { kind: 'byIds', nodes };
    }
    if (root.kind === 'search') return { kind: 'search', hits: rows.map((row) => ({ node: row.node as TreeMap, score: asNumber(row.score, 'score') })) };
    // One row per node of the page with its position (cypher/tree.ts), or one row with a null node when it is empty.
    const nodes = rows
      .filter((row) => row.node != null)
      .sort((a, b) => (a.position as number) - (b.position as number))
      .map((row) => row.node) as (TreeMap & { __sortKey: string | null; __id: string })[];
    const total = rows[0]?.totalCount;
    return { kind: 'page', nodes, totalCount: total == null ? null : asNumber(total, 'totalCount'), hasNextPage: rows[0]?.hasNextPage === true };
  }

  async page(query: PageQuery): Promise<Page> {
    const [row] = await this.executor.read(pageQuery(query, query.countTotal !== false));
    const fetched = asArray(row?.nodes, 'nodes').map(decodeNode);
    const first = Math.max(0, Math.floor(query.first));
    const totalCount = row?.totalCount == null ? null : asNumber(row.totalCount, 'totalCount');
    return { nodes: fetched.slice(0, first), totalCount, hasNextPage: fetched.length > first };
  }

  async search(text: string, first: number, labels: readonly Label[]): Promise<SearchResult[]> {
    const query = searchQuery(text, first, labels);
    if (!query) return [];
    const rows = await this.executor.read(query);
    return rows.map((row) => ({ node: decodeNode(row.node), score: asNumber(row.score, 'score') }));
  }

  /**
   * The projection's statements side by side (cypher/projection.ts), in separate transactions that
   * join on internal ids: read between two version readings, again if a write came between
   * (betweenVersions.ts). One statement would be no snapshot either under Neo4j's read-committed
   * isolation.
   */
  async projection(): Promise<CollaborationProjection> {
    const statements = projectionQueries();
    const version = async () => asNumber((await this.executor.read(versionQuery()))[0]?.version ?? 0, 'version');
    const parts = await readBetweenVersions(version, () => Promise.all(statements.map((q) => this.executor.readRaw(q))), PROJECTION_ATTEMPTS);
    return decodeProjectionRows(parts.flat());
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
    this.versionSeen = null;
    try {
      await this.executor.writeTransaction((run) => runPlan(run, plan));
    } finally {
      // Forget again: a reader may have cached the old version while the write was running.
      this.versionSeen = null;
    }
    return { nodes: plan.nodeCount, rels: plan.relCount };
  }

  /**
   * Batched deletes in an auto-commit statement (CALL … IN TRANSACTIONS cannot run inside a
   * managed transaction), then a version bump. Not atomic, by design: clearing a large store in
   * one transaction would need a heap as large as the store.
   */
  async clear(): Promise<void> {
    this.versionSeen = null;
    try {
      await this.executor.autoCommit(clearQuery());
      await this.executor.write(bumpVersionQuery());
    } finally {
      this.versionSeen = null;
    }
  }

  recordStates(ids: readonly string[], options: { allRels?: boolean } = {}): Promise<(RecordState | null)[]> {
    return this.executor.readTransaction((run) => readStates(run, ids, options.allRels ?? false));
  }

  async recordIds(scope: ReplaceScope, label: Label, after: string | null, first: number): Promise<string[]> {
    return (await this.executor.read(recordIdsQuery(scope, label, after, first))).map((row) => String(row.id));
  }

  /**
   * Like write(): the cached store version is forgotten when an import commits or rolls back
   * (before and after), so the next analytics call in this process sees the import at once,
   * not after VERSION_TTL_MS (importDataset followed by bridges).
   */
  async beginImport(options: ImportOptions): Promise<ImportSession> {
    const session = await beginNeo4jImport(this.executor, options);
    const forgetAround = (end: () => Promise<void>) => async () => {
      this.versionSeen = null;
      try {
        await end();
      } finally {
        this.versionSeen = null;
      }
    };
    const [commit, rollback] = [session.commit.bind(session), session.rollback.bind(session)];
    session.commit = forgetAround(commit);
    session.rollback = forgetAround(rollback);
    return session;
  }

  /** Also rolls back an import whose process died (neo4j/importSession.ts), so a crash is repaired by the next look. */
  async status(): Promise<StoreStatus> {
    const importing = await recoverDeadImport(this.executor);
    const [row] = await this.executor.read(isEmptyQuery());
    return { empty: row?.empty === true, importing };
  }

  version(): Promise<number> {
    const now = performance.now();
    if (this.versionSeen && now - this.versionSeen.at < this.versionTtlMs) return this.versionSeen.value;
    const value = this.executor.read(versionQuery()).then(([row]) => asNumber(row?.version, 'version'));
    const seen = { value, at: now };
    this.versionSeen = seen;
    value.catch(() => {
      if (this.versionSeen === seen) this.versionSeen = null;
    });
    return value;
  }

  async ping(): Promise<void> {
    await this.executor.ping();
  }

  async close(): Promise<void> {
    await this.executor.close();
  }

  async appendChanges(entries: readonly ChangeEntry[]): Promise<StoredChange[]> {
    const checked = checkedChangeEntries(entries);
    if (checked.length === 0) return [];
    const rows = await this.executor.write(appendChangesQuery(checked));
    return checked.map((entry, i) => storedChange(entry, asNumber(rows[i]?.seq, 'seq')));
  }

  async historyOf(recordIds: readonly string[], first: number): Promise<ChangePage[]> {
    if (recordIds.length === 0) return [];
    const rows = await this.withoutPendingImport((hidden) => this.executor.read(historyQuery(recordIds, first, hidden)));
    return orderByKeys(recordIds, rows, (row) => String(row.id)).map((row) => decodeChangePage(row ?? { totalCount: 0, page: [] }, first));
  }

  async changes(query: ChangeQuery): Promise<ChangePage> {
    const [row] = await this.withoutPendingImport((hidden) => this.executor.read(changesQuery(query, hidden)));
    return decodeChangePage(row, query.first);
  }

  /**
   * Reads the change log without the entries of a staged import still running (they become part of
   * the log when its marker goes: neo4j/importSession.ts). The marker is looked at before and after
   * the read: an import that started in between is read again without its entries; one that
   * committed in between at worst shows its entries on the next read.
   */
  private async withoutPendingImport<T>(read: (hiddenBatch: string | null) => Promise<T>): Promise<T> {
    const pending = async () => ((await this.executor.read(stagedImportIdQuery()))[0]?.importId as string | null | undefined) ?? null;
    let hidden = await pending();
    for (;;) {
      const value = await read(hidden);
      const now = await pending();
      if (now === null || now === hidden) return value;
      hidden = now;
    }
  }

  /**
   * One write transaction: lock and check versions, delete, replace owned relationships, write
   * nodes and relationships (the same MERGE statements as write()), append the change entries,
   * bump the store version. Any failure — a moved version, a missing endpoint — rolls it all back.
   */
  async commitRecords(commit: RecordCommit): Promise<StoredChange[]> {
    const entries = checkedChangeEntries(commit.changes);
    const isNew = new Set(commit.expect.filter((e) => e.version === null).map((e) => e.id));
    const created = commit.upserts.filter((u) => isNew.has(u.node.id)).map((u) => u.node);
    const updated = commit.upserts.filter((u) => !isNew.has(u.node.id)).map((u) => u.node);
    const plan = planWrite({ nodes: updated, rels: commit.upserts.flatMap((u) => u.rels) });
    // Like write(): the cached store version is forgotten before and after, so the next read of
    // version() (the analytics cache key) sees this commit at once, not after VERSION_TTL_MS.
    this.versionSeen = null;
    try {
      return await this.commitInTransaction(commit, entries, created, plan);
    } finally {
      this.versionSeen = null;
    }
  }

  private commitInTransaction(commit: RecordCommit, entries: ChangeEntry[], created: GraphNode[], plan: WritePlan): Promise<StoredChange[]> {
    return this.executor.writeTransaction(async (run) => {
      await checkVersions(run, commit.expect);
      for (const [l, ids] of idsByLabel(commit.deletes)) await run(detachDeleteQuery(l, ids));
      for (const [l, upserts] of groupUpserts(commit)) {
        if (upserts[0].owned.length) await run(deleteOwnedQuery(l, upserts[0].owned, upserts.map((u) => u.node.id)));
      }
      for (const [l, nodes] of groupByLabel(created)) await run(createNodesQuery(l, nodes));
      await runPlan(run, plan, false);
      const rows = entries.length ? await run(appendChangesQuery(entries)) : [];
      await run(bumpVersionQuery());
      return entries.map((entry, i) => storedChange(entry, asNumber(rows[i]?.seq, 'seq')));
    });
  }

  /** Circulation facts by Cypher aggregation (cypher/circulation.ts), all statements in one read snapshot. */
  async circulationFacts(query: CirculationQuery): Promise<CirculationFacts> {
    const statements = circulationStatements(query);
    return this.executor.readTransaction(async (run) =>
      decodeCirculationFacts({
        ...splitFactsRow(await run(statements.facts)),
        undated: await run(statements.undated),
        timeline: statements.timeline ? await run(statements.timeline) : null,
      }),
    );
  }
}

/** Readings of the projection before one is kept although a write moved the version meanwhile (betweenVersions.ts). */
export const PROJECTION_ATTEMPTS = 3;

/** How long a version read is reused (see Neo4jStore.versionSeen). */
export const VERSION_TTL_MS = 1000;

async function checkVersions(run: RunInTx, expect: RecordCommit['expect']): Promise<void> {
  const found = new Map<string, number>();
  for (const [l, ids] of idsByLabel(expect.map((e) => e.id))) {
    for (const row of await run(lockVersionsQuery(l, ids))) found.set(String(row.id), asNumber(row.version, 'version'));
  }
  for (const { id, version } of expect) {
    // Throwing inside the transaction function rolls back; CONFLICT is not retried by the driver.
    if ((found.get(id) ?? null) !== version) throw new StoreError('CONFLICT', `${id} changed since it was read`);
  }
}

function groupByLabel(nodes: readonly GraphNode[]): Map<Label, GraphNode[]> {
  const groups = new Map<Label, GraphNode[]>();
  for (const node of nodes) groups.set(node.label, [...(groups.get(node.label) ?? []), node]);
  return groups;
}

/** Upserts per label; every record of a label owns the same slots. */
function groupUpserts(commit: RecordCommit): Map<Label, RecordCommit['upserts'][number][]> {
  const groups = new Map<Label, RecordCommit['upserts'][number][]>();
  for (const u of commit.upserts) {
    const l = labelOfId(u.node.id) ?? u.node.label;
    groups.set(l, [...(groups.get(l) ?? []), u]);
  }
  return groups;
}

async function runPlan(run: RunInTx, plan: WritePlan, bumpVersion = true): Promise<void> {
  for (const query of plan.nodeBatches) await run(query);
  for (const { query, expected } of plan.relBatches) {
    const written = writtenCount(await run(query));
    if (written !== expected) {
      // Throwing inside the transaction function rolls the whole write back.
      throw new StoreError('INVALID', `${expected - written} relationship(s) name an endpoint that does not exist`);
    }
  }
  if (bumpVersion) await run(bumpVersionQuery());
}

function writtenCount(rows: Row[]): number {
  return asNumber(rows[0]?.written, 'written');
}
