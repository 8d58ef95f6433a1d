import type { RecordGraph } from '../../store/importSession';
import type { ImportManifest } from './check';

/** Where a record of the import was read: file number and line (0: no line known). */
type Place = { file: number; line: number };

/**
 * Marks which records of each batch can have their relationships written with their node
 * (RecordGraph.relsWithNode): every endpoint is stored already (not in the import), or written by a
 * batch that has finished before this one starts (all but the `depth - 1` batches just before it,
 * which may still be in flight: inFlight.ts), or earlier in this batch. Called once per batch, in
 * order. The others wait for the relationship pass.
 * Each place is looked up once per batch or endpoint: the id index is exact but not free (a hash
 * and a byte comparison per lookup), and a million records have about three million endpoints.
 */
export function relsReadyWith(manifest: Pick<ImportManifest, 'ids'>, depth: number): (batch: RecordGraph[]) => RecordGraph[] {
  const ends: Place[] = [];
  return (batch) => {
    const last = manifest.ids.placeOf(batch[batch.length - 1].id)!;
    const finished = ends.length >= depth ? ends[ends.length - depth] : null;
    const previous = ends.length ? ends[ends.length - 1] : null;
    const ready = (id: string) => {
      const place = manifest.ids.placeOf(id);
      return place === null || writtenBy(place, finished) || (writtenBy(place, last) && !writtenBy(place, previous));
    };
    ends.push(last);
    if (ends.length > depth) ends.shift();
    return batch.map((r) => ({ ...r, relsWithNode: r.graph.rels.every((rel) => ready(rel.from) && ready(rel.to)) }));
  };
}

/**
 * Whether the record read at `place` is written once the batch ending at `end` is (null: before any
 * batch): it comes no later in the import (the spool keeps the files' order, the id index each
 * record's file and line). A place without a line (0) is only known to be earlier by its file.
 */
function writtenBy(place: Place, end: Place | null): boolean {
  if (end === null) return false;
  if (place.file !== end.file) return place.file < end.file;
  return place.line > 0 && end.line > 0 && place.line <= end.line;
}
