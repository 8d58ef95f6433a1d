import type { Label } from '../../domain/ids';
import type { Direction, RelType } from '../../store/graph';

/**
 * What the compiler may turn into one store read: for each object type, its relationship fields
 * (mirroring the field resolvers, which go through common/related.ts) and its computed scalar
 * fields. Any other scalar or enum field is the stored property of the same name. A selected field
 * that is neither (sources, a paper's byline-ordered authors, fields with arguments…) makes the
 * compiler give up on that root field, which is then resolved field by field as before.
 *
 * Keep in step with the resolvers: tests/contract/graphql/compiled.contract.test.ts asks every
 * field listed here through both paths and compares the answers.
 */
export interface RelSpec {
  rel: RelType;
  direction: Direction;
  target: Label;
  /** A nullable single object (relatedOne): the first neighbour in (sortKey, id) order. */
  one: boolean;
}

/** A relationship shown as its own object type: relationship properties plus the far node under `nodeField`. */
export interface EdgeSpec {
  rel: RelType;
  direction: Direction;
  target: Label;
  edgeType: string;
  nodeField: string;
}

const many = (rel: RelType, direction: Direction, target: Label): RelSpec => ({ rel, direction, target, one: false });
const one = (rel: RelType, direction: Direction, target: Label): RelSpec => ({ rel, direction, target, one: true });
const edge = (rel: RelType, direction: Direction, target: Label, edgeType: string, nodeField: string): EdgeSpec => ({ rel, direction, target, edgeType, nodeField });

/** GraphQL object type name → label; the compiled types (each named after its label). */
export const COMPILED_TYPES: readonly Label[] = ['Person', 'Lab', 'Institution', 'Country', 'Visit', 'Paper', 'Theme', 'Material', 'Event'];

export const RELATIONS: Partial<Record<Label, Record<string, RelSpec | EdgeSpec>>> = {
  Person: {
    labs: edge('MEMBER_OF', 'OUT', 'Lab', 'LabMembership', 'lab'),
    affiliations: edge('AFFILIATED_WITH', 'OUT', 'Institution', 'Affiliation', 'institution'),
    headOf: many('HEADS', 'OUT', 'Lab'),
    visits: many('MADE', 'OUT', 'Visit'),
    hosted: many('HOSTED_BY', 'IN', 'Visit'),
    leads: many('LEADS', 'OUT', 'Theme'),
    worksOn: many('WORKS_ON', 'OUT', 'Theme'),
    papers: many('AUTHORED', 'OUT', 'Paper'),
  },
  Lab: {
    institution: one('PART_OF', 'OUT', 'Institution'),
    head: one('HEADS', 'IN', 'Person'),
    members: edge('MEMBER_OF', 'IN', 'Person', 'LabMember', 'person'),
    visits: many('AT', 'IN', 'Visit'),
  },
  Institution: {
    country: one('LOCATED_IN', 'OUT', 'Country'),
    labs: many('PART_OF', 'IN', 'Lab'),
    affiliates: many('AFFILIATED_WITH', 'IN', 'Person'),
    visitsIn: many('TO', 'IN', 'Visit'),
    visitsOut: many('FROM', 'IN', 'Visit'),
    materials: many('OWNS', 'OUT', 'Material'),
  },
  Country: {
    institutions: many('LOCATED_IN', 'IN', 'Institution'),
    events: many('HELD_IN', 'IN', 'Event'),
  },
  Visit: {
    visitor: one('MADE', 'IN', 'Person'),
    from: one('FROM', 'OUT', 'Institution'),
    to: one('TO', 'OUT', 'Institution'),
    lab: one('AT', 'OUT', 'Lab'),
    hosts: many('HOSTED_BY', 'OUT', 'Person'),
    themes: many('ABOUT', 'OUT', 'Theme'),
    materials: many('ABOUT', 'OUT', 'Material'),
    event: one('FOR', 'OUT', 'Event'),
  },
  Paper: { themes: many('ABOUT', 'OUT', 'Theme') },
  Theme: {
    leads: many('LEADS', 'IN', 'Person'),
    members: many('WORKS_ON', 'IN', 'Person'),
    visits: many('ABOUT', 'IN', 'Visit'),
    materials: many('ABOUT', 'IN', 'Material'),
    papers: many('ABOUT', 'IN', 'Paper'),
  },
  Material: {
    owner: one('OWNS', 'IN', 'Institution'),
    themes: many('ABOUT', 'OUT', 'Theme'),
    visits: many('ABOUT', 'IN', 'Visit'),
  },
  Event: {
    country: one('HELD_IN', 'OUT', 'Country'),
    visits: many('FOR', 'IN', 'Visit'),
  },
};

/** Scalar fields computed by a field resolver: the property they read, or the early-career rule. */
export const COMPUTED: Record<string, { prop: string } | 'earlyCareer'> = {
  'Institution.countryCode': { prop: 'country' },
  'Visit.datesUncertain': { prop: 'uncertain' },
  'Person.earlyCareer': 'earlyCareer',
};

export function isEdgeSpec(spec: RelSpec | EdgeSpec): spec is EdgeSpec {
  return 'edgeType' in spec;
}
