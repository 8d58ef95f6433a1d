import type { z } from 'zod';
import type { Label } from '../../domain/ids';
import {
  countrySchema,
  eventSchema,
  institutionSchema,
  labSchema,
  materialSchema,
  paperSchema,
  personSchema,
  sourceSchema,
  themeSchema,
  transferSchema,
  visitSchema,
  type Dataset,
} from '../../domain/model';
import type { CollectionKey } from '../toGraph';

/** A collection of the data-set format, in write order (a record's targets come before it). */
export type Collection = CollectionKey;
export const COLLECTION_ORDER: readonly Collection[] = ['sources', 'countries', 'institutions', 'labs', 'people', 'themes', 'materials', 'events', 'visits', 'papers', 'transfers'];

/**
 * The record types of the data-set format, as bulk import sees them: each collection's label and
 * its zod schema (the one definition in domain/model.ts, applied one record at a time so that a
 * file never has to be held whole to be validated).
 */
export const COLLECTION_LABEL: Record<Collection, Label> = {
  sources: 'Source',
  countries: 'Country',
  institutions: 'Institution',
  labs: 'Lab',
  people: 'Person',
  themes: 'Theme',
  materials: 'Material',
  events: 'Event',
  visits: 'Visit',
  papers: 'Paper',
  transfers: 'Transfer',
};

export const COLLECTION_OF_LABEL = Object.fromEntries(Object.entries(COLLECTION_LABEL).map(([c, l]) => [l, c])) as Record<Label, Collection>;

export const RECORD_SCHEMA: { [C in Collection]: z.ZodType<Dataset[C][number], unknown> } = {
  sources: sourceSchema,
  countries: countrySchema,
  institutions: institutionSchema,
  labs: labSchema,
  people: personSchema,
  themes: themeSchema,
  materials: materialSchema,
  events: eventSchema,
  visits: visitSchema,
  papers: paperSchema,
  transfers: transferSchema,
};

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
