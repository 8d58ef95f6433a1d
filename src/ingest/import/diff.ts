import type { Label } from '../../domain/ids';
import type { FieldChange } from '../../store/changes';
import { relKey, type Props, type PropValue } from '../../store/graph';
import type { RecordState } from '../../store/records';
import { diffRecords } from '../../write/diff';
import type { AnyRecord } from '../../write/records';
import { stateToRecord } from './exportDataset';
import { COLLECTION_OF_LABEL, RECORD_SCHEMA } from './records';

/** What an import did (or, with --dry-run, would do) to one record. */
export type ChangeKind = 'created' | 'updated' | 'unchanged' | 'deleted';

export interface RecordChange {
  id: string;
  label: Label;
  kind: ChangeKind;
  /**
   * The fields that differ, named and valued as the data-set format states them (`hosts`,
   * `memberships`, citations in `sources`), exactly as a mutation's change-log entry names them
   * (write/diff.ts): derived properties (sortKey, searchText, date bounds) are not fields.
   */
  fields: FieldChange[];
}

/**
 * The change from `before` (null: the record did not exist) to `after` (null: the record is
 * removed). Pure, so the dry run, the summary and the change log all come from the same answer.
 * An import compares every record it holds with the stored one, so the common case (nothing
 * changed) is decided on the graph, cheaply; only a record whose graph differs is read back as a
 * record and compared field by field. A graph that differs only in derived properties (a rule that
 * derives them changed) is unchanged: the record states the same.
 */
export function diffRecord(before: RecordState | null, after: RecordState | null): RecordChange {
  const state = (after ?? before)!;
  const change = (kind: ChangeKind, fields: FieldChange[]): RecordChange => ({ id: state.id, label: state.label, kind, fields });
  if (!before) return change('created', diffRecords(null, asRecord(after!)));
  if (!after) return change('deleted', diffRecords(asRecord(before), null));
  if (!graphDiffers(before, after)) return change('unchanged', []);
  const fields = diffRecords(asRecord(before), asRecord(after));
  return change(fields.length ? 'updated' : 'unchanged', fields);
}

/**
 * The record as the export writes it, parsed, so absent lists and defaults (and the fields' order)
 * read as a mutation's stored record does (write/fromGraph.ts readRecords). A record being removed
 * may have lost a required reference already (a replace deletes a visit's visitor in an earlier
 * batch than the visit): it is described as it stands.
 */
function asRecord(state: RecordState): AnyRecord {
  const collection = COLLECTION_OF_LABEL[state.label];
  const record = stateToRecord(collection, state);
  const parsed = RECORD_SCHEMA[collection].safeParse(record);
  return (parsed.success ? parsed.data : record) as AnyRecord;
}

/** Whether the node's props (but its version, bookkeeping) or the relationships it states differ. */
function graphDiffers(before: RecordState, after: RecordState): boolean {
  const keys = new Set([...Object.keys(before.props), ...Object.keys(after.props)]);
  keys.delete('version');
  for (const key of keys) if (!sameValue(before.props[key] ?? null, after.props[key] ?? null)) return true;
  return relsOf(before) !== relsOf(after);
}

/** A state's relationships with their props, as one canonical text. */
function relsOf(state: RecordState): string {
  return state.rels
    .map((r) => `${relKey(r)} ${canonicalProps(r.props)}`)
    .sort()
    .join('\n');
}

function canonicalProps(props: Props): string {
  const keys = Object.keys(props).filter((k) => props[k] !== null && props[k] !== undefined).sort();
  return JSON.stringify(Object.fromEntries(keys.map((k) => [k, props[k]])));
}

function sameValue(a: PropValue, b: PropValue): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}
