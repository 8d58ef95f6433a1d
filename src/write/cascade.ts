import type { GraphStore } from '../store/port';
import { readRecords, type StoredRecord } from './fromGraph';
import { RECORD_KINDS, type AnyRecord } from './records';
import { referencesFrom, referrersOfMany, withoutReferencesTo, type Reference } from './references';

/** What removing some records does to the records that refer to them. */
export interface CascadePlan {
  /** Records that lose their references to removed ones and stay valid: before and after. */
  updated: Map<string, { before: StoredRecord; after: AnyRecord }>;
  /** Records the format rejects once their references are gone (a visit without its visitor, a record without sources): removed too. */
  removed: Map<string, StoredRecord>;
}

/** Ids asked about per store call: bounds a statement's parameter list. */
const CHUNK = 1000;

/**
 * The cascade of removing `start` (deleteRecord(cascade: true), import --replace --cascade):
 * referrers are rewritten without the references, those left invalid are removed as well, and so
 * on to a fixpoint. `skip`: records never rewritten here (an import states them itself).
 * Reads level by level, batched over the frontier.
 */
export async function planCascade(store: GraphStore, start: readonly string[], skip: (id: string) => boolean = () => false): Promise<CascadePlan> {
  const gone = new Set(start);
  const plan: CascadePlan = { updated: new Map(), removed: new Map() };
  let frontier = [...start];
  while (frontier.length > 0) {
    const referrers = new Set<string>();
    for (let i = 0; i < frontier.length; i += CHUNK) {
      for (const list of (await referrersOfMany(store, frontier.slice(i, i + CHUNK))).values()) {
        for (const r of list) if (!gone.has(r) && !skip(r)) referrers.add(r);
      }
    }
    frontier = [];
    for (const before of await readRecords(store, [...referrers])) {
      if (!before) continue;
      const id = before.record.id;
      const base = plan.updated.get(id)?.before ?? before;
      const parsed = RECORD_KINDS[before.label].schema.safeParse(withoutReferencesTo(base.record, gone));
      if (parsed.success) plan.updated.set(id, { before: base, after: parsed.data as AnyRecord });
      else {
        plan.updated.delete(id);
        plan.removed.set(id, base);
        gone.add(id);
        frontier.push(id);
      }
    }
  }
  return plan;
}

/**
 * Every reference held by a record outside `removed` (and not skipped) to a record in it: what a
 * removal without cascade would leave dangling, each with its field.
 */
export async function danglingReferences(store: GraphStore, removed: readonly string[], skip: (id: string) => boolean = () => false): Promise<Reference[]> {
  const gone = new Set(removed);
  const referrers = new Set<string>();
  for (let i = 0; i < removed.length; i += CHUNK) {
    for (const list of (await referrersOfMany(store, removed.slice(i, i + CHUNK))).values()) {
      for (const r of list) if (!gone.has(r) && !skip(r)) referrers.add(r);
    }
  }
  const records = await readRecords(store, [...referrers].sort());
  return records.flatMap((r) => (r ? referencesFrom(r.record).filter((ref) => gone.has(ref.target)) : []));
}
