import { StoreError } from '../errors';

/**
 * Driver failures mapped to the store's closed set of errors, at the boundary, so that nothing
 * above the port knows which database is behind it. Messages are safe to show a client: they name
 * no host, user or query; the driver's error rides along as `cause` for the logs.
 * Anything not recognised is returned unchanged (it is a bug, and the API masks it).
 */
export const UNAVAILABLE_MESSAGE = 'The graph database is unavailable';
export const CONFLICT_MESSAGE = 'The change conflicts with existing data';

/** Driver codes (not Neo4j status codes) for a lost or unreachable server. */
const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

/** Neo4j status code prefixes meaning "cannot serve you now", whatever the query. */
const UNAVAILABLE_STATUS_PREFIXES = [
  'Neo.ClientError.Security.', // wrong password, expired credentials, rate-limited authentication
  'Neo.ClientError.Database.DatabaseNotFound',
  'Neo.TransientError.', // still failing after the driver's own retries
  'Neo.DatabaseError.General.DatabaseUnavailable',
];

/** Socket-level failures the driver reports without a code (pool timeouts, refused connections). */
const UNAVAILABLE_MESSAGE_PATTERNS = [
  /Connection acquisition timed out/i,
  /Failed to establish connection/i,
  /ECONNREFUSED|ECONNRESET|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|EPIPE/,
  /Pool is closed/i,
];

const CONFLICT_STATUS = 'Neo.ClientError.Schema.ConstraintValidationFailed';

/** Neo4j stopped the transaction at its time limit (TransactionTimedOut, …ClientConfiguration). */
const TIMEOUT_STATUS_PREFIX = 'Neo.ClientError.Transaction.TransactionTimedOut';
export const TIMEOUT_MESSAGE = 'The query took longer than the database allows and was stopped';

export function toStoreError(error: unknown): unknown {
  if (error instanceof StoreError) return error;
  if (isUnavailable(error)) return new StoreError('UNAVAILABLE', UNAVAILABLE_MESSAGE, { cause: error });
  if (codeOf(error) === CONFLICT_STATUS) return new StoreError('CONFLICT', CONFLICT_MESSAGE, { cause: error });
  if (codeOf(error)?.startsWith(TIMEOUT_STATUS_PREFIX)) return new StoreError('TIMEOUT', TIMEOUT_MESSAGE, { cause: error });
  return error;
}

function isUnavailable(error: unknown): boolean {
  const code = codeOf(error);
  if (code && UNAVAILABLE_CODES.has(code)) return true;
  if (code && UNAVAILABLE_STATUS_PREFIXES.some((prefix) => code.startsWith(prefix))) return true;
  const message = error instanceof Error ? error.message : '';
  return UNAVAILABLE_MESSAGE_PATTERNS.some((pattern) => pattern.test(message));
}

function codeOf(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  return typeof error.code === 'string' ? error.code : null;
}
