import {
  type FieldNode,
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  GraphQLSkipDirective,
  isLeafType,
  isObjectType,
  type SelectionSetNode,
} from 'graphql';
import type { Label } from '../../domain/ids';
import type { TreeField, TreeNode, TreeNodesByLabel } from '../../store/tree';
import { COMPILED_TYPES, COMPUTED, type EdgeSpec, isEdgeSpec, RELATIONS } from './model';

/**
 * The GraphQL side of the compiler: a root field's selection set → a store-neutral TreeNode
 * (store/tree.ts), or null when some selected field cannot be read that way. Fragments are
 * merged, @skip/@include applied. The result is cached per root field node: Apollo keeps parsed
 * documents, so the same operation text gives the same FieldNode objects on every request and the
 * selection is walked once per operation shape (unless @skip/@include depend on variables).
 */
interface Walk {
  info: GraphQLResolveInfo;
  /** Set when a @skip/@include was met: the result then depends on variables and is not cached. */
  variableDependent: boolean;
}

/** Compiled selections per root field node and variant (object, connection, node:<Label>, search). */
const cache = new WeakMap<FieldNode, Map<string, { value: unknown }>>();

/** The selection of an object-typed root field (person(id), lab(id)…) as a TreeNode. */
export function compileObjectField(info: GraphQLResolveInfo): TreeNode | null {
  return cached(info, 'object', (walk) => compileNode(walk, objectType(info, getNamedType(info.returnType).name), selectionSets(info.fieldNodes)));
}

/**
 * The selection of a root field of interface type (node(id)) for a node of a known label (the id
 * says it): fragments on other types drop out, and the map carries its label for resolveType.
 */
export function compileNodeField(info: GraphQLResolveInfo, label: Label): TreeNode | null {
  return cached(info, `node:${label}`, (walk) => compileNode(walk, objectType(info, label), selectionSets(info.fieldNodes), true));
}

/**
 * The node selection of a search root field (`[SearchHit!]!`) for each label it may find, or null
 * when some label's selection does not compile or the hits are asked for something besides one
 * `node` (under one response key), `score` and `__typename`.
 */
export function compileSearchField(info: GraphQLResolveInfo, labels: readonly Label[]): TreeNodesByLabel | null {
  return cached(info, 'search', (walk) => compileSearch(walk, labels));
}

/**
 * The node selection of a Relay connection root field: every `edges { node { … } }` merged.
 * `countTotal` says whether totalCount is selected anywhere; `pageInfo` and `cursor` need nothing
 * from the store beyond the page itself.
 */
export function compileConnectionField(info: GraphQLResolveInfo): { node: TreeNode; countTotal: boolean } | null {
  return cached(info, 'connection', compileConnection);
}

/**
 * Whether the field's own selection may read one of `names`, so that work only they need can be
 * skipped otherwise. Conservative: any fragment at that level counts as "maybe".
 */
export function maySelect(info: GraphQLResolveInfo, names: readonly string[]): boolean {
  return selectionSets(info.fieldNodes).some((set) => set.selections.some((s) => s.kind !== 'Field' || names.includes(s.name.value)));
}

/** Whether a connection's selection may read totalCount (for the uncompiled path). */
export function selectsTotalCount(info: GraphQLResolveInfo): boolean {
  return maySelect(info, ['totalCount']);
}

function compileSearch(walk: Walk, labels: readonly Label[]): TreeNodesByLabel | null {
  const hit = objectType(walk.info, getNamedType(walk.info.returnType).name);
  const fields = collect(walk, hit.name, selectionSets(walk.info.fieldNodes));
  if (!fields) return null;
  // The hits are built in JS ({node, score}) and read by field name: one response key for `node`.
  let nodeKey: string | null = null;
  let nodeSets: SelectionSetNode[] = [];
  for (const [key, nodes] of fields) {
    const name = nodes[0].name.value;
    if (name === 'node') {
      if (nodeKey !== null) return null;
      nodeKey = key;
      nodeSets = selectionSets(nodes);
    } else if (name !== 'score' && name !== '__typename') return null;
  }
  const out: TreeNodesByLabel = {};
  for (const label of labels) {
    const node = compileNode(walk, objectType(walk.info, label), nodeSets, true);
    if (!node) return null;
    out[label] = node;
  }
  return out;
}

function compileConnection(walk: Walk): { node: TreeNode; countTotal: boolean } | null {
  const connection = objectType(walk.info, getNamedType(walk.info.returnType).name);
  const nodeType = getNamedType(connection.getFields().edges?.type);
  const fields = collect(walk, connection.name, selectionSets(walk.info.fieldNodes));
  if (!fields || !isObjectType(nodeType)) return null;
  let countTotal = false;
  const nodeSelections: SelectionSetNode[] = [];
  for (const [, nodes] of fields) {
    const name = nodes[0].name.value;
    if (name === 'totalCount') countTotal = true;
    else if (name === 'edges') {
      const edgeFields = collect(walk, nodeType.name, selectionSets(nodes));
      if (!edgeFields) return null;
      for (const [, edgeNodes] of edgeFields) {
        const edgeName = edgeNodes[0].name.value;
        if (edgeName === 'node') nodeSelections.push(...selectionSets(edgeNodes));
        else if (edgeName !== 'cursor' && edgeName !== '__typename') return null;
      }
    } else if (name !== 'pageInfo' && name !== '__typename') return null;
  }
  const target = getNamedType(nodeType.getFields().node.type);
  const node = compileNode(walk, objectType(walk.info, target.name), nodeSelections);
  return node ? { node, countTotal } : null;
}

function cached<T>(info: GraphQLResolveInfo, variant: string, compile: (walk: Walk) => T | null): T | null {
  // Several field nodes for one response key (a repeated field, merged by GraphQL) are rare: not cached.
  const key = info.fieldNodes.length === 1 ? info.fieldNodes[0] : null;
  const hit = key && cache.get(key)?.get(variant);
  if (hit) return hit.value as T | null;
  const walk: Walk = { info, variableDependent: false };
  const value = compile(walk);
  if (key && !walk.variableDependent) {
    let variants = cache.get(key);
    if (!variants) cache.set(key, (variants = new Map()));
    variants.set(variant, { value });
  }
  return value;
}

/** `typed`: the node sits where an interface is expected, so its map must say its label (TreeNode.typed). */
function compileNode(walk: Walk, type: GraphQLObjectType, sets: readonly SelectionSetNode[], typed = false): TreeNode | null {
  if (!(COMPILED_TYPES as readonly string[]).includes(type.name)) return null;
  const label = type.name as Label;
  const fields = collect(walk, type.name, sets);
  if (!fields) return null;
  const out: TreeField[] = [];
  for (const [key, nodes] of fields) {
    const name = nodes[0].name.value;
    if (name === '__typename') continue; // answered by GraphQL itself from the type
    if (nodes.some((n) => n.arguments?.length)) return null;
    const field = type.getFields()[name];
    const computed = COMPUTED[`${type.name}.${name}`];
    const relation = RELATIONS[label]?.[name];
    if (computed) out.push(computed === 'earlyCareer' ? { kind: 'earlyCareer', key } : { kind: 'prop', key, prop: computed.prop });
    else if (relation && isEdgeSpec(relation)) {
      const compiled = compileEdge(walk, key, relation, selectionSets(nodes));
      if (!compiled) return null;
      out.push(compiled);
    } else if (relation) {
      const node = compileNode(walk, objectType(walk.info, relation.target), selectionSets(nodes));
      if (!node) return null;
      out.push({ kind: 'rel', key, rel: relation.rel, direction: relation.direction, target: relation.target, one: relation.one, node });
    } else if (field && isLeafType(getNamedType(field.type)) && name !== 'sources') out.push({ kind: 'prop', key, prop: name });
    else return null;
  }
  return typed ? { fields: out, typed } : { fields: out };
}

function compileEdge(walk: Walk, key: string, spec: EdgeSpec, sets: readonly SelectionSetNode[]): TreeField | null {
  const type = objectType(walk.info, spec.edgeType);
  const fields = collect(walk, type.name, sets);
  if (!fields) return null;
  const props: { key: string; prop: string }[] = [];
  const nodeKeys: { key: string; node: TreeNode }[] = [];
  for (const [k, nodes] of fields) {
    const name = nodes[0].name.value;
    if (name === '__typename') continue;
    if (name === spec.nodeField) {
      const node = compileNode(walk, objectType(walk.info, spec.target), selectionSets(nodes));
      if (!node) return null;
      nodeKeys.push({ key: k, node });
    } else if (isLeafType(getNamedType(type.getFields()[name]?.type))) props.push({ key: k, prop: name });
    else return null;
  }
  return { kind: 'edge', key, rel: spec.rel, direction: spec.direction, target: spec.target, props, nodeKeys };
}

/**
 * Fields of one selection (several sets merged) by response key, for an object type: inline
 * fragments and fragment spreads apply when their condition is the type itself or an interface
 * it implements. Null when one response key names two different fields (GraphQL allows that in
 * sibling branches merged here, e.g. two `edges` aliases; such shapes are not compiled).
 */
function collect(walk: Walk, typeName: string, sets: readonly SelectionSetNode[]): Map<string, FieldNode[]> | null {
  const out = new Map<string, FieldNode[]>();
  const type = walk.info.schema.getType(typeName);
  const applies = (condition: string | undefined) =>
    !condition || condition === typeName || (isObjectType(type) && type.getInterfaces().some((i) => i.name === condition));
  const visit = (set: SelectionSetNode): boolean => {
    for (const selection of set.selections) {
      if (!included(walk, selection)) continue;
      if (selection.kind === 'Field') {
        const key = selection.alias?.value ?? selection.name.value;
        const list = out.get(key);
        if (list && list[0].name.value !== selection.name.value) return false;
        if (list) list.push(selection);
        else out.set(key, [selection]);
      } else if (selection.kind === 'InlineFragment') {
        if (applies(selection.typeCondition?.name.value) && !visit(selection.selectionSet)) return false;
      } else {
        const fragment = walk.info.fragments[selection.name.value];
        if (fragment && applies(fragment.typeCondition.name.value) && !visit(fragment.selectionSet)) return false;
      }
    }
    return true;
  };
  for (const set of sets) if (!visit(set)) return null;
  return out;
}

function included(walk: Walk, node: Parameters<typeof getDirectiveValues>[1]): boolean {
  if (!node.directives?.length) return true;
  walk.variableDependent = true;
  const vars = walk.info.variableValues;
  if (getDirectiveValues(GraphQLSkipDirective, node, vars)?.if === true) return false;
  if (getDirectiveValues(GraphQLIncludeDirective, node, vars)?.if === false) return false;
  return true;
}

function selectionSets(nodes: readonly FieldNode[]): SelectionSetNode[] {
  return nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
}

function objectType(info: GraphQLResolveInfo, name: string): GraphQLObjectType {
  const type = info.schema.getType(name);
  if (!isObjectType(type)) throw new TypeError(`${name} is not an object type`);
  return type;
}
