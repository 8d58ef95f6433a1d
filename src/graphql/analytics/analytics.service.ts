import type { Bridge as CoreBridge, BridgeSide as CoreSide, BridgeTie } from '../../analytics/bridges';
import type { BrokerageProfile as CoreProfile } from '../../analytics/brokerage';
import type { CollaborationNetwork } from '../../analytics/collaborationGraph';
import { groupLabel, resolvedLevelOf } from '../../analytics/groups';
import type { TieKind } from '../../analytics/graphView';
import type { CollaborationPath as CorePath } from '../../analytics/paths';
import { analyticsFor, type AnalyticsService } from '../../analytics/service';
import type { GroupLevel } from '../../domain/enums';
import { badInput } from '../../errors';
import type { Context } from '../context';
import type { Bridge, BridgeSide, BrokerageProfile, CollaborationPath, CollaborationTie, NetworkGroup } from './analytics.type';

/**
 * Between the resolvers and src/analytics: picks the store's AnalyticsService (one per store and
 * early-career rule, holding the cached collaboration graph), bounds list sizes, and maps the
 * analytics' plain objects to the GraphQL shapes. Pure mapping apart from the service call.
 */
export const DEFAULT_ANALYTICS_RESULTS = 20;
export const MAX_ANALYTICS_RESULTS = 1000;
/** Graph views over GraphQL stop here; larger graphs go through the export endpoint / CLI. */
export const MAX_VIEW_NODES = 10_000;

/** The shared service of the store itself (its cache is keyed by the store object, so not the request's guarded view). */
export function serviceOf(ctx: Context): AnalyticsService {
  return analyticsFor(ctx.baseStore, ctx.earlyCareer);
}

export function checkFirst(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_ANALYTICS_RESULTS) {
    throw badInput(`\`first\` must be between 1 and ${MAX_ANALYTICS_RESULTS}`, { argumentName: 'first' });
  }
  return first;
}

export function networkGroup(network: CollaborationNetwork, level: GroupLevel, id: string): NetworkGroup {
  return { id, level, resolvedLevel: resolvedLevelOf(id), name: groupLabel(network, id) };
}

export function kindsOf(t: { visits: readonly string[]; papers: readonly string[]; labs: readonly string[] }): TieKind[] {
  const kinds: TieKind[] = [];
  if (t.visits.length) kinds.push('VISIT');
  if (t.papers.length) kinds.push('COAUTHORSHIP');
  if (t.labs.length) kinds.push('SHARED_LAB');
  return kinds;
}

function tie(t: BridgeTie): CollaborationTie {
  return { personId: t.person, weight: t.weight, kinds: kindsOf(t), visitIds: t.visits, paperIds: t.papers, labIds: t.labs };
}

export function toBridges(network: CollaborationNetwork, bridges: CoreBridge[]): Bridge[] {
  return bridges.map((b) => {
    // Pairs share the side objects: map each once, so the response does not copy the evidence per pair.
    const sides = new Map<CoreSide, BridgeSide>();
    const side = (s: CoreSide): BridgeSide => {
      let out = sides.get(s);
      if (!out) sides.set(s, (out = { group: networkGroup(network, b.level, s.group), member: s.member, ties: s.ties.map(tie) }));
      return out;
    };
    return {
      personId: b.person,
      careerStage: b.stage,
      earlyCareer: b.earlyCareer,
      level: b.level,
      sides: b.sides.map(side),
      pairs: b.pairs.map((p) => ({ a: side(p.a), b: side(p.b), otherTies: p.otherTies, sharedMembers: p.sharedMembers, structuralHole: p.structuralHole })),
    };
  });
}

export function toProfiles(network: CollaborationNetwork, level: GroupLevel, profiles: CoreProfile[], method: BrokerageProfile['betweennessMethod'], sources: number): BrokerageProfile[] {
  return profiles.map((p) => ({
    personId: p.person,
    careerStage: p.stage,
    earlyCareer: p.earlyCareer,
    group: p.group ? networkGroup(network, level, p.group) : null,
    degree: p.degree,
    coordinator: p.coordinator,
    itinerant: p.itinerant,
    gatekeeperRepresentative: p.gatekeeperRepresentative,
    liaison: p.liaison,
    unclassified: p.unclassified,
    openTwoPaths: p.total,
    constraint: p.constraint,
    effectiveSize: p.effectiveSize,
    betweenness: p.betweenness ?? 0,
    betweennessMethod: method,
    betweennessSources: sources,
  }));
}

export function toPath(path: CorePath | null): CollaborationPath | null {
  if (!path) return null;
  return {
    from: path.from,
    to: path.to,
    hops: path.hops,
    personIds: path.people.map((p) => p.id),
    steps: path.steps.map((s) => ({
      fromId: s.from,
      toId: s.to,
      tie: { personId: s.to, weight: s.weight, kinds: kindsOf(s), visitIds: s.visits, paperIds: s.papers, labIds: s.labs },
    })),
  };
}
