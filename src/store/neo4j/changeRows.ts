import { isRole } from '../../auth/roles';
import { isLabel } from '../../domain/ids';
import { CHANGE_OPS, changeId, type ChangeOp, type ChangePage, type FieldChange, type StoredChange } from '../changes';
import { asArray, asNumber, RowShapeError } from './rows';

/** A page row of changesQuery as the port's ChangePage; `first` is the page size asked for. */
export function decodeChangePage(row: Record<string, unknown> | undefined, first: number): ChangePage {
  const fetched = asArray(row?.page, 'page').map(decodeChange);
  return { changes: fetched.slice(0, first), totalCount: asNumber(row?.totalCount, 'totalCount'), hasNextPage: fetched.length > first };
}

/**
 * An entry row of cypher/changes.ts: the entry's own properties and its set's (at, keyName, role,
 * importFile, batchId). The id is not stored; it is derived from seq as both stores do.
 */
export function decodeChange(value: unknown): StoredChange {
  const c = (value ?? {}) as Record<string, unknown>;
  const text = (key: string): string => {
    if (typeof c[key] !== 'string') throw new RowShapeError(`change.${key} is not a string`);
    return c[key] as string;
  };
  const optional = (key: string): string | null => (typeof c[key] === 'string' ? (c[key] as string) : null);
  const role = text('role');
  const label = text('label');
  const op = text('op');
  if (!isRole(role) || !isLabel(label) || !(CHANGE_OPS as readonly string[]).includes(op)) {
    throw new RowShapeError(`change ${String(c.seq)} has an unknown role, label or op`);
  }
  const seq = asNumber(c.seq, 'change.seq');
  return {
    id: changeId(seq),
    seq,
    at: text('at'),
    actor: { keyName: text('keyName'), role },
    recordId: text('recordId'),
    label,
    op: op as ChangeOp,
    fields: JSON.parse(text('fields')) as FieldChange[],
    importFile: optional('importFile'),
    batchId: optional('batchId'),
  };
}
