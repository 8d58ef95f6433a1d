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

/**
 * A write too large for Neo4j's transaction memory: named with the setting that bounds it, since
 * "unavailable" would send an operator looking for a dead server. Transient for the driver (it
 * retries), but the same write fails again: it needs smaller transactions or a larger pool.
 */
const MEMORY_LIMIT_SETTINGS: Record<string, string> = {
  'Neo.TransientError.General.MemoryPoolOutOfMemoryError': 'db.memory.transaction.total.max (all transactions together) or server.memory.heap.max_size',
  'Neo.TransientError.General.TransactionMemoryLimit': 'db.memory.transaction.max (one transaction)',
};

export function memoryLimitMessage(code: string): string {
  return (
    `Neo4j ran out of transaction memory (${code}): the write is larger than ${MEMORY_LIMIT_SETTINGS[code]} allows. ` +
    'Import in smaller transactions (KIZUNA_IMPORT_TRANSACTION_LIMIT, KIZUNA_IMPORT_BATCH_SIZE) or raise that setting in neo4j.conf'
  );
}
/** Neo4j stopped the transaction at its time limit (TransactionTimedOut, …ClientConfiguration). */
const TIMEOUT_STATUS_PREFIX = 'Neo.ClientError.Transaction.TransactionTimedOut';
export const TIMEOUT_MESSAGE = 'The query took longer than the database allows and was stopped';

export function toStoreError(error: unknown): unknown {
  if (error instanceof StoreError) return error;
  const code = codeOf(error);
  if (code && code in MEMORY_LIMIT_SETTINGS) return new StoreError('UNAVAILABLE', memoryLimitMessage(code), { cause: error });
  if (isUnavailable(error)) return new StoreError('UNAVAILABLE', UNAVAILABLE_MESSAGE, { cause: error });
  if (codeOf(error) === CONFLICT_STATUS) return new StoreError('CONFLICT', CONFLICT_MESSAGE, { cause: error });
  if (codeOf(error)?.startsWith(TIMEOUT_STATUS_PREFIX)) return new StoreError('TIMEOUT', TIMEOUT_MESSAGE, { cause: error });
  return error;
}

/**
 * A pool wait that timed out while connections were active: the server answers, every connection is
 * busy. Still UNAVAILABLE for the caller (fail rather than queue without end), but not an outage:
 * opening the circuit breaker on it turned one slow burst at 50 clients into every request failing
 * until the next probe. With no active connection the server is unreachable, an outage.
 */
export function isPoolBusy(error: unknown): boolean {
  const cause = error instanceof StoreError ? error.cause : error;
  const message = cause instanceof Error ? cause.message : '';
  const active = /Connection acquisition timed out.*Active conn count = (\d+)/is.exec(message);
  return active !== null && Number(active[1]) > 0;
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
