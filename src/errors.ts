import { GraphQLError } from 'graphql';

/**
 * The closed set of error codes clients may see (after Apollo's own). Anything else is masked
 * as INTERNAL_SERVER_ERROR by formatError, so a client never depends on an accidental message.
 */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONFLICT',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
  /** A query limit refused the operation before it ran; `extensions.limit` names it, `max`/`actual` say by how much. */
  'QUERY_TOO_COMPLEX',
  /** The operation ran out of time (per-operation deadline or the database's transaction timeout). */
  'TIMEOUT',
  /** The operation type (mutation, subscription) has no root type in this schema. */
  'OPERATION_NOT_SUPPORTED',
  /** Too many requests from one client in the rate-limit window. */
  'RATE_LIMITED',
  /** Automatic persisted queries (Apollo's protocol, codes kept as Apollo clients expect them). */
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PERSISTED_QUERY_HASH_MISMATCH',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** HTTP status of a request-level refusal with each code (execution errors stay 200, as GraphQL over HTTP says). */
export const HTTP_STATUS_OF_CODE: Partial<Record<ErrorCode, number>> = {
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CONFLICT: 409,
  SERVICE_UNAVAILABLE: 503,
  QUERY_TOO_COMPLEX: 400,
  TIMEOUT: 504,
  OPERATION_NOT_SUPPORTED: 400,
  RATE_LIMITED: 429,
  PERSISTED_QUERY_NOT_FOUND: 200,
  PERSISTED_QUERY_NOT_SUPPORTED: 400,
  PERSISTED_QUERY_HASH_MISMATCH: 400,
};

/** Which query limit refused an operation (extensions.limit of QUERY_TOO_COMPLEX). */
export type QueryLimit = 'TOKENS' | 'DEPTH' | 'ALIASES' | 'FIELDS' | 'COST' | 'STORE_CALLS';

/** An error meant for the client: its message is safe to show and its code is in the closed set. */
export class KizunaError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...details } });
    this.name = 'KizunaError';
  }
}

export const badInput = (message: string, details: Record<string, unknown> = {}) => new KizunaError('BAD_USER_INPUT', message, details);
export const notFound = (message: string, details: Record<string, unknown> = {}) => new KizunaError('NOT_FOUND', message, details);
export const unavailable = (message: string, details: Record<string, unknown> = {}) =>
  new KizunaError('SERVICE_UNAVAILABLE', message, details);
export const conflict = (message: string, details: Record<string, unknown> = {}) => new KizunaError('CONFLICT', message, details);
export const timedOut = (message: string, details: Record<string, unknown> = {}) => new KizunaError('TIMEOUT', message, details);

/**
 * A refused operation: the code names the family, `limit` the limit, `max` and `actual` by how much.
 * `http` makes Apollo answer 400 when this is thrown before execution (it is not sent to the client).
 */
export function limitExceeded(limit: QueryLimit, actual: number, max: number, advice: string): KizunaError {
  const error = new KizunaError('QUERY_TOO_COMPLEX', `Query exceeds the ${limit.toLowerCase().replace('_', ' ')} limit: ${actual} > ${max} (over by ${actual - max}). ${advice}`, {
    limit,
    max,
    actual,
  });
  error.extensions.http = { status: 400 };
  return error;
}

/** A request-level refusal with an HTTP status (Apollo reads extensions.http and does not send it). */
export function refused(code: ErrorCode, message: string, details: Record<string, unknown> = {}): KizunaError {
  const error = new KizunaError(code, message, details);
  error.extensions.http = { status: HTTP_STATUS_OF_CODE[code] ?? 400 };
  return error;
}

/**
 * Refusals of the write path. `http.status` makes Apollo answer 401 / 403 (it strips the `http`
 * extension from the body); the message never repeats what the client sent as a key.
 */
export const unauthenticated = (message = 'A valid API key is required: send `Authorization: Bearer <key>`') =>
  new KizunaError('UNAUTHENTICATED', message, { http: { status: 401 } });
export const forbidden = (message: string) => new KizunaError('FORBIDDEN', message, { http: { status: 403 } });

export function isKizunaError(error: unknown): error is KizunaError {
  return error instanceof KizunaError;
}

/** Longest piece of client input echoed back in a message: a 900 KB id must not come back whole. */
export const MAX_ECHO = 120;

/** Client input quoted in a message, cut to MAX_ECHO characters. */
export function echo(value: string): string {
  return value.length <= MAX_ECHO ? value : `${value.slice(0, MAX_ECHO)}… (${value.length} characters)`;
}
