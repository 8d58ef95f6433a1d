import { LABELS } from '../../domain/ids';
import { conflict } from '../../errors';
import type { ReplaceScope } from '../../store/importSession';
import type { GraphStore } from '../../store/port';
import { danglingReferences, planCascade } from '../../write/cascade';
import type { StoredRecord } from '../../write/fromGraph';
import type { AnyRecord } from '../../write/records';
import type { ImportManifest } from './check';
import type { ImportProblem } from './problems';

/** What a replace (or reset) import removes, decided before anything is written. */
export interface RemovalPlan {
  /** Records in scope the files no longer state, and (cascade) records left invalid without them. */
  deletes: string[];
  /** cascade: records outside the import rewritten without their references to removed ones. */
  updates: Array<{ before: StoredRecord; after: AnyRecord }>;
  /** References from the import's own records to a record it would remove: the files contradict themselves. */
  problems: ImportProblem[];
}

/** How many references a refusal's message names (the error's `references` has them all). */
const NAMED_IN_MESSAGE = 30;

/**
 * Plans the removals of a replace: the stale records (in scope, not in the files), then what
 * removing them does to records that refer to them. A record of the import that refers to a stale
 * one is a problem of the files. A record outside the import that refers to one makes the import
 * fail (CONFLICT naming every reference, as deleteRecord does) unless `cascade`: then it loses
 * the reference, and is removed as well if the format rejects it without it.
 */
export async function planRemoval(store: GraphStore, scope: ReplaceScope, manifest: ImportManifest, cascade: boolean, pageSize: number): Promise<RemovalPlan> {
  const stale = await staleIds(store, scope, manifest, pageSize);
  const problems = stale.filter((id) => manifest.external.has(id)).map((id) => {
    const first = manifest.external.get(id)!;
    return { ...first, reason: `refers to "${id}", which this replace removes (the files' documents no longer state it): state it in the files, or drop the reference` };
  });
  if (problems.length) return { deletes: [], updates: [], problems };
  const inImport = (id: string) => manifest.ids.has(id);
  if (!cascade) {
    const references = await danglingReferences(store, stale, inImport);
    if (references.length) {
      const named = references.slice(0, NAMED_IN_MESSAGE).map((r) => `${r.recordId} ${r.field} → ${r.target}`).join('; ');
      const more = references.length > NAMED_IN_MESSAGE ? `; and ${references.length - NAMED_IN_MESSAGE} more` : '';
      throw conflict(
        `The replace would remove records that ${references.length} reference(s) from records outside the import still name: ${named}${more}. ` +
          'Nothing was written. Remove those references first, or replace with cascade (--cascade): they then lose the reference.',
        { references },
      );
    }
    return { deletes: stale, updates: [], problems: [] };
  }
  const plan = await planCascade(store, stale, inImport);
  return { deletes: [...stale, ...plan.removed.keys()], updates: [...plan.updated.values()], problems: [] };
}

/** Stored records in scope that the import does not hold, label by label, in id order. */
async function staleIds(store: GraphStore, scope: ReplaceScope, manifest: ImportManifest, size: number): Promise<string[]> {
  const stale: string[] = [];
  for (const label of LABELS) {
    let after: string | null = null;
    for (;;) {
      const page = await store.recordIds(scope, label, after, size);
      if (!page.length) break;
      after = page[page.length - 1];
      for (const id of page) if (!manifest.ids.has(id)) stale.push(id);
    }
  }
  return stale;
}
