import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { STAY_CLASSES, type StayClass } from '../../domain/duration';
import type { CareerStage, GroupLevel } from '../../domain/enums';
import type { FlowDirection } from '../../circulation/report';
import { CareerStageEnum, GroupLevelEnum } from '../common/enums';

/**
 * The GraphQL shape of circulation/report.ts's CirculationReport (plain objects from the builder
 * are returned as they are). Definitions of every number: docs/metrics.md §Circulation.
 */
const enumObject = <const T extends readonly string[]>(values: T) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T[number]]: K };

export const StayClassEnum = enumObject(STAY_CLASSES);
export const FlowDirectionEnum = enumObject(['OUTBOUND', 'INBOUND'] as const);
export const GroupKindEnum = enumObject(['LAB', 'INSTITUTION', 'COUNTRY'] as const);

registerEnumType(StayClassEnum, { name: 'StayClass', description: 'Length of a stay: < 1 month, 1–6 months, ≥ 6 months (a month is 365.25/12 days); UNKNOWN when no length or end is stated.' });
registerEnumType(FlowDirectionEnum, { name: 'FlowDirection' });
registerEnumType(GroupKindEnum, {
  name: 'CirculationGroupKind',
  description: 'What a group is; INSTITUTION also stands in for a lab that the source does not name, COUNTRY (at LAB level) for an institution it does not name.',
});

@ObjectType({ description: 'A lab, institution or country as a group of the circulation measures.' })
export class CirculationGroup {
  @Field(() => ID, { description: 'Id of the lab, institution or country (use node(id) for more).' })
  id!: string;

  @Field(() => GroupKindEnum)
  kind!: 'LAB' | 'INSTITUTION' | 'COUNTRY';

  @Field(() => GroupLevelEnum, { description: 'The level the group was resolved at (the same as `kind`): LAB falls back to INSTITUTION, and to COUNTRY for a placeholder institution.' })
  resolvedLevel!: GroupLevel;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  nameJa?: string | null;

  @Field(() => String, { nullable: true })
  shortName?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO code of the group’s country.' })
  countryCode?: string | null;
}

@ObjectType({ description: 'Distinct people, each weighted by a placeholder’s stated headcount (1 otherwise).' })
export class ParticipantCount {
  @Field(() => Int)
  people!: number;

  @Field(() => Int, { description: 'Early-career under the configured rule.' })
  earlyCareer!: number;

  @Field(() => Int)
  notEarlyCareer!: number;

  @Field(() => Int, { description: 'Career stage UNKNOWN: in `people`, never guessed either way.' })
  unknownStage!: number;

  @Field(() => Float, { nullable: true, description: 'earlyCareer / people; null when there is nobody.' })
  earlyCareerShare?: number | null;
}

@ObjectType()
export class CirculationPeriod {
  @Field(() => GraphQLLocalDate, { description: 'First day, inclusive.' })
  start!: string;

  @Field(() => GraphQLLocalDate, { description: 'Last day, inclusive.' })
  end!: string;

  @Field(() => Int, { nullable: true, description: 'The Japanese fiscal year, when the period is one.' })
  fiscalYear?: number | null;

  @Field(() => Int)
  days!: number;
}

@ObjectType()
export class CirculationTotals {
  @Field(() => Int, { description: 'Counted stays between two different groups (the circulation at this level).' })
  stays!: number;

  @Field(() => Int)
  crossBorderStays!: number;

  @Field(() => Int, { description: 'Counted stays within one country: domestic moves, not circulation abroad.' })
  domesticStays!: number;

  @Field(() => Int, { description: 'Counted stays whose two ends are in the same group.' })
  withinGroupStays!: number;

  @Field(() => Int, {
    description:
      'Counted domestic stays with an end at a placeholder institution (INSTITUTION level): a placeholder is never a group, so whether they left their group is unknown; in neither `stays` nor `withinGroupStays`. Across a border such a stay is between groups.',
  })
  unknownGroupStays!: number;

  @Field(() => Int)
  earlyCareerStays!: number;

  @Field(() => Float, { nullable: true })
  earlyCareerStayShare?: number | null;

  @Field(() => Int, { description: 'Days abroad inside the period (cross-border stays, prorated, weighted by headcount).' })
  personDaysAbroad!: number;

  @Field(() => Float, { description: 'personDaysAbroad / (365.25 / 12).' })
  personMonthsAbroad!: number;

  @Field(() => ParticipantCount, { description: 'People with at least one counted between-group stay.' })
  participants!: ParticipantCount;

  @Field(() => ParticipantCount, { description: 'People who went abroad and came back within the period.' })
  returnees!: ParticipantCount;

  @Field(() => Int)
  newTies!: number;
}

@ObjectType()
export class StayClassCount {
  @Field(() => StayClassEnum)
  stayClass!: StayClass;

  @Field(() => Int)
  stays!: number;

  @Field(() => Int)
  earlyCareerStays!: number;

  @Field(() => Int)
  personDays!: number;

  @Field(() => Float, { nullable: true })
  share?: number | null;
}

@ObjectType({ description: 'Counted flows of one group, at the chosen level.' })
export class CirculationGroupFlows {
  @Field(() => CirculationGroup)
  group!: CirculationGroup;

  @Field(() => Int)
  outboundStays!: number;

  @Field(() => Int)
  inboundStays!: number;

  @Field(() => Int)
  withinGroupStays!: number;

  @Field(() => Int)
  outboundPersonDaysAbroad!: number;

  @Field(() => Float)
  outboundPersonMonthsAbroad!: number;

  @Field(() => Int)
  inboundPersonDaysFromAbroad!: number;

  @Field(() => Float)
  inboundPersonMonthsFromAbroad!: number;

  @Field(() => ParticipantCount)
  outboundParticipants!: ParticipantCount;

  @Field(() => ParticipantCount)
  inboundParticipants!: ParticipantCount;

  @Field(() => ParticipantCount)
  returnees!: ParticipantCount;
}

@ObjectType({ description: 'Counted stays from one group to another.' })
export class CirculationPair {
  @Field(() => CirculationGroup)
  from!: CirculationGroup;

  @Field(() => CirculationGroup)
  to!: CirculationGroup;

  @Field(() => Boolean)
  crossBorder!: boolean;

  @Field(() => Int)
  stays!: number;

  @Field(() => Int)
  earlyCareerStays!: number;

  @Field(() => Int)
  personDays!: number;

  @Field(() => Float)
  personMonths!: number;

  @Field(() => Int)
  uncertainDateStays!: number;

  @Field(() => [StayClassCount])
  stayClasses!: StayClassCount[];
}

@ObjectType({ description: 'Cross-border stays and person-days per group, direction and career stage.' })
export class CirculationStageAmount {
  @Field(() => CirculationGroup)
  group!: CirculationGroup;

  @Field(() => FlowDirectionEnum)
  direction!: FlowDirection;

  @Field(() => CareerStageEnum)
  careerStage!: CareerStage;

  @Field(() => Boolean, { nullable: true })
  earlyCareer?: boolean | null;

  @Field(() => Int)
  stays!: number;

  @Field(() => Int)
  personDays!: number;

  @Field(() => Float)
  personMonths!: number;
}

@ObjectType({ description: 'Every visit placed in the period, whatever its status; postponed/advanced cut across statuses.' })
export class PlanFulfilment {
  @Field(() => Int)
  items!: number;

  @Field(() => Int, { description: 'Still PLANNED.' })
  planned!: number;

  @Field(() => Int, { description: 'COMPLETED (done).' })
  completed!: number;

  @Field(() => Int)
  inProgress!: number;

  @Field(() => Int)
  cancelled!: number;

  @Field(() => Int, { description: 'Postponed to the next fiscal year (grey in the report chart).' })
  postponed!: number;

  @Field(() => Int, { description: 'Brought forward into this fiscal year (blue in the report chart).' })
  advanced!: number;

  @Field(() => Float, { nullable: true, description: 'completed / items.' })
  completionRate?: number | null;
}

@ObjectType({ description: 'A cross-border pair of groups whose first evidence falls in the period.' })
export class NewTie {
  @Field(() => CirculationGroup)
  a!: CirculationGroup;

  @Field(() => CirculationGroup)
  b!: CirculationGroup;

  @Field(() => GraphQLLocalDate, { description: 'Placed start of the earliest counted visit between the two.' })
  firstEvidence!: string;

  @Field(() => String, { description: 'That visit\'s start as the source states it: a day, a month (2024-09), a fiscal year (FY2024) or a year (2025). Show this rather than firstEvidence when the source gives no day.' })
  firstEvidenceStated!: string;
}

@ObjectType({ description: 'Brain-circulation measures of one period (docs/metrics.md §Circulation).' })
export class CirculationReport {
  @Field(() => CirculationPeriod)
  period!: CirculationPeriod;

  @Field(() => GroupLevelEnum)
  groupBy!: GroupLevel;

  @Field(() => Boolean)
  includePlanned!: boolean;

  @Field(() => [CareerStageEnum], { description: 'The early-career rule the shares use.' })
  earlyCareerStages!: CareerStage[];

  @Field(() => CirculationTotals)
  totals!: CirculationTotals;

  @Field(() => [CirculationGroupFlows])
  groups!: CirculationGroupFlows[];

  @Field(() => [CirculationPair])
  pairs!: CirculationPair[];

  @Field(() => [CirculationStageAmount])
  byStage!: CirculationStageAmount[];

  @Field(() => [StayClassCount], { description: 'Between-group counted stays by length class.' })
  stayClasses!: StayClassCount[];

  @Field(() => PlanFulfilment)
  planFulfilment!: PlanFulfilment;

  @Field(() => [NewTie])
  newTies!: NewTie[];

  @Field(() => Int, { description: 'Visits placed in the period, whatever their status.' })
  placedRecords!: number;

  @Field(() => Int, { description: 'Of placedRecords, those whose dates are not known to the day (Visit.datesUncertain; a start day with a month or year length counts), placed by the documented rule.' })
  uncertainDateRecords!: number;

  @Field(() => Int, { description: 'Visits with no start date (in any period, even with an end): not placed, not counted.' })
  undatedRecords!: number;

  @Field(() => [String])
  warnings!: string[];
}
