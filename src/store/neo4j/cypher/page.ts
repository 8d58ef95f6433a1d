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
  const once = countTotal ? parts.matched : null;
  const cypher = lines(
    once ? once.count : countTotal ? parts.count : null,
    once ? 'CALL (matched) {' : 'CALL () {',
    `  ${once ? once.page : parts.match}`,
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
  /**
   * The filter's matches evaluated once, for a page that also counts them: `CALL () { … RETURN
   * totalCount, matched }`, then `pageOfMatched` takes the page from the `matched` list. Null when
   * the label has no filter: then the count comes from Neo4j's count store and the page can stop
   * early in sortKey order, which a collected list would lose.
   */
  matched: { count: string; page: string } | null;
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
  const order = `ORDER BY n.sortKey ${direction}, n.id ${direction} LIMIT $limit`;
  return {
    count: `CALL () { MATCH (n:${l}) ${filtered} RETURN count(n) AS totalCount }`,
    match: `MATCH (n:${l}) ${paged} WITH n ${order}`,
    // A filter over relationships (country pair, person) costs per visit checked: the count and the
    // page each ran it over every candidate (37k db hits against 18.6k for the same page counted once).
    matched: filtered
      ? { count: `CALL () { MATCH (n:${l}) ${filtered} WITH collect(n) AS matched RETURN size(matched) AS totalCount, matched }`, page: `UNWIND matched AS n WITH n ${keyset ? `WHERE ${keyset} ` : ''}${order}` }
      : null,
    params,
  };
}

/** Rows strictly after the previous page's last (sortKey, id) in the given comparison direction. */
function keysetAfter(op: '>' | '<'): string {
  return `(n.sortKey ${op} $afterSortKey OR (n.sortKey = $afterSortKey AND n.id ${op} $afterId))`;
}
