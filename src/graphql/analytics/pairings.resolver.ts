import { Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { PAIRING_WEIGHTS } from '../../analytics/pairings/score';
import type { PairingSuggestion as CoreSuggestion } from '../../analytics/pairings/suggest';
import type { StructuralChange } from '../../analytics/pairings/structuralChange';
import type { CollaborationNetwork, TieAttributes } from '../../analytics/collaborationGraph';
import type { GroupLevel } from '../../domain/enums';
import { isIdOf } from '../../domain/ids';
import { badInput } from '../../errors';
import { GroupLevelEnum } from '../common/enums';
import type { Context } from '../context';
import { Material } from '../material/material.type';
import { Person } from '../person/person.type';
import { Theme } from '../theme/theme.type';
import { resolveNetworkPeriod } from '../../analytics/period';
import { entities, PeriodArgs, periodSummary, person } from './analytics.resolver';
import { kindsOf, networkGroup, serviceOf } from './analytics.service';
import type { CollaborationTie } from './analytics.type';
import { PairingSuggestion, PairingSuggestions, SharedInterest, SharedNeighbour, type StructuralHoleChange } from './pairings.type';

export const DEFAULT_PAIRINGS = 10;
export const MAX_PAIRINGS = 100;

@ArgsType()
class SuggestPairingsArgs extends PeriodArgs {
  @Field(() => ID, { nullable: true, description: 'The person to suggest pairings for (typically early-career). Give this or `between`.' })
  person?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Two groups of the level: pairs of their members (at least one early-career with earlyCareerOnly). Give this or `person`.' })
  between?: string[] | null;

  @Field(() => Int, { defaultValue: DEFAULT_PAIRINGS, description: `At most this many suggestions (1..${MAX_PAIRINGS}).` })
  first!: number;

  @Field(() => GroupLevelEnum, { defaultValue: 'LAB', description: 'What “another group” means: candidates share no group with the person at this level (LAB falls back as everywhere).' })
  level!: GroupLevel;

  @Field(() => Boolean, { defaultValue: false, description: 'Count PLANNED visits and papers as ties (and their themes and materials).' })
  includePlanned!: boolean;

  @Field(() => Boolean, { defaultValue: true, description: 'With `between`: only pairs where at least one person is early-career.' })
  earlyCareerOnly!: boolean;
}

function change(c: StructuralChange): StructuralHoleChange {
  return {
    constraintBefore: c.before.constraint,
    constraintAfter: c.after.constraint,
    effectiveSizeBefore: c.before.effectiveSize,
    effectiveSizeAfter: c.after.effectiveSize,
  };
}

function tie(other: string, t: TieAttributes): CollaborationTie {
  return { personId: other, weight: t.weight, kinds: kindsOf(t), visitIds: t.visits, paperIds: t.papers, labIds: t.labs };
}

function toSuggestion(network: CollaborationNetwork, level: GroupLevel, s: CoreSuggestion): PairingSuggestion {
  return {
    personId: s.person,
    candidateId: s.candidate,
    score: s.score,
    parts: { ...s.parts },
    personGroups: s.personGroups.map((g) => networkGroup(network, level, g)),
    candidateGroups: s.candidateGroups.map((g) => networkGroup(network, level, g)),
    personChange: change(s.personChange),
    candidateChange: change(s.candidateChange),
    commonNeighbours: s.link.commonNeighbours,
    adamicAdar: s.link.adamicAdar,
    resourceAllocation: s.link.resourceAllocation,
    sharedNeighbours: s.sharedNeighbours.map((n) => ({ personId: n.neighbour, personTie: tie(n.neighbour, n.personTie), candidateTie: tie(n.neighbour, n.candidateTie) })),
    sharedThemes: s.sharedThemes,
    sharedMaterials: s.sharedMaterials,
  };
}

@Resolver()
export class PairingsResolver {
  @Query(() => PairingSuggestions, {
    description:
      'Suggested pairings that would close structural holes: for a person, people in other groups; between two groups, pairs of their members. Each with the change of Burt’s constraint and effective size, link-prediction scores, shared themes and materials, and a combined score (docs/metrics.md, "Suggested pairings"). Placeholders are never suggested.',
  })
  suggestPairings(@Args() args: SuggestPairingsArgs, @Ctx() ctx: Context): Promise<PairingSuggestions> {
    if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_PAIRINGS) {
      throw badInput(`\`first\` must be between 1 and ${MAX_PAIRINGS}`, { argumentName: 'first' });
    }
    return ctx.memo(`suggestPairings:${JSON.stringify(args)}`, async () => {
      const service = serviceOf(ctx);
      const period = resolveNetworkPeriod(args);
      const result = await service.suggestPairings({ ...args, period });
      const network = await service.network(args.includePlanned, period);
      return {
        period: await periodSummary(ctx, period, args.includePlanned),
        level: result.level,
        candidates: result.candidates,
        weights: { ...PAIRING_WEIGHTS },
        suggestions: result.suggestions.map((s) => toSuggestion(network, result.level, s)),
      };
    });
  }
}

@Resolver(() => PairingSuggestion)
export class PairingSuggestionFieldsResolver {
  @FieldResolver(() => Person)
  person(@Root() s: PairingSuggestion, @Ctx() ctx: Context): Promise<Person> {
    return person(ctx, s.personId);
  }

  @FieldResolver(() => Person, { description: 'The suggested person.' })
  candidate(@Root() s: PairingSuggestion, @Ctx() ctx: Context): Promise<Person> {
    return person(ctx, s.candidateId);
  }
}

@Resolver(() => SharedNeighbour)
export class SharedNeighbourFieldsResolver {
  @FieldResolver(() => Person, { description: 'The common neighbour.' })
  person(@Root() n: SharedNeighbour, @Ctx() ctx: Context): Promise<Person> {
    return person(ctx, n.personId);
  }
}

@Resolver(() => SharedInterest)
export class SharedInterestFieldsResolver {
  @FieldResolver(() => Theme, { nullable: true, description: 'The theme, when this is a shared theme.' })
  async theme(@Root() s: SharedInterest, @Ctx() ctx: Context): Promise<Theme | null> {
    return isIdOf('Theme', s.id) ? ((await entities(ctx, Theme, [s.id]))[0] ?? null) : null;
  }

  @FieldResolver(() => Material, { nullable: true, description: 'The material, when this is a shared material.' })
  async material(@Root() s: SharedInterest, @Ctx() ctx: Context): Promise<Material | null> {
    return isIdOf('Material', s.id) ? ((await entities(ctx, Material, [s.id]))[0] ?? null) : null;
  }
}

/** Registered with the analytics resolvers (graphql/schema.ts). */
export const PAIRINGS_RESOLVERS = [PairingsResolver, PairingSuggestionFieldsResolver, SharedNeighbourFieldsResolver, SharedInterestFieldsResolver] as const;
