import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { TieKind } from '../../analytics/graphView';
import type { CareerStage, GroupLevel } from '../../domain/enums';
import { CareerStageEnum, GroupLevelEnum } from '../common/enums';
import { NetworkGroup, TieKindEnum } from './analytics.type';
import { NetworkPeriodSummary } from './period.type';

/**
 * GraphQL shapes of analytics/networkChange.ts (docs/metrics.md, "Network change"). People and
 * records are resolved through the request's loaders (networkChange.resolver.ts); the id lists are
 * the evidence as stored.
 */
@ObjectType({ description: 'A tie between two people, with its evidence on the day it is seen.' })
export class ChangedTie {
  @Field(() => ID, { description: 'The two person ids joined by "--" (as graph views name edges).' })
  id!: string;

  aId!: string;
  bId!: string;

  @Field(() => Int)
  weight!: number;

  @Field(() => [TieKindEnum])
  kinds!: TieKind[];

  @Field(() => [ID])
  visitIds!: string[];

  @Field(() => [ID])
  paperIds!: string[];

  @Field(() => [ID], { description: 'Labs both people belong to on that day.' })
  labIds!: string[];
}

@ObjectType({ description: 'Two groups linked by a tie on the later day and by none on the earlier one.' })
export class GroupPairChange {
  @Field(() => GroupLevelEnum)
  level!: GroupLevel;

  @Field(() => NetworkGroup)
  a!: NetworkGroup;

  @Field(() => NetworkGroup)
  b!: NetworkGroup;

  @Field(() => [ChangedTie], { description: 'The ties that link them on the later day.' })
  ties!: ChangedTie[];
}

@ObjectType()
export class BridgedPair {
  @Field(() => NetworkGroup)
  a!: NetworkGroup;

  @Field(() => NetworkGroup)
  b!: NetworkGroup;

  @Field(() => Boolean)
  structuralHole!: boolean;
}

@ObjectType({ description: 'A person who is a bridge on one of the two days and not on the other.' })
export class BridgeChange {
  personId!: string;

  @Field(() => CareerStageEnum)
  careerStage!: CareerStage;

  @Field(() => Boolean, { nullable: true })
  earlyCareer!: boolean | null;

  @Field(() => [BridgedPair], { description: 'The pairs bridged on the day the person is a bridge.' })
  pairs!: BridgedPair[];

  @Field(() => [ID], { description: 'Evidence of the person’s ties into those groups, that day.' })
  visitIds!: string[];

  @Field(() => [ID])
  paperIds!: string[];

  @Field(() => [ID])
  labIds!: string[];
}

@ObjectType({ description: 'A measure on the earlier and the later day.' })
export class MeasureChange {
  @Field(() => Float, { nullable: true })
  before!: number | null;

  @Field(() => Float, { nullable: true })
  after!: number | null;

  @Field(() => Float, { nullable: true, description: 'after − before; null when either is.' })
  change!: number | null;
}

@ObjectType({ description: 'An early-career person’s position on the two days (measures as `brokerage` defines them).' })
export class PersonChange {
  personId!: string;

  @Field(() => CareerStageEnum)
  careerStage!: CareerStage;

  @Field(() => MeasureChange)
  degree!: MeasureChange;

  @Field(() => MeasureChange, { description: 'Normalized betweenness (0 without ties).' })
  betweenness!: MeasureChange;

  @Field(() => MeasureChange, { description: 'Burt’s constraint (null without ties).' })
  constraint!: MeasureChange;

  @Field(() => MeasureChange, { description: 'Burt’s effective size (null without ties).' })
  effectiveSize!: MeasureChange;

  @Field(() => [ChangedTie])
  tiesFormed!: ChangedTie[];

  @Field(() => [ChangedTie])
  tiesEnded!: ChangedTie[];
}

@ObjectType({ description: 'The network on one day: size, density, cross-border share.' })
export class NetworkShape {
  @Field(() => NetworkPeriodSummary)
  period!: NetworkPeriodSummary;

  @Field(() => Int, { description: 'People with at least one tie that day.' })
  people!: number;

  @Field(() => Int)
  ties!: number;

  @Field(() => Float, { nullable: true, description: '2·ties / (people·(people − 1)), over people with a tie.' })
  density!: number | null;

  @Field(() => Int, { description: 'Ties whose two people share no country.' })
  crossBorderTies!: number;

  @Field(() => Float, { nullable: true })
  crossBorderShare!: number | null;
}

@ObjectType({ description: 'How the collaboration network changed between two days (docs/metrics.md, "Network change").' })
export class NetworkChange {
  @Field(() => GroupLevelEnum, { description: 'Level of the bridges compared.' })
  level!: GroupLevel;

  @Field(() => NetworkShape)
  from!: NetworkShape;

  @Field(() => NetworkShape)
  to!: NetworkShape;

  @Field(() => [ChangedTie], { description: 'Ties on the later day that the earlier day did not have, with their evidence.' })
  tiesFormed!: ChangedTie[];

  @Field(() => [ChangedTie], { description: 'Ties only on the earlier day (a membership that ended), with their evidence then.' })
  tiesEnded!: ChangedTie[];

  @Field(() => [GroupPairChange], { description: 'Country, institution and lab pairs linked on the later day and not on the earlier.' })
  newGroupPairs!: GroupPairChange[];

  @Field(() => [BridgeChange])
  becameBridges!: BridgeChange[];

  @Field(() => [BridgeChange])
  stoppedBridging!: BridgeChange[];

  @Field(() => [PersonChange], { description: 'Every early-career person with a tie on either day.' })
  earlyCareer!: PersonChange[];

  @Field(() => MeasureChange)
  density!: MeasureChange;

  @Field(() => MeasureChange)
  crossBorderShare!: MeasureChange;
}
