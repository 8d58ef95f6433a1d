import type { ChangeActor } from '../../store/changes';
import type { GraphStore } from '../../store/port';
import { appendImportChanges } from './changeLog';
import type { RecordChange } from './diff';
import { runImport, type ImportRequest, type ImportResult } from './engine';
import { sourceNames } from './readers';

export interface LoggedImportResult extends ImportResult {
  /** Change entries appended (created, updated and deleted records; 0 for a dry run or a refused import). */
  logged: number;
}

/**
 * An import and its change-log entries, for every caller (`kizuna import`, `kizuna seed`'s file
 * import, `importDataset`): the entries are appended once the import has committed, so a
 * rolled-back import leaves none, with `actor` as the one who imported.
 */
export async function runLoggedImport(store: GraphStore, request: ImportRequest, actor: ChangeActor): Promise<LoggedImportResult> {
  if (request.dryRun) return { ...(await runImport(store, request)), logged: 0 };
  // Kept until the import has committed, then appended to the change log (changeLog.ts).
  const logged: RecordChange[] = [];
  const keep = (changes: RecordChange[]) => {
    for (const c of changes) if (c.kind !== 'unchanged') logged.push(c);
    return request.onChanges?.(changes);
  };
  const result = await runImport(store, { ...request, onChanges: keep });
  if (!result.ok) return { ...result, logged: 0 };
  return { ...result, logged: await appendImportChanges(store, logged, sourceNames(request.files), actor) };
}
