import type { ErrorRequestHandler, RequestHandler } from 'express';
import { HTTP_STATUS_OF_CODE, isKizunaError, type ErrorCode } from '../errors';
import type { Logger } from '../logger';
import { StoreError } from '../store/errors';
import { STORE_CODES } from './formatError';

/**
 * The one error answer of every route outside GraphQL execution (body parsing, limits checked
 * before parsing, host check, rate limit, export, explorer, unknown routes): JSON
 * `{errors:[{message, extensions:{code}}]}` with the matching status, never a stack or a path, in
 * every NODE_ENV. Logged through pino with the request id, never with the body.
 */
interface Described {
  status: number;
  code: ErrorCode;
  message: string;
  details: Record<string, unknown>;
}

/** body-parser's error types (it sets `type` on every error it raises) and what the client is told. */
const BODY_ERRORS: Record<string, { status: number; message: string }> = {
  'entity.parse.failed': { status: 400, message: 'The request body is not valid JSON.' },
  'entity.too.large': { status: 413, message: 'The request body is too large. Import big files on the server with `kizuna import FILE…` (importDataset takes small ones).' },
  'entity.verify.failed': { status: 403, message: 'The request body was refused.' },
  'charset.unsupported': { status: 415, message: 'Unsupported charset: send UTF-8.' },
  'encoding.unsupported': { status: 415, message: 'Unsupported content encoding.' },
  'request.aborted': { status: 400, message: 'The request was aborted.' },
  'request.size.invalid': { status: 400, message: 'The request body does not match its Content-Length.' },
  'stream.encoding.set': { status: 500, message: 'Internal server error' },
};

export function describeError(error: unknown): Described {
  if (isKizunaError(error)) {
    const { code, http, ...details } = error.extensions as { code: ErrorCode; http?: { status?: number } } & Record<string, unknown>;
    return { status: http?.status ?? HTTP_STATUS_OF_CODE[code] ?? 400, code, message: error.message, details };
  }
  if (error instanceof StoreError) {
    const code = STORE_CODES[error.kind];
    return { status: HTTP_STATUS_OF_CODE[code] ?? 500, code, message: error.message, details: {} };
  }
  const type = typeof error === 'object' && error !== null && 'type' in error ? String(error.type) : '';
  const known = BODY_ERRORS[type];
  if (known && known.status < 500) return { status: known.status, code: 'BAD_USER_INPUT', message: known.message, details: {} };
  const status = statusOf(error);
  if (status >= 400 && status < 500) return { status, code: status === 404 ? 'NOT_FOUND' : 'BAD_USER_INPUT', message: 'Bad request.', details: {} };
  return { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error', details: {} };
}

function statusOf(error: unknown): number {
  if (typeof error !== 'object' || error === null) return 500;
  const value = (error as { status?: unknown; statusCode?: unknown }).status ?? (error as { statusCode?: unknown }).statusCode;
  return typeof value === 'number' ? value : 500;
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const described = describeError(error);
    const requestId = res.locals.requestId ?? null;
    if (described.status >= 500) {
      // The error itself (stack included) goes to the log only, without the body that body-parser attaches.
      logger.error({ requestId, method: req.method, err: withoutBody(error) }, 'request failed');
    } else {
      logger.info({ requestId, method: req.method, status: described.status, code: described.code }, 'request refused');
    }
    if (res.headersSent) return void res.destroy();
    res.status(described.status).json({ errors: [{ message: described.message, extensions: { code: described.code, ...described.details } }] });
  };
}

/** Unknown routes: the same JSON shape as every other error. */
export function notFoundHandler(): RequestHandler {
  return (_req, res) => {
    res.status(404).json({ errors: [{ message: 'Not found.', extensions: { code: 'NOT_FOUND' } }] });
  };
}

/** Name, message and stack only: body-parser attaches the raw body to its errors, which must not reach the log. */
function withoutBody(error: unknown): unknown {
  if (!(error instanceof Error)) return { message: String(error) };
  return { type: error.name, message: error.message, stack: error.stack };
}
