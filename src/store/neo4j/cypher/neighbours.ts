import type { Direction, RelType } from '../../graph';
import { nodeProjection } from './nodes';
import { lines, type CypherQuery } from './types';
import { idsByLabel, label, relType } from './whitelist';

/**
 * For every id, its neighbours over one relationship type and direction, in one statement.
 * One branch per label of the asked ids (static labels use the id index); the far end is left
 * unlabelled because REL_SCHEMA already constrains what a type can reach. Rows are ordered by
 * the neighbour's sortKey then id (then the relationship key, so that two relationships to one
 * neighbour, e.g. two citations of one source, come in a stable order); the caller groups them by `key` in the
 * asked order.
 * Returns null when no id names a known label.
 */
export function neighboursQuery(ids: readonly string[], rel: RelType, direction: Direction): CypherQuery | null {
  const groups = [...idsByLabel(ids)];
  if (groups.length === 0) return null;
  const pattern = direction === 'OUT' ? `-[r:${relType(rel)}]->` : `<-[r:${relType(rel)}]-`;
  const params: Record<string, string[]> = {};
  const branches = groups.map(([l, group], i) => {
    params[`ids${i}`] = group;
    return `  UNWIND $ids${i} AS key MATCH (a:${label(l)} {id: key})${pattern}(b) RETURN key, r, b`;
  });
  const cypher = lines(
    'CALL () {',
    branches.join('\n  UNION ALL\n'),
    '}',
    `RETURN key, properties(r) AS rel, ${nodeProjection('b')} AS node`,
    'ORDER BY key, b.sortKey, b.id, r.key',
  );
  return { cypher, params };
}
