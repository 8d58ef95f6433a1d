import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { serve, type RunningServer } from '../../src/server/serve';
import { syntheticDataset } from '../fixtures/syntheticDataset';

/** The HTTP surface on the embedded store: /graphql, /health, /ready, and error handling. */
describe('HTTP API (embedded store)', () => {
  let server: RunningServer;
  const base = () => server.url.replace(/\/graphql$/, '');
  const post = (body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(server.url, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kizuna-e2e-'));
    const seedFile = join(dir, 'seed.json');
    writeFileSync(seedFile, JSON.stringify(syntheticDataset(6)));
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', KIZUNA_SEED_FILE: seedFile, LOG_LEVEL: 'silent' });
    server = await serve(config, createLogger('silent'));
  });

  afterAll(async () => {
    await server.stop();
  });

  it('prints a full GraphQL URL and answers queries over HTTP', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
    const response = await post({ query: '{ people(first: 2) { totalCount edges { node { displayName } } } }' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      data: { people: { totalCount: 6, edges: [{ node: { displayName: 'Person 000' } }, { node: { displayName: 'Person 001' } }] } },
    });
  });

  it('sends a browser that opens /graphql to the explorer, and leaves GraphQL clients to the API', async () => {
    const browserAccept = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';
    const redirected = await fetch(server.url, { headers: { accept: browserAccept }, redirect: 'manual' });
    expect(redirected.status).toBe(302);
    expect(redirected.headers.get('location')).toBe('/explorer');
    const page = await fetch(server.url, { headers: { accept: browserAccept } });
    expect(page.url).toBe(server.explorerUrl);
    expect(await page.text()).toContain('<title>Kizuna explorer</title>');

    // A GraphQL GET (JSON wanted, or anything) is Apollo's: a query runs, a bare GET gets Apollo's own answer.
    const query = await fetch(`${server.url}?query=${encodeURIComponent('{ people { totalCount } }')}`, {
      headers: { accept: 'application/graphql-response+json, application/json', 'apollo-require-preflight': 'true' },
    });
    expect(await query.json()).toEqual({ data: { people: { totalCount: 6 } } });
    for (const accept of ['application/json', '*/*']) {
      const bare = await fetch(server.url, { headers: { accept }, redirect: 'manual' });
      expect({ accept, status: bare.status }).toEqual({ accept, status: 400 });
    }
    expect(server.explorerUrl).toBe(`${base()}/explorer`);
  });

  it('reports liveness and readiness', async () => {
    expect(await (await fetch(`${base()}/health`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${base()}/ready`)).json()).toEqual({ status: 'ready', store: 'memory' });
  });

  it('answers bad requests with coded errors and keeps serving', async () => {
    const badId: any = await (await post({ query: '{ person(id: "x y") { id } }' })).json();
    expect(badId.errors[0].extensions.code).toBe('BAD_USER_INPUT');

    const syntax = await post({ query: '{ people( }' });
    expect(syntax.status).toBe(400);
    expect(((await syntax.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');

    const notJson = await post('{"query": ', { 'content-type': 'application/json' });
    expect(notJson.status).toBe(400);

    const expensive = await post({ query: '{ people(first: 100) { edges { node { visits { hosts { visits { hosts { visits { id } } } } } } } } }' });
    expect(expensive.status).toBe(400);
    const tooExpensive: any = await expensive.json();
    expect(tooExpensive.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'COST', max: 250_000 });
    expect(tooExpensive.errors[0].message).toMatch(/cost limit: \d+ > 250000 \(over by \d+\)/);

    const after: any = await (await post({ query: '{ countries { code } }' })).json();
    expect(after.data.countries).toHaveLength(2);
  });
});

describe('variables that do not coerce', () => {
  it('are BAD_USER_INPUT, not masked as internal errors', async () => {
    const { TestApi } = await import('../support/api');
    const { MemoryStore } = await import('../../src/store/memory/memoryStore');
    const result = await new TestApi(new MemoryStore()).query(`query($s: [VisitStatus!]) { visits(filter: { status: $s }) { totalCount } }`, {
      s: ['SOMEDAY'],
    });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
