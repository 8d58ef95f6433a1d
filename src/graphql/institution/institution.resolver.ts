import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, InputType, Query, Resolver, Root, Info } from 'type-graphql';
import type { InstitutionKind } from '../../domain/enums';
import { entityById, requireCountryCode } from '../common/args';
import { Connection } from '../common/connection';
import { InstitutionKindEnum } from '../common/enums';
import { PageArgs, pageRequest } from '../common/pagination';
import { connectionOf } from '../compile/resolvers';
import { related, relatedOne } from '../common/related';
import type { Context } from '../context';
import { Country } from '../country/country.type';
import { Lab } from '../lab/lab.type';
import { Material } from '../material/material.type';
import { toEntityOf } from '../node/mappers';
import { Person } from '../person/person.type';
import { Visit } from '../visit/visit.type';
import { Institution } from './institution.type';

const InstitutionConnection = Connection(Institution, 'Institution');

@InputType()
class InstitutionFilter {
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2.' })
  country?: string | null;

  @Field(() => InstitutionKindEnum, { nullable: true })
  kind?: InstitutionKind | null;
}

@ArgsType()
class InstitutionsArgs extends PageArgs {
  @Field(() => InstitutionFilter, { nullable: true })
  filter?: InstitutionFilter | null;
}

@Resolver(() => Institution)
export class InstitutionResolver {
  @Query(() => Institution, { nullable: true })
  institution(@Arg('id', () => ID) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Institution | null> {
    return entityById(ctx, 'Institution', id, Institution, info);
  }

  @Query(() => InstitutionConnection)
  institutions(@Args() args: InstitutionsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const where = { country: requireCountryCode(args.filter?.country, 'filter.country'), kind: args.filter?.kind ?? undefined };
    return connectionOf(ctx, info, { label: 'Institution', where }, pageRequest(args, ctx.maxPageSize), toEntityOf(Institution));
  }

  @FieldResolver(() => String, { description: 'ISO 3166-1 alpha-2 code of its country.' })
  countryCode(@Root() institution: Institution): string {
    return institution.country;
  }

  @FieldResolver(() => Country, { nullable: true })
  country(@Root() institution: Institution, @Ctx() ctx: Context): Promise<Country | null> {
    return relatedOne(ctx, institution.id, 'LOCATED_IN', 'OUT', Country);
  }

  @FieldResolver(() => [Lab])
  labs(@Root() institution: Institution, @Ctx() ctx: Context): Promise<Lab[]> {
    return related(ctx, institution.id, 'PART_OF', 'IN', Lab);
  }

  @FieldResolver(() => [Person], { description: 'People affiliated directly (no lab known); lab members are under labs.' })
  affiliates(@Root() institution: Institution, @Ctx() ctx: Context): Promise<Person[]> {
    return related(ctx, institution.id, 'AFFILIATED_WITH', 'IN', Person);
  }

  @FieldResolver(() => [Visit], { description: 'Visits to this institution.' })
  visitsIn(@Root() institution: Institution, @Ctx() ctx: Context): Promise<Visit[]> {
    return related(ctx, institution.id, 'TO', 'IN', Visit);
  }

  @FieldResolver(() => [Visit], { description: 'Visits made from this institution.' })
  visitsOut(@Root() institution: Institution, @Ctx() ctx: Context): Promise<Visit[]> {
    return related(ctx, institution.id, 'FROM', 'IN', Visit);
  }

  @FieldResolver(() => [Material], { description: 'Materials, devices and techniques it owns.' })
  materials(@Root() institution: Institution, @Ctx() ctx: Context): Promise<Material[]> {
    return related(ctx, institution.id, 'OWNS', 'OUT', Material);
  }
}
