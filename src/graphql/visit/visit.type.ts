import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { ScheduleChange, VisitKind, VisitStatus } from '../../domain/enums';
import { ScheduleChangeEnum, VisitKindEnum, VisitStatusEnum } from '../common/enums';
import { Entity, Node } from '../node/node.type';

@ObjectType({ implements: Node, description: 'One person’s stay or trip at one institution.' })
export class Visit extends Entity {
  @Field(() => VisitKindEnum)
  kind!: VisitKind;

  @Field(() => VisitStatusEnum)
  status!: VisitStatus;

  @Field(() => ScheduleChangeEnum)
  scheduleChange!: ScheduleChange;

  @Field(() => String, { nullable: true, description: 'Partial date as stated: YYYY, YYYY-MM, YYYY-MM-DD or FYYYYY.' })
  start?: string | null;

  @Field(() => String, { nullable: true, description: 'Partial date as stated.' })
  end?: string | null;

  @Field(() => String, { nullable: true, description: 'Stated length, ISO 8601 (P3M, P1Y). When both ends are stated to the day, the ends win and this is not used.' })
  duration?: string | null;

  @Field(() => String, { nullable: true, description: 'Length in the source’s words when vague (数ヶ月, 長期滞在).' })
  durationText?: string | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Length in days: the inclusive count when both ends are stated to the day (they win over `duration`), else the stated duration (months averaged at 365.25/12 days).',
  })
  durationDays?: number | null;

  @Field(() => String, { nullable: true, description: 'Earliest day the stay may have started; null when no start is stated (the visit is undated, even with an end).' })
  startEarliest?: string | null;

  @Field(() => String, { nullable: true, description: 'Latest day the stay may have ended.' })
  endLatest?: string | null;

  @Field(() => Int, { nullable: true, description: 'Japanese fiscal year of the start (April–March); null when unknown or ambiguous.' })
  fiscalYear?: number | null;

  @Field(() => Boolean, {
    description:
      'True unless both ends are known to the day: a start day with an end day, or a start day with a length in days or weeks. A length in months or years (P1M from 15 March) is an average of 365.25/12 days a month, so its end is uncertain.',
    name: 'datesUncertain',
  })
  uncertain!: boolean;

  @Field(() => String)
  purpose!: string;

  @Field(() => String, { nullable: true })
  purposeJa?: string | null;

  @Field(() => String, { nullable: true, description: 'Visits made together share a trip key.' })
  trip?: string | null;
}
