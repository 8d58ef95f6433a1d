export { DEFAULT_QUERY_LIMITS, type QueryLimits } from './settings';
export { queryLimitsPlugin } from './plugin';
export { checkSource } from './queryShape';
