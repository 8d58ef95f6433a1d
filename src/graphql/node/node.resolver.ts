import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import { labelOfId } from '../../domain/ids';
import { badInput, echo } from '../../errors';
import { compiledNode } from '../compile/resolvers';
import type { Context } from '../context';
import { toEntity } from './mappers';
import { Node } from './node.type';

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any record by its global id; null when none exists.' })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Node | null> {
    const label = labelOfId(id);
    if (!label) throw badInput(`\`id\` is not a Kizuna id (expected "type:name", e.g. "person:…"), got "${echo(id)}"`, { argumentName: 'id' });
    // The whole selection in one read where it compiles (a compiled map stands in for the entity).
    const compiled = compiledNode(ctx, info, label, id);
    if (compiled) return (await compiled) as unknown as Node | null;
    const node = await ctx.loaders.node.load(id);
    return node ? toEntity(node) : null;
  }
}
