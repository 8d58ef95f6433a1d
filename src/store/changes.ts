import type { Role } from '../auth/roles';
import type { Label } from '../domain/ids';

/**
 * The change log: one entry per record written, by a mutation or an import, appended in the same
 * transaction as the write it describes (so a rolled-back write leaves no entry). Entries are
 * never updated or deleted except by `clear()` (tests, `seed --reset`). Both stores keep the same
 * entries and page them identically: ordered by `seq`, a number the store assigns on append that
 * only grows (Neo4j: a counter on the meta node, taken under its write lock).
 */
export const CHANGE_OPS = ['CREATE', 'UPDATE', 'DELETE'] as const;
export type ChangeOp = (typeof CHANGE_OPS)[number];

/** A JSON value as the data-set format states a field (string, number, list of ids, citation…). */
export type FieldValue = unknown;

/** One field of a record before and after the write; `old` is null for a create, `new` null for a delete. */
export interface FieldChange {
  name: string;
  old: FieldValue;
  new: FieldValue;
}

/** Who wrote: the API key's name and role (never the key), or the local CLI user for imports. */
export interface ChangeActor {
  keyName: string;
  role: Role;
}

/** What a writer appends. `at` is an ISO 8601 UTC instant (`new Date().toISOString()`). */
export interface ChangeEntry {
  at: string;
  actor: ChangeActor;
  recordId: string;
  label: Label;
  op: ChangeOp;
  fields: FieldChange[];
  /** The file an import read this record from. */
  importFile?: string | null;
  /** Groups the entries of one mutation or one import (every entry of an import shares it). */
  batchId?: string | null;
}

/** An entry as stored: its position in the log and a stable id (`change:<seq>`). */
export interface StoredChange extends Required<ChangeEntry> {
  id: string;
  seq: number;
}

export interface ChangeQuery {
  /** Entries at or after this instant (ISO 8601; a bare date means its midnight UTC). */
  since?: string;
  /** Entries strictly before this instant. */
  until?: string;
  /** Only entries about this record. */
  recordId?: string;
  /** Only entries of this import file. */
  importFile?: string;
  /** Only entries of this batch. */
  batchId?: string;
  /** Only entries about records of this type. */
  label?: Label;
  /** Only creates, updates or deletes. */
  op?: ChangeOp;
  /** Only entries after the last entry of an import of this file ("what changed since that report was loaded"). */
  afterImportFile?: string;
  first: number;
  /** The `seq` of the last entry of the previous page. */
  afterSeq?: number;
}

export interface ChangePage {
  changes: StoredChange[];
  totalCount: number;
  hasNextPage: boolean;
}

/** The id under which an entry is stored; seq is unique, so ids are too. */
export function changeId(seq: number): string {
  return `change:${seq}`;
}

/**
 * A bare date (`2025-04-01`) is taken as midnight UTC and a full instant is normalised to the
 * `toISOString` form, so that both stores can compare instants as strings. Returns null for
 * anything that is not a date or an instant.
 */
export function normaliseInstant(value: string): string | null {
  const bare = /^\d{4}-\d{2}-\d{2}$/.test(value);
  if (!bare && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return null;
  const date = new Date(bare ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/**
 * Whether a stored entry passes a query's filters (not its paging): the memory store's oracle.
 * `floor` is the seq of the last entry of `afterImportFile`'s import (0 when none).
 */
export function matchesChangeQuery(change: StoredChange, query: ChangeQuery, floor = 0): boolean {
  if (query.afterImportFile !== undefined && change.seq <= floor) return false;
  if (query.since !== undefined && change.at < query.since) return false;
  if (query.until !== undefined && change.at >= query.until) return false;
  if (query.recordId !== undefined && change.recordId !== query.recordId) return false;
  if (query.importFile !== undefined && change.importFile !== query.importFile) return false;
  if (query.batchId !== undefined && change.batchId !== query.batchId) return false;
  if (query.label !== undefined && change.label !== query.label) return false;
  if (query.op !== undefined && change.op !== query.op) return false;
  return true;
}

/** Fills the optional fields with null so that both stores return identical objects. */
export function storedChange(entry: ChangeEntry, seq: number): StoredChange {
  return {
    id: changeId(seq),
    seq,
    at: entry.at,
    actor: { keyName: entry.actor.keyName, role: entry.actor.role },
    recordId: entry.recordId,
    label: entry.label,
    op: entry.op,
    fields: entry.fields.map((f) => ({ name: f.name, old: f.old ?? null, new: f.new ?? null })),
    importFile: entry.importFile ?? null,
    batchId: entry.batchId ?? null,
  };
}
