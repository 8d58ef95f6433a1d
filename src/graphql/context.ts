import type { Principal } from '../auth/keys';
import type { EarlyCareerRule } from '../domain/earlyCareer';
import type { GraphStore } from '../store/port';
import type { GraphqlImportSettings } from './import/import.service';
import { createLoaders, type Loaders } from './loaders';
import { DEFAULT_EXECUTION_LIMITS, requestStore, type ExecutionLimits } from './requestStore';

/** What every resolver sees; made once per request. */
export interface Context {
  /** The store as this request may use it: bounded concurrency, call budget, deadline, identical reads once (requestStore.ts). */
  store: GraphStore;
  /** The store itself, for caches that outlive the request (analytics, store sizes): keyed by this object. */
  baseStore: GraphStore;
  loaders: Loaders;
  earlyCareer: EarlyCareerRule;
  maxPageSize: number;
  /** The verified caller, or null for an anonymous request (public reads only). */
  principal: Principal | null;
  /** Answers of identical calls within this request (an analytics field aliased many times runs once). */
  memo<T>(key: string, compute: () => Promise<T>): Promise<T>;
  requestId: string | null;
  /** importDataset's content cap and batch sizes (the server's config); defaults when absent. */
  imports?: GraphqlImportSettings;
}

export interface ContextDeps {
  store: GraphStore;
  earlyCareer: EarlyCareerRule;
  maxPageSize: number;
  execution?: ExecutionLimits;
  imports?: GraphqlImportSettings;
}

export function createContext(deps: ContextDeps, requestId: string | null = null, principal: Principal | null = null): Context {
  const store = requestStore(deps.store, deps.execution ?? DEFAULT_EXECUTION_LIMITS);
  const answers = new Map<string, Promise<unknown>>();
  return {
    store,
    baseStore: deps.store,
    loaders: createLoaders(store),
    earlyCareer: deps.earlyCareer,
    maxPageSize: deps.maxPageSize,
    requestId,
    principal,
    imports: deps.imports,
    memo<T>(key: string, compute: () => Promise<T>): Promise<T> {
      let answer = answers.get(key) as Promise<T> | undefined;
      if (!answer) answers.set(key, (answer = compute()));
      return answer;
    },
  };
}
