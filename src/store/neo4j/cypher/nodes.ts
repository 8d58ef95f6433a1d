import { idsByLabel, label } from './whitelist';
import { lines, type CypherQuery } from './types';

/**
 * The map every read returns for a node; decoded by rows.ts into a GraphNode. `labels(n)` is
 * intersected with the whitelist there rather than trusted.
 */
export function nodeProjection(variable: string): string {
  return `{id: ${variable}.id, labels: labels(${variable}), props: properties(${variable})}`;
}

/**
 * One statement that fetches nodes by id, one UNION ALL branch per label so that each MATCH has a
 * static label and uses the unique-constraint index (a label-less `{id: $id}` lookup would scan).
 * Returns null when no id names a known label: nothing can match, so no round trip is needed.
 * Rows come back in no particular order; the caller restores key order (orderByKeys).
 */
export function nodesByIdsQuery(ids: readonly string[]): CypherQuery | null {
  const groups = [...idsByLabel(ids)];
  if (groups.length === 0) return null;
  const params: Record<string, string[]> = {};
  const branches = groups.map(([l, group], i) => {
    params[`ids${i}`] = group;
    return `  UNWIND $ids${i} AS id MATCH (n:${label(l)} {id: id}) RETURN n`;
  });
  const cypher = lines('CALL () {', branches.join('\n  UNION ALL\n'), '}', `RETURN ${nodeProjection('n')} AS node`);
  return { cypher, params };
}
