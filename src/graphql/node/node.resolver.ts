import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { labelOfId } from '../../domain/ids';
import { badInput, echo } from '../../errors';
import type { Context } from '../context';
import { toEntity } from './mappers';
import { Node } from './node.type';

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any record by its global id; null when none exists.' })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Node | null> {
    if (!labelOfId(id)) throw badInput(`\`id\` is not a Kizuna id (expected "type:name", e.g. "person:…"), got "${echo(id)}"`, { argumentName: 'id' });
    const node = await ctx.loaders.node.load(id);
    return node ? toEntity(node) : null;
  }
}
