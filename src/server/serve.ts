import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../config';
import { seedStoreFromFile } from '../ingest/seed';
import type { Logger } from '../logger';
import { openStore } from '../store';
import type { GraphStore } from '../store/port';
import { createApolloServer } from './apollo';
import { createApp } from './app';
import { loadKeyring } from '../auth/keysFile';

export interface RunningServer {
  /** The GraphQL endpoint. */
  url: string;
  /** GraphiQL, for a browser. */
  explorerUrl: string;
  store: GraphStore;
  stop(): Promise<void>;
}

export interface ServeOptions {
  /** Seed the store before serving; always true for the embedded store, which starts empty. */
  seed?: boolean;
}

/** Opens the store, seeds it when asked, and listens. Resolves once the server accepts requests. */
export async function serve(config: Config, logger: Logger, options: ServeOptions = {}): Promise<RunningServer> {
  // Keys first: a broken keys setting stops the start before any connection is opened.
  const keyring = await loadKeyring(config.auth);
  const store = await openStore(config.neo4j);
  if (options.seed || store.kind === 'memory') {
    const written = await seedStoreFromFile(store, config.seedFile ?? undefined);
    logger.info({ ...written, store: store.kind }, 'seeded the store');
  }
  const apollo = createApolloServer(logger, { limits: config.limits, production: config.production });
  await apollo.start();
  const imports = { maxBytes: config.graphqlImportMaxBytes, batchSize: config.importBatchSize, transactionLimit: config.importTransactionLimit };
  const deps = { store, earlyCareer: config.earlyCareer, maxPageSize: config.maxPageSize, execution: config.execution, imports };
  const app = createApp(apollo, deps, logger, { http: config.http, limits: config.limits, auth: { keyring, reads: config.auth.reads } });
  logger.info({ keys: keyring.size, reads: config.auth.reads }, 'authentication configured');
  const http = await listen(app, config);
  const { port } = http.address() as AddressInfo;
  const base = `http://${formatHost(config.host)}:${port}`;
  return {
    url: `${base}/graphql`,
    explorerUrl: `${base}/explorer`,
    store,
    async stop() {
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await apollo.stop();
      await store.close();
    },
  };
}

/**
 * Node's server with read timeouts: a client that trickles its headers or body is cut off after
 * headersTimeout / requestTimeout (Node checks open requests every connectionsCheckingInterval).
 */
function listen(app: ReturnType<typeof createApp>, config: Config): Promise<Server> {
  const { headersTimeoutMs, requestTimeoutMs } = config.http;
  const server = createServer(
    {
      headersTimeout: Math.min(headersTimeoutMs, requestTimeoutMs),
      requestTimeout: requestTimeoutMs,
      connectionsCheckingInterval: Math.max(100, Math.min(1000, Math.floor(headersTimeoutMs / 2))),
    },
    app,
  );
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve(server));
  });
}

function formatHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
