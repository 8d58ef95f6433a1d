import { labelOfId } from '../../domain/ids';
import type { ChangeActor, ChangeEntry } from '../../store/changes';
import type { ImportMode, ImportSession, RecordGraph, ReplaceScope } from '../../store/importSession';
import type { GraphStore } from '../../store/port';
import { withoutNulls, type RecordState } from '../../store/records';
import { recordToGraph } from '../toGraph';
import { checkImport, emptyCounts, type ImportManifest } from './check';
import { diffRecord, type ChangeKind, type RecordChange } from './diff';
import type { ImportProblem } from './problems';
import { openImportFiles, sourceNames, type ImportInput } from './readers';
import { COLLECTION_OF_LABEL, COLLECTION_LABEL, type Collection } from './records';
import { planRemoval, type RemovalPlan } from './removal';
import { inFlight } from './inFlight';
import { relsReadyWith } from './relsReady';
import { NdjsonSpool, prefetched } from './spool';
import type { AnyRecord } from '../../write/records';

export interface ImportRequest {
  /** Paths (`kizuna import`) or sources made from text (`importDataset`): readers/source.ts. */
  files: readonly ImportInput[];
  /** merge: upsert only; replace: also remove what the files' documents no longer state; reset: the store becomes the files. */
  mode: 'merge' | 'replace' | 'reset';
  dryRun?: boolean;
  /**
   * replace: records outside the import that refer to a record it removes lose the reference
   * (those the format then rejects are removed too), as deleteRecord(cascade: true) does.
   * Without it such a reference makes the import fail, naming every one, with nothing written.
   */
  cascade?: boolean;
  /** Records per write statement (UNWIND batch). */
  batchSize: number;
  /** Neo4j: imports up to this many records run as one transaction, larger ones staged (store/importSession.ts). */
  transactionLimit: number;
  /** Neo4j, staged: node batches written at once (ImportSession.concurrency; default 1). */
  concurrency?: number;
  onProgress?: (progress: ImportProgress) => void;
  /** Every record's change, a batch at a time, as it is written (or, in a dry run, found): for the dry-run listing. */
  onChanges?: (changes: RecordChange[]) => Promise<void> | void;
  /**
   * Who imports: each created, updated or deleted record gets a change-log entry under this
   * name, written through the import session so that the entries become visible with the import
   * and never without it (a killed process loses none and leaves none). Without it, no entries.
   */
  actor?: ChangeActor;
}

export interface ImportProgress {
  phase: 'check' | 'nodes' | 'relationships' | 'deletions';
  done: number;
  /** 0 while unknown: the check pass counts records as it reads them. */
  total: number;
}

/** The check pass reports its count every this many valid records. */
const CHECK_PROGRESS_EVERY = 5000;

export type ChangeCounts = Record<ChangeKind, number>;

export interface ImportResult {
  ok: boolean;
  problems: ImportProblem[];
  dryRun: boolean;
  mode: ImportMode | null;
  records: number;
  summary: Record<Collection, ChangeCounts>;
  /** Wall-clock milliseconds per phase (check, plan, nodes, relationships, cascade, deletions, commit). */
  timings: Record<string, number>;
  /** Change-log entries written (created, updated and deleted records; 0 for a dry run, a refused import or no actor). */
  logged: number;
}

/**
 * Bulk import: `kizuna import`, `kizuna seed` and (small files) `importDataset` all come here.
 * 1. validate every record of every file (check.ts); any problem: report them all, write nothing.
 *    Each valid record is parsed once, turned into the graph it writes and spooled to a temporary
 *    file (spool.ts): the passes below read the spool, never the files again;
 * 2. write the records' nodes in batches, learning each record's previous state (the diff) and
 *    writing the change-log entries through the session;
 * 3. write the records' relationships (every endpoint exists by now, whatever the file order);
 * 4. for replace/reset, remove the records in scope that the files no longer state;
 * 5. commit: the graph and its change entries become visible together. Any failure rolls back
 *    (store/importSession.ts says how each store does it).
 */
export async function runImport(store: GraphStore, request: ImportRequest): Promise<ImportResult> {
  const spool = new NdjsonSpool<RecordGraph>();
  // The records whose relationships wait for the relationship pass, as the node pass finds them:
  // that pass reads only these, not every record again.
  const later = new NdjsonSpool<RecordGraph>();
  try {
    return await importFromSpool(store, request, spool, later);
  } finally {
    spool.close();
    later.close();
  }
}

async function importFromSpool(store: GraphStore, request: ImportRequest, spool: NdjsonSpool<RecordGraph>, later: NdjsonSpool<RecordGraph>): Promise<ImportResult> {
  const clock = phaseClock();
  const files = await openImportFiles(request.files);
  let checked = 0;
  const { problems, manifest } = await checkImport(store, files, (parsed) => {
    if (++checked % CHECK_PROGRESS_EVERY === 0) request.onProgress?.({ phase: 'check', done: checked, total: 0 });
    return spool.push({ id: parsed.record.id, label: COLLECTION_LABEL[parsed.collection], graph: recordToGraph(parsed.collection, parsed.record as never) });
  });
  const result: ImportResult = { ok: problems.length === 0, problems, dryRun: Boolean(request.dryRun), mode: null, records: manifest.records, summary: emptySummary(), timings: clock.timings, logged: 0 };
  clock.lap('check');
  if (!result.ok) return result;
  const scope = replaceScope(request.mode, manifest);
  const removal = scope ? await planRemoval(store, scope, manifest, Boolean(request.cascade), request.batchSize) : NO_REMOVAL;
  clock.lap('plan');
  if (removal.problems.length) return { ...result, ok: false, problems: removal.problems };
  const updates = removal.updates.map((u) => graphOf(u.after));
  if (request.dryRun) {
    await dryRun(store, spool, manifest, removal.deletes, updates, request, result);
    return result;
  }
  const session = await store.beginImport({ records: manifest.records, transactionLimit: request.transactionLimit, files: sourceNames(request.files), concurrency: request.concurrency });
  result.mode = session.mode;
  const log = changeLogger(session, request);
  const killer = testKillSwitch();
  try {
    const total = manifest.records;
    const withRels = relsReadyWith(manifest, session.concurrency);
    const writeBatch = async (batch: RecordGraph[]) => {
      const marked = withRels(batch);
      let changes: RecordChange[] = [];
      await session.upsertNodes(marked, (before) => log((changes = batch.map((r, i) => (before[i] === null ? createdChange(r) : diffRecord(before[i], stateOf(r)))))));
      return { marked, changes };
    };
    let done = 0;
    for await (const { batch, result: wrote } of inFlight(prefetched(spool.batches(request.batchSize)), session.concurrency, writeBatch)) {
      await later.add(relationshipsLeft(wrote.marked, wrote.changes));
      await record(result, request, wrote.changes);
      done += batch.length;
      request.onProgress?.({ phase: 'nodes', done, total });
      killer();
    }
    clock.lap('nodes');
    done = 0;
    // Batches of disjoint records, every endpoint written by now: as many at once as the node pass.
    for await (const { batch } of inFlight(prefetched(later.batches(request.batchSize)), session.concurrency, (b) => session.replaceRels(b))) {
      done += batch.length;
      request.onProgress?.({ phase: 'relationships', done, total: later.count });
      killer();
    }
    clock.lap('relationships');
    for (const batch of chunks(updates, request.batchSize)) {
      let changes: RecordChange[] = [];
      await session.upsertNodes(batch, (before) => log((changes = batch.map((r, i) => diffRecord(before[i], stateOf(r))))));
      await session.replaceRels(batch);
      await record(result, request, changes);
      killer();
    }
    clock.lap('cascade');
    done = 0;
    for (const ids of chunks(removal.deletes, request.batchSize)) {
      let changes: RecordChange[] = [];
      await session.deleteRecords(ids, (before) => log((changes = before.map((b) => diffRecord(b, null)))));
      await record(result, request, changes);
      done += ids.length;
      request.onProgress?.({ phase: 'deletions', done, total: removal.deletes.length });
      killer();
    }
    clock.lap('deletions');
    await session.commit();
    clock.lap('commit');
    killer.afterCommit();
  } catch (error) {
    await session.rollback().catch(() => undefined);
    throw error;
  }
  if (request.actor) result.logged = Object.values(result.summary).reduce((n, c) => n + c.created + c.updated + c.deleted, 0);
  return result;
}

/**
 * The records of a written batch whose relationships the relationship pass writes: all but those
 * created with their relationships in the batch's transaction (RecordGraph.relsWithNode). Each
 * says whether the import created it (no old relationships to remove) or changed it (its version
 * moves on: RecordGraph.bumpVersion).
 */
function relationshipsLeft(marked: readonly RecordGraph[], changes: readonly RecordChange[]): RecordGraph[] {
  return marked.flatMap((r, i) => {
    const created = changes[i].kind === 'created';
    if (created && r.relsWithNode) return [];
    return [{ id: r.id, label: r.label, graph: r.graph, created, bumpVersion: changes[i].kind === 'updated' }];
  });
}

/**
 * A created record's change: compact, without its fields. The entry names the record and the
 * import (its file and batch); the values it was created with are the graph's until a later
 * change, whose entry keeps the old value of every field it changes.
 */
function createdChange(r: RecordGraph): RecordChange {
  return { id: r.id, label: r.label, kind: 'created', fields: [] };
}

const OP = { created: 'CREATE', updated: 'UPDATE', deleted: 'DELETE' } as const;

/**
 * The import's change-log entries (store/importSession.ts ChangeLog): unchanged records write
 * none; every entry of one import shares its instant (the import's start), its batch id and the
 * file names as given. No actor, no entries.
 */
function changeLogger(session: ImportSession, request: ImportRequest): (changes: readonly RecordChange[]) => ChangeEntry[] {
  const at = new Date().toISOString();
  const importFile = sourceNames(request.files).join(', ');
  const { batchId } = session;
  const actor = request.actor;
  return (changes) => {
    if (!actor) return [];
    const entries: ChangeEntry[] = [];
    for (const c of changes) {
      if (c.kind === 'unchanged') continue;
      entries.push({ at, actor, recordId: c.id, label: c.label, op: OP[c.kind], fields: c.fields, importFile, batchId });
    }
    return entries;
  };
}

/** Wall-clock time per phase, for the summary line and the benchmark. */
function phaseClock(): { timings: Record<string, number>; lap(phase: string): void } {
  const timings: Record<string, number> = {};
  let last = performance.now();
  return {
    timings,
    lap(phase) {
      const now = performance.now();
      timings[phase] = Math.round(now - last);
      last = now;
    },
  };
}

const NO_REMOVAL: RemovalPlan = { deletes: [], updates: [], problems: [] };

async function dryRun(store: GraphStore, spool: NdjsonSpool<RecordGraph>, manifest: ImportManifest, deletes: readonly string[], updates: readonly RecordGraph[], request: ImportRequest, result: ImportResult): Promise<void> {
  let done = 0;
  for await (const batch of prefetched(spool.batches(request.batchSize))) {
    const before = await store.recordStates(batch.map((r) => r.id));
    await record(result, request, batch.map((r, i) => diffRecord(before[i], stateOf(r))));
    done += batch.length;
    request.onProgress?.({ phase: 'nodes', done, total: manifest.records });
  }
  for (const batch of chunks(updates, request.batchSize)) {
    const before = await store.recordStates(batch.map((r) => r.id));
    await record(result, request, batch.map((r, i) => diffRecord(before[i], stateOf(r))));
  }
  for (const ids of chunks(deletes, request.batchSize)) {
    const before = await store.recordStates(ids, { allRels: true });
    await record(result, request, before.filter((b): b is RecordState => b !== null).map((b) => diffRecord(b, null)));
  }
}

/** A record rewritten by a cascade, as the graph an import session writes: its version moves on by one (RecordGraph.bumpVersion), as the write path's does. */
function graphOf(record: AnyRecord): RecordGraph {
  const label = labelOfId(record.id)!;
  return { id: record.id, label, graph: recordToGraph(COLLECTION_OF_LABEL[label], record as never), bumpVersion: true };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function record(result: ImportResult, request: ImportRequest, changes: RecordChange[]): Promise<void> {
  for (const change of changes) result.summary[COLLECTION_OF_LABEL[change.label]][change.kind] += 1;
  await request.onChanges?.(changes);
}

/** `--replace` removes what the files' documents state no longer; `seed --reset` everything the files do not hold. */
function replaceScope(mode: ImportRequest['mode'], manifest: ImportManifest): ReplaceScope | null {
  if (mode === 'reset') return { kind: 'all' };
  if (mode === 'replace') return { kind: 'documents', documents: [...manifest.documents] };
  return null;
}

function stateOf(record: RecordGraph): RecordState {
  const node = record.graph.nodes[0];
  return { id: record.id, label: record.label, props: withoutNulls(node.props), rels: record.graph.rels.map((r) => ({ ...r, props: withoutNulls(r.props) })) };
}

function emptySummary(): Record<Collection, ChangeCounts> {
  const counts = emptyCounts();
  return Object.fromEntries(Object.keys(counts).map((c) => [c, { created: 0, updated: 0, unchanged: 0, deleted: 0 }])) as Record<Collection, ChangeCounts>;
}

/**
 * For the crash tests only (tests/contract/import/kill.contract.test.ts): KIZUNA_TEST_IMPORT_KILL_AFTER_BATCH=N
 * makes the importer SIGKILL itself after its N-th written batch, as `kill -9` would;
 * KIZUNA_TEST_IMPORT_KILL_AFTER_COMMIT=1 right after the commit (nothing of the import may be lost then).
 */
function testKillSwitch(): { (): void; afterCommit(): void } {
  const limit = Number(process.env.KIZUNA_TEST_IMPORT_KILL_AFTER_BATCH ?? 0);
  let batches = 0;
  const kill = () => process.kill(process.pid, 'SIGKILL');
  return Object.assign(
    () => {
      if (limit > 0 && ++batches >= limit) kill();
    },
    { afterCommit: () => (process.env.KIZUNA_TEST_IMPORT_KILL_AFTER_COMMIT === '1' ? kill() : undefined) },
  );
}
