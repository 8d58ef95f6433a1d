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
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

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
