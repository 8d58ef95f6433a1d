import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Field, Info, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { normalizeForSearch } from '../../domain/searchText';
import { badInput } from '../../errors';
import { compiledSearch } from '../compile/resolvers';
import type { Context } from '../context';
import { toEntity } from '../node/mappers';
import { Node } from '../node/node.type';
import { SEARCHABLE } from './searchable';

const MAX_TEXT_LENGTH = 200;

@ObjectType()
class SearchHit {
  @Field(() => Node)
  node!: Node;

  @Field(() => Int, { description: '3 = a name equals the text, 2 = a name starts with it, 1 = contains it.' })
  score!: number;
}

@Resolver()
export class SearchResolver {
  @Query(() => [SearchHit], {
    description:
      'Finds people, institutions, labs, themes, materials, events and papers by name in either script, ignoring case, width, spacing and Latin accents ("ＪＬＵ" = "jlu", "Schröder" = "Schroder").',
  })
  async search(
    @Arg('text', () => String) text: string,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SearchHit[]> {
    if (text.length > MAX_TEXT_LENGTH) throw badInput(`\`text\` is longer than ${MAX_TEXT_LENGTH} characters`, { argumentName: 'text' });
    if (!normalizeForSearch(text)) throw badInput('`text` has nothing to search for', { argumentName: 'text' });
    if (first < 1 || first > ctx.maxPageSize) throw badInput(`\`first\` must be between 1 and ${ctx.maxPageSize}`, { argumentName: 'first' });
    // Hits whose nodes are compiled maps (read by response key), where the selection compiles.
    const compiled = await compiledSearch(ctx, info, text, first, SEARCHABLE);
    if (compiled) return compiled as unknown as SearchHit[];
    const hits = await ctx.store.search(text, first, SEARCHABLE);
    return hits.map((h) => Object.assign(new SearchHit(), { node: toEntity(h.node), score: h.score }));
  }
}
