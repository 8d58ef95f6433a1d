import { int } from 'neo4j-driver';
import { LABELS, type Label } from '../../../domain/ids';
import type { RelType } from '../../graph';
import type { ReplaceScope } from '../../importSession';
import type { GraphNode } from '../../graph';
import { OWNED_RELS } from '../../records';
import { storedProps } from '../values';
import { lines, type CypherQuery } from './types';
import { label, relType } from './whitelist';

/**
 * Statements of bulk import (neo4j/importSession.ts). Labels and types come from the whitelist;
 * every value is a parameter. Node and relationship upserts reuse cypher/write.ts.
 */

const types = (list: readonly RelType[]) => list.map(relType).join('|');

/**
 * Records of one label by id: props and the relationships the record states (OWNED_RELS), or all
 * of its relationships (`allRels`, what a delete removes and an undo must restore).
 */
export function recordStatesQuery(l: Label, ids: readonly string[], allRels: boolean): CypherQuery {
  const owned = OWNED_RELS[l];
  const outgoing = allRels ? '' : owned.out.length ? `:${types(owned.out)}` : null;
  const incoming = allRels ? '' : owned.in.length ? `:${types(owned.in)}` : null;
  const rel = (pattern: string, from: string, to: string) => `[${pattern} | {type: type(r), from: ${from}, to: ${to}, props: properties(r)}]`;
  const parts = [
    outgoing !== null ? rel(`(n)-[r${outgoing}]->(m)`, 'n.id', 'm.id') : null,
    incoming !== null ? rel(`(n)<-[r${incoming}]-(m)`, 'm.id', 'n.id') : null,
  ].filter((p): p is string => p !== null);
  const cypher = lines(
    'UNWIND $ids AS id',
    `MATCH (n:${label(l)} {id: id})`,
    `RETURN n.id AS id, properties(n) AS props, ${parts.length ? parts.join(' + ') : '[]'} AS rels`,
  );
  return { cypher, params: { ids } };
}

/** One page of a label's ids within a replace scope, in id order (served by the id constraint's index). */
export function recordIdsQuery(scope: ReplaceScope, l: Label, after: string | null, first: number): CypherQuery {
  const inScope =
    scope.kind === 'all'
      ? null
      : l === 'Source'
        ? 'n.document IN $documents'
        : `EXISTS { (n)-[:${relType('CITED_IN')}]->(:${label('Source')}) } AND NOT EXISTS { (n)-[:${relType('CITED_IN')}]->(s:${label('Source')}) WHERE NOT s.document IN $documents }`;
  const cypher = lines(
    `MATCH (n:${label(l)})`,
    'WHERE ($after IS NULL OR n.id > $after)',
    inScope && `  AND ${inScope}`,
    'RETURN n.id AS id ORDER BY n.id LIMIT $first',
  );
  return { cypher, params: { after, first: int(first), documents: scope.kind === 'documents' ? scope.documents : [] } };
}

/**
 * Removes the relationships a record states that its new version no longer states (`keys` are the
 * relKeys it keeps; an empty list removes them all, which is what an undo does before restoring).
 */
export function removeStaleRelsQueries(l: Label, rows: ReadonlyArray<{ id: string; keys: string[] }>): CypherQuery[] {
  const owned = OWNED_RELS[l];
  const statement = (pattern: string) =>
    lines('UNWIND $rows AS row', `MATCH (n:${label(l)} {id: row.id})`, `MATCH ${pattern}`, 'WHERE NOT r.key IN row.keys', 'DELETE r');
  const queries: CypherQuery[] = [];
  if (owned.out.length) queries.push({ cypher: statement(`(n)-[r:${types(owned.out)}]->()`), params: { rows } });
  if (owned.in.length) queries.push({ cypher: statement(`(n)<-[r:${types(owned.in)}]-()`), params: { rows } });
  return queries;
}

/**
 * An undo puts a node's properties back exactly as they were (a deleted one comes back), version included (absent stays
 * absent): unlike an upsert, which keeps the stored version when the written props carry none.
 */
export function restoreNodesQuery(l: Label, nodes: readonly GraphNode[]): CypherQuery {
  const cypher = lines('UNWIND $rows AS row', `MERGE (n:${label(l)} {id: row.id})`, 'SET n = row.props, n.id = row.id');
  return { cypher, params: { rows: nodes.map((n) => ({ id: n.id, props: storedProps(n.props) })) } };
}

/** Moves the stored version of these records on by one (a record without one is at version 1: graph.ts nodeVersion). */
export function bumpVersionsQuery(l: Label, ids: readonly string[]): CypherQuery {
  const cypher = `UNWIND $ids AS id MATCH (n:${label(l)} {id: id}) SET n.version = coalesce(n.version, 1) + 1`;
  return { cypher, params: { ids: [...ids] } };
}

export function deleteRecordsQuery(l: Label, ids: readonly string[]): CypherQuery {
  return { cypher: lines('UNWIND $ids AS id', `MATCH (n:${label(l)} {id: id})`, 'DETACH DELETE n'), params: { ids } };
}

/** Whether the store holds no domain node (checked label by label, each an index lookup). */
export function isEmptyQuery(): CypherQuery {
  const any = LABELS.map((l) => `EXISTS { MATCH (:${label(l)}) }`).join(' OR ');
  return { cypher: `RETURN NOT (${any}) AS empty`, params: {} };
}

// ---- the import marker: one (:KizunaImport {id: 'current'}) while an import runs

const MARKER_ID = 'current';

export interface MarkerProps {
  importId: string;
  mode: string;
  files: string[];
  startedAt: string;
  heartbeat: string;
  pid: number;
  host: string;
}

/** Fails on the id constraint when another import holds the marker: one import at a time. */
export function createMarkerQuery(marker: MarkerProps): CypherQuery {
  const cypher = `CREATE (m:${label('KizunaImport')} {id: $markerId}) SET m += $marker`;
  return { cypher, params: { markerId: MARKER_ID, marker: { ...marker, pid: int(marker.pid) } } };
}

export function readMarkerQuery(): CypherQuery {
  return { cypher: `OPTIONAL MATCH (m:${label('KizunaImport')} {id: $markerId}) RETURN properties(m) AS marker`, params: { markerId: MARKER_ID } };
}

export function heartbeatQuery(importId: string, now: string): CypherQuery {
  const cypher = `MATCH (m:${label('KizunaImport')} {id: $markerId}) WHERE m.importId = $importId SET m.heartbeat = $now`;
  return { cypher, params: { markerId: MARKER_ID, importId, now } };
}

/** The commit point of a staged import, and the end of any import: the marker goes. */
export function deleteMarkerQuery(importId: string): CypherQuery {
  const cypher = `MATCH (m:${label('KizunaImport')} {id: $markerId}) WHERE m.importId = $importId DELETE m`;
  return { cypher, params: { markerId: MARKER_ID, importId } };
}

/** The id of a staged import while it runs (its change entries are hidden until it commits), else null. */
export function stagedImportIdQuery(): CypherQuery {
  const cypher = `OPTIONAL MATCH (m:${label('KizunaImport')} {id: $markerId}) WHERE m.mode = 'staged' RETURN m.importId AS importId`;
  return { cypher, params: { markerId: MARKER_ID } };
}

/**
 * A rolled-back staged import's change log: its sets (their batchId is the import's id) and their
 * entries (seqs firstSeq..lastSeq). Auto-commit, batched, in this order: the entries first, then
 * the sets, so a rollback killed in between leaves sets without entries (found and deleted by the
 * next run) and never entries without their set.
 */
export function deleteChangesOfImportQueries(importId: string): CypherQuery[] {
  const set = label('ChangeSet');
  const change = label('Change');
  const entries = lines(
    `MATCH (s:${set}) WHERE s.batchId = $importId`,
    `MATCH (c:${change}) WHERE c.seq >= s.firstSeq AND c.seq <= s.lastSeq`,
    'CALL (c) { DELETE c } IN TRANSACTIONS OF 5000 ROWS',
  );
  const sets = lines(`MATCH (s:${set}) WHERE s.batchId = $importId`, 'CALL (s) { DELETE s } IN TRANSACTIONS OF 5000 ROWS');
  return [
    { cypher: entries, params: { importId } },
    { cypher: sets, params: { importId } },
  ];
}

// ---- undo entries of a staged import: (:KizunaUndo {id: "<importId>:<seq>", entries: JSON})

export function undoId(importId: string, seq: number): string {
  return `${importId}:${String(seq).padStart(9, '0')}`;
}

/**
 * ON CREATE only: a retried batch must keep the state from before its first attempt. `entries`:
 * JSON of the records the batch changed or deleted, with their previous state; `created`: the ids
 * it created (all an undo needs of them, kept as a list property, not JSON objects).
 */
export function writeUndoQuery(importId: string, seq: number, entries: string, created: readonly string[]): CypherQuery {
  const cypher = `MERGE (u:${label('KizunaUndo')} {id: $id}) ON CREATE SET u.importId = $importId, u.entries = $entries, u.created = $created`;
  return { cypher, params: { id: undoId(importId, seq), importId, entries, created: [...created] } };
}

export function readUndoQuery(importId: string, after: string | null, first: number): CypherQuery {
  const cypher = lines(
    `MATCH (u:${label('KizunaUndo')})`,
    'WHERE u.id STARTS WITH $prefix AND ($after IS NULL OR u.id > $after)',
    'RETURN u.id AS id, u.entries AS entries, u.created AS created ORDER BY u.id LIMIT $first',
  );
  return { cypher, params: { prefix: `${importId}:`, after, first: int(first) } };
}

/**
 * Undo entries of one import, or (null) those of no running import: left by an import killed
 * after its commit point. Auto-commit, batched.
 */
export function deleteUndoQuery(importId: string | null): CypherQuery {
  const cypher = lines(
    `MATCH (u:${label('KizunaUndo')})`,
    importId === null
      ? `WHERE NOT EXISTS { MATCH (m:${label('KizunaImport')}) WHERE u.id STARTS WITH m.importId + ':' }`
      : 'WHERE u.id STARTS WITH $prefix',
    'CALL (u) { DELETE u } IN TRANSACTIONS OF 1000 ROWS',
  );
  return { cypher, params: { prefix: importId === null ? null : `${importId}:` } };
}
