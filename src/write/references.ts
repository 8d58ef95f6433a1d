import { labelOfId, type Label } from '../domain/ids';
import { formatPath, referencesOf } from '../ingest/validate';
import { REL_SCHEMA, type Direction, type RelType } from '../store/graph';
import type { GraphStore } from '../store/port';
import { RECORD_KINDS, ownsRel, type AnyRecord } from './records';

/**
 * References between records, in the data-set format's terms (a field and the id it names):
 * what a record points to (checked against the store before a write) and which records point at
 * one (what a delete would leave dangling). Both reuse ingest's reference walk, so the write path
 * and file validation cannot disagree about what a reference is.
 */
export interface Reference {
  /** The record that holds the reference. */
  recordId: string;
  /** The field, as a path inside the record: "visitor", "hosts[1]", "memberships[0].lab", "sources[0]". */
  field: string;
  /** The id it names. */
  target: string;
}

/** What one record points to. */
export function referencesFrom(record: AnyRecord): Reference[] {
  const collection = RECORD_KINDS[labelOfId(record.id)!].collection;
  // Paths come back as [collection, 0, ...field]: the field path is what follows.
  return [...referencesOf({ [collection]: [record] })].map(([path, target]) => ({ recordId: record.id, field: formatPath(path.slice(2)), target }));
}

/**
 * The ids of the records holding a reference to `id`: the other ends of the relationships at `id`
 * that `id`'s own record does not own (those it owns go with it).
 */
export async function referrersOf(store: GraphStore, id: string): Promise<string[]> {
  return (await referrersOfMany(store, [id])).get(id) ?? [];
}

/** referrersOf for many ids: one neighbours call per label and slot, whatever the number of ids. */
export async function referrersOfMany(store: GraphStore, ids: readonly string[]): Promise<Map<string, string[]>> {
  const byLabel = new Map<Label, string[]>();
  for (const id of ids) {
    const label = labelOfId(id);
    if (label) byLabel.set(label, [...(byLabel.get(label) ?? []), id]);
  }
  const found = new Map<string, Set<string>>(ids.map((id) => [id, new Set()]));
  for (const [label, group] of byLabel) {
    const lists = await Promise.all(foreignSlots(label).map(({ type, direction }) => store.neighbours(group, type, direction)));
    for (const perId of lists) perId.forEach((neighbours, i) => neighbours.forEach((n) => found.get(group[i])!.add(n.node.id)));
  }
  return new Map([...found].map(([id, set]) => [id, [...set].filter((r) => r !== id).sort()]));
}

/** Relationship ends at a node of `label` that some other record owns. */
function foreignSlots(label: Label): Array<{ type: RelType; direction: Direction }> {
  const slots: Array<{ type: RelType; direction: Direction }> = [];
  for (const type of Object.keys(REL_SCHEMA) as RelType[]) {
    for (const [from, to] of REL_SCHEMA[type] as ReadonlyArray<readonly [string, string]>) {
      if ((from === label || from === '*') && !ownsRel(label, type, 'OUT') && !slots.some((s) => s.type === type && s.direction === 'OUT')) slots.push({ type, direction: 'OUT' });
      if (to === label && !ownsRel(label, type, 'IN') && !slots.some((s) => s.type === type && s.direction === 'IN')) slots.push({ type, direction: 'IN' });
    }
  }
  return slots;
}

/**
 * The record without its references to `removed` ids: single fields are dropped, list items
 * filtered (memberships and citations by the id they name; an institution's or event's country
 * by its code). The result may no longer be valid (a visit without its visitor); the caller
 * parses it to find out.
 */
export function withoutReferencesTo(record: AnyRecord, removed: ReadonlySet<string>): Record<string, unknown> {
  const gone = (value: unknown, field: string): boolean =>
    typeof value === 'string' && (removed.has(value) || (field === 'country' && removed.has(`country:${value}`)));
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(record)) {
    if (field === 'id') out[field] = value;
    else if (Array.isArray(value)) out[field] = value.filter((item) => !refersToRemoved(item, removed));
    else if (!gone(value, field)) out[field] = value;
  }
  return out;
}

function refersToRemoved(item: unknown, removed: ReadonlySet<string>): boolean {
  if (typeof item === 'string') return removed.has(item);
  if (typeof item !== 'object' || item === null) return false;
  const { source, lab, institution } = item as Record<string, unknown>;
  return [source, lab, institution].some((id) => typeof id === 'string' && removed.has(id));
}
