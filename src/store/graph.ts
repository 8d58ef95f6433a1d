import type { Label } from '../domain/ids';

/**
 * The store-neutral graph: what ingest produces and what both stores hold. Properties are flat
 * (scalars or lists of scalars) because that is what a Neo4j property can be.
 */
export type Scalar = string | number | boolean;
export type PropValue = Scalar | Scalar[] | null;
export type Props = Record<string, PropValue>;

export interface GraphNode {
  id: string;
  label: Label;
  props: Props;
}

/**
 * Relationship types and the labels each may join. This table is the whitelist that Cypher
 * relationship types are taken from; nothing from a request ever names a type directly.
 */
export const REL_SCHEMA = {
  MEMBER_OF: [['Person', 'Lab']],
  AFFILIATED_WITH: [['Person', 'Institution']],
  PART_OF: [['Lab', 'Institution']],
  LOCATED_IN: [['Institution', 'Country']],
  HEADS: [['Person', 'Lab']],
  LEADS: [['Person', 'Theme']],
  WORKS_ON: [['Person', 'Theme']],
  MADE: [['Person', 'Visit']],
  FROM: [['Visit', 'Institution'], ['Transfer', 'Institution']],
  TO: [['Visit', 'Institution'], ['Transfer', 'Institution']],
  AT: [['Visit', 'Lab']],
  HOSTED_BY: [['Visit', 'Person']],
  ABOUT: [['Visit', 'Theme'], ['Visit', 'Material'], ['Paper', 'Theme'], ['Material', 'Theme']],
  FOR: [['Visit', 'Event']],
  HELD_IN: [['Event', 'Country']],
  AUTHORED: [['Person', 'Paper']],
  OWNS: [['Institution', 'Material']],
  OF: [['Transfer', 'Material']],
  RECEIVED_BY: [['Transfer', 'Person']],
  CITED_IN: [['*', 'Source']],
} as const satisfies Record<string, ReadonlyArray<readonly [Label | '*', Label]>>;

export type RelType = keyof typeof REL_SCHEMA;
export const REL_TYPES = Object.keys(REL_SCHEMA) as RelType[];

export function isRelType(value: string): value is RelType {
  return Object.prototype.hasOwnProperty.call(REL_SCHEMA, value);
}

/** Whether REL_SCHEMA allows `type` between these endpoint labels ('*' matches any label). */
export function isAllowedEndpointPair(type: RelType, from: Label, to: Label): boolean {
  const pairs: ReadonlyArray<readonly [Label | '*', Label]> = REL_SCHEMA[type];
  return pairs.some(([f, t]) => (f === '*' || f === from) && t === to);
}

export interface GraphRel {
  type: RelType;
  from: string;
  to: string;
  props: Props;
}

export interface Graph {
  nodes: GraphNode[];
  rels: GraphRel[];
}

export type Direction = 'OUT' | 'IN';

/** One step from a node: the relationship's properties and the node at its other end. */
export interface Neighbour {
  rel: Props;
  node: GraphNode;
}

/** A stable key for a relationship: the same fact ingested twice is the same relationship. */
export function relKey(rel: Pick<GraphRel, 'type' | 'from' | 'to'> & { props?: Props }): string {
  const discriminator = rel.type === 'CITED_IN' ? String(rel.props?.field ?? '') + '|' + String(rel.props?.reading ?? '') : '';
  return `${rel.from}|${rel.type}|${rel.to}|${discriminator}`;
}

/**
 * A record's version (optimistic concurrency): bumped by every write through the write path.
 * Nodes written before versions existed (a seed) count as version 1.
 */
export function nodeVersion(props: Props): number {
  return typeof props.version === 'number' ? props.version : 1;
}

/** One end of one relationship type, seen from a node: `(n)-[:TYPE]->` is OUT. */
export interface RelSlot {
  type: RelType;
  direction: Direction;
}
