import { isIdOf, type Label } from '../../domain/ids';
import { badInput, echo } from '../../errors';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context';
import { compiledById } from '../compile/resolvers';
import { hydrate, type Entity } from '../node/node.type';

/** Rejects an id that is malformed or names another type: the client's mistake, said plainly. */
export function requireIdOf(label: Label, id: string, argumentName: string): string {
  if (!isIdOf(label, id)) {
    throw badInput(`\`${argumentName}\` must be a ${label} id such as "${label.toLowerCase()}:…", got "${echo(id)}"`, { argumentName });
  }
  return id;
}

export function optionalIdOf(label: Label, id: string | null | undefined, argumentName: string): string | undefined {
  return id == null ? undefined : requireIdOf(label, id, argumentName);
}

export function requireCountryCode(code: string | null | undefined, argumentName: string): string | undefined {
  if (code == null) return undefined;
  const upper = code.toUpperCase();
  if (!/^[A-Z]{2}$/.test(upper)) throw badInput(`\`${argumentName}\` must be an ISO 3166-1 alpha-2 code such as "JP"`, { argumentName });
  return upper;
}

/**
 * One node of a known type by id; null when no such node exists (Relay convention). With `info`,
 * the whole selection is read in one store call when it compiles (compile/resolvers.ts);
 * otherwise the node is batched through the loaders and its fields resolved one by one.
 */
export async function entityById<T extends Entity>(ctx: Context, label: Label, id: string, Type: new () => T, info?: GraphQLResolveInfo): Promise<T | null> {
  requireIdOf(label, id, 'id');
  if (info) {
    const compiled = await compiledById(ctx, info, label, id);
    // A compiled map stands in for the entity: the compiled types' fields read it by response key.
    if (compiled !== undefined) return compiled as unknown as T | null;
  }
  const node = await ctx.loaders.node.load(id);
  return node ? hydrate(Type, node) : null;
}
