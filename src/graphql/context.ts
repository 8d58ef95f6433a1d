import type { Principal } from '../auth/keys';
import type { EarlyCareerRule } from '../domain/earlyCareer';
import type { GraphStore } from '../store/port';
import { createLoaders, type Loaders } from './loaders';

/** What every resolver sees; made once per request. */
export interface Context {
  store: GraphStore;
  loaders: Loaders;
  earlyCareer: EarlyCareerRule;
  maxPageSize: number;
  /** The verified caller, or null for an anonymous request (public reads only). */
  principal: Principal | null;
}

export interface ContextDeps {
  store: GraphStore;
  earlyCareer: EarlyCareerRule;
  maxPageSize: number;
}

export function createContext(deps: ContextDeps, principal: Principal | null = null): Context {
  return { ...deps, principal, loaders: createLoaders(deps.store) };
}
