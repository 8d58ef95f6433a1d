import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../config';
import { seedStoreFromFile } from '../ingest/seed';
import type { Logger } from '../logger';
import { openStore } from '../store';
import type { GraphStore } from '../store/port';
import { createApolloServer } from './apollo';
import { createApp } from './app';

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
  const store = await openStore(config.neo4j);
  if (options.seed || store.kind === 'memory') {
    const written = await seedStoreFromFile(store, config.seedFile ?? undefined);
    logger.info({ ...written, store: store.kind }, 'seeded the store');
  }
  const apollo = createApolloServer(logger);
  await apollo.start();
  const app = createApp(apollo, { store, earlyCareer: config.earlyCareer, maxPageSize: config.maxPageSize }, logger);
  const http = await listen(app, config.port, config.host);
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

function listen(app: ReturnType<typeof createApp>, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(server)));
    server.once('error', reject);
  });
}

function formatHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
