import type { ChangeActor } from '../../store/changes';
import type { GraphStore } from '../../store/port';
import { appendImportChanges } from './changeLog';
import type { RecordChange } from './diff';
import { runImport, type ImportRequest, type ImportResult } from './engine';
import { ChangeSpool } from './changeSpool';
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
  const spool = new ChangeSpool();
  try {
    const keep = async (changes: RecordChange[]) => {
      await spool.add(changes.filter((c) => c.kind !== 'unchanged'));
      await request.onChanges?.(changes);
    };
    const result = await runImport(store, { ...request, onChanges: keep });
    if (!result.ok) return { ...result, logged: 0 };
    const started = performance.now();
    const logged = await appendImportChanges(store, spool.read(), sourceNames(request.files), actor);
    result.timings.changeLog = Math.round(performance.now() - started);
    return { ...result, logged };
  } finally {
    spool.close();
  }
}
