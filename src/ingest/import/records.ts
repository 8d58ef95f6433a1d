import type { z } from 'zod';
import type { Label } from '../../domain/ids';
import type { Dataset } from '../../domain/model';
import { RECORD_KINDS } from '../../write/records';
import { COLLECTION_ORDER, type Collection } from '../toGraph';

/** A collection of the data-set format, in write order (a record's targets come before it): ingest/toGraph's. */
export { COLLECTION_ORDER, type Collection };

/**
 * The record types of the data-set format, as bulk import sees them: each collection's label and
 * its zod schema (the one definition in domain/model.ts, applied one record at a time so that a
 * file never has to be held whole to be validated), taken from the write path's table of record
 * kinds so that the two writers cannot disagree.
 */
const KINDS = Object.values(RECORD_KINDS);

export const COLLECTION_LABEL = Object.fromEntries(KINDS.map((k) => [k.collection, k.label])) as Record<Collection, Label>;

export const COLLECTION_OF_LABEL = Object.fromEntries(KINDS.map((k) => [k.label, k.collection])) as Record<Label, Collection>;

export const RECORD_SCHEMA = Object.fromEntries(KINDS.map((k) => [k.collection, k.schema])) as unknown as { [C in Collection]: z.ZodType<Dataset[C][number], unknown> };

export function isCollection(value: string): value is Collection {
  return (COLLECTION_ORDER as readonly string[]).includes(value);
}

/** Where a record (or one of its fields) sits in its file; line and column count from 1. */
export interface Location {
  file: string;
  line?: number;
  column?: number;
}

/** A record as read from a file, before validation: its collection, raw value and place. */
export interface RawRecord {
  collection: Collection;
  value: unknown;
  at: Location;
  /** The place of a field inside the record, where the reader knows it (YAML and CSV do). */
  fieldAt?: (path: ReadonlyArray<PropertyKey>) => Location | undefined;
}

/** A record that passed its schema: parsed (defaults filled in) and still knowing where it came from. */
export interface ParsedRecord<C extends Collection = Collection> {
  collection: C;
  record: Dataset[C][number];
  at: Location;
}
