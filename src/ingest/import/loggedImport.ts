import type { ChangeActor } from '../../store/changes';
import type { GraphStore } from '../../store/port';
import { runImport, type ImportRequest, type ImportResult } from './engine';

export type LoggedImportResult = ImportResult;

/**
 * An import and its change-log entries, for every caller (`kizuna import`, `kizuna seed`'s file
 * import, `importDataset`), with `actor` as the one who imported. The entries are written through
 * the import session (engine.ts), so they become visible with the import: a rolled-back or killed
 * import leaves none, and a committed one has all of them.
 */
export function runLoggedImport(store: GraphStore, request: ImportRequest, actor: ChangeActor): Promise<LoggedImportResult> {
  return runImport(store, { ...request, actor });
}
