import { expressMiddleware } from '@as-integrations/express5';
import type { ApolloServer } from '@apollo/server';
import express, { type Express, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { DEFAULT_HTTP_SETTINGS, type HttpSettings } from '../config';
import { createContext, type Context, type ContextDeps } from '../graphql/context';
import { DEFAULT_GRAPHQL_IMPORT } from '../graphql/import/import.service';
import type { Logger } from '../logger';
import { PUBLIC_READS_NO_KEYS, principalOf, readGuard, type HttpAuth } from './authContext';
import { errorHandler, notFoundHandler } from './errorHandler';
import { explorerRouter } from './explorer';
import { graphiqlRouter } from './graphiql';
import { exportRouter } from './exportRoute';
import { corsFor, hostCheck, rateLimitFor, requestId } from './guards';
import { checkSource, DEFAULT_QUERY_LIMITS, type QueryLimits } from './limits';

/**
 * Request bodies larger than this are refused before parsing (a GraphQL query is small), except
 * that importDataset's files travel in the body: the cap grows with its content cap (JSON
 * escaping included; the content cap itself is checked, with its own message, by the mutation).
 */
const MAX_QUERY_BODY = 2 ** 20;

export function maxBodyBytes(deps: Pick<ContextDeps, 'imports'>): number {
  const content = (deps.imports ?? DEFAULT_GRAPHQL_IMPORT).maxBytes;
  return Math.max(MAX_QUERY_BODY, Math.ceil(content * 1.25) + 64 * 1024);
}

export interface AppOptions {
  http?: HttpSettings;
  limits?: QueryLimits;
  /** API keys and the read rule; none and public reads when absent (every write is then refused). */
  auth?: HttpAuth;
}

/**
 * The HTTP surface: /graphql, /explorer (the visual explorer), /graphiql (GraphiQL; both offline), /export (graph files for Gephi and
 * Cytoscape), /health (the process is up) and /ready (the store answers, holds a graph, and no
 * staged import is half-written).
 * Every route answers errors through errorHandler (one JSON shape, no stack, no path).
 * Apollo must be started before this is called.
 */
export function createApp(apollo: ApolloServer<Context>, deps: ContextDeps, logger: Logger, options: AppOptions = {}): Express {
  const http = options.http ?? DEFAULT_HTTP_SETTINGS;
  const limits = options.limits ?? DEFAULT_QUERY_LIMITS;
  const auth = options.auth ?? PUBLIC_READS_NO_KEYS;
  const app = express();
  app.disable('x-powered-by');
  app.use(requestId(), hostCheck(http));
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    try {
      await deps.store.ping();
      const { empty, importing } = await deps.store.status();
      // A staged import shows its batches as they land: not a graph to serve from until it commits.
      // A one-transaction import leaves the old graph visible, so the store stays ready meanwhile.
      if (importing?.mode === 'staged') return void res.status(503).json({ status: 'importing', store: deps.store.kind, importing });
      if (empty) return void res.status(503).json({ status: 'empty', store: deps.store.kind });
      res.json({ status: 'ready', store: deps.store.kind, ...(importing ? { importing } : {}) });
    } catch (error) {
      logger.warn({ requestId: res.locals.requestId, err: error }, 'readiness check failed');
      res.status(503).json({ status: 'unavailable', store: deps.store.kind });
    }
  });
  app.use('/explorer', explorerRouter());
  app.use('/graphiql', graphiqlRouter('/graphql'));
  app.get('/graphql', redirectBrowsersToExplorer);
  const guarded = [corsFor(http), rateLimitFor(http)];
  app.use('/export', ...guarded, readGuard(auth), exportRouter(deps));
  app.use(
    '/graphql',
    ...guarded,
    express.json({ limit: maxBodyBytes(deps) }),
    sourceLimits(limits),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => createContext(deps, res.locals.requestId ?? null, await principalOf(req.headers.authorization, auth)),
    }),
  );
  app.use(notFoundHandler());
  app.use(errorHandler(logger));
  return app;
}

/** Tokens and nesting of the query text, checked before graphql-js parses it (it recurses and can overflow the stack). */
function sourceLimits(limits: QueryLimits): RequestHandler {
  return (req, _res, next) => {
    const query = req.method === 'GET' ? req.query.query : (req.body as { query?: unknown } | undefined)?.query;
    if (typeof query === 'string') checkSource(query, limits);
    next();
  };
}

/**
 * A browser opening the printed /graphql URL sends a GET that prefers HTML; Apollo would answer it
 * with a CSRF-prevention error in JSON. Send it to the explorer instead. GraphQL clients (which ask
 * for JSON, or send * / *) and GETs that carry a query are left to Apollo.
 */
function redirectBrowsersToExplorer(req: Request, res: Response, next: NextFunction): void {
  const preferred = req.accepts(['application/json', 'application/graphql-response+json', 'text/html']);
  if (preferred === 'text/html' && req.query.query === undefined) return void res.redirect(302, '/explorer');
  next();
}
