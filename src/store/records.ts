import type { Label } from '../domain/ids';
import type { GraphRel, Props, RelType } from './graph';

/**
 * A record as a store holds it: its node's props and the relationships the record states
 * (ingest/toGraph decides which: a lab states its PART_OF and the HEADS from its head, a visit its
 * MADE from the visitor, every record its CITED_IN). Bulk import reads these to tell created from
 * updated from unchanged, replaces them on update, and keeps them to undo a staged import.
 */
export interface RecordState {
  id: string;
  label: Label;
  props: Props;
  rels: GraphRel[];
}

/**
 * Which relationship types, in which direction, belong to a record of each label. Each type and
 * direction is stated by exactly one label (tests/unit/ingest/import checks this against toGraph
 * on a synthetic data set), so replacing a record's relationships never touches another record's.
 */
export const OWNED_RELS: Record<Label, { out: RelType[]; in: RelType[] }> = {
  Source: { out: [], in: [] },
  Country: { out: ['CITED_IN'], in: [] },
  Institution: { out: ['LOCATED_IN', 'CITED_IN'], in: [] },
  Lab: { out: ['PART_OF', 'CITED_IN'], in: ['HEADS'] },
  Person: { out: ['MEMBER_OF', 'AFFILIATED_WITH', 'CITED_IN'], in: [] },
  Theme: { out: ['CITED_IN'], in: ['LEADS', 'WORKS_ON'] },
  Material: { out: ['ABOUT', 'CITED_IN'], in: ['OWNS'] },
  Event: { out: ['HELD_IN', 'CITED_IN'], in: [] },
  Visit: { out: ['FROM', 'TO', 'AT', 'HOSTED_BY', 'ABOUT', 'FOR', 'CITED_IN'], in: ['MADE'] },
  Paper: { out: ['ABOUT', 'CITED_IN'], in: ['AUTHORED'] },
  Transfer: { out: ['OF', 'FROM', 'TO', 'RECEIVED_BY', 'CITED_IN'], in: [] },
};

/** Neo4j cannot store null: both stores keep only the props that have a value. */
export function withoutNulls(props: Props): Props {
  const out: Props = {};
  for (const [k, v] of Object.entries(props)) if (v !== null && v !== undefined) out[k] = v;
  return out;
}
