import type { GraphQLResolveInfo } from 'graphql';
import { Args, ArgsType, Ctx, Field, FieldResolver, InputType, Query, Resolver, Root, Info } from 'type-graphql';
import type { MaterialKind } from '../../domain/enums';
import { Connection } from '../common/connection';
import { MaterialKindEnum } from '../common/enums';
import { PageArgs, pageRequest } from '../common/pagination';
import { connectionOf } from '../compile/resolvers';
import { related, relatedOne } from '../common/related';
import type { Context } from '../context';
import { Institution } from '../institution/institution.type';
import { toEntityOf } from '../node/mappers';
import { Theme } from '../theme/theme.type';
import { Transfer } from '../transfer/transfer.type';
import { Visit } from '../visit/visit.type';
import { Material } from './material.type';

const MaterialConnection = Connection(Material, 'Material');

@InputType()
class MaterialFilter {
  @Field(() => MaterialKindEnum, { nullable: true })
  kind?: MaterialKind | null;
}

@ArgsType()
class MaterialsArgs extends PageArgs {
  @Field(() => MaterialFilter, { nullable: true })
  filter?: MaterialFilter | null;
}

@Resolver(() => Material)
export class MaterialResolver {
  @Query(() => MaterialConnection)
  materials(@Args() args: MaterialsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const where = { kind: args.filter?.kind ?? undefined };
    return connectionOf(ctx, info, { label: 'Material', where }, pageRequest(args, ctx.maxPageSize), toEntityOf(Material));
  }

  @FieldResolver(() => Institution, { nullable: true })
  owner(@Root() material: Material, @Ctx() ctx: Context): Promise<Institution | null> {
    return relatedOne(ctx, material.id, 'OWNS', 'IN', Institution);
  }

  @FieldResolver(() => [Theme])
  themes(@Root() material: Material, @Ctx() ctx: Context): Promise<Theme[]> {
    return related(ctx, material.id, 'ABOUT', 'OUT', Theme);
  }

  @FieldResolver(() => [Visit], { description: 'Visits that used or brought this material or technique.' })
  visits(@Root() material: Material, @Ctx() ctx: Context): Promise<Visit[]> {
    return related(ctx, material.id, 'ABOUT', 'IN', Visit);
  }

  @FieldResolver(() => [Transfer])
  transfers(@Root() material: Material, @Ctx() ctx: Context): Promise<Transfer[]> {
    return related(ctx, material.id, 'OF', 'IN', Transfer);
  }
}
