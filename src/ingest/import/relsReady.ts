import type { RecordGraph } from '../../store/importSession';
import type { ImportManifest } from './check';

/**
 * Marks which records of each batch can have their relationships written with their node
 * (RecordGraph.relsWithNode): every endpoint is stored already (not in the import), or written by a
 * batch that has finished before this one starts (all but the `depth - 1` batches just before it,
 * which may still be in flight: inFlight.ts), or earlier in this batch. Called once per batch, in
 * order. The others wait for the relationship pass.
 */
export function relsReadyWith(manifest: Pick<ImportManifest, 'ids'>, depth: number): (batch: RecordGraph[]) => RecordGraph[] {
  const written = writtenBy(manifest);
  const lasts: string[] = [];
  return (batch) => {
    const last = batch[batch.length - 1].id;
    const finished = lasts.length >= depth ? lasts[lasts.length - depth] : null;
    const previous = lasts.length ? lasts[lasts.length - 1] : null;
    const ready = (id: string) => written(id, finished) || (written(id, last) && !written(id, previous));
    lasts.push(last);
    if (lasts.length > depth) lasts.shift();
    return batch.map((r) => ({ ...r, relsWithNode: r.graph.rels.every((rel) => ready(rel.from) && ready(rel.to)) }));
  };
}

/**
 * Whether a record's node is written once the batch ending with record `last` is (null: before
 * any batch): it comes no later in the import (the spool keeps the files' order, and the id index
 * each record's file and line), or it is not in the import at all (then the store holds it:
 * check.ts resolved every reference). A place without a line (0) is only known to be earlier by its file.
 */
function writtenBy(manifest: Pick<ImportManifest, 'ids'>): (id: string, last: string | null) => boolean {
  return (id, last) => {
    const place = manifest.ids.placeOf(id);
    if (!place) return true;
    if (last === null) return false;
    const end = manifest.ids.placeOf(last)!;
    if (place.file !== end.file) return place.file < end.file;
    return place.line > 0 && end.line > 0 && place.line <= end.line;
  };
}
