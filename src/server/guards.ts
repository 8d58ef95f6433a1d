import { randomUUID } from 'node:crypto';
import cors from 'cors';
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { HttpSettings } from '../config';
import { echo, refused } from '../errors';

/** A client's X-Request-Id is kept when it is short and plain; otherwise one is made. Sent back in the response. */
const REQUEST_ID = /^[\w.:-]{1,64}$/;

export function requestId(): RequestHandler {
  return (req, res, next) => {
    const given = req.get('x-request-id');
    const id = given && REQUEST_ID.test(given) ? given : randomUUID();
    res.locals.requestId = id;
    res.setHeader('x-request-id', id);
    next();
  };
}

/** Names a loopback API always answers to. */
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/**
 * Refuses a Host header that is not this API's: a page on an attacker's domain that re-resolves
 * to 127.0.0.1 (DNS rebinding) would otherwise read a local instance with the browser's help.
 * Allowed: loopback names and KIZUNA_ALLOWED_HOSTS ('*' turns the check off, for deployments
 * behind a proxy that checks hosts itself).
 */
export function hostCheck(settings: Pick<HttpSettings, 'allowedHosts'>): RequestHandler {
  const allowed = new Set([...LOOPBACK_HOSTS, ...settings.allowedHosts.map((h) => h.toLowerCase())]);
  if (allowed.has('*')) return (_req, _res, next) => next();
  return (req, _res, next) => {
    const host = hostName(req.headers.host ?? '');
    if (allowed.has(host)) return next();
    next(refused('FORBIDDEN', `Host "${echo(host)}" is not served here; add it to KIZUNA_ALLOWED_HOSTS.`));
  };
}

/** The host of a Host header without its port: "[::1]:4000" → "[::1]", "Example.org:80" → "example.org". */
export function hostName(header: string): string {
  const lower = header.trim().toLowerCase();
  if (lower.startsWith('[')) return lower.slice(0, lower.indexOf(']') + 1);
  return lower.replace(/:\d*$/, '');
}

/** CORS for the listed origins only; with none, no CORS headers are sent and browsers keep other sites out. */
export function corsFor(settings: Pick<HttpSettings, 'corsOrigins'>): RequestHandler {
  if (!settings.corsOrigins.length) return (_req, _res, next) => next();
  return cors({
    origin: settings.corsOrigins,
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['content-type', 'apollo-require-preflight', 'x-apollo-operation-name', 'authorization', 'x-api-key', 'x-request-id'],
    exposedHeaders: ['x-request-id', 'ratelimit', 'ratelimit-policy', 'retry-after'],
    maxAge: 600,
  });
}

/**
 * Optional requests-per-minute cap per client, by address (an API key once keys exist: swap the
 * keyGenerator). Refusals are 429 RATE_LIMITED through the common error handler.
 */
export function rateLimitFor(settings: Pick<HttpSettings, 'rateLimitPerMinute'>): RequestHandler {
  if (settings.rateLimitPerMinute <= 0) return (_req, _res, next) => next();
  return rateLimit({
    windowMs: 60_000,
    limit: settings.rateLimitPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(refused('RATE_LIMITED', `More than ${settings.rateLimitPerMinute} requests in a minute; retry later.`)),
  });
}
