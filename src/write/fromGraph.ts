import { labelOfId, type Label } from '../domain/ids';
import type { Citation } from '../domain/model';
import { nodeVersion, type Direction, type GraphNode, type Neighbour, type Props, type RelType } from '../store/graph';
import type { GraphStore } from '../store/port';
import { RECORD_KINDS, type AnyRecord } from './records';

/**
 * The inverse of ingest/toGraph for one record: its node's stated properties (derived ones such as
 * sortKey or visit date bounds are left out) plus the references its owned relationships carry.
 * The result parses with the record's zod schema, so a stored record reads back in the data-set
 * format: what the change log compares and what mutations return as "old".
 */
export type OwnedNeighbours = (type: RelType, direction: Direction) => Neighbour[];

export interface StoredRecord {
  label: Label;
  record: AnyRecord;
  /** Records written before versions existed (the seed) count as version 1. */
  version: number;
}

/** Reads whole records: one nodesByIds call and one neighbours call per owned relationship (batched over ids). */
export async function readRecords(store: GraphStore, ids: readonly string[]): Promise<(StoredRecord | null)[]> {
  const nodes = await store.nodesByIds(ids);
  const byLabel = new Map<Label, GraphNode[]>();
  for (const node of nodes) if (node) byLabel.set(node.label, [...(byLabel.get(node.label) ?? []), node]);
  const records = new Map<string, StoredRecord>();
  for (const [label, group] of byLabel) {
    const groupIds = group.map((n) => n.id);
    // One call per slot, concurrently: the commit's version check, not a shared snapshot, is what keeps the write consistent.
    const slots = RECORD_KINDS[label].owned;
    const lists = await Promise.all(slots.map(({ type, direction }) => store.neighbours(groupIds, type, direction)));
    const found = new Map<string, Neighbour[][]>(slots.map(({ type, direction }, i) => [`${type}|${direction}`, lists[i]]));
    group.forEach((node, i) => {
      const owned: OwnedNeighbours = (type, direction) => found.get(`${type}|${direction}`)?.[i] ?? [];
      // Parsing fills the format's defaults (empty lists, NONE, false), so the record reads as a file would.
      const record = RECORD_KINDS[label].schema.parse(recordFromGraph(node, owned)) as AnyRecord;
      records.set(node.id, { label, record, version: nodeVersion(node.props) });
    });
  }
  return ids.map((id) => records.get(id) ?? null);
}


/**
 * The fields a record states through its relationships, per label. Every other field of the
 * record's schema is a node property of the same name (picked generically, so a field added to
 * the format and to ingest reads back without touching this file; a unit test checks the seed).
 */
type References = (owned: OwnedNeighbours) => Record<string, unknown>;

const ids = (found: Neighbour[]) => found.map((n) => n.node.id);
const one = (found: Neighbour[]) => found[0]?.node.id;
const codeOf = (countryId: string | undefined) => countryId?.slice('country:'.length);

const REFERENCES: Record<Label, References> = {
  Source: () => ({}),
  Country: () => ({}),
  // `country` is also a node property; LOCATED_IN repeats it for traversals.
  Institution: () => ({}),
  Lab: (owned) => ({ institution: one(owned('PART_OF', 'OUT')), head: one(owned('HEADS', 'IN')) }),
  Person: (owned) => ({
    memberships: [
      ...owned('MEMBER_OF', 'OUT').map((n) => ({ lab: n.node.id, ...membershipProps(n.rel) })),
      ...owned('AFFILIATED_WITH', 'OUT').map((n) => ({ institution: n.node.id, ...membershipProps(n.rel) })),
    ],
  }),
  Theme: (owned) => ({ leads: ids(owned('LEADS', 'IN')), members: ids(owned('WORKS_ON', 'IN')) }),
  Material: (owned) => ({ owner: one(owned('OWNS', 'IN')), themes: ids(owned('ABOUT', 'OUT')) }),
  Event: (owned) => ({ country: codeOf(one(owned('HELD_IN', 'OUT'))) }),
  Visit: (owned) => {
    const about = ids(owned('ABOUT', 'OUT'));
    return {
      visitor: one(owned('MADE', 'IN')),
      from: one(owned('FROM', 'OUT')),
      to: one(owned('TO', 'OUT')),
      lab: one(owned('AT', 'OUT')),
      hosts: ids(owned('HOSTED_BY', 'OUT')),
      themes: about.filter((id) => labelOfId(id) === 'Theme'),
      materials: about.filter((id) => labelOfId(id) === 'Material'),
      event: one(owned('FOR', 'OUT')),
    };
  },
  Paper: (owned) => ({
    authors: [...owned('AUTHORED', 'IN')].sort((a, b) => Number(a.rel.position ?? 0) - Number(b.rel.position ?? 0)).map((n) => n.node.id),
    themes: ids(owned('ABOUT', 'OUT')),
  }),
  Transfer: (owned) => ({
    material: one(owned('OF', 'OUT')),
    from: one(owned('FROM', 'OUT')),
    to: ids(owned('TO', 'OUT')),
    recipients: ids(owned('RECEIVED_BY', 'OUT')),
  }),
};

export function recordFromGraph(node: GraphNode, owned: OwnedNeighbours): AnyRecord {
  const references = REFERENCES[node.label](owned);
  const scalars = Object.keys(RECORD_KINDS[node.label].schema.shape).filter((k) => k !== 'id' && k !== 'sources' && !(k in references));
  const record: Record<string, unknown> = { id: node.id, ...pick(node.props, scalars), ...withoutUndefined(references) };
  if (node.label !== 'Source') record.sources = owned('CITED_IN', 'OUT').map((n) => citationOf(n.node.id, n.rel));
  return record as AnyRecord;
}

function pick(props: Props, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => props[k] !== undefined && props[k] !== null).map((k) => [k, props[k]]));
}

function membershipProps(rel: Props): Record<string, unknown> {
  return pick(rel, ['role', 'roleJa', 'department', 'since', 'until']);
}

/** A citation with nothing but its source is written as the bare id, as the data-set format does. */
function citationOf(source: string, rel: Props): Citation {
  const extra = pick(rel, ['field', 'reading', 'canonical', 'note']);
  return Object.keys(extra).length === 0 ? source : ({ source, ...extra } as Citation);
}

function withoutUndefined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
