import { int } from 'neo4j-driver';
import type { PageQuery } from '../../port';
import { filterConditions } from './filters';
import { nodeProjection } from './nodes';
import { lines, type CypherQuery } from './types';
import { label } from './whitelist';

/**
 * One page of a label's nodes in (sortKey, id) order, keyset-paginated, with the total count of
 * the filter, as one statement: the count subquery ignores `after`, the page subquery applies it.
 * Both subqueries aggregate, so the statement returns exactly one row even for an empty page.
 * `first + 1` rows are fetched so that hasNextPage needs no second query. Without `countTotal`
 * the count subquery is left out (totalCount comes back null): counting a large filter costs
 * more than the page itself, so it is only paid for when a client selects totalCount.
 */
export function pageQuery(query: PageQuery, countTotal = true): CypherQuery {
  const parts = pageParts(query);
  const cypher = lines(
    countTotal ? parts.count : null,
    'CALL () {',
    `  ${parts.match}`,
    `  RETURN collect(${nodeProjection('n')}) AS nodes`,
    '}',
    countTotal ? 'RETURN totalCount, nodes' : 'RETURN null AS totalCount, nodes',
  );
  return { cypher, params: parts.params };
}

export interface PageParts {
  /** `CALL () { … RETURN count(n) AS totalCount }`: the filter's count, ignoring `after`. */
  count: string;
  /** MATCH … WHERE … WITH n ORDER BY … LIMIT $limit, leaving `n` bound to the page's nodes in order. */
  match: string;
  params: Record<string, unknown>;
}

/** The pieces shared by pageQuery and the tree reads (cypher/tree.ts) of a root connection. */
export function pageParts(query: PageQuery): PageParts {
  const l = label(query.filter.label);
  const conditions = filterConditions(query.filter);
  const direction = query.direction === 'DESC' ? 'DESC' : 'ASC';
  const params: Record<string, unknown> = { ...conditions.params, limit: int(Math.max(0, Math.floor(query.first)) + 1) };
  let keyset = '';
  if (query.after) {
    params.afterSortKey = query.after.sortKey;
    params.afterId = query.after.id;
    keyset = direction === 'ASC' ? keysetAfter('>') : keysetAfter('<');
  }
  const filtered = conditions.where();
  const paged = keyset ? (filtered ? `${filtered} AND ${keyset}` : `WHERE ${keyset}`) : filtered;
  return {
    count: `CALL () { MATCH (n:${l}) ${filtered} RETURN count(n) AS totalCount }`,
    match: `MATCH (n:${l}) ${paged} WITH n ORDER BY n.sortKey ${direction}, n.id ${direction} LIMIT $limit`,
    params,
  };
}

/** Rows strictly after the previous page's last (sortKey, id) in the given comparison direction. */
function keysetAfter(op: '>' | '<'): string {
  return `(n.sortKey ${op} $afterSortKey OR (n.sortKey = $afterSortKey AND n.id ${op} $afterId))`;
}
