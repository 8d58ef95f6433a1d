import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { ERROR_CODES, MAX_ECHO, type ErrorCode } from '../errors';
import type { Logger } from '../logger';
import { StoreError } from '../store/errors';

/**
 * Apollo's own request-level codes that are, for a client, a malformed request. They are folded
 * into BAD_USER_INPUT (the original kept as `reason`) so the API's set of codes stays closed.
 * Apollo's persisted-query codes pass as they are (in ERROR_CODES): APQ clients act on them.
 */
const REQUEST_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE']);

/** Apollo raises these without a code; they are the client's mistake, with the codes given here. */
const UNCODED_REQUEST_ERRORS: Record<string, ErrorCode> = {
  'provided sha does not match query': 'PERSISTED_QUERY_HASH_MISMATCH',
  'Unsupported persisted query version': 'BAD_USER_INPUT',
};

/** The client code of each store failure (also used by the HTTP error handler). */
export const STORE_CODES: Record<StoreError['kind'], ErrorCode> = {
  UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  CONFLICT: 'CONFLICT',
  INVALID: 'BAD_USER_INPUT',
  TIMEOUT: 'TIMEOUT',
};

/** Longest message sent: graphql-js quotes client input in its own messages (an invalid 900 KB literal…). */
const MAX_MESSAGE = 4 * MAX_ECHO;

/** Builds Apollo's formatError: known errors pass with their code, everything else is masked and logged. */
export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const shown = classify(formatted, error, logger);
    return shown.message.length > MAX_MESSAGE ? { ...shown, message: `${shown.message.slice(0, MAX_MESSAGE)}… (cut)` } : shown;
  };
}

function classify(formatted: GraphQLFormattedError, error: unknown, logger: Logger): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof StoreError) {
    return { ...formatted, message: original.message, extensions: { code: STORE_CODES[original.kind] } };
  }
  const code = String(formatted.extensions?.code ?? '');
  if ((ERROR_CODES as readonly string[]).includes(code) && code !== 'INTERNAL_SERVER_ERROR') return formatted;
  if (REQUEST_ERROR_CODES.has(code)) return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT', reason: code } };
  const uncoded = UNCODED_REQUEST_ERRORS[formatted.message];
  if (uncoded) return { ...formatted, extensions: { code: uncoded } };
  logger.error({ err: original, path: formatted.path }, 'unexpected error while resolving a request');
  return { message: 'Internal server error', path: formatted.path, locations: formatted.locations, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
