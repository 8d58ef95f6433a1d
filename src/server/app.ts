import { expressMiddleware } from '@as-integrations/express5';
import type { ApolloServer } from '@apollo/server';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { createContext, type Context, type ContextDeps } from '../graphql/context';
import type { Logger } from '../logger';
import { explorerRouter } from './explorer';
import { exportRouter } from './exportRoute';

/** Request bodies larger than this are refused before parsing (a GraphQL query is small). */
const MAX_BODY = '1mb';

/**
 * The HTTP surface: /graphql, /explorer (GraphiQL, offline), /export (graph files for Gephi and
 * Cytoscape), /health (the process is up) and /ready (the store answers, holds a graph, and no
 * staged import is half-written).
 * Apollo must be started before this is called.
 */
export function createApp(apollo: ApolloServer<Context>, deps: ContextDeps, logger: Logger): Express {
  const app = express();
  app.disable('x-powered-by');
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
      logger.warn({ err: error }, 'readiness check failed');
      res.status(503).json({ status: 'unavailable', store: deps.store.kind });
    }
  });
  app.use('/explorer', explorerRouter('/graphql'));
  app.get('/graphql', redirectBrowsersToExplorer);
  app.use('/export', exportRouter(deps, logger));
  app.use('/graphql', express.json({ limit: MAX_BODY }), expressMiddleware(apollo, { context: async () => createContext(deps) }));
  return app;
}

/**
 * A browser opening the printed /graphql URL sends a GET that prefers HTML; Apollo would answer it
 * with a CSRF-prevention error in JSON. Send it to GraphiQL instead. GraphQL clients (which ask
 * for JSON, or send * / *) and GETs that carry a query are left to Apollo.
 */
function redirectBrowsersToExplorer(req: Request, res: Response, next: NextFunction): void {
  const preferred = req.accepts(['application/json', 'application/graphql-response+json', 'text/html']);
  if (preferred === 'text/html' && req.query.query === undefined) return void res.redirect(302, '/explorer');
  next();
}
