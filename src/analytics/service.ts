import { DEFAULT_EARLY_CAREER_RULE, type EarlyCareerRule } from '../domain/earlyCareer';
import type { GroupLevel } from '../domain/enums';
import { labelOfId } from '../domain/ids';
import type { GraphStore } from '../store/port';
import type { BetweennessOptions, BetweennessResult } from './betweenness';
import { bridges, type Bridge } from './bridges';
import { brokerage, orderBrokerageProfiles, type BrokerageOrder, type BrokerageResult } from './brokerage';
import { CollaborationCache } from './cache';
import type { CollaborationNetwork } from './collaborationGraph';
import { exportGraphView, type ExportedGraph, type ExportFormat } from './export';
import { graphView, neighborhood, type GraphFilter, type GraphView } from './graphView';
import { resolvePeople } from './groups';
import { networkChange, type NetworkChange } from './networkChange';
import { cachedInterests } from './pairings/interests';
import { suggestPairings, type PairingsRequest, type PairingsResult } from './pairings/suggest';
import { collaborationPath, type CollaborationPath } from './paths';
import type { NetworkPeriod } from './period';
import type { PeriodNetwork } from './periodNetwork';

/**
 * The analytics as the API, the HTTP export endpoint and the CLI use them: one collaboration
 * graph per store (and early-career rule), kept by a CollaborationCache until the store's version
 * moves, and the pure functions of this folder applied to it. One service per store lives as long
 * as that store (a WeakMap keyed by the store object), so every request shares the cached graph.
 */
export interface AnalyticsOptions {
  betweenness?: BetweennessOptions;
}

const services = new WeakMap<GraphStore, Map<string, AnalyticsService>>();

export function analyticsFor(store: GraphStore, earlyCareer: EarlyCareerRule = DEFAULT_EARLY_CAREER_RULE, options: AnalyticsOptions = {}): AnalyticsService {
  let byRule = services.get(store);
  if (!byRule) services.set(store, (byRule = new Map()));
  const key = [...earlyCareer.stages].sort().join(',') + '|' + JSON.stringify(options.betweenness ?? {});
  let service = byRule.get(key);
  if (!service) byRule.set(key, (service = new AnalyticsService(store, earlyCareer, options)));
  return service;
}

export interface BridgesRequest {
  level: GroupLevel;
  earlyCareerOnly: boolean;
  includePlanned: boolean;
  between?: readonly string[] | null;
  people?: readonly string[] | null;
  /** The first this many bridges (by person id). */
  limit?: number;
  /** The network as of a day (null: the whole graph). */
  period?: NetworkPeriod | null;
}

export interface BrokerageRequest {
  level: GroupLevel;
  earlyCareerOnly: boolean;
  includePlanned: boolean;
  people?: readonly string[] | null;
  /** False when nobody reads betweenness: the profiles then come without it (no Brandes run). */
  withBetweenness?: boolean;
  period?: NetworkPeriod | null;
  /** Order of the profiles (default PERSON: by id). */
  orderBy?: BrokerageOrder;
}

export interface ViewRequest {
  level?: GroupLevel;
  includePlanned?: boolean;
  includeLabs?: boolean;
  maxNodes?: number;
  period?: NetworkPeriod | null;
}

export interface ExportRequest extends ViewRequest {
  format: ExportFormat;
  /** An ego network around this person or lab; without it, the whole (filtered) graph. */
  id?: string | null;
  hops?: number | null;
  filter?: Omit<GraphFilter, 'existingGroups'> | null;
}

export class AnalyticsService {
  private readonly cache: CollaborationCache;

  constructor(
    private readonly store: GraphStore,
    earlyCareer: EarlyCareerRule,
    options: AnalyticsOptions = {},
  ) {
    this.cache = new CollaborationCache(store, { earlyCareerRule: earlyCareer, betweenness: options.betweenness });
  }

  /** The whole network, or as it stood on the period's day. */
  network(includePlanned = false, period: NetworkPeriod | null = null): Promise<CollaborationNetwork> {
    return this.cache.networkAt(period, includePlanned);
  }

  /** The period's view (with its summary: ties, uncertain ties). */
  periodNetwork(period: NetworkPeriod, includePlanned = false): Promise<PeriodNetwork> {
    return this.cache.periodNetwork(period, includePlanned);
  }

  betweenness(includePlanned = false, period: NetworkPeriod | null = null): Promise<BetweennessResult> {
    return this.cache.betweenness(includePlanned, period);
  }

  async bridges(request: BridgesRequest): Promise<Bridge[]> {
    const network = await this.network(request.includePlanned, request.period);
    const between = request.between ?? undefined;
    return bridges(network, {
      level: request.level,
      earlyCareerOnly: request.earlyCareerOnly,
      between,
      people: request.people ?? undefined,
      existingGroups: await this.existingGroups(network, between ?? []),
      limit: request.limit,
    });
  }

  /**
   * Gould–Fernandez, constraint and effective size for the people asked for, with betweenness
   * (cached per graph), in the asked order. Every person's profile is computed to order them, so
   * the ordered result is kept per network (hence per store version, variant and period) and
   * request options: a later request, whatever its `first`, only cuts it. Shared: do not mutate.
   */
  async brokerage(request: BrokerageRequest): Promise<BrokerageResult> {
    const network = await this.network(request.includePlanned, request.period);
    // A bad id is answered at once, not after a betweenness run.
    if (request.people) resolvePeople(network.csr, request.people, 'people');
    const withBetweenness = request.withBetweenness !== false;
    const orderBy = request.orderBy ?? 'PERSON';
    const key = JSON.stringify([request.level, request.earlyCareerOnly, withBetweenness, orderBy, request.people ?? null]);
    return memoOnNetwork(network, key, async () => {
      // Betweenness is the expensive part (every source's shortest paths): computed only when asked for.
      const bc = withBetweenness ? await this.cache.betweenness(request.includePlanned, request.period ?? null) : undefined;
      const result = brokerage(network, { level: request.level, earlyCareerOnly: request.earlyCareerOnly, people: request.people ?? undefined }, bc);
      return { ...result, profiles: orderBrokerageProfiles(result.profiles, orderBy) };
    });
  }

  async collaborationPath(from: string, to: string, maxHops: number, includePlanned = false, period: NetworkPeriod | null = null): Promise<CollaborationPath | null> {
    return collaborationPath(await this.network(includePlanned, period), from, to, maxHops);
  }

  async neighborhood(id: string, hops: number, request: ViewRequest = {}): Promise<GraphView> {
    return neighborhood(await this.network(request.includePlanned ?? false, request.period), id, hops, request);
  }

  async graph(filter: Omit<GraphFilter, 'existingGroups'> & { includePlanned?: boolean; period?: NetworkPeriod | null } = {}): Promise<GraphView> {
    const network = await this.network(filter.includePlanned ?? false, filter.period);
    return graphView(network, { ...filter, existingGroups: await this.existingGroups(network, filter.countries ?? []) });
  }

  /** How the network changed from one day to another (networkChange.ts); both views and their betweenness are cached. */
  async networkChange(from: NetworkPeriod, to: NetworkPeriod, request: { level: GroupLevel; earlyCareerOnly: boolean; includePlanned: boolean }): Promise<NetworkChange> {
    const input = async (period: NetworkPeriod) => ({
      network: await this.periodNetwork(period, request.includePlanned),
      betweenness: await this.betweenness(request.includePlanned, period),
    });
    return networkChange(await input(from), await input(to), { level: request.level, earlyCareerOnly: request.earlyCareerOnly });
  }

  /** Suggested pairings (pairings/suggest.ts) on the cached network, with themes and materials read once per store version. */
  async suggestPairings(request: Omit<PairingsRequest, 'existingGroups'> & { includePlanned?: boolean; period?: NetworkPeriod | null }): Promise<PairingsResult> {
    const period = request.period ?? null;
    const network = await this.network(request.includePlanned ?? false, period);
    const interests = await cachedInterests(this.store, network.csr.ids, network.includePlanned, period?.asOf ?? null);
    return suggestPairings(network, interests, { ...request, existingGroups: await this.existingGroups(network, request.between ?? []) });
  }

  /** What the HTTP export endpoint and `kizuna export` serve: a view in one of the four formats. */
  async export(request: ExportRequest): Promise<ExportedGraph> {
    const view = request.id
      ? await this.neighborhood(request.id, request.hops ?? 1, request)
      : await this.graph({ ...(request.filter ?? {}), level: request.level ?? request.filter?.level, includePlanned: request.includePlanned, includeLabs: request.includeLabs ?? request.filter?.includeLabs, period: request.period });
    return exportGraphView(view, request.format);
  }

  /**
   * Country ids the projection cannot know (a country with no institution has no member) but the
   * store has: they are valid filters that match nobody, not NOT_FOUND.
   */
  private async existingGroups(network: CollaborationNetwork, ids: readonly string[]): Promise<Set<string>> {
    const missing = ids.filter((id) => labelOfId(id) === 'Country' && !network.countries.has(id));
    if (!missing.length) return new Set();
    const nodes = await this.store.nodesByIds(missing);
    return new Set(nodes.filter((n) => n !== null).map((n) => n!.id));
  }
}

/** Results derived from one network, per key; at most MAX_DERIVED per network, least recently asked dropped first. */
const derived = new WeakMap<CollaborationNetwork, Map<string, Promise<unknown>>>();
const MAX_DERIVED = 32;

/**
 * `compute()` once per (network, key). Keyed by the network object rather than by a version read
 * here, so a result can never be filed under a version other than the one it was computed from;
 * it lives as long as the network does (the CollaborationCache drops the network when the store
 * version moves). A failure is not kept.
 */
function memoOnNetwork<T>(network: CollaborationNetwork, key: string, compute: () => Promise<T>): Promise<T> {
  let byKey = derived.get(network);
  if (!byKey) derived.set(network, (byKey = new Map()));
  const hit = byKey.get(key) as Promise<T> | undefined;
  if (hit) {
    byKey.delete(key);
    byKey.set(key, hit);
    return hit;
  }
  const result = compute();
  const map = byKey;
  map.set(key, result);
  result.catch(() => map.get(key) === result && map.delete(key));
  if (map.size > MAX_DERIVED) map.delete(map.keys().next().value!);
  return result;
}

/** For the HTTP endpoint and the CLI: `exportGraph(store, rule, { format: 'gexf', id: 'person:…', hops: 2 })`. */
export function exportGraph(store: GraphStore, earlyCareer: EarlyCareerRule, request: ExportRequest): Promise<ExportedGraph> {
  return analyticsFor(store, earlyCareer).export(request);
}
