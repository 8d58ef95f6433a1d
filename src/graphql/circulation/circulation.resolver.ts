import { GraphQLLocalDate } from 'graphql-scalars';
import { Args, ArgsType, Ctx, Field, Int, Query, Resolver } from 'type-graphql';
import { cachedCirculationReport } from '../../circulation/cache';
import { PeriodInputError, resolvePeriod } from '../../circulation/service';
import type { CirculationReport as Report } from '../../circulation/report';
import type { GroupLevel } from '../../domain/enums';
import { badInput } from '../../errors';
import { GroupLevelEnum } from '../common/enums';
import type { Context } from '../context';
import { CirculationReport } from './circulation.type';

@ArgsType()
export class CirculationArgs {
  @Field(() => Int, { nullable: true, description: 'Japanese fiscal year: FY2024 = 1 April 2024 – 31 March 2025. Give this or from/to.' })
  fiscalYear?: number | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'First day of the period (with `to`).' })
  from?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Last day of the period, inclusive (with `from`).' })
  to?: string | null;

  @Field(() => GroupLevelEnum, {
    defaultValue: 'COUNTRY',
    description:
      'COUNTRY, INSTITUTION or LAB. LAB falls back to the institution where no lab is named, and to the country for a placeholder institution; at INSTITUTION a placeholder end is unknown, never a group (see totals.unknownGroupStays). Each group says its resolvedLevel.',
  })
  groupBy!: GroupLevel;

  @Field(() => Boolean, { defaultValue: false, description: 'Count PLANNED visits as if they happened.' })
  includePlanned!: boolean;
}

@Resolver()
export class CirculationResolver {
  @Query(() => CirculationReport, { description: 'Brain-circulation measures of a fiscal year or a from/to period (docs/metrics.md §Circulation).' })
  circulation(@Args() args: CirculationArgs, @Ctx() ctx: Context): Promise<Report> {
    let resolved;
    try {
      resolved = resolvePeriod(args);
    } catch (error) {
      if (error instanceof PeriodInputError) throw badInput(error.message, { argumentName: error.argumentName });
      throw error;
    }
    const request = { ...resolved, groupBy: args.groupBy, includePlanned: args.includePlanned, earlyCareer: ctx.earlyCareer };
    // Aliases of the same report are built once per request, and a report once per store version.
    return ctx.memo(`circulation:${JSON.stringify(request)}`, () => cachedCirculationReport(ctx.store, request, ctx.baseStore));
  }
}
