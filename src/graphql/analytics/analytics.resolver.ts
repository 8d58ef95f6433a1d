import type { GraphQLResolveInfo } from 'graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { maySelect } from '../compile/plan';
import { DEFAULT_MAX_HOPS } from '../../analytics/paths';
import { resolveNetworkPeriod, type NetworkPeriod } from '../../analytics/period';
import type { GroupLevel } from '../../domain/enums';
import type { GraphNode } from '../../store/graph';
import { badInput } from '../../errors';
import { GroupLevelEnum } from '../common/enums';
import type { Context } from '../context';
import { Lab } from '../lab/lab.type';
import { hydrate, type Entity } from '../node/node.type';
import { Paper } from '../paper/paper.type';
import { Person } from '../person/person.type';
import { Visit } from '../visit/visit.type';
import {
  checkFirst,
  DEFAULT_ANALYTICS_RESULTS,
  MAX_VIEW_NODES,
  serviceOf,
  toBridges,
  toPath,
  toProfiles,
} from './analytics.service';
import {
  Bridge,
  BrokerageOrderEnum,
  BrokerageProfile,
  CollaborationPath,
  CollaborationTie,
  GraphFilter,
  GraphView,
  PathStep,
  type BrokerageOrder,
} from './analytics.type';
import { AS_OF_DESCRIPTION, FISCAL_YEAR_DESCRIPTION, NetworkPeriodSummary } from './period.type';

/** `asOf` / `fiscalYear` on every network measure (docs/metrics.md, "The network as of a date"). */
@ArgsType()
export class PeriodArgs {
  @Field(() => GraphQLLocalDate, { nullable: true, description: AS_OF_DESCRIPTION })
  asOf?: string | null;

  @Field(() => Int, { nullable: true, description: FISCAL_YEAR_DESCRIPTION })
  fiscalYear?: number | null;
}

@ArgsType()
class NetworkArgs extends PeriodArgs {
  @Field(() => GroupLevelEnum, {
    defaultValue: 'LAB',
    description:
      'What a group is: a lab, an institution or a country. LAB falls back to the institution where the data names no lab, and to the country where the institution is a placeholder; each group says its `resolvedLevel`. A placeholder institution is never a group.',
  })
  level!: GroupLevel;

  @Field(() => Boolean, { defaultValue: true, description: 'Only early-career people (configured rule; UNKNOWN stages left out).' })
  earlyCareerOnly!: boolean;

  @Field(() => Boolean, { defaultValue: false, description: 'Count PLANNED visits and papers as ties.' })
  includePlanned!: boolean;

  @Field(() => [ID], { nullable: true, description: 'Only these people.' })
  people?: string[] | null;

  @Field(() => Int, { defaultValue: DEFAULT_ANALYTICS_RESULTS, description: 'At most this many results (1..1000, default 20), in the order given; nested evidence counts towards the query cost limit.' })
  first!: number;
}

@ArgsType()
class NetworkPeriodArgs extends PeriodArgs {
  @Field(() => Boolean, { defaultValue: false })
  includePlanned!: boolean;
}

@ArgsType()
class BridgesArgs extends NetworkArgs {
  @Field(() => [ID], { nullable: true, description: 'Group ids of the level (at LAB level lab, institution and country ids, through the fallback). One: pairs that include it. Several: pairs of two of them ("who connects Kyoto to Nottingham").' })
  between?: string[] | null;
}

@ArgsType()
class BrokerageArgs extends NetworkArgs {
  @Field(() => BrokerageOrderEnum, { defaultValue: 'PERSON' })
  orderBy!: BrokerageOrder;
}

@ArgsType()
class PathArgs extends PeriodArgs {
  @Field(() => ID, { description: 'A person, or a group standing for its members: a lab, a named institution, a country.' })
  from!: string;

  @Field(() => ID)
  to!: string;

  @Field(() => Int, { defaultValue: DEFAULT_MAX_HOPS, description: '1..10.' })
  maxHops!: number;

  @Field(() => Boolean, { defaultValue: false })
  includePlanned!: boolean;
}

@ArgsType()
class NeighborhoodArgs extends PeriodArgs {
  @Field(() => ID, { description: 'A person, or a group whose members are the centre: a lab, a named institution, a country.' })
  id!: string;

  @Field(() => Int, { defaultValue: 1, description: '0..3.' })
  hops!: number;

  @Field(() => GroupLevelEnum, { defaultValue: 'LAB', description: 'Level of each node’s `group`.' })
  level!: GroupLevel;

  @Field(() => Boolean, { defaultValue: false })
  includePlanned!: boolean;

  @Field(() => Boolean, { defaultValue: false, description: 'Add the people’s labs as nodes, with MEMBER_OF edges.' })
  includeLabs!: boolean;
}

/** The profile fields that need the betweenness run. */
const BETWEENNESS_FIELDS = ['betweenness', 'betweennessMethod', 'betweennessSources'];

@Resolver()
export class AnalyticsResolver {
  @Query(() => [Bridge], { description: 'People who bridge groups, with the evidence of each side and structural holes (docs/metrics.md).' })
  async bridges(@Args() args: BridgesArgs, @Ctx() ctx: Context): Promise<Bridge[]> {
    const first = checkFirst(args.first);
    return ctx.memo(`bridges:${JSON.stringify(args)}`, async () => {
      const service = serviceOf(ctx);
      const period = resolveNetworkPeriod(args);
      const found = await service.bridges({ ...args, limit: first, period });
      return toBridges(await service.network(args.includePlanned, period), found);
    });
  }

  @Query(() => [BrokerageProfile], { description: 'Gould–Fernandez brokerage roles, Burt’s constraint and effective size, betweenness (docs/metrics.md).' })
  async brokerage(@Args() args: BrokerageArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<BrokerageProfile[]> {
    const first = checkFirst(args.first);
    const withBetweenness = args.orderBy === 'BETWEENNESS' || maySelect(info, BETWEENNESS_FIELDS);
    return ctx.memo(`brokerage:${JSON.stringify(args)}:${withBetweenness}`, async () => {
      const service = serviceOf(ctx);
      const period = resolveNetworkPeriod(args);
      // Ordered and kept per network by the service: only the page asked for is mapped.
      const result = await service.brokerage({ ...args, withBetweenness, period });
      const network = await service.network(args.includePlanned, period);
      return toProfiles(network, result.level, result.profiles.slice(0, first), result.betweenness?.method ?? 'EXACT', result.betweenness?.k ?? 0);
    });
  }

  @Query(() => CollaborationPath, { nullable: true, description: 'Shortest chain of collaboration ties between two people or labs; null when none within maxHops.' })
  async collaborationPath(@Args() args: PathArgs, @Ctx() ctx: Context): Promise<CollaborationPath | null> {
    return ctx.memo(`collaborationPath:${JSON.stringify(args)}`, async () => {
      const period = resolveNetworkPeriod(args);
      const path = toPath(await serviceOf(ctx).collaborationPath(args.from, args.to, args.maxHops, args.includePlanned, period));
      return path && { ...path, period: await periodSummary(ctx, period, args.includePlanned) };
    });
  }

  @Query(() => NetworkPeriodSummary, { description: 'The network on a day (`asOf` or `fiscalYear`): how many ties it has and how many rest on uncertain dates. The same day’s `bridges`, `brokerage`, `graph` answer on this network.' })
  async networkPeriod(@Args() args: NetworkPeriodArgs, @Ctx() ctx: Context): Promise<NetworkPeriodSummary> {
    const period = resolveNetworkPeriod(args);
    if (!period) throw badInput('Give `asOf` or `fiscalYear`', { argumentName: 'asOf' });
    return (await periodSummary(ctx, period, args.includePlanned))!;
  }

  @Query(() => GraphView, { description: 'The ego network of a person or lab, for visualization frontends.' })
  neighborhood(@Args() args: NeighborhoodArgs, @Ctx() ctx: Context): Promise<GraphView> {
    return ctx.memo(`neighborhood:${JSON.stringify(args)}`, async () => {
      const period = resolveNetworkPeriod(args);
      const view = await serviceOf(ctx).neighborhood(args.id, args.hops, { ...args, maxNodes: MAX_VIEW_NODES, period });
      return { ...view, period: await periodSummary(ctx, period, args.includePlanned) };
    });
  }

  @Query(() => GraphView, { description: `The collaboration graph or a part of it (at most ${MAX_VIEW_NODES} nodes; export larger graphs as files).` })
  graph(@Arg('filter', () => GraphFilter, { nullable: true }) filter: GraphFilter | null, @Ctx() ctx: Context): Promise<GraphView> {
    const f = filter ?? new GraphFilter();
    return ctx.memo(`graph:${JSON.stringify(f)}`, async () => {
      const period = resolveNetworkPeriod(f, 'filter.asOf');
      const view = await serviceOf(ctx).graph({
      level: f.level ?? 'LAB',
      includePlanned: f.includePlanned ?? false,
      people: f.people ?? undefined,
      labs: f.labs ?? undefined,
      institutions: f.institutions ?? undefined,
      countries: f.countries ?? undefined,
      earlyCareerOnly: f.earlyCareerOnly ?? false,
      minWeight: f.minWeight ?? undefined,
      includeLabs: f.includeLabs ?? false,
      includeIsolated: f.includeIsolated ?? true,
      maxNodes: MAX_VIEW_NODES,
      period,
      });
      return { ...view, period: await periodSummary(ctx, period, f.includePlanned ?? false) };
    });
  }
}

/** The summary of a period's network (null without a period: the whole graph). */
export async function periodSummary(ctx: Context, period: NetworkPeriod | null, includePlanned: boolean): Promise<NetworkPeriodSummary | null> {
  return period ? (await serviceOf(ctx).periodNetwork(period, includePlanned)).period : null;
}

/** Records by id through the request's loader (one batched store call per nesting level), in the order given. */
export async function entities<T extends Entity>(ctx: Context, Type: new () => T, ids: readonly string[]): Promise<T[]> {
  const nodes = await ctx.loaders.node.loadMany(ids);
  return nodes.filter((n): n is GraphNode => n !== null && !(n instanceof Error)).map((n) => hydrate(Type, n));
}

export async function person(ctx: Context, id: string): Promise<Person> {
  const [p] = await entities(ctx, Person, [id]);
  if (!p) throw new Error(`person ${id} is in the collaboration graph but not in the store`);
  return p;
}

@Resolver(() => Bridge)
export class BridgeFieldsResolver {
  @FieldResolver(() => Person)
  person(@Root() bridge: Bridge, @Ctx() ctx: Context): Promise<Person> {
    return person(ctx, bridge.personId);
  }
}

@Resolver(() => BrokerageProfile)
export class BrokerageProfileFieldsResolver {
  @FieldResolver(() => Person)
  person(@Root() profile: BrokerageProfile, @Ctx() ctx: Context): Promise<Person> {
    return person(ctx, profile.personId);
  }
}

@Resolver(() => CollaborationTie)
export class CollaborationTieFieldsResolver {
  @FieldResolver(() => Person, { description: 'The person at the other end of the tie.' })
  person(@Root() tie: CollaborationTie, @Ctx() ctx: Context): Promise<Person> {
    return person(ctx, tie.personId);
  }

  @FieldResolver(() => [Visit])
  visits(@Root() tie: CollaborationTie, @Ctx() ctx: Context): Promise<Visit[]> {
    return entities(ctx, Visit, tie.visitIds);
  }

  @FieldResolver(() => [Paper])
  papers(@Root() tie: CollaborationTie, @Ctx() ctx: Context): Promise<Paper[]> {
    return entities(ctx, Paper, tie.paperIds);
  }

  @FieldResolver(() => [Lab], { description: 'Labs both people belong to.' })
  labs(@Root() tie: CollaborationTie, @Ctx() ctx: Context): Promise<Lab[]> {
    return entities(ctx, Lab, tie.labIds);
  }
}

@Resolver(() => PathStep)
export class PathStepFieldsResolver {
  @FieldResolver(() => Person)
  from(@Root() step: PathStep, @Ctx() ctx: Context): Promise<Person> {
    return person(ctx, step.fromId);
  }

  @FieldResolver(() => Person)
  to(@Root() step: PathStep, @Ctx() ctx: Context): Promise<Person> {
    return person(ctx, step.toId);
  }
}

@Resolver(() => CollaborationPath)
export class CollaborationPathFieldsResolver {
  @FieldResolver(() => [Person], { description: 'The people along the path, from `from` to `to`.' })
  people(@Root() path: CollaborationPath, @Ctx() ctx: Context): Promise<Person[]> {
    return entities(ctx, Person, path.personIds);
  }
}

/** Registered in graphql/schema.ts. */
export const ANALYTICS_RESOLVERS = [
  AnalyticsResolver,
  BridgeFieldsResolver,
  BrokerageProfileFieldsResolver,
  CollaborationTieFieldsResolver,
  PathStepFieldsResolver,
  CollaborationPathFieldsResolver,
] as const;
