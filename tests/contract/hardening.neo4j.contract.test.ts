import { seedStoreFromFile } from '../../src/ingest/seed';
import { createNeo4jStore, Executor } from '../../src/store/neo4j';
import type { GraphStore } from '../../src/store/port';
import { fuzzHttp } from '../support/fuzz';
import { startHttpApp, type TestHttpApp } from '../support/httpApp';
import { NEO4J_SKIP_REASON, neo4jTestConfig } from '../support/neo4j';
import { openNeo4jTestStore } from '../support/testDatabase';
import { TcpProxy } from '../support/tcpProxy';

/**
 * Hardening on the real Neo4j (the tests' own, KIZUNA_TEST_NEO4J_URI), in the contract tier so it
 * runs one file at a time with the other suites that clear that database: the HTTP fuzz run, pool
 * fairness under a flood of aliases, and Neo4j going away mid-load and coming back (through a TCP
 * proxy in front of Bolt, so the database itself is not stopped). The embedded-store fuzz run is
 * tests/e2e/fuzz.test.ts.
 */
const config = neo4jTestConfig();
const describeNeo4j = config ? describe : describe.skip;
if (!config) describe.skip(`Neo4j hardening — ${NEO4J_SKIP_REASON}`, () => it('runs only with Neo4j', () => undefined));

const SIMPLE = '{ countries { code } }';

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

describeNeo4j('Neo4j hardening', () => {
  let store: GraphStore;

  beforeAll(async () => {
    store = await openNeo4jTestStore(config!);
    await seedStoreFromFile(store);
  }, 120_000);
  afterAll(() => store?.close());

  describe('HTTP fuzz (neo4j store)', () => {
    let app: TestHttpApp;
    beforeAll(async () => {
      app = await startHttpApp(store);
    });
    afterAll(() => app.close());

    it('answers 1,000 generated requests without a 5xx or a leak, and leaves every node and relationship', async () => {
      const before = await store.counts();
      const run = await fuzzHttp(app, 1000);
      expect({ seed: run.seed, failures: run.failures.slice(0, 5) }).toEqual({ seed: run.seed, failures: [] });
      expect(run.requests).toBe(1000);
      expect(await store.counts()).toEqual(before);
    }, 90_000);
  });

  describe('pool fairness', () => {
    let app: TestHttpApp;
    beforeAll(async () => {
      app = await startHttpApp(store);
    });
    afterAll(() => app.close());

    it('a bystander stays under 500 ms (or 4× its own time alone, on a loaded machine) while another client floods aliases', async () => {
      const flood = `{ ${Array.from({ length: 10_000 }, (_, i) => `a${i}: countries { code }`).join(' ')} }`;
      // The most store work one request may ask for: 50 aliases, each a distinct Neo4j query.
      const widest = `{ ${Array.from({ length: 50 }, (_, i) => `p${i}: people(first: ${i + 1}) { totalCount }`).join(' ')} }`;
      const bystander = async () => {
        const times: number[] = [];
        for (let i = 0; i < 20; i++) {
          const { body, ms } = await app.query(SIMPLE);
          expect(body.data.countries.length).toBeGreaterThan(0);
          times.push(ms);
        }
        return times;
      };
      // The same bystander alone first: on a machine shared with other work the bound scales with it.
      const alone = await bystander();
      let flooding = true;
      const attacker = async (query: string) => {
        const codes: number[] = [];
        while (flooding) codes.push((await app.query(query)).status);
        return codes;
      };
      const attacks = [attacker(flood), attacker(widest)];
      await new Promise((resolve) => setTimeout(resolve, 300));
      const times = await bystander();
      flooding = false;
      const [floodCodes, ...widestCodes] = await Promise.all(attacks);
      expect(new Set(floodCodes)).toEqual(new Set([400]));
      expect(widestCodes.flat().every((s) => s === 200)).toBe(true);
      // Median and 90th percentile under 500 ms, or, on a machine already slow without the flood,
      // within 4× the bystander's own figures alone (before the fix: 0.1 s → 4.3 s, 43×).
      const summary = `bystander ms alone: ${alone.map(Math.round).join(', ')}; during the flood: ${times.map(Math.round).join(', ')}`;
      const bound = (p: number) => Math.max(500, 4 * percentile(alone, p));
      expect([percentile(times, 50) < bound(50), percentile(times, 90) < bound(90), summary]).toEqual([true, true, summary]);
    }, 60_000);
  });

  it('a read past the Cypher transaction timeout is stopped by Neo4j: TIMEOUT, and the breaker stays closed', async () => {
    const executor = Executor.connect({ ...config!, transactionTimeoutMs: 300 });
    try {
      const started = Date.now();
      await expect(executor.read({ cypher: 'UNWIND range(1, 2000000000) AS x RETURN count(x) AS c', params: {} })).rejects.toMatchObject({ kind: 'TIMEOUT' });
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(executor.unavailable).toBe(false);
      await expect(executor.read({ cypher: 'RETURN 1 AS one', params: {} })).resolves.toEqual([{ one: 1 }]);
    } finally {
      await executor.close();
    }
  });

  describe('Neo4j stopped mid-load', () => {
    let proxy: TcpProxy;
    let proxied: GraphStore;
    let app: TestHttpApp;

    beforeAll(async () => {
      proxy = await TcpProxy.start(Number(new URL(config!.uri.replace(/^\w+(\+\w+)?:/, 'http:')).port || 7687));
      proxied = await createNeo4jStore({ ...config!, uri: `bolt://127.0.0.1:${proxy.port}` });
      app = await startHttpApp(proxied);
    }, 60_000);
    afterAll(async () => {
      await app.close();
      await proxied.close();
      await proxy.down();
    });

    it('stays up, fails fast with SERVICE_UNAVAILABLE and /ready 503, and answers again within 2 s of Bolt returning', async () => {
      let loading = true;
      const load = async () => {
        const statuses: number[] = [];
        while (loading) statuses.push((await app.query(SIMPLE)).status);
        return statuses;
      };
      const workers = [load(), load(), load()];
      try {
        await new Promise((resolve) => setTimeout(resolve, 300));
        await proxy.down();
        // The first failures open the breaker (requests in flight at that moment wait for the driver).
        const opened = Date.now();
        while ((await app.query(SIMPLE)).body.errors?.[0]?.extensions?.code !== 'SERVICE_UNAVAILABLE') {
          expect(Date.now() - opened).toBeLessThan(15_000);
        }
      } finally {
        loading = false;
      }
      // The load ran through the outage: every answer an HTTP 200 (data or SERVICE_UNAVAILABLE), no crash.
      expect((await Promise.all(workers)).flat().every((s) => s === 200)).toBe(true);

      // Fast-fail, one request at a time (median and 90th percentile; the slowest is bounded too:
      // before the breaker every request took ~7 s).
      const failing: number[] = [];
      for (let i = 0; i < 20; i++) {
        const { status, body, ms } = await app.query(SIMPLE);
        expect(status).toBe(200);
        expect(body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
        failing.push(Math.round(ms));
      }
      expect({ p50: percentile(failing, 50) < 100, p90: percentile(failing, 90) < 100, max: Math.max(...failing) < 1000, failing }).toMatchObject({
        p50: true,
        p90: true,
        max: true,
      });
      const ready = performance.now();
      expect((await fetch(`${app.base}/ready`)).status).toBe(503);
      expect(performance.now() - ready).toBeLessThan(500);
      expect((await fetch(`${app.base}/health`)).status).toBe(200);

      await proxy.up();
      const back = Date.now();
      for (;;) {
        const { body } = await app.query(SIMPLE);
        if (body.data?.countries?.length) break;
        expect(Date.now() - back).toBeLessThan(2000);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(Date.now() - back).toBeLessThan(2000);
      expect((await fetch(`${app.base}/ready`)).status).toBe(200);
    }, 60_000);
  });
});
