import { request } from 'node:http';
import { connect } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { seedStoreFromFile } from '../../src/ingest/seed';
import { maxBodyBytes } from '../../src/server/app';
import { MemoryStore } from '../../src/store/memory/memoryStore';
import { startHttpApp, type TestHttpApp } from '../support/httpApp';

/**
 * The HTTP layer outside GraphQL execution: one JSON error shape on every route (no stack, no
 * path, whatever NODE_ENV says), the Host check, CORS off by default, the optional rate limit,
 * suggestions hidden in production, and slow clients cut off.
 */
const LEAKS = /\bat .+\(|node_modules|\/work\/|\/home\/|\/usr\/|[A-Z]:\\\\|stack/;

function rawRequest(base: string, path: string, headers: Record<string, string>, method = 'GET', body?: string): Promise<{ status: number; text: string; headers: Record<string, unknown> }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('HTTP hardening (development mode)', () => {
  let app: TestHttpApp;
  const previousEnv = process.env.NODE_ENV;

  beforeAll(async () => {
    process.env.NODE_ENV = 'development';
    const store = new MemoryStore();
    await seedStoreFromFile(store);
    app = await startHttpApp(store, { http: { requestTimeoutMs: 1000, headersTimeoutMs: 1000 } });
  });
  afterAll(async () => {
    process.env.NODE_ENV = previousEnv;
    await app.close();
  });

  const expectCleanError = (status: number, text: string, code: string, expectedStatus: number) => {
    expect(status).toBe(expectedStatus);
    const body = JSON.parse(text);
    expect(body).toEqual({ errors: [{ message: expect.any(String), extensions: expect.objectContaining({ code }) }] });
    expect(text).not.toMatch(LEAKS);
  };

  it('malformed JSON, an unsupported charset, a body over the cap: JSON errors, no stack or path', async () => {
    const bad = await app.post('{"query": ');
    expectCleanError(bad.status, await bad.text(), 'BAD_USER_INPUT', 400);
    const charset = await app.post(JSON.stringify({ query: '{ countries { code } }' }), { 'content-type': 'application/json; charset=latin9' });
    expectCleanError(charset.status, await charset.text(), 'BAD_USER_INPUT', 415);
    // The cap leaves room for importDataset's content (maxBodyBytes); one byte over it is refused before parsing.
    const large = await app.post(JSON.stringify({ query: `{ countries { code } } # ${'x'.repeat(maxBodyBytes({}) + 1)}` }));
    expectCleanError(large.status, await large.text(), 'BAD_USER_INPUT', 413);
  });

  it('odd paths: /explorer/assets/__proto__, unknown routes', async () => {
    for (const path of ['/explorer/assets/__proto__', '/explorer/assets/constructor', '/graphiql/assets/__proto__', '/graphiql/assets/constructor', '/explorer/nothing.js', '/nowhere', '/graphql/../../etc/passwd']) {
      const response = await fetch(`${app.base}${path}`);
      expectCleanError(response.status, await response.text(), 'NOT_FOUND', 404);
    }
  });

  it('answers only to loopback names and configured hosts (DNS rebinding)', async () => {
    const evil = await rawRequest(app.base, '/graphql?query=%7Bcountries%7Bcode%7D%7D', { host: 'attacker.example:4000' });
    expectCleanError(evil.status, evil.text, 'FORBIDDEN', 403);
    for (const host of ['localhost:4000', '127.0.0.1', '[::1]:4000']) {
      const ok = await rawRequest(app.base, '/health', { host });
      expect(ok.status).toBe(200);
    }
  });

  it('sends no CORS headers by default', async () => {
    const response = await fetch(`${app.base}/graphql`, { method: 'OPTIONS', headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST' } });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('keeps "did you mean" suggestions outside production', async () => {
    const { body } = await app.query('{ countrie { code } }');
    expect(body.errors[0].message).toMatch(/Did you mean/);
  });

  it('cuts off a client that trickles its body', async () => {
    const { hostname, port } = new URL(app.base);
    const started = Date.now();
    const closed = await new Promise<number>((resolve) => {
      const socket = connect(Number(port), hostname, () => {
        socket.write(`POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{`);
        const drip = setInterval(() => socket.write(' '), 300);
        socket.on('close', () => {
          clearInterval(drip);
          resolve(Date.now() - started);
        });
      });
      socket.on('error', () => undefined);
    });
    expect(closed).toBeLessThan(5000);
  });
});

describe('HTTP hardening (settings on)', () => {
  let app: TestHttpApp;

  beforeAll(async () => {
    app = await startHttpApp(new MemoryStore(), {
      production: true,
      http: { corsOrigins: ['https://viz.example.org'], rateLimitPerMinute: 5, allowedHosts: ['kizuna.example.org'] },
    });
  });
  afterAll(() => app.close());

  it('allows the configured CORS origins only', async () => {
    const preflight = (origin: string) =>
      fetch(`${app.base}/graphql`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    expect((await preflight('https://viz.example.org')).headers.get('access-control-allow-origin')).toBe('https://viz.example.org');
    expect((await preflight('https://elsewhere.example')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('accepts a configured host', async () => {
    expect((await rawRequest(app.base, '/health', { host: 'kizuna.example.org' })).status).toBe(200);
  });

  it('hides suggestions in production', async () => {
    const { body } = await app.query('{ countrie { code } }');
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).not.toMatch(/Did you mean/);
  });

  it('rate-limits a client past its requests per minute with 429 RATE_LIMITED', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await app.query('{ countries { code } }')).status);
    expect(statuses.slice(0, 4).every((s) => s === 200)).toBe(true);
    const last = await app.query('{ countries { code } }');
    expect(last.status).toBe(429);
    expect(last.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    // Health and readiness are never rate-limited.
    expect((await fetch(`${app.base}/health`)).status).toBe(200);
  });
});

describe('HTTP error logging', () => {
  it('goes through pino with the request id, never with the body', async () => {
    const lines: any[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const app = await startHttpApp(new MemoryStore(), { logger: pino({ level: 'info' }, sink) });
    try {
      const response = await app.post('{"query": "SECRET-BODY-TEXT', { 'x-request-id': 'req-42' });
      expect(response.status).toBe(400);
      expect(response.headers.get('x-request-id')).toBe('req-42');
      await app.post({ query: '{ countries { code } }' }, { 'x-request-id': 'req-43' });
    } finally {
      await app.close();
    }
    expect(lines.find((l) => l.requestId === 'req-42')).toMatchObject({ status: 400, code: 'BAD_USER_INPUT' });
    expect(lines.find((l) => l.requestId === 'req-43')).toMatchObject({ msg: 'graphql' });
    expect(JSON.stringify(lines)).not.toContain('SECRET-BODY-TEXT');
  });
});
