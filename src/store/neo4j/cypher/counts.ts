import { LABELS } from '../../../domain/ids';
import { REL_TYPES } from '../../graph';
import { lines, type CypherQuery } from './types';
import { label, relType } from './whitelist';

/**
 * Nodes per domain label and relationships per type, as two maps in one row. Single-label and
 * single-type COUNT subqueries are answered from Neo4j's count store, without touching the data.
 * Internal labels (KizunaMeta) are not counted.
 */
export function countsQuery(): CypherQuery {
  const nodes = LABELS.map((l) => `${label(l)}: COUNT { (:${label(l)}) }`).join(', ');
  const rels = REL_TYPES.map((t) => `${relType(t)}: COUNT { ()-[:${relType(t)}]->() }`).join(', ');
  return { cypher: lines(`RETURN {${nodes}} AS nodes,`, `  {${rels}} AS rels`), params: {} };
}
