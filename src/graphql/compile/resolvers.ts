import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLSchema, isObjectType } from 'graphql';
import type { Label } from '../../domain/ids';
import type { GraphNode } from '../../store/graph';
import type { NodeFilter } from '../../store/port';
import type { TreeMap } from '../../store/tree';
import type { ConnectionShape } from '../common/connection';
import { connectionFrom, type PageRequest } from '../common/pagination';
import { encodeKeyset } from '../common/cursor';
import type { Context } from '../context';
import { COMPILED_TYPES, isEdgeSpec, RELATIONS } from './model';
import { compileConnectionField, compileNodeField, compileObjectField, compileSearchField, selectsTotalCount } from './plan';

/** The object types whose compiled answers are maps keyed by response key: the compiled node types and the relationship-as-object types. */
export const KEYED_TYPES: ReadonlySet<string> = new Set<string>([
  ...COMPILED_TYPES,
  ...Object.values(RELATIONS).flatMap((fields) => Object.values(fields ?? {}).filter(isEdgeSpec).map((s) => s.edgeType)),
]);

/**
 * Root fields read their whole selection in one store call when the store can (readTree) and
 * the compiler covers the selection; otherwise they fall back to the loaders. Compiled results are
 * plain maps keyed by response key (marked `__c`), so every field of the compiled types reads its
 * value by `info.path.key` before anything else: one alias-aware resolver, as @neo4j/graphql has,
 * instead of class hydration and a DataLoader promise per field.
 */
export function useCompiledReads(schema: GraphQLSchema): GraphQLSchema {
  for (const name of KEYED_TYPES) {
    const type = schema.getType(name);
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      field.resolve = readByKeyFirst(field.resolve ?? defaultFieldResolver);
    }
  }
  return schema;
}

function readByKeyFirst(resolve: GraphQLFieldResolver<unknown, unknown>): GraphQLFieldResolver<unknown, unknown> {
  return (source, args, context, info) => {
    if (source !== null && typeof source === 'object' && (source as TreeMap).__c === true) return (source as Record<string, unknown>)[info.path.key as string];
    return resolve(source, args, context, info);
  };
}

/**
 * One node by id with its whole selection, or undefined when this request cannot be compiled
 * (the caller then resolves it the usual way). The id must be validated by the caller. The by-id
 * roots of one operation are read together (Loaders.tree): one statement for all of them.
 */
export function compiledById(ctx: Context, info: GraphQLResolveInfo, label: Label, id: string): Promise<TreeMap | null> | undefined {
  if (!ctx.store.readTree) return undefined;
  const node = compileObjectField(info);
  return node ? ctx.loaders.tree([...ctx.earlyCareer.stages]).load({ label, id, node }) : undefined;
}

/** node(id) for an id of a known label: as compiledById, the map saying its label (for the Node interface). */
export function compiledNode(ctx: Context, info: GraphQLResolveInfo, label: Label, id: string): Promise<TreeMap | null> | undefined {
  if (!ctx.store.readTree) return undefined;
  const node = compileNodeField(info, label);
  return node ? ctx.loaders.tree([...ctx.earlyCareer.stages]).load({ label, id, node }) : undefined;
}

/** Search hits with each node read as its label's selection asks (GraphStore.search's ranking), or undefined when not compiled. */
export async function compiledSearch(ctx: Context, info: GraphQLResolveInfo, text: string, first: number, labels: readonly Label[]): Promise<{ node: TreeMap; score: number }[] | undefined> {
  if (!ctx.store.readTree) return undefined;
  const nodes = compileSearchField(info, labels);
  if (!nodes) return undefined;
  const result = await ctx.store.readTree({ kind: 'search', text, first, labels, nodes, earlyCareerStages: [...ctx.earlyCareer.stages] });
  if (result.kind !== 'search') throw new TypeError('readTree answered a search with another kind');
  return result.hits;
}

/** A Relay connection of a filtered label: compiled when possible, else one page through the loaders. */
export async function connectionOf<T>(
  ctx: Context,
  info: GraphQLResolveInfo,
  filter: NodeFilter,
  request: PageRequest,
  toItem: (node: GraphNode) => T,
): Promise<ConnectionShape<T | TreeMap>> {
  const compiled = ctx.store.readTree ? compileConnectionField(info) : null;
  if (!compiled || !ctx.store.readTree) return connectionFrom(ctx.store, filter, request, toItem, selectsTotalCount(info));
  const result = await ctx.store.readTree({
    kind: 'page',
    query: { filter, ...request },
    countTotal: compiled.countTotal,
    node: compiled.node,
    earlyCareerStages: [...ctx.earlyCareer.stages],
  });
  if (result.kind !== 'page') throw new TypeError('readTree answered a page query with another kind');
  const edges = result.nodes.map((node) => ({ cursor: encodeKeyset(node.__sortKey, node.__id), node }));
  return {
    edges,
    // Only null when not selected (countTotal false), so GraphQL never reads it then.
    totalCount: result.totalCount as number,
    pageInfo: { hasNextPage: result.hasNextPage, hasPreviousPage: false, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
