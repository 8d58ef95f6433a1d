import type { Label } from '../../domain/ids';
import { relKey, type GraphRel, type Props, type PropValue } from '../../store/graph';
import type { RecordState } from '../../store/records';

/** What an import did (or, with --dry-run, would do) to one record. */
export type ChangeKind = 'created' | 'updated' | 'unchanged' | 'deleted';

/** One field's old and new value; relationships appear as `rel:TYPE` with the sorted ids at their other end. */
export interface FieldChange {
  field: string;
  old: PropValue | string[];
  new: PropValue | string[];
}

export interface RecordChange {
  id: string;
  label: Label;
  kind: ChangeKind;
  fields: FieldChange[];
}

/**
 * The change from `before` (null: the record did not exist) to `after` (null: the record is
 * removed). Pure, so the dry run, the summary and the change log all come from the same answer.
 */
export function diffRecord(before: RecordState | null, after: RecordState | null): RecordChange {
  const state = (after ?? before)!;
  if (!before) return { id: state.id, label: state.label, kind: 'created', fields: fieldChanges(emptyLike(state), state) };
  if (!after) return { id: state.id, label: state.label, kind: 'deleted', fields: fieldChanges(before, emptyLike(state)) };
  const fields = fieldChanges(before, after);
  return { id: state.id, label: state.label, kind: fields.length ? 'updated' : 'unchanged', fields };
}

function emptyLike(state: RecordState): RecordState {
  return { id: state.id, label: state.label, props: {}, rels: [] };
}

function fieldChanges(before: RecordState, after: RecordState): FieldChange[] {
  const changes: FieldChange[] = [];
  // `version` is the write path's bookkeeping (optimistic concurrency), not a field of the record.
  const keys = [...new Set([...Object.keys(before.props), ...Object.keys(after.props)])].filter((k) => k !== 'version').sort();
  for (const key of keys) {
    const old = before.props[key] ?? null;
    const now = after.props[key] ?? null;
    if (!sameValue(old, now)) changes.push({ field: key, old, new: now });
  }
  const oldRels = relsByType(before);
  const newRels = relsByType(after);
  for (const type of [...new Set([...oldRels.keys(), ...newRels.keys()])].sort()) {
    const old = oldRels.get(type) ?? [];
    const now = newRels.get(type) ?? [];
    if (old.join('\n') !== now.join('\n')) changes.push({ field: `rel:${type}`, old, new: now });
  }
  return changes;
}

/** Per type, the sorted list of "other end" descriptions (with the relationship's props when it has any). */
function relsByType(state: RecordState): Map<string, string[]> {
  const byType = new Map<string, string[]>();
  for (const rel of state.rels) {
    const other = rel.from === state.id ? rel.to : `${rel.from} →`;
    const props = canonicalProps(rel.props);
    const entry = props === '{}' ? other : `${other} ${props}`;
    const list = byType.get(rel.type);
    if (list) list.push(entry);
    else byType.set(rel.type, [entry]);
  }
  for (const list of byType.values()) list.sort();
  return byType;
}

function canonicalProps(props: Props): string {
  const keys = Object.keys(props).filter((k) => props[k] !== null && props[k] !== undefined).sort();
  return JSON.stringify(Object.fromEntries(keys.map((k) => [k, props[k]])));
}

function sameValue(a: PropValue, b: PropValue): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}

/** Keys of a state's relationships, for replacing a record's relationships on update. */
export function relKeysOf(rels: readonly GraphRel[]): string[] {
  return rels.map(relKey);
}
