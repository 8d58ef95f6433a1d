import type { z } from 'zod';
import type { Label } from '../domain/ids';
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
} from '../domain/model';
import type { CollectionKey } from '../ingest/toGraph';
import type { Direction, RelSlot, RelType } from '../store/graph';
import { OWNED_RELS } from '../store/records';

/**
 * The records of the data-set format as the write path sees them: for each label, its collection
 * in the format, its zod schema (the one definition, domain/model.ts) and the relationships the
 * record states — its *owned* relationships. Writing a record replaces its node and exactly those
 * relationships; the ones other records state about it (a visit's MADE edge into a person) are
 * theirs. Every relationship ingest makes is owned by exactly one record (a unit test checks this
 * against the seed), which is what lets an update or a delete know what to remove.
 */
export type AnyRecord = Dataset[CollectionKey][number];

export type OwnedRel = RelSlot;

export interface RecordKind {
  label: Label;
  collection: CollectionKey;
  schema: z.ZodObject;
  owned: readonly OwnedRel[];
}

/** The relationships a record of this label states: one table for the write path and bulk import (store/records.ts). */
const ownedOf = (label: Label): OwnedRel[] => [
  ...OWNED_RELS[label].in.map((type): OwnedRel => ({ type, direction: 'IN' })),
  ...OWNED_RELS[label].out.map((type): OwnedRel => ({ type, direction: 'OUT' })),
];

const kind = (label: Label, collection: CollectionKey, schema: z.ZodObject): RecordKind => ({ label, collection, schema, owned: ownedOf(label) });

export const RECORD_KINDS: Record<Label, RecordKind> = {
  Source: kind('Source', 'sources', sourceSchema),
  Country: kind('Country', 'countries', countrySchema),
  Institution: kind('Institution', 'institutions', institutionSchema),
  Lab: kind('Lab', 'labs', labSchema),
  Person: kind('Person', 'people', personSchema),
  Theme: kind('Theme', 'themes', themeSchema),
  Material: kind('Material', 'materials', materialSchema),
  Event: kind('Event', 'events', eventSchema),
  Visit: kind('Visit', 'visits', visitSchema),
  Paper: kind('Paper', 'papers', paperSchema),
  Transfer: kind('Transfer', 'transfers', transferSchema),
};

export function ownsRel(label: Label, type: RelType, direction: Direction): boolean {
  return RECORD_KINDS[label].owned.some((o) => o.type === type && o.direction === direction);
}
