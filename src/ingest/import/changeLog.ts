import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import type { ChangeActor, ChangeEntry } from '../../store/changes';
import type { GraphStore } from '../../store/port';
import type { RecordChange } from './diff';

const OP = { created: 'CREATE', updated: 'UPDATE', deleted: 'DELETE' } as const;

/** Who imported from the command line: the local user (the CLI holds no API key), with the rights a local user has. */
export function localActor(): ChangeActor {
  let name = 'local';
  try {
    name = userInfo().username || name;
  } catch {
    // no passwd entry (some containers): keep "local"
  }
  return { keyName: `cli:${name}`, role: 'ADMIN' };
}

/**
 * Appends an import's changes to the change log after the import committed, so a rolled-back
 * import leaves no entries. Unchanged records write none; every entry of one import shares its
 * instant, its batch id and the file names as given on the command line. Reads the changes as
 * they come (a spool on disk for a large import) and appends them a batch at a time.
 */
export async function appendImportChanges(store: GraphStore, changes: Iterable<RecordChange> | AsyncIterable<RecordChange>, files: readonly string[], actor: ChangeActor = localActor(), batchSize = 1000): Promise<number> {
  const at = new Date().toISOString();
  const batchId = randomUUID();
  const importFile = files.join(', ');
  let batch: ChangeEntry[] = [];
  let written = 0;
  for await (const c of changes) {
    if (c.kind === 'unchanged') continue;
    batch.push({ at, actor, recordId: c.id, label: c.label, op: OP[c.kind], fields: c.fields.map((f) => ({ name: f.field, old: f.old, new: f.new })), importFile, batchId });
    if (batch.length >= batchSize) {
      await store.appendChanges(batch);
      written += batch.length;
      batch = [];
    }
  }
  if (batch.length) await store.appendChanges(batch);
  return written + batch.length;
}
