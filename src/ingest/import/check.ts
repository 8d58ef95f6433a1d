import type { z } from 'zod';
import { datasetSchema, type Dataset } from '../../domain/model';
import type { GraphStore } from '../../store/port';
import { formatPath, referencesOf } from '../validate';
import { IdIndex } from './idIndex';
import { MAX_PROBLEMS, type ImportProblem } from './problems';
import type { ImportFiles, ReadItem } from './readers';
import { COLLECTION_ORDER, RECORD_SCHEMA, type Collection, type Location, type ParsedRecord, type RawRecord } from './records';

/** What the validation pass learnt, kept for the write pass: the import's ids, its documents, its size. */
export interface ImportManifest {
  /** Every id of the import, with where it was first seen (idIndex.ts: compact, for a million ids). */
  ids: IdIndex;
  /** `document` of every Source in the import: the scope of `--replace`. */
  documents: Set<string>;
  counts: Record<Collection, number>;
  records: number;
  /** Ids the import refers to that the store holds and the import does not, each with its first reference: what a replace must not remove. */
  external: Map<string, ImportProblem>;
}

export interface CheckResult {
  problems: ImportProblem[];
  manifest: ImportManifest;
}

const headerSchema = datasetSchema.pick({ format: true, version: true, meta: true });

/**
 * The validation pass: every record of every file against its schema, ids unique across the whole
 * import, every reference resolved (within the import, or to a record the store already holds),
 * and every memberships.csv/citations.csv row attached to a record. Reads each file once, keeping
 * the ids and the references not yet resolved, not the records: each valid record goes to
 * `onRecord` (the engine spools it, so the write passes never parse or validate it again).
 */
export async function checkImport(store: GraphStore, files: ImportFiles, onRecord?: (parsed: ParsedRecord) => Promise<void>): Promise<CheckResult> {
  const problems: ImportProblem[] = [...files.problems];
  const add = (p: ImportProblem) => {
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };
  const manifest: ImportManifest = { ids: new IdIndex(), documents: new Set(), counts: emptyCounts(), records: 0, external: new Map() };
  const unresolved = new Map<string, ImportProblem>();
  const attached = new Set<string>();

  const names = files.readers.map((r) => r.file);
  for (const [fileIndex, { read }] of files.readers.entries()) {
    for await (const item of read()) {
      if (item.kind === 'problem') add(item.problem);
      else if (item.kind === 'header') checkHeader(item, add);
      else {
        const parsed = parseRecord(item.raw, add);
        if (!parsed) {
          // Its own problems are reported; references to it are not reported again as missing.
          const id = (item.raw.value as { id?: unknown } | null)?.id;
          if (typeof id === 'string') manifest.ids.add(id, fileIndex, item.raw.at.line ?? 0);
          continue;
        }
        const { id } = parsed.record;
        manifest.records += 1;
        manifest.counts[parsed.collection] += 1;
        if (files.attachmentRows.has(id)) attached.add(id);
        if (parsed.collection === 'sources') manifest.documents.add((parsed.record as Dataset['sources'][number]).document);
        const first = manifest.ids.placeOf(id);
        if (first) add({ ...parsed.at, recordId: id, field: 'id', reason: `duplicate id (first at ${names[first.file]}:${first.line || '?'})` });
        else {
          manifest.ids.add(id, fileIndex, parsed.at.line ?? 0);
          unresolved.delete(id);
        }
        if (onRecord) await onRecord(parsed);
        for (const [path, target] of recordReferences(parsed)) {
          if (!manifest.ids.has(target) && !unresolved.has(target)) {
            unresolved.set(target, { ...(item.raw.fieldAt?.(path) ?? parsed.at), recordId: id, field: formatPath(path), reason: `refers to "${target}", which neither this import nor the store holds` });
          }
        }
      }
    }
  }
  for (const [id, row] of files.attachmentRows) if (!attached.has(id)) add(row);
  const outside = [...unresolved.keys()].filter((id) => !manifest.ids.has(id));
  const missing = new Set(await missingFromStore(store, outside));
  for (const id of outside) {
    if (missing.has(id)) add(unresolved.get(id)!);
    else manifest.external.set(id, unresolved.get(id)!);
  }
  return { problems, manifest };
}

/** A record through its schema; every issue becomes a problem with the field's own place where the reader knows it. */
export function parseRecord(raw: RawRecord, add: (p: ImportProblem) => void): ParsedRecord | null {
  const result = (RECORD_SCHEMA[raw.collection] as z.ZodType).safeParse(raw.value);
  if (result.success) return { collection: raw.collection, record: result.data as ParsedRecord['record'], at: raw.at };
  const recordId = typeof (raw.value as { id?: unknown })?.id === 'string' ? (raw.value as { id: string }).id : undefined;
  for (const issue of result.error.issues) {
    const at: Location = raw.fieldAt?.(issue.path) ?? raw.at;
    add({ ...at, recordId, field: formatPath(keysOf(issue.path)) || undefined, reason: issue.message });
  }
  return null;
}

function checkHeader(item: Extract<ReadItem, { kind: 'header' }>, add: (p: ImportProblem) => void): void {
  const result = headerSchema.safeParse(item.value);
  if (result.success) return;
  for (const issue of result.error.issues) add({ ...item.at, field: formatPath(keysOf(issue.path)) || undefined, reason: issue.message });
}

/** The record's references as (path within the record, id). */
function recordReferences(parsed: ParsedRecord): Array<[Array<string | number>, string]> {
  return [...referencesOf({ [parsed.collection]: [parsed.record] })].map(([path, id]) => [path.slice(2), id]);
}

async function missingFromStore(store: GraphStore, ids: string[]): Promise<string[]> {
  const missing: string[] = [];
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    const found = await store.nodesByIds(chunk);
    chunk.forEach((id, j) => {
      if (!found[j]) missing.push(id);
    });
  }
  return missing;
}

export function emptyCounts(): Record<Collection, number> {
  return Object.fromEntries(COLLECTION_ORDER.map((c) => [c, 0])) as Record<Collection, number>;
}

function keysOf(path: ReadonlyArray<PropertyKey>): Array<string | number> {
  return path.filter((k): k is string | number => typeof k !== 'symbol');
}
