import type { Label } from '../../../domain/ids';
import type { TreeField, TreeNode, TreeRoot } from '../../tree';
import { int } from 'neo4j-driver';
import { pageParts } from './page';
import { rankedHits } from './search';
import { lines, type CypherQuery } from './types';
import { label, relType } from './whitelist';

/**
 * A whole nested read (store/tree.ts) as ONE statement. Each relationship level is a COLLECT {}
 * subquery inside the parent's map projection, ordered like GraphStore.neighbours (sortKey, id,
 * relationship key) and, for to-one fields, cut to one row before deeper levels run; root pages
 * are ordered and limited before any projection. Only the requested properties are projected,
 * under their response keys, so the rows need no decoding and the plan cache sees the same text
 * for the same selection. Values are parameters; labels and types pass the whitelist; response
 * keys and property names are GraphQL names (checked) written in backticks.
 */
export function treeQuery(root: TreeRoot): CypherQuery {
  const stages = { treeEarlyCareerStages: [...root.earlyCareerStages] };
  switch (root.kind) {
    case 'byId':
      return {
        cypher: lines(`MATCH (n:${label(root.label)} {id: $id})`, `RETURN n ${rootProjection(root.node, labelLiteral(root.label), byIdProjections, [])} AS node`),
        params: { id: root.id, ...stages },
      };
    case 'byIds':
      return byIdsQuery(root, stages);
    case 'search':
      return searchTreeQuery(root, stages);
    case 'page':
      return pageTreeQuery(root, stages);
  }
}

/**
 * Several roots by id, each with its own label and selection, as one UNION ALL of index seeks;
 * each row carries its root's position (`i`), a missing node gives no row. Literal positions and
 * one `$idN` per root: the text depends only on the labels and selections, as the plan cache needs.
 */
function byIdsQuery(root: Extract<TreeRoot, { kind: 'byIds' }>, stages: Record<string, unknown>): CypherQuery {
  if (root.items.length === 0) throw new TypeError('a byIds tree read needs at least one item');
  const params: Record<string, unknown> = { ...stages };
  const branches = root.items.map((item, i) => {
    params[`id${i}`] = item.id;
    return `  MATCH (n:${label(item.label)} {id: $id${i}}) RETURN ${i} AS i, n ${rootProjection(item.node, labelLiteral(item.label), byIdProjections, [])} AS node`;
  });
  return { cypher: lines('CALL () {', branches.join('\n  UNION ALL\n'), '}', 'RETURN i, node'), params };
}

/**
 * GraphStore.search's ranking (cypher/search.ts, the same statement head), then each hit projected
 * as its label's selection, after the LIMIT, so only the hits returned are projected (and only
 * their branch's subqueries run). Labels whose selections read the same (a fragment on one type,
 * `id` on the others) share one projection, `__label` taken from the column: one CASE branch per
 * distinct selection, the most common one as ELSE. The text is sent with every request (Bolt has
 * no prepared statements): a CASE branch per label made the bench's search statement 1.4 KB, more
 * than the driver's 1,400-byte write buffer, so one more socket write per request.
 */
function searchTreeQuery(root: Extract<TreeRoot, { kind: 'search' }>, stages: Record<string, unknown>): CypherQuery {
  const ranked = rankedHits(root.text, root.first, root.labels);
  // The GraphQL layer refuses blank text and first < 1 before asking (search.resolver.ts).
  if (!ranked) throw new TypeError('a search tree read needs searchable text, a label and first >= 1');
  const groups = new Map<string, string[]>();
  for (const l of new Set(root.labels)) {
    const node = root.nodes[l];
    if (!node) throw new TypeError(`a search tree read has no selection for ${l}`);
    const text = `n ${rootProjection(node, 'label', searchProjections, [])}`;
    groups.set(text, [...(groups.get(text) ?? []), labelLiteral(l)]);
  }
  const [common, ...others] = [...groups].sort((a, b) => b[1].length - a[1].length);
  const node = others.length === 0 ? common[0] : `CASE ${others.map(([text, labels]) => `WHEN label IN [${labels.join(', ')}] THEN ${text}`).join(' ')} ELSE ${common[0]} END`;
  return { cypher: lines(...ranked.lines, `RETURN ${node} AS node, score`), params: { ...ranked.params, ...stages } };
}

/** A whitelisted label as a Cypher string literal (for `__label` and the search's label column). */
function labelLiteral(value: Label): string {
  return `'${label(value)}'`;
}

function pageTreeQuery(root: Extract<TreeRoot, { kind: 'page' }>, stages: Record<string, unknown>): CypherQuery {
  const parts = pageParts(root.query);
  const first = Math.floor(root.query.first);
  // The GraphQL layer refuses first < 1 (pagination.ts); an empty page could not say hasNextPage here.
  if (!(first >= 1)) throw new TypeError(`a tree page needs first >= 1, got ${root.query.first}`);
  // One row per node, not one row holding the list: the driver decodes a record larger than a
  // Bolt chunk from a combined buffer, walking every part of it for each string (measured: the
  // 171 KB institutions page spent a fifth of its CPU there). The match fetches first + 1 nodes
  // (hasNextPage) but only the first `first` are projected: the extra one's subtree was 10% of the
  // wide query's db hits. Each row carries its position in the page, and the adapter orders by it:
  // an ORDER BY here would hold every projected row until the last (50 concurrent wide pages:
  // 6.3 s against 4.2 s without). OPTIONAL keeps the count's row when the page is empty.
  // Counted with a filter: its matches are found once and the page is taken from that list.
  const once = root.countTotal ? parts.matched : null;
  const cypher = lines(
    once ? once.count : root.countTotal ? parts.count : null,
    once ? 'OPTIONAL CALL (matched) {' : 'OPTIONAL CALL () {',
    `  ${once ? once.page : parts.match}`,
    '  WITH collect(n) AS fetched',
    '  UNWIND range(0, size(fetched[..$treeFirst]) - 1) AS position',
    '  WITH fetched[position] AS n, position, size(fetched) > $treeFirst AS hasNextPage',
    `  RETURN n ${rootProjection(root.node, labelLiteral(root.query.filter.label), pageProjections, PAGE_KEYS)} AS node, position, hasNextPage`,
    '}',
    `RETURN ${root.countTotal ? 'totalCount' : 'null AS totalCount'}, node, position, hasNextPage`,
  );
  return { cypher, params: { ...parts.params, ...stages, treeFirst: int(first) } };
}

/**
 * The projection text depends only on the selection, and the compiler hands out the same TreeNode
 * for the same operation shape, so the text is built once per shape.
 */
const byIdProjections = new WeakMap<TreeNode, string>();
const pageProjections = new WeakMap<TreeNode, string>();
const searchProjections = new WeakMap<TreeNode, string>();
/** A page's nodes also carry their keyset position, from which the connection's cursors are made. */
const PAGE_KEYS = ['__sortKey: n.sortKey', '__id: n.id'];

/** `labelExpr`: the Cypher expression a typed node's `__label` takes; the same for every use of one cache and node. */
function rootProjection(node: TreeNode, labelExpr: string, cache: WeakMap<TreeNode, string>, extra: readonly string[]): string {
  let text = cache.get(node);
  if (!text) {
    text = mapProjection('n', node, labelExpr, { next: 0 }, extra);
    cache.set(node, text);
  }
  return text;
}

interface Names {
  next: number;
}

/**
 * `{__c: true, `key`: v.`prop`, …}` — to be written right after the node variable. A typed node
 * also gets `__label: <labelExpr>`: a literal where the label is known (a root by id, a page, a
 * relationship's target), the column it was found under in a search.
 */
function mapProjection(v: string, node: TreeNode, labelExpr: string, names: Names, extra: readonly string[] = []): string {
  const typed = node.typed ? [`__label: ${labelExpr}`] : [];
  const entries = ['__c: true', ...typed, ...extra, ...node.fields.map((f) => `${name(f.key)}: ${fieldExpression(v, f, names)}`)];
  return `{${entries.join(', ')}}`;
}

function fieldExpression(v: string, field: TreeField, names: Names): string {
  switch (field.kind) {
    case 'prop':
      return `${v}.${name(field.prop)}`;
    case 'earlyCareer':
      return `CASE WHEN ${v}.careerStage = 'UNKNOWN' THEN null ELSE ${v}.careerStage IN $treeEarlyCareerStages END`;
    case 'rel': {
      const { m, match } = step(v, field, names);
      const limit = field.one ? ' LIMIT 1' : '';
      // No relationship property is returned, so two relationships to one neighbour give identical
      // entries: the relationship key (GraphStore.neighbours' last tie-breaker) cannot change the
      // answer and is not read (a property read per relationship; 29k → 23k db hits on the wide query).
      const sub = `COLLECT { ${match} WITH ${m} ORDER BY ${m}.sortKey, ${m}.id${limit} RETURN ${m} ${mapProjection(m, field.node, labelLiteral(field.target), names)} }`;
      return field.one ? `${sub}[0]` : sub;
    }
    case 'edge': {
      const { r, m, match } = step(v, field, names);
      const entries = [
        '__c: true',
        ...field.props.map((p) => `${name(p.key)}: ${r}.${name(p.prop)}`),
        ...field.nodeKeys.map((k) => `${name(k.key)}: ${m} ${mapProjection(m, k.node, labelLiteral(field.target), names)}`),
      ];
      const order = field.props.length ? `${m}.sortKey, ${m}.id, ${r}.key` : `${m}.sortKey, ${m}.id`;
      return `COLLECT { ${match} WITH ${r}, ${m} ORDER BY ${order} RETURN {${entries.join(', ')}} }`;
    }
  }
}

function step(v: string, field: Extract<TreeField, { kind: 'rel' | 'edge' }>, names: Names): { r: string; m: string; match: string } {
  const i = ++names.next;
  const r = `r${i}`;
  const m = `n${i}`;
  const type = relType(field.rel);
  const pattern = field.direction === 'OUT' ? `-[${r}:${type}]->` : `<-[${r}:${type}]-`;
  return { r, m, match: `MATCH (${v})${pattern}(${m}:${label(field.target)})` };
}

/** A GraphQL name (response key or property) as a Cypher name; anything else is a programming error. */
function name(value: string): string {
  if (!/^[_A-Za-z][_0-9A-Za-z]*$/.test(value)) throw new TypeError(`Not a GraphQL name: ${JSON.stringify(value)}`);
  return `\`${value}\``;
}
