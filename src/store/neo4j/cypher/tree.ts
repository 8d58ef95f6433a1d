import type { TreeField, TreeNode, TreeRoot } from '../../tree';
import { pageParts } from './page';
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
  if (root.kind === 'byId') {
    return {
      cypher: lines(`MATCH (n:${label(root.label)} {id: $id})`, `RETURN n ${rootProjection(root.node, byIdProjections, [])} AS node`),
      params: { id: root.id, ...stages },
    };
  }
  const parts = pageParts(root.query);
  const direction = root.query.direction === 'DESC' ? 'DESC' : 'ASC';
  // One row per node, not one row holding the list: the driver decodes a record larger than a
  // Bolt chunk from a combined buffer, walking every part of it for each string (measured: the
  // 171 KB institutions page spent a fifth of its CPU there). OPTIONAL keeps the count's row
  // when the page is empty; the outer ORDER BY restates the page's order for the rows leaving it.
  const cypher = lines(
    root.countTotal ? parts.count : null,
    'OPTIONAL CALL () {',
    `  ${parts.match}`,
    `  RETURN n ${rootProjection(root.node, pageProjections, PAGE_KEYS)} AS node`,
    '}',
    `RETURN ${root.countTotal ? 'totalCount' : 'null AS totalCount'}, node ORDER BY node.__sortKey ${direction}, node.__id ${direction}`,
  );
  return { cypher, params: { ...parts.params, ...stages } };
}

/**
 * The projection text depends only on the selection, and the compiler hands out the same TreeNode
 * for the same operation shape, so the text is built once per shape.
 */
const byIdProjections = new WeakMap<TreeNode, string>();
const pageProjections = new WeakMap<TreeNode, string>();
/** A page's nodes also carry their keyset position, from which the connection's cursors are made. */
const PAGE_KEYS = ['__sortKey: n.sortKey', '__id: n.id'];

function rootProjection(node: TreeNode, cache: WeakMap<TreeNode, string>, extra: readonly string[]): string {
  let text = cache.get(node);
  if (!text) {
    text = mapProjection('n', node, { next: 0 }, extra);
    cache.set(node, text);
  }
  return text;
}

interface Names {
  next: number;
}

/** `{__c: true, `key`: v.`prop`, …}` — to be written right after the node variable. */
function mapProjection(v: string, node: TreeNode, names: Names, extra: readonly string[] = []): string {
  const entries = ['__c: true', ...extra, ...node.fields.map((f) => `${name(f.key)}: ${fieldExpression(v, f, names)}`)];
  return `{${entries.join(', ')}}`;
}

function fieldExpression(v: string, field: TreeField, names: Names): string {
  switch (field.kind) {
    case 'prop':
      return `${v}.${name(field.prop)}`;
    case 'earlyCareer':
      return `CASE WHEN ${v}.careerStage = 'UNKNOWN' THEN null ELSE ${v}.careerStage IN $treeEarlyCareerStages END`;
    case 'rel': {
      const { r, m, match } = step(v, field, names);
      const limit = field.one ? ' LIMIT 1' : '';
      const sub = `COLLECT { ${match} WITH ${r}, ${m} ORDER BY ${m}.sortKey, ${m}.id, ${r}.key${limit} RETURN ${m} ${mapProjection(m, field.node, names)} }`;
      return field.one ? `${sub}[0]` : sub;
    }
    case 'edge': {
      const { r, m, match } = step(v, field, names);
      const entries = [
        '__c: true',
        ...field.props.map((p) => `${name(p.key)}: ${r}.${name(p.prop)}`),
        ...field.nodeKeys.map((k) => `${name(k.key)}: ${m} ${mapProjection(m, k.node, names)}`),
      ];
      return `COLLECT { ${match} WITH ${r}, ${m} ORDER BY ${m}.sortKey, ${m}.id, ${r}.key RETURN {${entries.join(', ')}} }`;
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
