import { randomUUID } from 'node:crypto';
import type { Principal } from '../auth/keys';
import { labelOfId, type Label } from '../domain/ids';
import { badInput, conflict, notFound } from '../errors';
import { problemAt } from '../ingest/validate';
import { recordToGraph } from '../ingest/toGraph';
import type { ChangeEntry, StoredChange } from '../store/changes';
import { StoreError } from '../store/errors';
import type { GraphNode } from '../store/graph';
import type { GraphStore, RecordCommit, RecordUpsert } from '../store/port';
import { diffRecords } from './diff';
import { readRecords, type StoredRecord } from './fromGraph';
import { RECORD_KINDS, type AnyRecord } from './records';
import { danglingReferences, planCascade } from './cascade';
import { referencesFrom } from './references';

/**
 * The write path: every mutation goes through here, on either store.
 *
 * A write is planned from what the store holds now (read the records, validate the new ones with
 * the data-set format's zod schema, check references, diff) and committed in one store
 * transaction that first checks that no record moved since it was read (optimistic concurrency).
 * If one did, the write is planned again from the new state, a few times; a caller's own
 * `expectedVersion` is checked against that new state, so a lost race surfaces as CONFLICT only
 * when the caller said which version it meant to change. A write that changes nothing commits
 * nothing (no version bump, no change entry): repeating a mutation is harmless.
 */
const ATTEMPTS = 5;

export interface WriteOptions {
  actor: Principal;
  /** The version the caller read; CONFLICT when the record is at another one. */
  expectedVersion?: number | null;
}

export interface WriteResult {
  node: GraphNode;
  changes: StoredChange[];
}

export interface DeleteResult {
  deleted: string[];
  updated: string[];
  changes: StoredChange[];
}

/** A planned commit and what to answer once it is in; null when there is nothing to write. */
interface Plan<T> {
  commit: RecordCommit | null;
  answer: (changes: StoredChange[]) => Promise<T>;
}

export class WriteService {
  constructor(private readonly store: GraphStore) {}

  /** Creates or replaces a whole record of `label` (the input is the record in the data-set format). */
  upsert(label: Label, input: unknown, options: WriteOptions): Promise<WriteResult> {
    return this.withRetries(async () => {
      const record = parseRecord(label, input);
      const [current] = await readRecords(this.store, [record.id]);
      checkExpected(record.id, current, options.expectedVersion);
      return this.planWrite(record, current, options);
    });
  }

  /** Creates a record that must not exist yet; writing the same record again is a no-op. */
  create(label: Label, input: unknown, options: WriteOptions): Promise<WriteResult> {
    return this.withRetries(async () => {
      const record = parseRecord(label, input);
      const [current] = await readRecords(this.store, [record.id]);
      if (current && diffRecords(current.record, record).length > 0) {
        throw conflict(`${record.id} already exists with other values; update it instead`, { id: record.id, version: current.version });
      }
      return this.planWrite(record, current, options);
    });
  }

  /** Changes an existing record through `edit` (the domain verbs); the result is validated like any record. */
  edit(label: Label, id: string, edit: (record: AnyRecord) => unknown, options: WriteOptions): Promise<WriteResult> {
    return this.withRetries(async () => {
      const [current] = await readRecords(this.store, [id]);
      if (!current || current.label !== label) throw notFound(`No ${label} with id ${id}`, { id });
      checkExpected(id, current, options.expectedVersion);
      return this.planWrite(parseRecord(label, edit(structuredClone(current.record))), current, options);
    });
  }

  /**
   * Deletes a record. Without `cascade`, refuses (CONFLICT, naming each reference) while other
   * records refer to it. With `cascade`, those records lose the reference; any that the format
   * then rejects (a visit without its visitor, a record without sources) is deleted too, and so on.
   */
  delete(id: string, cascade: boolean, options: WriteOptions): Promise<DeleteResult> {
    return this.withRetries(async () => {
      const [current] = await readRecords(this.store, [id]);
      if (!current) throw notFound(`No record with id ${id}`, { id });
      checkExpected(id, current, options.expectedVersion);
      if (!cascade) {
        const references = await danglingReferences(this.store, [id]);
        if (references.length > 0) {
          throw conflict(
            `${id} is still referred to by ${references.map((r) => `${r.recordId} (${r.field})`).join(', ')}; remove those references or delete with cascade: true`,
            { id, references },
          );
        }
      }
      return this.planDelete(current, options);
    });
  }

  private async planWrite(record: AnyRecord, current: StoredRecord | null, options: WriteOptions): Promise<Plan<WriteResult>> {
    const answer = async (changes: StoredChange[]): Promise<WriteResult> => {
      const [node] = await this.store.nodesByIds([record.id]);
      return { node: node!, changes };
    };
    const fields = diffRecords(current?.record ?? null, record);
    if (current && fields.length === 0) return { commit: null, answer };
    await this.checkReferences(record);
    const batchId = randomUUID();
    const upsert = upsertOf(record, (current?.version ?? 0) + 1);
    const commit: RecordCommit = {
      expect: [{ id: record.id, version: current?.version ?? null }],
      upserts: [upsert],
      deletes: [],
      changes: [entryOf(record.id, current ? 'UPDATE' : 'CREATE', fields, options.actor, batchId)],
    };
    return { commit, answer };
  }

  private async planDelete(target: StoredRecord, options: WriteOptions): Promise<Plan<DeleteResult>> {
    const cascade = await planCascade(this.store, [target.record.id]);
    const removed = new Map<string, StoredRecord>([[target.record.id, target], ...cascade.removed]);
    const updated = cascade.updated;
    const batchId = randomUUID();
    const commit: RecordCommit = {
      expect: [...removed.values(), ...[...updated.values()].map((u) => u.before)].map((r) => ({ id: r.record.id, version: r.version })),
      deletes: [...removed.keys()],
      upserts: [...updated.values()].map((u) => upsertOf(u.after, u.before.version + 1)),
      changes: [
        ...[...removed.values()].map((r) => entryOf(r.record.id, 'DELETE', diffRecords(r.record, null), options.actor, batchId)),
        ...[...updated.values()].map((u) => entryOf(u.after.id, 'UPDATE', diffRecords(u.before.record, u.after), options.actor, batchId)),
      ],
    };
    return { commit, answer: async (changes) => ({ deleted: [...removed.keys()], updated: [...updated.keys()], changes }) };
  }

  /** Every referenced record must exist in the store (a data-set file checks against itself; a mutation against the graph). */
  private async checkReferences(record: AnyRecord): Promise<void> {
    const references = referencesFrom(record);
    const targets = [...new Set(references.map((r) => r.target))];
    const found = await this.store.nodesByIds(targets);
    const missing = new Set(targets.filter((_, i) => !found[i]));
    const problems = references.filter((r) => missing.has(r.target)).map((r) => ({ path: r.field, message: `refers to "${r.target}", which does not exist` }));
    if (problems.length) throw badInput(`${record.id}: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`, { problems });
  }

  private async withRetries<T>(plan: () => Promise<Plan<T>>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const planned = await plan();
      if (!planned.commit) return planned.answer([]);
      try {
        return await planned.answer(await this.store.commitRecords(planned.commit));
      } catch (error) {
        const moved = error instanceof StoreError && error.kind === 'CONFLICT';
        if (!moved) throw error;
        if (attempt >= ATTEMPTS) throw conflict('The records changed while this write was being made; try again', { attempts: attempt });
      }
    }
  }
}

/** The record validated by the data-set format's own schema (defaults filled), or BAD_USER_INPUT with every problem. */
export function parseRecord(label: Label, input: unknown): AnyRecord {
  const parsed = RECORD_KINDS[label].schema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => { const { path, message } = problemAt(issue.path, issue.message); return { path, message }; });
    throw badInput(`Invalid ${label}: ${problems.map((p) => `${p.path || '(record)'}: ${p.message}`).join('; ')}`, { problems });
  }
  return parsed.data as AnyRecord;
}

function checkExpected(id: string, current: StoredRecord | null, expected: number | null | undefined): void {
  if (expected == null) return;
  if (!current) throw conflict(`${id} does not exist (expected version ${expected})`, { id, expectedVersion: expected, version: null });
  if (current.version !== expected) {
    throw conflict(`${id} is at version ${current.version}, not ${expected}: it changed since you read it`, { id, expectedVersion: expected, version: current.version });
  }
}

function upsertOf(record: AnyRecord, version: number): RecordUpsert {
  const label = labelOfId(record.id)!;
  const kind = RECORD_KINDS[label];
  const graph = recordToGraph(kind.collection, record as never);
  const node = graph.nodes.find((n) => n.id === record.id)!;
  return { node: { ...node, props: { ...node.props, version } }, owned: kind.owned, rels: graph.rels };
}

function entryOf(recordId: string, op: ChangeEntry['op'], fields: ChangeEntry['fields'], actor: Principal, batchId: string): ChangeEntry {
  return { at: new Date().toISOString(), actor: { keyName: actor.keyName, role: actor.role }, recordId, label: labelOfId(recordId)!, op, fields, batchId };
}
