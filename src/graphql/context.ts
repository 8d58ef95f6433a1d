import type { EarlyCareerRule } from '../domain/earlyCareer';
import type { GraphStore } from '../store/port';
import { createLoaders, type Loaders } from './loaders';

/** What every resolver sees; made once per request. */
export interface Context {
  store: GraphStore;
  loaders: Loaders;
  earlyCareer: EarlyCareerRule;
  maxPageSize: number;
}

export interface ContextDeps {
  store: GraphStore;
  earlyCareer: EarlyCareerRule;
  maxPageSize: number;
}

export function createContext(deps: ContextDeps): Context {
  return { ...deps, loaders: createLoaders(deps.store) };
}
