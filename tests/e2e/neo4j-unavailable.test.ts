import type { Server } from 'node:http';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { DEFAULT_EARLY_CAREER_RULE } from '../../src/domain/earlyCareer';
import { createLogger } from '../../src/logger';
import { createApolloServer } from '../../src/server/apollo';
import { createApp } from '../../src/server/app';
import { Executor, Neo4jStore } from '../../src/store/neo4j';

/**
 * Neo4j goes away while the API runs: queries answer SERVICE_UNAVAILABLE, /ready says 503,
 * and the process keeps serving. Needs no database (the store points at a closed port).
 */
describe('HTTP API when Neo4j is unreachable', () => {
  let http: Server;
  let url: string;
  let store: Neo4jStore;

  beforeAll(async () => {
    const port = await closedPort();
    const tuning = { connectionAcquisitionTimeoutMs: 1000, connectionTimeoutMs: 1000, maxTransactionRetryTimeMs: 500 };
    store = new Neo4jStore(Executor.connect({ uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password: 'x', database: 'neo4j' }, tuning));
    const logger = createLogger('silent');
    const apollo = createApolloServer(logger);
    await apollo.start();
    const app = createApp(apollo, { store, earlyCareer: DEFAULT_EARLY_CAREER_RULE, maxPageSize: 100 }, logger);
    http = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => http.close(resolve));
    await store.close();
  });

  const query = async (q: string) =>
    (await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: q }) })).json() as Promise<any>;

  it('answers SERVICE_UNAVAILABLE without leaking driver details, and keeps serving', async () => {
    for (const q of ['{ people { totalCount } }', '{ person(id: "person:x") { id } }']) {
      const body = await query(q);
      expect(body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
      expect(body.errors[0].message).toMatch(/unavailable/i);
      expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|stack/);
    }
    expect((await fetch(`${url}/ready`)).status).toBe(503);
    expect((await fetch(`${url}/health`)).status).toBe(200);
  }, 20_000);
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
