import type { Direction, Neighbour, RelType } from '../../store/graph';
import type { Context } from '../context';
import { labelOfType } from '../node/mappers';
import { hydrate, type Entity } from '../node/node.type';

/**
 * Field resolvers for relationships go through these helpers, so that every one is batched by
 * the request's loaders (one store call per nesting level, never one per parent).
 */
export async function neighboursOf(ctx: Context, id: string, rel: RelType, direction: Direction): Promise<Neighbour[]> {
  return ctx.loaders.neighbours(rel, direction).load(id);
}

/** The neighbours of one label as GraphQL objects. */
export async function related<T extends Entity>(
  ctx: Context,
  id: string,
  rel: RelType,
  direction: Direction,
  Type: new () => T,
): Promise<T[]> {
  const label = labelOfType(Type);
  const found = await neighboursOf(ctx, id, rel, direction);
  return found.filter((n) => n.node.label === label).map((n) => hydrate(Type, n.node));
}

/** The single neighbour over a to-one relationship, or null. */
export async function relatedOne<T extends Entity>(
  ctx: Context,
  id: string,
  rel: RelType,
  direction: Direction,
  Type: new () => T,
): Promise<T | null> {
  return (await related(ctx, id, rel, direction, Type))[0] ?? null;
}
