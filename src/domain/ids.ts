/**
 * Node labels and ids. Every id carries its label as a prefix ("person:nakanishi-shuji") so that
 * `node(id)` can route without a lookup and malformed ids are rejected before any store call.
 * The label list is also the whitelist that Cypher labels are taken from.
 */
export const LABELS = [
  'Person',
  'Institution',
  'Lab',
  'Country',
  'Theme',
  'Material',
  'Visit',
  'Paper',
  'Event',
  'Transfer',
  'Source',
] as const;
export type Label = (typeof LABELS)[number];

const PREFIX_OF: Record<Label, string> = {
  Person: 'person',
  Institution: 'institution',
  Lab: 'lab',
  Country: 'country',
  Theme: 'theme',
  Material: 'material',
  Visit: 'visit',
  Paper: 'paper',
  Event: 'event',
  Transfer: 'transfer',
  Source: 'source',
};

const LABEL_OF_PREFIX = new Map(Object.entries(PREFIX_OF).map(([label, prefix]) => [prefix, label as Label]));

/** The local part: ASCII letters, digits, dot, underscore and hyphen, 1..120 characters. */
const ID_PATTERN = /^([a-z]+):([A-Za-z0-9._-]{1,120})$/;

export function makeId(label: Label, local: string): string {
  return `${PREFIX_OF[label]}:${local}`;
}

/** The label an id names, or null when the id is malformed or names no known label. */
export function labelOfId(id: string): Label | null {
  const match = ID_PATTERN.exec(id);
  if (!match) return null;
  return LABEL_OF_PREFIX.get(match[1]) ?? null;
}

export function isIdOf(label: Label, id: string): boolean {
  return labelOfId(id) === label;
}

export function isLabel(value: string): value is Label {
  return (LABELS as readonly string[]).includes(value);
}
