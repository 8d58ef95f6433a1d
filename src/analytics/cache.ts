import type { EarlyCareerRule } from '../domain/earlyCareer';
import type { CollaborationProjection } from '../store/projection';
import { betweennessParallel, type BetweennessOptions, type BetweennessResult } from './betweenness';
import { buildCollaborationNetwork, type CollaborationNetwork } from './collaborationGraph';
import { periodKey, type NetworkPeriod } from './period';
import { PeriodIndex, type PeriodNetwork } from './periodNetwork';

/**
 * Keeps the collaboration graph (and its betweenness) until the data changes. The key is the
 * store's `version()`, which moves on every write; the projection is read once per version and
 * shared by both variants (with / without planned items). Concurrent requests for the same key
 * share one in-flight build. Only the latest version is kept: an older one is never asked again.
 * Lives as long as the server (one per store), not per request.
 */
export interface ProjectionSource {
  projection(): Promise<CollaborationProjection>;
  version(): Promise<number>;
}

interface Entry {
  version: number;
  projection: Promise<CollaborationProjection>;
  networks: Map<boolean, Promise<CollaborationNetwork>>;
  betweenness: Map<string, Promise<BetweennessResult>>;
  /** Per variant: the index period views are cut from, and the views by period key (at most MAX_PERIOD_VIEWS). */
  periodIndexes: Map<boolean, Promise<PeriodIndex>>;
  periods: Map<string, Promise<PeriodNetwork>>;
}

/** Period views kept per store version and variant; the least recently asked is dropped first. */
const MAX_PERIOD_VIEWS = 48;

export class CollaborationCache {
  private entry: Entry | null = null;

  constructor(
    private readonly source: ProjectionSource,
    private readonly options: { earlyCareerRule?: EarlyCareerRule; betweenness?: BetweennessOptions } = {},
  ) {}

  async network(includePlanned = false): Promise<CollaborationNetwork> {
    const entry = await this.current();
    let network = entry.networks.get(includePlanned);
    if (!network) {
      network = entry.projection.then((p) => buildCollaborationNetwork(p, { includePlanned, earlyCareerRule: this.options.earlyCareerRule }));
      entry.networks.set(includePlanned, network);
      network.catch(() => entry.networks.delete(includePlanned));
    }
    return network;
  }

  /**
   * The network as it stood on a day (periodNetwork.ts): cut in memory from this version's full
   * network and projection (no further store read), once per (version, variant, period).
   */
  async periodNetwork(period: NetworkPeriod, includePlanned = false): Promise<PeriodNetwork> {
    const entry = await this.current();
    const key = `${includePlanned}|${periodKey(period)}`;
    let view = entry.periods.get(key);
    if (view) {
      // Least recently used last: re-insert.
      entry.periods.delete(key);
      entry.periods.set(key, view);
      return view;
    }
    view = this.periodIndex(entry, includePlanned).then((index) => index.view(period));
    entry.periods.set(key, view);
    view.catch(() => entry.periods.delete(key));
    if (entry.periods.size > MAX_PERIOD_VIEWS) {
      const oldest = entry.periods.keys().next().value!;
      entry.periods.delete(oldest);
      entry.betweenness.delete(oldest);
    }
    return view;
  }

  /** The whole network, or the view of a period when one is given. */
  networkAt(period: NetworkPeriod | null, includePlanned = false): Promise<CollaborationNetwork> {
    return period ? this.periodNetwork(period, includePlanned) : this.network(includePlanned);
  }

  /** Betweenness of the graph (or of a period's view), computed once per version, variant and period (exact or sampled as configured). */
  async betweenness(includePlanned = false, period: NetworkPeriod | null = null): Promise<BetweennessResult> {
    const entry = await this.current();
    const key = period ? `${includePlanned}|${periodKey(period)}` : String(includePlanned);
    let result = entry.betweenness.get(key);
    if (!result) {
      result = this.networkAt(period, includePlanned).then((n) => betweennessParallel(n.csr, this.options.betweenness));
      entry.betweenness.set(key, result);
      result.catch(() => entry.betweenness.delete(key));
    }
    return result;
  }

  private periodIndex(entry: Entry, includePlanned: boolean): Promise<PeriodIndex> {
    let index = entry.periodIndexes.get(includePlanned);
    if (!index) {
      index = Promise.all([this.network(includePlanned), entry.projection]).then(([network, projection]) => new PeriodIndex(network, projection));
      entry.periodIndexes.set(includePlanned, index);
      index.catch(() => entry.periodIndexes.delete(includePlanned));
    }
    return index;
  }

  /** Forget everything (tests; after a bulk import when the store cannot tell). */
  clear(): void {
    this.entry = null;
  }

  private async current(): Promise<Entry> {
    const version = await this.source.version();
    if (this.entry && this.entry.version === version) return this.entry;
    const projection = this.source.projection();
    const entry: Entry = { version, projection, networks: new Map(), betweenness: new Map(), periodIndexes: new Map(), periods: new Map() };
    projection.catch(() => {
      if (this.entry === entry) this.entry = null;
    });
    // A slower caller holding an older version must not overwrite a newer entry.
    if (!this.entry || this.entry.version < version) this.entry = entry;
    return entry;
  }
}
