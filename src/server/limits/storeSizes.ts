import type { GroupLevel } from '../../domain/enums';
import type { GraphStore } from '../../store/port';

/** What the analytics' work grows with, read from the store's counts. */
export interface StoreSizes {
  people: number;
  visits: number;
  papers: number;
  groups: Record<GroupLevel, number>;
}

/** How long a size reading is used before it is read again (sizes only steer the cost estimate). */
const SIZES_TTL_MS = 10_000;

interface Entry {
  at: number;
  sizes: Promise<StoreSizes>;
}

/** One reading per store, shared by every request, so costing analytics costs one `counts` call per TTL. */
const cache = new WeakMap<GraphStore, Entry>();

export function storeSizes(store: GraphStore, now = Date.now()): Promise<StoreSizes> {
  const entry = cache.get(store);
  if (entry && now - entry.at < SIZES_TTL_MS) return entry.sizes;
  const sizes = store.counts().then(({ nodes }) => ({
    people: nodes.Person ?? 0,
    visits: nodes.Visit ?? 0,
    papers: nodes.Paper ?? 0,
    // A person without a lab falls back to their institution at the LAB level (docs/metrics.md).
    groups: { LAB: (nodes.Lab ?? 0) + (nodes.Institution ?? 0), INSTITUTION: nodes.Institution ?? 0, COUNTRY: nodes.Country ?? 0 },
  }));
  cache.set(store, { at: now, sizes });
  // A failed reading is not kept: the next request tries again.
  sizes.catch(() => cache.get(store)?.sizes === sizes && cache.delete(store));
  return sizes;
}
