import { labelOfId, type Label } from '../../../domain/ids';
import { StoreError } from '../../errors';
import { relKey, type Graph, type GraphNode, type GraphRel, type RelType } from '../../graph';
import { storedProps } from '../values';
import { lines, type CypherQuery } from './types';
import { isAllowedEndpointPair, label, relType } from './whitelist';

/** Rows per UNWIND statement: large enough to amortise round trips, small enough for a small heap. */
export const WRITE_BATCH_SIZE = 1000;

/** A relationship statement and the number of rows it must write; fewer means an endpoint is missing. */
export interface RelBatch {
  query: CypherQuery;
  expected: number;
}

export interface WritePlan {
  nodeBatches: CypherQuery[];
  relBatches: RelBatch[];
  nodeCount: number;
  relCount: number;
}

/**
 * Turns a graph into idempotent statements: nodes per label, then relationships per type and
 * endpoint-label pair (both labels static, so both ends are index seeks). Re-running a plan leaves
 * the store unchanged: nodes MERGE on id and their props are replaced, relationships MERGE on
 * their relKey between the same two nodes and their props are replaced.
 * Throws StoreError INVALID for a node whose label is not its id's, or a relationship that
 * REL_SCHEMA does not allow between its endpoints' labels.
 */
export function planWrite(graph: Graph, batchSize = WRITE_BATCH_SIZE, options: { createRels?: boolean } = {}): WritePlan {
  const nodeBatches: CypherQuery[] = [];
  for (const [l, nodes] of groupNodes(graph.nodes)) {
    for (const chunk of chunks(nodes, batchSize)) nodeBatches.push(upsertNodesQuery(l, chunk));
  }
  const relBatches: RelBatch[] = [];
  for (const { type, from, to, rels } of groupRels(graph.rels)) {
    for (const chunk of chunks(rels, batchSize)) relBatches.push({ query: (options.createRels ? createRelsQuery : upsertRelsQuery)(type, from, to, chunk), expected: chunk.length });
  }
  return { nodeBatches, relBatches, nodeCount: graph.nodes.length, relCount: graph.rels.length };
}

/**
 * `SET n = $props` replaces every property, so a prop removed from the record disappears; id is
 * put back, and so is the stored `version` when the written props carry none (a re-seed does not
 * reset the versions the write path counts; a writer that bumps versions sets the prop).
 */
export function upsertNodesQuery(l: Label, nodes: readonly GraphNode[]): CypherQuery {
  const cypher = lines(
    'UNWIND $rows AS row',
    `MERGE (n:${label(l)} {id: row.id})`,
    'WITH n, row, n.version AS kept',
    'SET n = row.props, n.id = row.id, n.version = coalesce(row.props.version, kept)',
  );
  return { cypher, params: { rows: nodes.map((n) => ({ id: n.id, props: storedProps(n.props) })) } };
}

/**
 * Nodes known not to exist (an import read them in the same transaction and found none): CREATE
 * skips MERGE's lookup and lock; the id's unique constraint still refuses a duplicate.
 */
export function createNodesQuery(l: Label, nodes: readonly GraphNode[]): CypherQuery {
  const cypher = lines('UNWIND $rows AS row', `CREATE (n:${label(l)})`, 'SET n = row.props, n.id = row.id');
  return { cypher, params: { rows: nodes.map((n) => ({ id: n.id, props: storedProps(n.props) })) } };
}

/**
 * Relationships of records created in the same transaction: none of them can exist yet (each
 * relationship has one owning record, and its owner is new), so CREATE replaces MERGE's check of
 * the relationships between the two nodes (costly at a node with many, such as a Source every
 * record cites). The caller passes each relationship once.
 */
export function createRelsQuery(type: RelType, from: Label, to: Label, rels: readonly GraphRel[]): CypherQuery {
  const cypher = lines(
    'UNWIND $rows AS row',
    `MATCH (a:${label(from)} {id: row.from})`,
    `MATCH (b:${label(to)} {id: row.to})`,
    `CREATE (a)-[r:${relType(type)}]->(b)`,
    'SET r = row.props, r.key = row.key',
    'RETURN count(r) AS written',
  );
  const rows = rels.map((r) => ({ from: r.from, to: r.to, key: relKey(r), props: storedProps(r.props) }));
  return { cypher, params: { rows } };
}

/**
 * The relationship's identity is `key` (relKey: from|type|to|discriminator), stored on it; it is an
 * internal property and is stripped when read. Returns how many rows found both endpoints.
 */
export function upsertRelsQuery(type: RelType, from: Label, to: Label, rels: readonly GraphRel[]): CypherQuery {
  const cypher = lines(
    'UNWIND $rows AS row',
    `MATCH (a:${label(from)} {id: row.from})`,
    `MATCH (b:${label(to)} {id: row.to})`,
    `MERGE (a)-[r:${relType(type)} {key: row.key}]->(b)`,
    'SET r = row.props, r.key = row.key',
    'RETURN count(r) AS written',
  );
  const rows = rels.map((r) => ({ from: r.from, to: r.to, key: relKey(r), props: storedProps(r.props) }));
  return { cypher, params: { rows } };
}

/** The property that holds a relationship's identity; never returned to callers. */
export const REL_KEY_PROPERTY = 'key';

function groupNodes(nodes: readonly GraphNode[]): Map<Label, GraphNode[]> {
  const groups = new Map<Label, GraphNode[]>();
  for (const node of nodes) {
    if (labelOfId(node.id) !== node.label) {
      throw new StoreError('INVALID', `Node ${JSON.stringify(node.id)} cannot have label ${JSON.stringify(node.label)}`);
    }
    const group = groups.get(node.label);
    if (group) group.push(node);
    else groups.set(node.label, [node]);
  }
  return groups;
}

interface RelGroup {
  type: RelType;
  from: Label;
  to: Label;
  rels: GraphRel[];
}

function groupRels(rels: readonly GraphRel[]): RelGroup[] {
  const groups = new Map<string, RelGroup>();
  for (const rel of rels) {
    const from = labelOfId(rel.from);
    const to = labelOfId(rel.to);
    if (!from || !to || !isAllowedEndpointPair(relType(rel.type), from, to)) {
      throw new StoreError('INVALID', `Relationship ${rel.type} cannot join ${JSON.stringify(rel.from)} to ${JSON.stringify(rel.to)}`);
    }
    const groupKey = `${rel.type}|${from}|${to}`;
    const group = groups.get(groupKey);
    if (group) group.rels.push(rel);
    else groups.set(groupKey, { type: rel.type, from, to, rels: [rel] });
  }
  return [...groups.values()];
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
