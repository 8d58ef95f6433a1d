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

const out = (type: RelType): OwnedRel => ({ type, direction: 'OUT' });
const into = (type: RelType): OwnedRel => ({ type, direction: 'IN' });
const CITED = out('CITED_IN');

export const RECORD_KINDS: Record<Label, RecordKind> = {
  Source: { label: 'Source', collection: 'sources', schema: sourceSchema, owned: [] },
  Country: { label: 'Country', collection: 'countries', schema: countrySchema, owned: [CITED] },
  Institution: { label: 'Institution', collection: 'institutions', schema: institutionSchema, owned: [out('LOCATED_IN'), CITED] },
  Lab: { label: 'Lab', collection: 'labs', schema: labSchema, owned: [out('PART_OF'), into('HEADS'), CITED] },
  Person: { label: 'Person', collection: 'people', schema: personSchema, owned: [out('MEMBER_OF'), out('AFFILIATED_WITH'), CITED] },
  Theme: { label: 'Theme', collection: 'themes', schema: themeSchema, owned: [into('LEADS'), into('WORKS_ON'), CITED] },
  Material: { label: 'Material', collection: 'materials', schema: materialSchema, owned: [into('OWNS'), out('ABOUT'), CITED] },
  Event: { label: 'Event', collection: 'events', schema: eventSchema, owned: [out('HELD_IN'), CITED] },
  Visit: {
    label: 'Visit',
    collection: 'visits',
    schema: visitSchema,
    owned: [into('MADE'), out('FROM'), out('TO'), out('AT'), out('HOSTED_BY'), out('ABOUT'), out('FOR'), CITED],
  },
  Paper: { label: 'Paper', collection: 'papers', schema: paperSchema, owned: [into('AUTHORED'), out('ABOUT'), CITED] },
  Transfer: { label: 'Transfer', collection: 'transfers', schema: transferSchema, owned: [out('OF'), out('FROM'), out('TO'), out('RECEIVED_BY'), CITED] },
};

export function ownsRel(label: Label, type: RelType, direction: Direction): boolean {
  return RECORD_KINDS[label].owned.some((o) => o.type === type && o.direction === direction);
}
