import { isDeepStrictEqual } from 'node:util';
import type { FieldChange } from '../store/changes';
import type { AnyRecord } from './records';

/**
 * Records compared as the data-set format states them. Lists are sets except where the order
 * means something (a paper's author order, an institution's aliases as written): the store gives
 * neighbours back in its own order, so set-like lists are sorted before comparing and storing in
 * the change log. A citation with nothing but its source is the bare source id.
 */
const ORDERED_LISTS = new Set(['authors', 'aliases']);

export function canonicalRecord(record: AnyRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(record)) {
    if (value === undefined) continue;
    if (!Array.isArray(value)) out[name] = value;
    else {
      const items = name === 'sources' ? value.map(bareCitation) : value;
      out[name] = ORDERED_LISTS.has(name) ? items : [...items].sort(byJson);
    }
  }
  return out;
}

function bareCitation(c: unknown): unknown {
  if (typeof c !== 'object' || c === null) return c;
  const entries = Object.entries(c).filter(([, v]) => v !== undefined);
  return entries.length === 1 && entries[0][0] === 'source' ? entries[0][1] : Object.fromEntries(entries);
}

function byJson(a: unknown, b: unknown): number {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The fields that differ, in the record's field order (old's fields first, then new ones), with
 * JSON values; null stands for "absent". A create is a diff from null, a delete a diff to null.
 */
export function diffRecords(before: AnyRecord | null, after: AnyRecord | null): FieldChange[] {
  const a = before ? canonicalRecord(before) : {};
  const b = after ? canonicalRecord(after) : {};
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return names
    .filter((name) => !isDeepStrictEqual(a[name] ?? null, b[name] ?? null))
    .map((name) => ({ name, old: a[name] ?? null, new: b[name] ?? null }));
}
