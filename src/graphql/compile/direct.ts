import {
  type DocumentNode,
  type FieldNode,
  getArgumentValues,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  isAbstractType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { collectFields, collectSubfields } from 'graphql/execution/collectFields';
import { buildExecutionContext, buildResolveInfo, type ExecutionContext, getFieldDef } from 'graphql/execution/execute';
import type { Context } from '../context';
import { KEYED_TYPES } from './resolvers';
import { labelOfId } from '../../domain/ids';
import { SEARCHABLE } from '../search/searchable';
import { compileConnectionField, compileNodeField, compileObjectField, compileSearchField } from './plan';

/**
 * Executes a query whose every root field is compiled (readTree; by-id roots batched into one) without
 * graphql-js's per-field execution: the root resolvers run as graphql-js would run them (same
 * arguments, info, context, so ids, limits and the request's store guards apply unchanged), and
 * their answers — maps already holding exactly the selection under its response keys — are
 * turned into the response by one walk that follows a plan made once per operation shape.
 *
 * Why by hand: graphql-jit would still call the alias-aware resolver of every field, and Apollo
 * Server has no executor hook for it; what remains per field here is a property read, the
 * scalar's own `serialize` and a copy into an object in selection order (Neo4j returns map keys in
 * its own order, GraphQL answers in the query's).
 *
 * Returns null whenever the answer might differ from graphql-js's: an operation that is not a
 * query, a root field that is not compiled, a resolver that throws (invalid id, timeout, store
 * error), a null where the schema says non-null or a value the scalar refuses. Apollo then
 * executes the operation normally, which reports the error exactly as before; the request store
 * remembers the reads already made, so falling back costs no second statement.
 */
export async function executeCompiled(request: {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown>;
  context: Context;
  /** Whether the document holds directives (@skip/@include): then plans depend on variables and are not cached. */
  cacheable: boolean;
}): Promise<Record<string, unknown> | null> {
  const { schema, context } = request;
  if (!context.store.readTree) return null;
  const exe = buildExecutionContext({ schema, document: request.document, contextValue: context, variableValues: request.variables, operationName: request.operationName });
  if (!('operation' in exe) || exe.operation.operation !== 'query') return null;
  const root = schema.getQueryType();
  if (!root) return null;
  const roots = planRoots(exe, root, request.cacheable);
  if (!roots) return null;
  let answers: unknown[];
  try {
    answers = await Promise.all(roots.map((r) => (r.kind === 'typename' ? root.name : r.field.resolve!(exe.rootValue, r.args, context, r.info))));
  } catch {
    return null;
  }
  const data: Record<string, unknown> = {};
  for (let i = 0; i < roots.length; i++) {
    const r = roots[i];
    if (r.kind === 'typename') data[r.key] = answers[i];
    else {
      const value = complete(r.plan, answers[i]);
      if (value === FAIL) return null;
      data[r.key] = value;
    }
  }
  return data;
}

/** Root fields whose resolvers compile their whole selection (compile/resolvers.ts compiledById, compiledNode, compiledSearch, connectionOf). */
const COMPILED_ROOTS = new Set(['person', 'lab', 'institution', 'visit', 'people', 'visits', 'institutions', 'labs', 'papers', 'materials', 'node', 'search']);
const BY_ID_ROOTS = new Set(['person', 'lab', 'institution', 'visit']);

/** Whether the root field's resolver takes the compiled path for these arguments (the same checks, cached per shape). */
function compilesRoot(name: string, info: GraphQLResolveInfo, args: Record<string, unknown>): boolean {
  if (BY_ID_ROOTS.has(name)) return compileObjectField(info) !== null;
  if (name === 'node') {
    // An id of no known label is the resolver's BAD_USER_INPUT, reported by graphql-js.
    const label = typeof args.id === 'string' ? labelOfId(args.id) : null;
    return label !== null && compileNodeField(info, label) !== null;
  }
  if (name === 'search') return compileSearchField(info, SEARCHABLE) !== null;
  return compileConnectionField(info) !== null;
}

type RootPlan =
  | { kind: 'typename'; key: string }
  | { kind: 'field'; key: string; field: GraphQLField<unknown, unknown>; args: Record<string, unknown>; info: GraphQLResolveInfo; plan: Shape };

function planRoots(exe: ExecutionContext, root: GraphQLObjectType, cacheable: boolean): RootPlan[] | null {
  const fields = collectFields(exe.schema, exe.fragments, exe.variableValues, root, exe.operation.selectionSet);
  const out: RootPlan[] = [];
  for (const [key, nodes] of fields) {
    const name = nodes[0].name.value;
    if (name === '__typename') {
      out.push({ kind: 'typename', key });
      continue;
    }
    if (!COMPILED_ROOTS.has(name)) return null;
    const field = getFieldDef(exe.schema, root, nodes[0]);
    if (!field?.resolve) return null;
    const info = buildResolveInfo(exe, field, nodes, root, { prev: undefined, key, typename: root.name });
    let args: Record<string, unknown>;
    try {
      args = getArgumentValues(field, nodes[0], exe.variableValues);
    } catch {
      return null; // graphql-js reports it
    }
    if (!compilesRoot(name, info, args)) return null;
    const plan = rootPlan(exe, field, nodes, cacheable);
    if (!plan) return null;
    out.push({ kind: 'field', key, field, args, info, plan });
  }
  return out;
}

/**
 * How to turn one object's answer into its part of the response: its fields in selection order,
 * each read by response key (the compiled maps) or by field name (connection, edge and page-info
 * objects, which the resolvers build in JS), with its type unwrapped once into a Shape (so no
 * per-value isNonNullType/isListType checks, which are slow in graphql-js's development mode).
 */
interface ObjectPlan {
  typename: string;
  /** Read by response key: the value must then be a compiled map (`__c`), never an entity a resolver hydrated. */
  byKey: boolean;
  fields: FieldPlan[];
}

type FieldPlan = { key: string; typename: true } | { key: string; typename?: false; read: string; shape: Shape };

type Shape =
  | { nonNull: boolean; kind: 'list'; of: Shape }
  | { nonNull: boolean; kind: 'leaf'; serialize: (value: unknown) => unknown }
  | { nonNull: boolean; kind: 'object'; plan: ObjectPlan }
  /** An interface (Node): a compiled map says its label (`__label`, the object type of the same name), which picks the plan. */
  | { nonNull: boolean; kind: 'abstract'; plans: ReadonlyMap<string, ObjectPlan> };

const plans = new WeakMap<FieldNode, Shape | null>();

function rootPlan(exe: ExecutionContext, field: GraphQLField<unknown, unknown>, nodes: readonly FieldNode[], cacheable: boolean): Shape | null {
  const key = cacheable && nodes.length === 1 ? nodes[0] : null;
  if (key && plans.has(key)) return plans.get(key)!;
  const shape = shapeOf(exe, field.type, nodes);
  if (key) plans.set(key, shape);
  return shape;
}

function shapeOf(exe: ExecutionContext, type: GraphQLOutputType, nodes: readonly FieldNode[]): Shape | null {
  const nonNull = isNonNullType(type);
  const inner = nonNull ? type.ofType : type;
  if (isListType(inner)) {
    const of = shapeOf(exe, inner.ofType, nodes);
    return of && { nonNull, kind: 'list', of };
  }
  if (isLeafType(inner)) return { nonNull, kind: 'leaf', serialize: (value) => inner.serialize(value) };
  if (isAbstractType(inner)) {
    // One plan per compiled type that can stand here; a map of any other label is left to graphql-js.
    const plans = new Map<string, ObjectPlan>();
    for (const type of exe.schema.getPossibleTypes(inner)) {
      const plan = KEYED_TYPES.has(type.name) ? objectPlan(exe, type, nodes) : null;
      if (plan) plans.set(type.name, plan);
    }
    return { nonNull, kind: 'abstract', plans };
  }
  if (!isObjectType(inner)) return null;
  const plan = objectPlan(exe, inner, nodes);
  return plan && { nonNull, kind: 'object', plan };
}

/** Object types answered as plain objects built by the resolvers (connections, edges, page info, search hits), read by field name. */
function isPlainType(name: string): boolean {
  return /(Connection|Edge)$/.test(name) || name === 'PageInfo' || name === 'SearchHit';
}

function objectPlan(exe: ExecutionContext, type: GraphQLObjectType, nodes: readonly FieldNode[]): ObjectPlan | null {
  const byKey = KEYED_TYPES.has(type.name);
  // Only the compiled maps and the plain connection objects around them are known to hold their answers as plain properties.
  if (!byKey && !isPlainType(type.name)) return null;
  const fields: FieldPlan[] = [];
  for (const [key, fieldNodes] of collectSubfields(exe.schema, exe.fragments, exe.variableValues, type, nodes)) {
    const name = fieldNodes[0].name.value;
    if (name === '__typename') {
      fields.push({ key, typename: true });
      continue;
    }
    const def = type.getFields()[name];
    const shape = def && shapeOf(exe, def.type, fieldNodes);
    if (!shape) return null;
    fields.push({ key, read: byKey ? key : name, shape });
  }
  return { typename: type.name, byKey, fields };
}

const FAIL = Symbol('not as graphql-js would answer');

/** graphql-js's completeValue for plain values: null checks, lists, the scalar's serialize, objects in selection order. */
function complete(shape: Shape, value: unknown): unknown {
  if (value == null) return shape.nonNull ? FAIL : null;
  switch (shape.kind) {
    case 'leaf':
      try {
        const serialized = shape.serialize(value);
        return serialized === undefined ? FAIL : serialized;
      } catch {
        return FAIL;
      }
    case 'list': {
      if (!Array.isArray(value)) return FAIL;
      const out = new Array(value.length);
      for (let i = 0; i < value.length; i++) {
        const item = complete(shape.of, value[i]);
        if (item === FAIL) return FAIL;
        out[i] = item;
      }
      return out;
    }
    case 'object':
      return typeof value === 'object' ? completeObject(shape.plan, value as Record<string, unknown>) : FAIL;
    case 'abstract': {
      const source = value as Record<string, unknown>;
      const plan = typeof source.__label === 'string' ? shape.plans.get(source.__label) : undefined;
      return plan ? completeObject(plan, source) : FAIL;
    }
  }
}

function completeObject(plan: ObjectPlan, source: Record<string, unknown>): unknown {
  if (plan.byKey && source.__c !== true) return FAIL;
  const out: Record<string, unknown> = {};
  for (const field of plan.fields) {
    if (field.typename) out[field.key] = plan.typename;
    else {
      const item = complete(field.shape, source[field.read]);
      if (item === FAIL) return FAIL;
      out[field.key] = item;
    }
  }
  return out;
}
