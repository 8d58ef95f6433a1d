import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { labelOfId, type Label } from '../../domain/ids';
import { StoreError } from '../errors';
import { relKey, type GraphRel, type RelType } from '../graph';
import { checkedChangeEntries } from '../changeEntries';
import type { ChangeLog, ImportInProgress, ImportOptions, ImportSession, RecordGraph } from '../importSession';
import type { RecordState } from '../records';
import {
  bumpVersionsQuery,
  restoreNodesQuery,
  createMarkerQuery,
  deleteChangesOfImportQueries,
  deleteMarkerQuery,
  deleteRecordsQuery,
  deleteUndoQuery,
  heartbeatQuery,
  isEmptyQuery,
  readMarkerQuery,
  readUndoQuery,
  recordStatesQuery,
  removeStaleRelsQueries,
  writeUndoQuery,
  type MarkerProps,
} from './cypher/import';
import { appendChangesQuery } from './cypher/changes';
import { bumpVersionQuery } from './cypher/meta';
import { createNodesQuery, planWrite, upsertNodesQuery } from './cypher/write';
import type { Executor, OpenTransaction, Row, RunInTx } from './executor';
import { asArray, asRecord, asString, decodeRelProps } from './rows';

/** A marker whose process cannot be checked (another host) is presumed dead after this long without a heartbeat. */
const STALE_AFTER_MS = Number(process.env.KIZUNA_IMPORT_STALE_MS ?? 120_000);
const HEARTBEAT_MS = 10_000;
const UNDO_PAGE = 20;

/**
 * Bulk import into Neo4j (store/importSession.ts describes the contract). Up to
 * `transactionLimit` records the whole import is one explicit transaction: readers see the old
 * graph until commit, and a killed process leaves nothing (Neo4j rolls back when the connection
 * drops). Above it, each batch is its own transaction (so the import never outgrows Neo4j's
 * transaction memory pool) and carries an undo entry with the state it overwrote; the import
 * commits by deleting its marker, and anything else (an error, a kill -9) ends in a rollback from
 * the undo entries, by this process or by the next one that opens the store.
 * Change-log entries are written in each batch's transaction; a staged import's are hidden from
 * readers (neo4jStore.changes) while its marker stands, so they appear with the import's commit.
 * A store found empty when the import begins has no previous state to read: every record is new,
 * CREATEd without a read, and a staged batch's undo entry is the list of ids it created.
 */
export async function beginNeo4jImport(executor: Executor, options: ImportOptions): Promise<ImportSession> {
  await recoverDeadImport(executor);
  const mode = options.records <= options.transactionLimit ? 'transaction' : 'staged';
  const importId = `${new Date().toISOString().replace(/[-:.]/g, '')}-${randomUUID().slice(0, 8)}`;
  const now = new Date().toISOString();
  const marker: MarkerProps = { importId, mode, files: options.files, startedAt: now, heartbeat: now, pid: process.pid, host: hostname() };
  try {
    await executor.write(createMarkerQuery(marker));
  } catch (error) {
    if (error instanceof StoreError && error.kind === 'CONFLICT') {
      const running = await readMarker(executor);
      throw new StoreError('CONFLICT', `another import is running (${running ? describeMarker(running) : 'unknown'}); try again when it has finished`);
    }
    throw error;
  }
  // Read after the marker stands: a concurrent import is refused by now; a concurrent mutation that
  // creates one of the import's ids makes its CREATE fail on the id constraint (and the import roll back).
  const [row] = await executor.read(isEmptyQuery());
  const startedEmpty = row?.empty === true;
  if (mode === 'transaction') return new TransactionImport(executor, importId, startedEmpty, await executor.openTransaction());
  return new StagedImport(executor, importId, startedEmpty, options.concurrency ?? 1);
}

abstract class Neo4jImport implements ImportSession {
  abstract readonly mode: 'transaction' | 'staged';
  abstract readonly concurrency: number;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    protected readonly executor: Executor,
    protected readonly importId: string,
    /** The store held no domain node when the import began: no record can have a previous state. */
    protected readonly startedEmpty: boolean,
  ) {
    this.heartbeat = setInterval(() => {
      void executor.write(heartbeatQuery(importId, new Date().toISOString())).catch(() => undefined);
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** The import's id: its change entries carry it, which is how a staged import's are hidden until the commit and found by a rollback. */
  get batchId(): string {
    return this.importId;
  }

  abstract upsertNodes(records: readonly RecordGraph[], log?: ChangeLog): Promise<(RecordState | null)[]>;
  abstract replaceRels(records: readonly RecordGraph[]): Promise<void>;
  abstract deleteRecords(ids: readonly string[], log?: ChangeLog): Promise<RecordState[]>;

  /** The records' states before, or (a store found empty) none without a read. */
  protected statesBefore(run: RunInTx, records: readonly RecordGraph[]): Promise<(RecordState | null)[]> {
    return this.startedEmpty ? Promise.resolve(records.map(() => null)) : readStates(run, records.map((r) => r.id), false);
  }
  abstract commit(): Promise<void>;
  abstract rollback(): Promise<void>;

  protected stopHeartbeat(): void {
    clearInterval(this.heartbeat);
  }
}

class TransactionImport extends Neo4jImport {
  readonly mode = 'transaction' as const;
  /** One transaction runs one statement at a time. */
  readonly concurrency = 1;

  constructor(executor: Executor, importId: string, startedEmpty: boolean, private readonly tx: OpenTransaction) {
    super(executor, importId, startedEmpty);
  }

  async upsertNodes(records: readonly RecordGraph[], log?: ChangeLog) {
    const before = await this.statesBefore(this.tx.run, records);
    await writeNodes(this.tx.run, records, before);
    await writeRelsWithNodes(this.tx.run, records, before);
    await appendLog(this.tx.run, before, log);
    return before;
  }

  replaceRels(records: readonly RecordGraph[]) {
    return replaceRelsIn(this.tx.run, records);
  }

  async deleteRecords(ids: readonly string[], log?: ChangeLog) {
    const before = (await readStates(this.tx.run, ids, true)).filter((s): s is RecordState => s !== null);
    await deleteIn(this.tx.run, before.map((s) => s.id));
    await appendLog(this.tx.run, before, log);
    return before;
  }

  async commit(): Promise<void> {
    this.stopHeartbeat();
    await this.tx.run(bumpVersionQuery());
    await this.tx.commit();
    await this.executor.write(deleteMarkerQuery(this.importId));
  }

  async rollback(): Promise<void> {
    this.stopHeartbeat();
    await this.tx.rollback().catch(() => undefined);
    await this.executor.write(deleteMarkerQuery(this.importId));
  }
}

class StagedImport extends Neo4jImport {
  readonly mode = 'staged' as const;
  private seq = 0;

  /**
   * `concurrency` batches may be written at once, each in its own transaction with its own undo
   * entry (its seq is taken before the transaction, so a retried attempt reuses it). Two batches
   * never hold the same record (check.ts refuses a duplicate id); a deadlock between them over a
   * shared node is a transient error the driver retries.
   */
  constructor(executor: Executor, importId: string, startedEmpty: boolean, readonly concurrency: number) {
    super(executor, importId, startedEmpty);
  }

  async upsertNodes(records: readonly RecordGraph[], log?: ChangeLog): Promise<(RecordState | null)[]> {
    const seq = ++this.seq;
    return this.executor.writeTransaction(async (run) => {
      const before = await this.statesBefore(run, records);
      // A created record's undo is its id; a changed one's, the state it had.
      const created = records.filter((_, i) => before[i] === null).map((r) => r.id);
      const entries = records.flatMap((r, i) => (before[i] ? [undoEntry(r.id, r.label, before[i], false)] : []));
      await run(writeUndoQuery(this.importId, seq, JSON.stringify(entries), created));
      await writeNodes(run, records, before);
      await writeRelsWithNodes(run, records, before);
      await appendLog(run, before, log);
      return before;
    });
  }

  /** Needs no undo of its own: the nodes' undo entries hold every relationship the records stated before. */
  replaceRels(records: readonly RecordGraph[]): Promise<void> {
    return this.executor.writeTransaction((run) => replaceRelsIn(run, records));
  }

  async deleteRecords(ids: readonly string[], log?: ChangeLog): Promise<RecordState[]> {
    const seq = ++this.seq;
    return this.executor.writeTransaction(async (run) => {
      const before = (await readStates(run, ids, true)).filter((s): s is RecordState => s !== null);
      await run(writeUndoQuery(this.importId, seq, JSON.stringify(before.map((s) => undoEntry(s.id, s.label, s, true))), []));
      await deleteIn(run, before.map((s) => s.id));
      await appendLog(run, before, log);
      return before;
    });
  }

  /** The commit point is the marker's deletion; the undo entries are garbage from then on. */
  async commit(): Promise<void> {
    this.stopHeartbeat();
    await this.executor.writeTransaction(async (run) => {
      await run(deleteMarkerQuery(this.importId));
      await run(bumpVersionQuery());
    });
    await this.executor.autoCommit(deleteUndoQuery(this.importId));
  }

  async rollback(): Promise<void> {
    this.stopHeartbeat();
    await rollbackStaged(this.executor, this.importId);
  }
}

// ---- statements shared by both modes

/** The batch's change-log entries, in the batch's transaction. */
async function appendLog(run: RunInTx, before: ReadonlyArray<RecordState | null>, log?: ChangeLog): Promise<void> {
  const entries = log ? checkedChangeEntries(log(before)) : [];
  if (entries.length) await run(appendChangesQuery(entries));
}

/** `before` (read in the same transaction): records found absent are CREATEd, the others MERGEd. */
async function writeNodes(run: RunInTx, records: readonly RecordGraph[], before?: ReadonlyArray<RecordState | null>): Promise<void> {
  const isNew = new Set(before ? records.filter((_, i) => before[i] === null).map((r) => r.id) : []);
  for (const [l, group] of byLabel(records, (r) => r.label)) {
    const nodes = group.flatMap((r) => r.graph.nodes);
    const created = nodes.filter((n) => isNew.has(n.id));
    const existing = nodes.filter((n) => !isNew.has(n.id));
    if (created.length) await run(createNodesQuery(l, created));
    if (existing.length) await run(upsertNodesQuery(l, existing));
  }
}

async function replaceRelsIn(run: RunInTx, records: readonly RecordGraph[]): Promise<void> {
  for (const [l, group] of byLabel(records.filter((r) => !r.created), (r) => r.label)) {
    const rows = group.map((r) => ({ id: r.id, keys: r.graph.rels.map(relKey) }));
    for (const query of removeStaleRelsQueries(l, rows)) await run(query);
  }
  await writeRels(run, records.filter((r) => !r.created).flatMap((r) => r.graph.rels));
  await writeRels(run, onePerKey(records.filter((r) => r.created).flatMap((r) => r.graph.rels)), true);
  for (const [l, group] of byLabel(records.filter((r) => r.bumpVersion), (r) => r.label)) await run(bumpVersionsQuery(l, group.map((r) => r.id)));
}

/** The relationships of the records this batch created whose endpoints all exist by now (RecordGraph.relsWithNode). */
async function writeRelsWithNodes(run: RunInTx, records: readonly RecordGraph[], before: ReadonlyArray<RecordState | null>): Promise<void> {
  const rels = records.filter((r, i) => r.relsWithNode && before[i] === null).flatMap((r) => r.graph.rels);
  if (rels.length) await writeRels(run, onePerKey(rels), true);
}

/** A record may state one relationship twice (a host listed twice); MERGE made it one, CREATE needs it once. */
function onePerKey(rels: GraphRel[]): GraphRel[] {
  const seen = new Set<string>();
  return rels.filter((r) => {
    const key = relKey(r);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `created`: the relationships of records this import created (they cannot exist yet): CREATE, not MERGE. */
async function writeRels(run: RunInTx, rels: GraphRel[], created = false): Promise<void> {
  for (const { query, expected } of planWrite({ nodes: [], rels }, Number.MAX_SAFE_INTEGER, { createRels: created }).relBatches) {
    const [row] = await run(query);
    const written = Number(row?.written ?? 0);
    if (written !== expected) throw new StoreError('INVALID', `${expected - written} relationship(s) name a record that does not exist (removed while importing?)`);
  }
}

async function deleteIn(run: RunInTx, ids: readonly string[]): Promise<void> {
  for (const [l, group] of byLabel(ids, (id) => labelOfId(id)!)) await run(deleteRecordsQuery(l, group));
}

export async function readStates(run: RunInTx, ids: readonly string[], allRels: boolean): Promise<(RecordState | null)[]> {
  const found = new Map<string, RecordState>();
  for (const [l, group] of byLabel(ids, (id) => labelOfId(id))) {
    for (const row of await run(recordStatesQuery(l, group, allRels))) {
      const state = decodeRecordState(l, row);
      found.set(state.id, state);
    }
  }
  return ids.map((id) => found.get(id) ?? null);
}

function decodeRecordState(l: Label, row: Row): RecordState {
  const id = asString(row.id, 'id');
  const { id: _id, ...props } = asRecord(row.props, 'props');
  const rels = asArray(row.rels, 'rels').map((value): GraphRel => {
    const rel = asRecord(value, 'rel');
    return { type: asString(rel.type, 'rel.type') as RelType, from: asString(rel.from, 'rel.from'), to: asString(rel.to, 'rel.to'), props: decodeRelProps(rel.props) };
  });
  return { id, label: l, props: props as RecordState['props'], rels };
}

function byLabel<T>(items: readonly T[], labelOf: (item: T) => Label | null): Map<Label, T[]> {
  const groups = new Map<Label, T[]>();
  for (const item of items) {
    const l = labelOf(item);
    if (!l) continue;
    const group = groups.get(l);
    if (group) group.push(item);
    else groups.set(l, [item]);
  }
  return groups;
}

// ---- undo and recovery

/** What undoing one record needs: nothing but its id if it is new, else its props and relationships. */
interface UndoEntry {
  id: string;
  label: Label;
  before: RecordState | null;
  /** true: `before.rels` are all its relationships (it was deleted); false: those it states. */
  allRels: boolean;
}

function undoEntry(id: string, l: Label, before: RecordState | null, allRels: boolean): UndoEntry {
  return { id, label: l, before, allRels };
}

/**
 * Puts back what a staged import changed, in phases that are each idempotent (so a rollback that
 * is itself killed can simply run again): old nodes' props, their relationships, then the nodes
 * the import created go, then its change entries; the undo entries and the marker go last.
 */
async function rollbackStaged(executor: Executor, importId: string): Promise<void> {
  await forEachUndoPage(executor, importId, async (entries) => {
    const existed = entries.filter((e) => e.before).map((e) => ({ id: e.id, label: e.label, props: e.before!.props }));
    if (!existed.length) return;
    await executor.writeTransaction(async (run) => {
      for (const [l, nodes] of byLabel(existed, (n) => n.label)) await run(restoreNodesQuery(l, nodes));
    });
  });
  await forEachUndoPage(executor, importId, async (entries) => {
    const owned = entries.filter((e) => e.before && !e.allRels);
    const all = entries.filter((e) => e.before && e.allRels);
    if (!owned.length && !all.length) return;
    await executor.writeTransaction(async (run) => {
      for (const [l, group] of byLabel(owned, (e) => e.label)) {
        for (const query of removeStaleRelsQueries(l, group.map((e) => ({ id: e.id, keys: [] })))) await run(query);
      }
      await writeRels(run, [...owned, ...all].flatMap((e) => e.before!.rels));
    });
  });
  await forEachUndoPage(executor, importId, async (entries) => {
    const created = entries.filter((e) => !e.before).map((e) => e.id);
    if (created.length) await executor.writeTransaction((run) => deleteIn(run, created));
  });
  // Hidden while the marker stands, so they go before it.
  for (const query of deleteChangesOfImportQueries(importId)) await executor.autoCommit(query);
  await executor.writeTransaction(async (run) => {
    await run(deleteMarkerQuery(importId));
    await run(bumpVersionQuery());
  });
  await executor.autoCommit(deleteUndoQuery(importId));
}

async function forEachUndoPage(executor: Executor, importId: string, visit: (entries: UndoEntry[]) => Promise<void>): Promise<void> {
  let after: string | null = null;
  for (;;) {
    const rows = await executor.read(readUndoQuery(importId, after, UNDO_PAGE));
    if (!rows.length) return;
    const entries = rows.flatMap((row) => [
      ...(JSON.parse(asString(row.entries, 'entries')) as UndoEntry[]),
      ...(row.created == null ? [] : asArray(row.created, 'created')).map((id) => undoEntry(asString(id, 'created id'), labelOfId(asString(id, 'created id'))!, null, false)),
    ]);
    await visit(entries);
    after = asString(rows[rows.length - 1].id, 'id');
  }
}

interface Marker extends MarkerProps {}

async function readMarker(executor: Executor): Promise<Marker | null> {
  const [row] = await executor.read(readMarkerQuery());
  return (row?.marker as Marker | null) ?? null;
}

function describeMarker(m: Marker): string {
  return `${m.mode} import of ${m.files.join(', ')} started ${m.startedAt} by pid ${m.pid} on ${m.host}`;
}

/** Alive when its process still runs on this host, or (another host) its heartbeat is recent. */
function isAlive(m: Marker): boolean {
  if (m.host === hostname()) {
    try {
      process.kill(m.pid, 0);
      return true;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
  }
  return Date.now() - Date.parse(m.heartbeat) < STALE_AFTER_MS;
}

/**
 * Rolls back an import whose process died (a staged one from its undo entries; a one-transaction
 * import was already rolled back by Neo4j) and clears undo entries no import owns. Returns the
 * import still running, if any.
 */
export async function recoverDeadImport(executor: Executor): Promise<ImportInProgress | null> {
  const marker = await readMarker(executor);
  if (!marker) {
    await executor.autoCommit(deleteUndoQuery(null));
    return null;
  }
  if (isAlive(marker)) return { importId: marker.importId, mode: marker.mode as ImportInProgress['mode'], files: marker.files, startedAt: marker.startedAt };
  if (marker.mode === 'staged') await rollbackStaged(executor, marker.importId);
  else await executor.write(deleteMarkerQuery(marker.importId));
  return null;
}
