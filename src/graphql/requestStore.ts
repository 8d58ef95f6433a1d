import { bulkhead } from 'cockatiel';
import { limitExceeded, timedOut } from '../errors';
import type { GraphStore } from '../store/port';
import { treeRootKey, type TreeRoot } from '../store/tree';

/**
 * How much of the store one operation may use. Lives in the config; one RequestStore per request.
 */
export interface ExecutionLimits {
  /** Store calls of one operation in flight at once: well below the Neo4j pool (100), so one request cannot take every connection. */
  storeConcurrency: number;
  /** Distinct store calls one operation may make (identical calls are made once). */
  maxStoreCalls: number;
  /** Wall-clock budget of one operation; store calls after it fail with TIMEOUT. */
  operationTimeoutMs: number;
}

export const DEFAULT_EXECUTION_LIMITS: ExecutionLimits = { storeConcurrency: 4, maxStoreCalls: 500, operationTimeoutMs: 30_000 };

/** Reads whose identical calls within a request share one answer (writes always run). */
const READS = new Set<string>(['nodesByIds', 'neighbours', 'page', 'readTree', 'search', 'projection', 'counts', 'version', 'circulationFacts']);

/**
 * The store as one request sees it: every call goes through a bulkhead (at most
 * `storeConcurrency` in flight, the rest queued in order), counts against the call budget, and
 * races the operation's deadline; identical reads are made once. A thin Proxy rather than a
 * class so that methods added to the port are guarded without being listed here.
 */
export function requestStore(store: GraphStore, limits: ExecutionLimits, now: () => number = Date.now): GraphStore {
  const deadline = now() + limits.operationTimeoutMs;
  const gate = bulkhead(limits.storeConcurrency, Number.POSITIVE_INFINITY);
  const reads = new Map<string, Promise<unknown>>();
  let calls = 0;

  const guarded = (method: string, call: () => Promise<unknown>): Promise<unknown> => {
    if (++calls > limits.maxStoreCalls) {
      return Promise.reject(limitExceeded('STORE_CALLS', calls, limits.maxStoreCalls, 'Ask for fewer fields or aliases in one operation.'));
    }
    return gate.execute(() => withDeadline(method, call, deadline - now()));
  };

  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === FORGET_READS) return () => reads.clear();
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || property === 'close') return value;
      const method = String(property);
      return (...args: unknown[]) => {
        const call = () => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        if (!READS.has(method)) {
          // A write (a mutation's commit) makes every remembered read stale: forget them when it
          // starts and when it ends, whether it committed or not (a lost race is planned again from fresh reads).
          reads.clear();
          return guarded(method, call).finally(() => reads.clear());
        }
        const key = method === 'readTree' ? `readTree:${treeRootKey(args[0] as TreeRoot)}` : `${method}:${JSON.stringify(args)}`;
        let answer = reads.get(key);
        if (!answer) reads.set(key, (answer = guarded(method, call)));
        return answer;
      };
    },
  });
}

const FORGET_READS = Symbol('forgetReads');

/**
 * Drops the reads a request store remembers, after a write made past it (importDataset runs on the
 * store itself, outside the call budget): what the operation reads next is the written state.
 */
export function forgetReads(store: GraphStore): void {
  (store as unknown as Record<symbol, (() => void) | undefined>)[FORGET_READS]?.();
}

function withDeadline<T>(method: string, call: () => Promise<T>, remainingMs: number): Promise<T> {
  const late = () => timedOut('The operation took too long and was stopped; ask for less at once.', { store: method });
  if (remainingMs <= 0) return Promise.reject(late());
  let timer: NodeJS.Timeout | undefined;
  const expiry = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(late()), remainingMs);
  });
  return Promise.race([call(), expiry]).finally(() => clearTimeout(timer));
}
