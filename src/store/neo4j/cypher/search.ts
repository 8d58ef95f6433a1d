import { int } from 'neo4j-driver';
import type { Label } from '../../../domain/ids';
import { normalizeForSearch } from '../../../domain/searchText';
import { nodeProjection } from './nodes';
import { lines, type CypherQuery } from './types';
import { label } from './whitelist';

/** The separator searchKeyOf puts between a record's names (domain/searchText). */
export const SEARCH_KEY_SEPARATOR = '|';

/**
 * Nodes whose searchText contains the normalised text, scored 3 when one of its keys equals the
 * text, 2 when one starts with it, else 1; best first, then sortKey, then id. One UNION ALL branch
 * per label keeps labels static (and lets the TEXT index on searchText serve CONTAINS).
 * Returns null — nothing to ask — when the normalised text is empty (it would match everything,
 * which is not a search), when no label is asked for (as in the memory store: an empty list
 * searches nothing), or when first is 0.
 */
export function searchQuery(text: string, first: number, labels: readonly Label[]): CypherQuery | null {
  const found = rankedHits(text, first, labels);
  if (!found) return null;
  return { cypher: lines(...found.lines, `RETURN ${nodeProjection('n')} AS node, score`), params: found.params };
}

/**
 * The ranked hits as rows of `n`, `label` (the label it was found under, as a string) and `score`,
 * best first and cut to `first`, for a statement to project as it needs (searchQuery: whole nodes;
 * cypher/tree.ts: the selection of each label). Null when there is nothing to ask (see searchQuery).
 * The order survives the projection that follows: RETURN without aggregation keeps WITH's order.
 */
export function rankedHits(text: string, first: number, labels: readonly Label[]): { lines: string[]; params: Record<string, unknown> } | null {
  const q = normalizeForSearch(text);
  const limit = Math.max(0, Math.floor(first));
  if (!q || limit === 0 || labels.length === 0) return null;
  const targets = [...new Set(labels)];
  const branches = targets.map((l) => `  MATCH (n:${label(l)}) WHERE n.searchText CONTAINS $q RETURN n, '${label(l)}' AS label`);
  return {
    lines: [
      'CALL () {',
      branches.join('\n  UNION ALL\n'),
      '}',
      'WITH n, label, split(n.searchText, $separator) AS keys',
      'WITH n, label, CASE WHEN $q IN keys THEN 3 WHEN any(k IN keys WHERE k STARTS WITH $q) THEN 2 ELSE 1 END AS score',
      'ORDER BY score DESC, n.sortKey, n.id',
      'LIMIT $limit',
    ],
    params: { q, separator: SEARCH_KEY_SEPARATOR, limit: int(limit) },
  };
}
