import { seedStoreFromFile } from '../../src/ingest/seed';
import { MemoryStore } from '../../src/store/memory/memoryStore';
import { fuzzHttp, fuzzOnce } from '../support/fuzz';
import { startHttpApp, type TestHttpApp } from '../support/httpApp';

/**
 * 1,000+ generated requests, valid and hostile (tests/support/fuzz.ts), against the HTTP server on
 * the embedded store: no 5xx, no INTERNAL_SERVER_ERROR, no stack, path, driver or Cypher text, and
 * the graph unchanged. The same run on Neo4j is in tests/contract/hardening.neo4j.contract.test.ts.
 * Replay a failing run with KIZUNA_FUZZ_SEED=<seed printed in the failure>.
 */
describe('HTTP fuzz (embedded store)', () => {
  let app: TestHttpApp;
  let store: MemoryStore;

  beforeAll(async () => {
    store = new MemoryStore();
    await seedStoreFromFile(store);
    app = await startHttpApp(store);
  });
  afterAll(() => app.close());

  it('answers 1,000 generated requests without a crash, a 5xx or a leak, and changes nothing', async () => {
    const before = await store.counts();
    const run = await fuzzHttp(app, 1000);
    expect({ seed: run.seed, failures: run.failures.slice(0, 5) }).toEqual({ seed: run.seed, failures: [] });
    expect(run.requests).toBe(1000);
    expect(await store.counts()).toEqual(before);
    expect((await fetch(`${app.base}/health`)).status).toBe(200);
  }, 60_000);
});

describe('the fuzz checker', () => {
  const answering = (status: number, body: string) => ({ post: async () => new Response(body, { status }) }) as unknown as TestHttpApp;

  it('flags 5xx, non-JSON, INTERNAL_SERVER_ERROR, stacks, paths and Cypher text, and passes clean errors that quote the input', async () => {
    const bad: [number, string][] = [
      [500, '{"errors":[]}'],
      [400, '<html>Bad</html>'],
      [200, '{"errors":[{"message":"Internal server error","extensions":{"code":"INTERNAL_SERVER_ERROR"}}]}'],
      [400, '{"errors":[{"message":"x","extensions":{"code":"BAD_USER_INPUT","stacktrace":["at parse (/work/x/node_modules/graphql/index.js:1:2)"]}}]}'],
      [200, '{"errors":[{"message":"Neo.ClientError.Statement.SyntaxError","extensions":{"code":"BAD_USER_INPUT"}}]}'],
      [200, '{"errors":[{"message":"Invalid input near: OPTIONAL MATCH (p:Person) WHERE p.id = $id","extensions":{"code":"BAD_USER_INPUT"}}]}'],
    ];
    for (const [status, body] of bad) expect(await fuzzOnce(answering(status, body), { query: '{ a }' })).not.toBeNull();
    const quoted = '{"errors":[{"message":"`id` is not a Kizuna id, got \\"MATCH (n:Person) RETURN n.id\\"","extensions":{"code":"BAD_USER_INPUT"}}]}';
    expect(await fuzzOnce(answering(200, quoted), { query: '{ person(id: "MATCH (n:Person) RETURN n.id") { id } }' })).toBeNull();
  });
});
