import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { BetweennessMethod } from '../../analytics/betweenness';
import type { TieKind, ViewEdgeType, ViewNodeType } from '../../analytics/graphView';
import type { CareerStage, GroupLevel } from '../../domain/enums';
import { CareerStageEnum, GroupLevelEnum } from '../common/enums';
import { AS_OF_DESCRIPTION, FISCAL_YEAR_DESCRIPTION, NetworkPeriodSummary } from './period.type';

/**
 * GraphQL shapes of the network analytics (src/analytics). Resolvers return the analytics' plain
 * objects; the fields that name people, visits, papers and labs are resolved to those records
 * through the request's loaders (analytics.resolver.ts), so an analyst can ask for any of their
 * fields. Every measure is defined in docs/metrics.md, "Collaboration graph and network measures".
 */
const enumObject = <const T extends readonly string[]>(values: T) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T[number]]: K };

export const TieKindEnum = enumObject(['VISIT', 'COAUTHORSHIP', 'SHARED_LAB'] as const);
export const BetweennessMethodEnum = enumObject(['EXACT', 'SAMPLED'] as const);
export const GraphViewNodeTypeEnum = enumObject(['PERSON', 'LAB'] as const);
export const GraphViewEdgeTypeEnum = enumObject(['COLLABORATION', 'MEMBER_OF'] as const);
export const BrokerageOrderEnum = enumObject(['PERSON', 'BETWEENNESS', 'EFFECTIVE_SIZE', 'CONSTRAINT', 'OPEN_TWO_PATHS'] as const);
export type BrokerageOrder = keyof typeof BrokerageOrderEnum;

registerEnumType(TieKindEnum, { name: 'TieKind', description: 'What a collaboration tie rests on: a visit (visitor–host or visitor–head of the host lab), a paper, a lab both belong to.' });
registerEnumType(BetweennessMethodEnum, { name: 'BetweennessMethod', description: 'EXACT (Brandes over every source) or SAMPLED (k seeded random sources, NetworkX’s estimator) above a size limit.' });
registerEnumType(GraphViewNodeTypeEnum, { name: 'GraphViewNodeType' });
registerEnumType(GraphViewEdgeTypeEnum, { name: 'GraphViewEdgeType', description: 'COLLABORATION: a person–person tie; MEMBER_OF: a person–lab membership (only with includeLabs).' });
registerEnumType(BrokerageOrderEnum, {
  name: 'BrokerageOrder',
  description: 'PERSON: by id. BETWEENNESS, EFFECTIVE_SIZE, OPEN_TWO_PATHS: highest first. CONSTRAINT: lowest first (the least constrained broker). Ties by person id.',
});

@ObjectType({ description: 'A lab, institution or country as a group of the network measures.' })
export class NetworkGroup {
  @Field(() => ID, { description: 'The lab, institution or country id (node(id) gives the record).' })
  id!: string;

  @Field(() => GroupLevelEnum, { description: 'The level asked for.' })
  level!: GroupLevel;

  @Field(() => GroupLevelEnum, {
    description:
      'The level the group was resolved at. At LAB level a person with no named lab is grouped by institution (INSTITUTION), and one whose institution is a placeholder by country (COUNTRY); no lab is invented. A placeholder institution is never a group.',
  })
  resolvedLevel!: GroupLevel;

  @Field(() => String, { description: 'Lab or institution name; the ISO code for a country.' })
  name!: string;
}

@ObjectType({ description: 'A collaboration tie seen from one of its people, with its evidence.' })
export class CollaborationTie {
  /** Id of the person at the other end; `person` resolves it. */
  personId!: string;

  @Field(() => Int, { description: 'Number of evidence items: visits + papers + shared labs.' })
  weight!: number;

  @Field(() => [TieKindEnum])
  kinds!: TieKind[];

  @Field(() => [ID], { description: 'Ids of the visits behind the tie (resolve with `visits`).' })
  visitIds!: string[];

  @Field(() => [ID])
  paperIds!: string[];

  @Field(() => [ID], { description: 'Labs both people belong to.' })
  labIds!: string[];
}

@ObjectType({ description: 'One side of a bridge: a group the person belongs to or has ties into.' })
export class BridgeSide {
  @Field(() => NetworkGroup)
  group!: NetworkGroup;

  @Field(() => Boolean, { description: 'The bridging person belongs to this group.' })
  member!: boolean;

  @Field(() => [CollaborationTie], { description: 'The person’s ties to members of the group.' })
  ties!: CollaborationTie[];
}

@ObjectType({ description: 'Two groups a person connects.' })
export class BridgePair {
  @Field(() => BridgeSide, { description: 'The side with the smaller group id.' })
  a!: BridgeSide;

  @Field(() => BridgeSide)
  b!: BridgeSide;

  @Field(() => Int, { description: 'Ties between a member of A and a member of B that do not involve this person.' })
  otherTies!: number;

  @Field(() => Int, { description: 'Other people who belong to both A and B.' })
  sharedMembers!: number;

  @Field(() => Boolean, { description: 'True when A and B are linked only through this person (Burt’s structural hole).' })
  structuralHole!: boolean;
}

@ObjectType({ description: 'A person who connects two or more groups, with the evidence of each side.' })
export class Bridge {
  personId!: string;

  @Field(() => CareerStageEnum)
  careerStage!: CareerStage;

  @Field(() => Boolean, { nullable: true, description: 'Under the configured rule; null when the stage is UNKNOWN.' })
  earlyCareer!: boolean | null;

  @Field(() => GroupLevelEnum)
  level!: GroupLevel;

  @Field(() => [BridgeSide], { description: 'Every group the person has a side in, by group id.' })
  sides!: BridgeSide[];

  @Field(() => [BridgePair], { description: 'The pairs of groups bridged (only those passing `between`), by group ids.' })
  pairs!: BridgePair[];
}

@ObjectType({ description: 'Brokerage of one person: Gould–Fernandez roles (undirected), Burt’s constraint and effective size, betweenness.' })
export class BrokerageProfile {
  personId!: string;

  @Field(() => CareerStageEnum)
  careerStage!: CareerStage;

  @Field(() => Boolean, { nullable: true })
  earlyCareer!: boolean | null;

  @Field(() => NetworkGroup, { nullable: true, description: 'Primary group at the level (the partition Gould–Fernandez needs); null when none.' })
  group!: NetworkGroup | null;

  @Field(() => Int, { description: 'Number of ties.' })
  degree!: number;

  @Field(() => Int, { description: 'Open two-paths A–B–C with A, B, C in one group.' })
  coordinator!: number;

  @Field(() => Int, { description: 'A and C in one group, B in another (consultant).' })
  itinerant!: number;

  @Field(() => Int, { description: 'B shares its group with exactly one of A, C: gatekeeper and representative are one role in an undirected graph.' })
  gatekeeperRepresentative!: number;

  @Field(() => Int, { description: 'A, B, C in three different groups.' })
  liaison!: number;

  @Field(() => Int, { description: 'Open two-paths where someone has no group at this level.' })
  unclassified!: number;

  @Field(() => Int, { description: 'All open two-paths through the person (pairs of contacts not tied to each other).' })
  openTwoPaths!: number;

  @Field(() => Float, { nullable: true, description: 'Burt’s constraint (weighted, as NetworkX); null without ties.' })
  constraint!: number | null;

  @Field(() => Float, { nullable: true, description: 'Burt’s effective size (weighted, as NetworkX); null without ties.' })
  effectiveSize!: number | null;

  @Field(() => Float, { description: 'Normalized betweenness on hop distance (as NetworkX).' })
  betweenness!: number;

  @Field(() => BetweennessMethodEnum)
  betweennessMethod!: BetweennessMethod;

  @Field(() => Int, { description: 'Source people the betweenness was computed from (everyone when EXACT).' })
  betweennessSources!: number;
}

@ObjectType({ description: 'One hop of a collaboration path.' })
export class PathStep {
  fromId!: string;

  toId!: string;

  @Field(() => CollaborationTie, { description: 'The tie between the two people, as seen from `from`.' })
  tie!: CollaborationTie;
}

@ObjectType({ description: 'A shortest chain of collaboration ties (fewest hops).' })
export class CollaborationPath {
  @Field(() => ID, { description: 'As asked: a person or a lab.' })
  from!: string;

  @Field(() => ID)
  to!: string;

  @Field(() => Int)
  hops!: number;

  personIds!: string[];

  @Field(() => [PathStep])
  steps!: PathStep[];

  @Field(() => NetworkPeriodSummary, { nullable: true, description: 'The day the path was found on (with `asOf` or `fiscalYear`); null for the whole graph.' })
  period?: NetworkPeriodSummary | null;
}

@ObjectType({ description: 'A visit during which a tie existed (edges of a dynamic graph).' })
export class VisitInterval {
  @Field(() => ID)
  visit!: string;

  @Field(() => GraphQLLocalDate, { nullable: true })
  start!: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true })
  end!: string | null;
}

@ObjectType({ description: 'A node of a graph view: a person, or a lab when asked for.' })
export class GraphViewNode {
  @Field(() => ID)
  id!: string;

  @Field(() => GraphViewNodeTypeEnum)
  type!: ViewNodeType;

  @Field(() => String)
  label!: string;

  @Field(() => ID, { nullable: true, description: 'Primary group at the view’s level.' })
  group!: string | null;

  @Field(() => GroupLevelEnum, { nullable: true, description: 'The level `group` was resolved at (LAB falls back to INSTITUTION, then to COUNTRY for a placeholder institution).' })
  groupResolvedLevel!: GroupLevel | null;

  @Field(() => String, { nullable: true })
  groupLabel!: string | null;

  @Field(() => CareerStageEnum, { nullable: true, description: 'null for labs.' })
  stage!: CareerStage | null;

  @Field(() => Boolean, { nullable: true })
  earlyCareer!: boolean | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2.' })
  country!: string | null;

  @Field(() => ID, { nullable: true, description: 'Primary named institution; null when only a placeholder is known.' })
  institution!: string | null;

  @Field(() => ID, { nullable: true, description: 'Primary lab; null when the data names none.' })
  lab!: string | null;

  @Field(() => Float, { description: 'People: sum of tie weights in the whole graph; labs: number of members.' })
  weight!: number;

  @Field(() => Int, { description: 'People: number of ties in the whole graph; labs: number of members.' })
  degree!: number;
}

@ObjectType({ description: 'An edge of a graph view.' })
export class GraphViewEdge {
  @Field(() => ID, { description: 'Stable: the two ids joined by "--".' })
  id!: string;

  @Field(() => ID)
  source!: string;

  @Field(() => ID)
  target!: string;

  @Field(() => GraphViewEdgeTypeEnum)
  type!: ViewEdgeType;

  @Field(() => Float)
  weight!: number;

  @Field(() => [TieKindEnum])
  kinds!: TieKind[];

  @Field(() => [ID])
  visits!: string[];

  @Field(() => [ID])
  papers!: string[];

  @Field(() => [ID])
  labs!: string[];

  @Field(() => [VisitInterval], { nullable: true, description: 'When the tie rests on dated visits only: when it existed. null: timeless.' })
  intervals!: VisitInterval[] | null;

  @Field(() => GraphQLLocalDate, { nullable: true })
  start!: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true })
  end!: string | null;
}

@ObjectType({ description: 'A layout-free view of the collaboration graph for visualization frontends (stable ids, sorted).' })
export class GraphView {
  @Field(() => GroupLevelEnum)
  level!: GroupLevel;

  @Field(() => Boolean)
  includePlanned!: boolean;

  @Field(() => [GraphViewNode])
  nodes!: GraphViewNode[];

  @Field(() => [GraphViewEdge])
  edges!: GraphViewEdge[];

  @Field(() => NetworkPeriodSummary, { nullable: true, description: 'The day the view was taken on (with `asOf` or `fiscalYear`); null for the whole graph.' })
  period?: NetworkPeriodSummary | null;
}

@InputType({ description: 'Which part of the collaboration graph to show. People listed, plus members of the groups listed; with none of them, everyone.' })
export class GraphFilter {
  @Field(() => GroupLevelEnum, { defaultValue: 'LAB', description: 'Level of each node’s `group`.' })
  level!: GroupLevel;

  @Field(() => Boolean, { defaultValue: false })
  includePlanned!: boolean;

  @Field(() => [ID], { nullable: true })
  people?: string[] | null;

  @Field(() => [ID], { nullable: true })
  labs?: string[] | null;

  @Field(() => [ID], { nullable: true })
  institutions?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Country ids ("country:JP").' })
  countries?: string[] | null;

  @Field(() => Boolean, { defaultValue: false })
  earlyCareerOnly!: boolean;

  @Field(() => Float, { nullable: true, description: 'Leave out ties lighter than this.' })
  minWeight?: number | null;

  @Field(() => Boolean, { defaultValue: false, description: 'Add the people’s labs as nodes, with MEMBER_OF edges.' })
  includeLabs!: boolean;

  @Field(() => Boolean, { defaultValue: true, description: 'Keep people without a tie in the view.' })
  includeIsolated!: boolean;

  @Field(() => GraphQLLocalDate, { nullable: true, description: AS_OF_DESCRIPTION })
  asOf?: string | null;

  @Field(() => Int, { nullable: true, description: FISCAL_YEAR_DESCRIPTION })
  fiscalYear?: number | null;
}
