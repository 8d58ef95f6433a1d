import type { GraphQLResolveInfo } from 'graphql';
import { Args, ArgsType, Ctx, Field, FieldResolver, InputType, Query, Resolver, Root, Info } from 'type-graphql';
import type { PaperStatus } from '../../domain/enums';
import { Connection } from '../common/connection';
import { PaperStatusEnum } from '../common/enums';
import { PageArgs, pageRequest } from '../common/pagination';
import { connectionOf } from '../compile/resolvers';
import { neighboursOf, related } from '../common/related';
import type { Context } from '../context';
import { hydrate } from '../node/node.type';
import { toEntityOf } from '../node/mappers';
import { Person } from '../person/person.type';
import { Theme } from '../theme/theme.type';
import { Paper } from './paper.type';

const PaperConnection = Connection(Paper, 'Paper');

@InputType()
class PaperFilter {
  @Field(() => [PaperStatusEnum], { nullable: true })
  status?: PaperStatus[] | null;
}

@ArgsType()
class PapersArgs extends PageArgs {
  @Field(() => PaperFilter, { nullable: true })
  filter?: PaperFilter | null;
}

@Resolver(() => Paper)
export class PaperResolver {
  @Query(() => PaperConnection)
  papers(@Args() args: PapersArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const where = { status: args.filter?.status ?? undefined };
    return connectionOf(ctx, info, { label: 'Paper', where }, pageRequest(args, ctx.maxPageSize), toEntityOf(Paper));
  }

  @FieldResolver(() => [Person], { description: 'Authors in byline order.' })
  async authors(@Root() paper: Paper, @Ctx() ctx: Context): Promise<Person[]> {
    const found = await neighboursOf(ctx, paper.id, 'AUTHORED', 'IN');
    return [...found].sort((a, b) => Number(a.rel.position ?? 0) - Number(b.rel.position ?? 0)).map((n) => hydrate(Person, n.node));
  }

  @FieldResolver(() => [Theme])
  themes(@Root() paper: Paper, @Ctx() ctx: Context): Promise<Theme[]> {
    return related(ctx, paper.id, 'ABOUT', 'OUT', Theme);
  }
}
