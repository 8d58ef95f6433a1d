import type { Label } from '../../../domain/ids';
import type { GraphNode, RelSlot } from '../../graph';
import { storedProps } from '../values';
import { lines, type CypherQuery } from './types';
import { label, relType } from './whitelist';

/**
 * Statements of the write path's transaction (Neo4jStore.commitRecords), one label or one
 * relationship slot per statement so that every label is static and every match an index seek.
 */

/**
 * Takes the write lock of each existing record, then reads its version: a concurrent writer of
 * the same record waits here until this transaction ends, so the version read is the one this
 * transaction overwrites (Neo4j's documented way to avoid lost updates under read committed).
 */
export function lockVersionsQuery(l: Label, ids: readonly string[]): CypherQuery {
  const cypher = lines(
    'UNWIND $ids AS id',
    `MATCH (n:${label(l)} {id: id})`,
    'SET n.__lock = true',
    'REMOVE n.__lock',
    'RETURN n.id AS id, coalesce(n.version, 1) AS version',
  );
  return { cypher, params: { ids } };
}

/**
 * Removes the relationships these records own (all their slots in one statement); the commit then
 * writes the current ones. Types are compared as values (`type(r) IN $out`), never interpolated.
 */
export function deleteOwnedQuery(l: Label, slots: readonly RelSlot[], ids: readonly string[]): CypherQuery {
  const out = slots.filter((s) => s.direction === 'OUT').map((s) => relType(s.type));
  const into = slots.filter((s) => s.direction === 'IN').map((s) => relType(s.type));
  const cypher = lines(
    'UNWIND $ids AS id',
    `MATCH (n:${label(l)} {id: id})-[r]-()`,
    'WHERE (startNode(r) = n AND type(r) IN $out) OR (endNode(r) = n AND type(r) IN $into)',
    'DELETE r',
  );
  return { cypher, params: { ids, out, into } };
}

export function detachDeleteQuery(l: Label, ids: readonly string[]): CypherQuery {
  return { cypher: lines('UNWIND $ids AS id', `MATCH (n:${label(l)} {id: id})`, 'DETACH DELETE n'), params: { ids } };
}

/**
 * Creates records that must not exist yet. CREATE, not MERGE: two writers creating the same id
 * at once both see it absent, and with MERGE the second would silently overwrite the first; with
 * CREATE the unique constraint fails the second (CONFLICT), which then plans again as an update.
 */
export function createNodesQuery(l: Label, nodes: readonly GraphNode[]): CypherQuery {
  const cypher = lines('UNWIND $rows AS row', `CREATE (n:${label(l)})`, 'SET n = row.props, n.id = row.id');
  return { cypher, params: { rows: nodes.map((n) => ({ id: n.id, props: storedProps(n.props) })) } };
}
