import { Args, ArgsType, Ctx, Field, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { CollaborationNetwork } from '../../analytics/collaborationGraph';
import type { BridgeChange as CoreBridgeChange, ChangedTie as CoreTie, NetworkChange as CoreChange } from '../../analytics/networkChange';
import { resolveNetworkPeriod } from '../../analytics/period';
import type { GroupLevel } from '../../domain/enums';
import { badInput } from '../../errors';
import { GroupLevelEnum } from '../common/enums';
import type { Context } from '../context';
import { Lab } from '../lab/lab.type';
import { Paper } from '../paper/paper.type';
import { Person } from '../person/person.type';
import { Visit } from '../visit/visit.type';
import { entities, person } from './analytics.resolver';
import { kindsOf, networkGroup, serviceOf } from './analytics.service';
import { BridgeChange, ChangedTie, NetworkChange, PersonChange } from './networkChange.type';
import { NetworkPeriodInput } from './period.type';

@ArgsType()
class NetworkChangeArgs {
  @Field(() => NetworkPeriodInput, { description: 'The earlier day: `{ asOf }` or `{ fiscalYear }` (its last day).' })
  from!: NetworkPeriodInput;

  @Field(() => NetworkPeriodInput, { description: 'The later day.' })
  to!: NetworkPeriodInput;

  @Field(() => GroupLevelEnum, { defaultValue: 'LAB', description: 'Level of the bridges compared (group pairs come at every level).' })
  level!: GroupLevel;

  @Field(() => Boolean, { defaultValue: true, description: 'Bridges: early-career people only, as `bridges`.' })
  earlyCareerOnly!: boolean;

  @Field(() => Boolean, { defaultValue: false })
  includePlanned!: boolean;
}

@Resolver()
export class NetworkChangeResolver {
  @Query(() => NetworkChange, { description: 'How the collaboration network changed between two days or fiscal years: ties formed and ended, new group pairs, bridges gained and lost, early-career brokerage, density, cross-border share — each with its evidence (docs/metrics.md, "Network change").' })
  networkChange(@Args() args: NetworkChangeArgs, @Ctx() ctx: Context): Promise<NetworkChange> {
    return ctx.memo(`networkChange:${JSON.stringify(args)}`, async () => {
      const from = resolveNetworkPeriod(args.from, 'from');
      const to = resolveNetworkPeriod(args.to, 'to');
      if (!from || !to) throw badInput('`from` and `to` each need `asOf` or `fiscalYear`', { argumentName: from ? 'to' : 'from' });
      if (from.asOf >= to.asOf) throw badInput('`from` must be a day before `to`', { argumentName: 'from' });
      const service = serviceOf(ctx);
      const change = await service.networkChange(from, to, args);
      return toChange(await service.network(args.includePlanned, to), change);
    });
  }
}

function tie(t: CoreTie): ChangedTie {
  return { id: `${t.a}--${t.b}`, aId: t.a, bId: t.b, weight: t.weight, kinds: kindsOf(t), visitIds: t.visits, paperIds: t.papers, labIds: t.labs };
}

function toChange(network: CollaborationNetwork, c: CoreChange): NetworkChange {
  const group = (level: GroupLevel, id: string) => networkGroup(network, level, id);
  const bridge = (b: CoreBridgeChange): BridgeChange => ({
    personId: b.person,
    careerStage: b.stage,
    earlyCareer: b.earlyCareer,
    pairs: b.pairs.map((p) => ({ a: group(c.level, p.a), b: group(c.level, p.b), structuralHole: p.structuralHole })),
    visitIds: b.visits,
    paperIds: b.papers,
    labIds: b.labs,
  });
  return {
    level: c.level,
    from: c.from,
    to: c.to,
    tiesFormed: c.tiesFormed.map(tie),
    tiesEnded: c.tiesEnded.map(tie),
    newGroupPairs: c.newGroupPairs.map((p) => ({ level: p.level, a: group(p.level, p.a), b: group(p.level, p.b), ties: p.ties.map(tie) })),
    becameBridges: c.becameBridges.map(bridge),
    stoppedBridging: c.stoppedBridging.map(bridge),
    earlyCareer: c.earlyCareer.map((p) => ({ ...p, personId: p.person, careerStage: p.stage, tiesFormed: p.tiesFormed.map(tie), tiesEnded: p.tiesEnded.map(tie) })),
    density: c.density,
    crossBorderShare: c.crossBorderShare,
  };
}

@Resolver(() => ChangedTie)
export class ChangedTieFieldsResolver {
  @FieldResolver(() => Person)
  a(@Root() t: ChangedTie, @Ctx() ctx: Context): Promise<Person> {
    return person(ctx, t.aId);
  }

  @FieldResolver(() => Person)
  b(@Root() t: ChangedTie, @Ctx() ctx: Context): Promise<Person> {
    return person(ctx, t.bId);
  }

  @FieldResolver(() => [Visit])
  visits(@Root() t: ChangedTie, @Ctx() ctx: Context): Promise<Visit[]> {
    return entities(ctx, Visit, t.visitIds);
  }

  @FieldResolver(() => [Paper])
  papers(@Root() t: ChangedTie, @Ctx() ctx: Context): Promise<Paper[]> {
    return entities(ctx, Paper, t.paperIds);
  }

  @FieldResolver(() => [Lab])
  labs(@Root() t: ChangedTie, @Ctx() ctx: Context): Promise<Lab[]> {
    return entities(ctx, Lab, t.labIds);
  }
}

@Resolver(() => BridgeChange)
export class BridgeChangeFieldsResolver {
  @FieldResolver(() => Person)
  person(@Root() b: BridgeChange, @Ctx() ctx: Context): Promise<Person> {
    return person(ctx, b.personId);
  }
}

@Resolver(() => PersonChange)
export class PersonChangeFieldsResolver {
  @FieldResolver(() => Person)
  person(@Root() p: PersonChange, @Ctx() ctx: Context): Promise<Person> {
    return person(ctx, p.personId);
  }
}

/** Registered in graphql/schema.ts. */
export const NETWORK_CHANGE_RESOLVERS = [NetworkChangeResolver, ChangedTieFieldsResolver, BridgeChangeFieldsResolver, PersonChangeFieldsResolver] as const;
