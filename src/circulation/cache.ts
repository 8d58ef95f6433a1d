import type { GraphStore } from '../store/port';
import type { CirculationReport } from './report';
import { circulationReport, type CirculationRequest } from './service';

/**
 * Circulation reports kept until the store's version moves (every write bumps it: the write path,
 * imports, seeding, clear), so asking the same report again costs one version read instead of
 * the store's aggregation statements and the names lookup (issue #9). Concurrent requests for the
 * same report share one computation. Lives as long as the store it is keyed on: the base store,
 * not a request's guarded view of it (graphql/requestStore.ts), while the reads themselves go
 * through the store the caller passes, so they still count against the request's limits.
 *
 * Only the latest version is kept, and within it at most MAX_REPORTS requests (a period is any
 * from/to pair, so the keys are not a small set): the oldest is dropped first. A Map's insertion
 * order is the whole eviction policy, which is all this needs.
 */
export const MAX_REPORTS = 64;

interface Entry {
  version: number;
  reports: Map<string, Promise<CirculationReport>>;
}

const entries = new WeakMap<GraphStore, Entry>();

/** The report of `request`, cached per version of `owner` (the store that lives as long as the server). */
export async function cachedCirculationReport(store: GraphStore, request: CirculationRequest, owner: GraphStore = store): Promise<CirculationReport> {
  const version = await store.version();
  let entry = entries.get(owner);
  // A caller that read an older version than the entry's must not replace it (it computes alone).
  if (entry && entry.version > version) return circulationReport(store, request);
  if (!entry || entry.version !== version) entries.set(owner, (entry = { version, reports: new Map() }));
  const key = JSON.stringify(request);
  let report = entry.reports.get(key);
  if (!report) {
    const reports = entry.reports;
    report = circulationReport(store, request);
    reports.set(key, report);
    report.catch(() => reports.get(key) === report && reports.delete(key));
    if (reports.size > MAX_REPORTS) reports.delete(reports.keys().next().value!);
  }
  return report;
}
