import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { ERROR_CODES, type ErrorCode } from '../errors';
import type { Logger } from '../logger';
import { StoreError } from '../store/errors';

/**
 * Apollo's own request-level codes that are, for a client, a malformed request. They are folded
 * into BAD_USER_INPUT (the original kept as `reason`) so the API's set of codes stays closed.
 */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** The client code of each store failure (also used by the export endpoint's JSON errors). */
export const STORE_CODES: Record<StoreError['kind'], ErrorCode> = {
  UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  CONFLICT: 'CONFLICT',
  INVALID: 'BAD_USER_INPUT',
};

/** Builds Apollo's formatError: known errors pass with their code, everything else is masked and logged. */
export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof StoreError) {
      return { ...formatted, message: original.message, extensions: { code: STORE_CODES[original.kind] } };
    }
    const code = String(formatted.extensions?.code ?? '');
    if ((ERROR_CODES as readonly string[]).includes(code) && code !== 'INTERNAL_SERVER_ERROR') return formatted;
    if (REQUEST_ERROR_CODES.has(code)) return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT', reason: code } };
    logger.error({ err: original, path: formatted.path }, 'unexpected error while resolving a request');
    return { message: 'Internal server error', path: formatted.path, locations: formatted.locations, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
