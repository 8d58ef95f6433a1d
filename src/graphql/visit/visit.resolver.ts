import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root, Info } from 'type-graphql';
import { badInput } from '../../errors';
import type { VisitWhere } from '../../store/port';
import { entityById, optionalIdOf, requireCountryCode } from '../common/args';
import { Connection } from '../common/connection';
import { pageRequest } from '../common/pagination';
import { connectionOf } from '../compile/resolvers';
import { related, relatedOne } from '../common/related';
import type { Context } from '../context';
import { Event } from '../event/event.type';
import { Institution } from '../institution/institution.type';
import { Lab } from '../lab/lab.type';
import { Material } from '../material/material.type';
import { toEntityOf } from '../node/mappers';
import { Person } from '../person/person.type';
import { Theme } from '../theme/theme.type';
import { type VisitFilter, VisitsArgs } from './visit.args';
import { Visit } from './visit.type';

const VisitConnection = Connection(Visit, 'Visit');

@Resolver(() => Visit)
export class VisitResolver {
  @Query(() => Visit, { nullable: true })
  visit(@Arg('id', () => ID) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Visit | null> {
    return entityById(ctx, 'Visit', id, Visit, info);
  }

  @Query(() => VisitConnection, { description: 'Visits in start-date order (unknown starts last).' })
  visits(@Args() args: VisitsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const where = visitWhere(args.filter ?? {}, ctx);
    return connectionOf(ctx, info, { label: 'Visit', where }, pageRequest(args, ctx.maxPageSize), toEntityOf(Visit));
  }

  @FieldResolver(() => Person, { nullable: true })
  visitor(@Root() visit: Visit, @Ctx() ctx: Context): Promise<Person | null> {
    return relatedOne(ctx, visit.id, 'MADE', 'IN', Person);
  }

  @FieldResolver(() => Institution, { nullable: true, description: 'Home institution of the visitor.' })
  from(@Root() visit: Visit, @Ctx() ctx: Context): Promise<Institution | null> {
    return relatedOne(ctx, visit.id, 'FROM', 'OUT', Institution);
  }

  @FieldResolver(() => Institution, { nullable: true, description: 'Institution visited.' })
  to(@Root() visit: Visit, @Ctx() ctx: Context): Promise<Institution | null> {
    return relatedOne(ctx, visit.id, 'TO', 'OUT', Institution);
  }

  @FieldResolver(() => Lab, { nullable: true, description: 'Lab visited, where known.' })
  lab(@Root() visit: Visit, @Ctx() ctx: Context): Promise<Lab | null> {
    return relatedOne(ctx, visit.id, 'AT', 'OUT', Lab);
  }

  @FieldResolver(() => [Person])
  hosts(@Root() visit: Visit, @Ctx() ctx: Context): Promise<Person[]> {
    return related(ctx, visit.id, 'HOSTED_BY', 'OUT', Person);
  }

  @FieldResolver(() => [Theme])
  themes(@Root() visit: Visit, @Ctx() ctx: Context): Promise<Theme[]> {
    return related(ctx, visit.id, 'ABOUT', 'OUT', Theme);
  }

  @FieldResolver(() => [Material])
  materials(@Root() visit: Visit, @Ctx() ctx: Context): Promise<Material[]> {
    return related(ctx, visit.id, 'ABOUT', 'OUT', Material);
  }

  @FieldResolver(() => Event, { nullable: true })
  event(@Root() visit: Visit, @Ctx() ctx: Context): Promise<Event | null> {
    return relatedOne(ctx, visit.id, 'FOR', 'OUT', Event);
  }
}

const FISCAL_YEAR_RANGE = { min: 1900, max: 2100 };

function visitWhere(filter: VisitFilter, ctx: Context): VisitWhere {
  const fy = filter.fiscalYear;
  if (fy != null && (fy < FISCAL_YEAR_RANGE.min || fy > FISCAL_YEAR_RANGE.max)) {
    throw badInput(`\`filter.fiscalYear\` must be a year between ${FISCAL_YEAR_RANGE.min} and ${FISCAL_YEAR_RANGE.max}`, { argumentName: 'filter.fiscalYear' });
  }
  return {
    status: filter.status ?? undefined,
    fiscalYear: fy ?? undefined,
    fromCountry: requireCountryCode(filter.fromCountry, 'filter.fromCountry'),
    toCountry: requireCountryCode(filter.toCountry, 'filter.toCountry'),
    earlyCareer: filter.earlyCareer ?? undefined,
    earlyCareerStages: [...ctx.earlyCareer.stages],
    person: optionalIdOf('Person', filter.person, 'filter.person'),
  };
}
