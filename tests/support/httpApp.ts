import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_HTTP_SETTINGS, type HttpSettings } from '../../src/config';
import { DEFAULT_EARLY_CAREER_RULE } from '../../src/domain/earlyCareer';
import { DEFAULT_EXECUTION_LIMITS, type ExecutionLimits } from '../../src/graphql/requestStore';
import { createLogger, type Logger } from '../../src/logger';
import { createApolloServer } from '../../src/server/apollo';
import { createApp } from '../../src/server/app';
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from '../../src/server/limits';
import type { GraphStore } from '../../src/store/port';

export interface TestHttpApp {
  /** http://127.0.0.1:<port> */
  base: string;
  post(body: unknown, headers?: Record<string, string>): Promise<Response>;
  /** POST a query and return status and parsed body. */
  query(query: string, variables?: Record<string, unknown>): Promise<{ status: number; body: any; ms: number }>;
  close(): Promise<void>;
}

export interface TestHttpOptions {
  http?: Partial<HttpSettings>;
  limits?: Partial<QueryLimits>;
  execution?: Partial<ExecutionLimits>;
  production?: boolean;
  logger?: Logger;
}

/** The real HTTP app (createApp) over a given store, on a random loopback port, with settings overridable per test. */
export async function startHttpApp(store: GraphStore, options: TestHttpOptions = {}): Promise<TestHttpApp> {
  const logger = options.logger ?? createLogger('silent');
  const limits = { ...DEFAULT_QUERY_LIMITS, ...options.limits };
  const http = { ...DEFAULT_HTTP_SETTINGS, ...options.http };
  const apollo = createApolloServer(logger, { limits, production: options.production ?? false });
  await apollo.start();
  const deps = { store, earlyCareer: DEFAULT_EARLY_CAREER_RULE, maxPageSize: 100, execution: { ...DEFAULT_EXECUTION_LIMITS, ...options.execution } };
  const app = createApp(apollo, deps, logger, { http, limits });
  const server: Server = createServer({ headersTimeout: http.headersTimeoutMs, requestTimeout: http.requestTimeoutMs, connectionsCheckingInterval: 200 }, app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return {
    base,
    post,
    async query(query, variables = {}) {
      const started = performance.now();
      const response = await post({ query, variables });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Left as text: the caller's assertion shows it.
      }
      return { status: response.status, body, ms: performance.now() - started };
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
    },
  };
}
