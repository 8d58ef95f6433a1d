import type { EarlyCareerRule } from '../domain/earlyCareer';
import type { CollaborationProjection } from '../store/projection';
import { betweennessParallel, type BetweennessOptions, type BetweennessResult } from './betweenness';
import { buildCollaborationNetwork, type CollaborationNetwork } from './collaborationGraph';

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
}

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

  /** Betweenness of the graph, computed once per version and variant (exact or sampled as configured). */
  async betweenness(includePlanned = false): Promise<BetweennessResult> {
    const entry = await this.current();
    const key = String(includePlanned);
    let result = entry.betweenness.get(key);
    if (!result) {
      result = this.network(includePlanned).then((n) => betweennessParallel(n.csr, this.options.betweenness));
      entry.betweenness.set(key, result);
      result.catch(() => entry.betweenness.delete(key));
    }
    return result;
  }

  /** Forget everything (tests; after a bulk import when the store cannot tell). */
  clear(): void {
    this.entry = null;
  }

  private async current(): Promise<Entry> {
    const version = await this.source.version();
    if (this.entry && this.entry.version === version) return this.entry;
    const projection = this.source.projection();
    const entry: Entry = { version, projection, networks: new Map(), betweenness: new Map() };
    projection.catch(() => {
      if (this.entry === entry) this.entry = null;
    });
    // A slower caller holding an older version must not overwrite a newer entry.
    if (!this.entry || this.entry.version < version) this.entry = entry;
    return entry;
  }
}
