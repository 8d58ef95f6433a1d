import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, InputType, Int, ObjectType } from 'type-graphql';

/**
 * The period arguments of the network measures and what an answer says about its period
 * (docs/metrics.md, "The network as of a date"). `asOf` is a day; `fiscalYear: N` is its last day
 * (31 March N+1); neither: the whole graph, every date.
 */
export const AS_OF_DESCRIPTION =
  'The network as it stood on this day: ties from visits that had started by then (placed start, docs/metrics.md), papers by their year, memberships holding on the day. Give this or `fiscalYear`.';
export const FISCAL_YEAR_DESCRIPTION = 'The network as of the last day of this Japanese fiscal year (FY2024: 31 March 2025). Give this or `asOf`.';

@InputType({ description: 'A day the network is taken on: `asOf` or `fiscalYear` (its last day).' })
export class NetworkPeriodInput {
  @Field(() => GraphQLLocalDate, { nullable: true, description: AS_OF_DESCRIPTION })
  asOf?: string | null;

  @Field(() => Int, { nullable: true, description: FISCAL_YEAR_DESCRIPTION })
  fiscalYear?: number | null;
}

@ObjectType({ description: 'The day a network answer was taken on, and how much of it rests on uncertain dates.' })
export class NetworkPeriodSummary {
  @Field(() => GraphQLLocalDate)
  asOf!: string;

  @Field(() => Int, { nullable: true, description: 'Set when asked as a fiscal year (asOf is its last day).' })
  fiscalYear!: number | null;

  @Field(() => Int, { description: 'Ties in the network on that day.' })
  ties!: number;

  @Field(() => Int, { description: 'Ties in it none of whose evidence certainly started by `asOf`: the stated start (a month, a fiscal year) could fall on either side of the day.' })
  uncertainTies!: number;

  @Field(() => Int, { description: 'Ties left out although a stated start (a calendar year, placed on 1 April) could fall on or before the day.' })
  uncertainExcludedTies!: number;

  @Field(() => Int, { description: 'Counted visits and papers with no date: they make ties in no period.' })
  undatedItems!: number;
}
