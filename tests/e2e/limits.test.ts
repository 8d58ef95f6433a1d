import { createHash } from 'node:crypto';
import { seedStoreFromFile } from '../../src/ingest/seed';
import { MemoryStore } from '../../src/store/memory/memoryStore';
import type { GraphStore } from '../../src/store/port';
import { countingStore } from '../support/countingStore';
import { startHttpApp, type TestHttpApp } from '../support/httpApp';

/**
 * Every query limit over HTTP: the refusal, its status and code (QUERY_TOO_COMPLEX names the
 * limit and by how much), and that the store was not called at all. Then the execution guards:
 * the store-call budget, the per-request concurrency bound, identical calls made once, the deadline.
 */
const EXPENSIVE = 'people(first: 100) { edges { node { visits { hosts { visits { id } } } } } }';

describe('query limits refuse before any store call', () => {
  let app: TestHttpApp;
  let counted: ReturnType<typeof countingStore>;

  beforeAll(async () => {
    const store = new MemoryStore();
    await seedStoreFromFile(store);
    counted = countingStore(store);
    app = await startHttpApp(counted.store);
    // Warm the analytics size reading (one `counts` per 10 s) so refusals below show zero calls.
    await app.query('{ circulation(fiscalYear: 2024) { groupBy } }');
  });
  afterAll(() => app.close());
  beforeEach(() => counted.reset());

  const refused = async (query: string, limit: string) => {
    const { status, body } = await app.query(query);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit });
    expect(body.errors[0].extensions.actual).toBeGreaterThan(body.errors[0].extensions.max);
    expect(body.errors[0].message).toMatch(/over by \d+/);
    expect(counted.total()).toBe(0);
    return body.errors[0];
  };

  it('ALIASES: 2,000 aliases of an expensive field', async () => {
    const query = `{ ${Array.from({ length: 2000 }, (_, i) => `a${i}: circulation(fiscalYear: 2024) { groupBy }`).join(' ')} }`;
    // 2,000 aliases are also 14,000 tokens: the token limit answers first, on the raw text.
    await refused(query, 'TOKENS');
    const fewerTokens = `{ ${Array.from({ length: 60 }, (_, i) => `a${i}: countries { code }`).join(' ')} }`;
    expect((await refused(fewerTokens, 'ALIASES')).extensions).toMatchObject({ max: 50, actual: 60 });
  });

  it('FIELDS: 14 levels of doubling fragments in a few hundred bytes', async () => {
    const fragments = Array.from({ length: 14 }, (_, i) => `fragment f${i} on Query { ...f${i + 1} ...f${i + 1} }`).join(' ');
    const query = `{ ...f0 } ${fragments} fragment f14 on Query { countries { code } }`;
    expect(query.length).toBeLessThan(1000);
    expect((await refused(query, 'FIELDS')).extensions.actual).toBe(2 ** 14 * 2);
  });

  it('DEPTH: 5,000-level nesting is refused on the text, before parsing could overflow the stack', async () => {
    const query = `{ ${'people { edges { node { '.repeat(1700)}id${' } } }'.repeat(1700)} }`;
    await refused(query, 'DEPTH');
    const nested = `{ countries ${'{ institutions '.repeat(20)}{ id }${' }'.repeat(20)} }`;
    await refused(nested, 'DEPTH');
  });

  it('TOKENS: a document longer than the token limit', async () => {
    await refused(`{ ${'__typename '.repeat(2500)}}`, 'TOKENS');
  });

  it('COST: nested pages, and analytics fields costed by the store sizes', async () => {
    const cost = await refused(`{ ${EXPENSIVE} }`, 'COST');
    expect(cost.extensions.max).toBe(250_000);
    // 40 circulation reports by lab cost (groups + visits/100) each: cheap on this seed, so the
    // same limit is shown with a small KIZUNA_MAX_COST in the next suite.
  });

  it('a query that cannot be costed is refused (variables that do not coerce), not run unchecked', async () => {
    const { status, body } = await app.query('query($s: [VisitStatus!]) { visits(filter: { status: $s }) { totalCount } }', { s: ['SOMEDAY'] });
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(counted.total()).toBe(0);
  });

  it('subscription operations: 400 OPERATION_NOT_SUPPORTED (the schema has no such root type); a mutation naming a query field is a 400 validation error', async () => {
    const subscription = await app.query(`subscription { people { totalCount } }`);
    expect(subscription.status).toBe(400);
    expect(subscription.body.errors[0].extensions.code).toBe('OPERATION_NOT_SUPPORTED');
    // Mutation is a root type now (the write path): a query field under it fails validation.
    const mutation = await app.query(`mutation { people { totalCount } }`);
    expect(mutation.status).toBe(400);
    expect(mutation.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(counted.total()).toBe(0);
  });

  it('APQ: a hash that does not match the query is a 400 with the APQ code', async () => {
    const query = '{ countries { code } }';
    const wrong = await app.post({ query, extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as any).errors[0].extensions.code).toBe('PERSISTED_QUERY_HASH_MISMATCH');
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const right = await app.post({ query, extensions: { persistedQuery: { version: 1, sha256Hash } } });
    expect(right.status).toBe(200);
    const byHash = await app.post({ extensions: { persistedQuery: { version: 1, sha256Hash } } });
    expect(((await byHash.json()) as any).data.countries.length).toBeGreaterThan(0);
    const unknown: any = await (await app.post({ extensions: { persistedQuery: { version: 1, sha256Hash: 'b'.repeat(64) } } })).json();
    expect(unknown.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('an invalid 900 KB id is not echoed back whole', async () => {
    const response = await app.post({ query: 'query($id: ID!) { person(id: $id) { id } }', variables: { id: 'x'.repeat(900_000) } });
    const text = await response.text();
    expect(text.length).toBeLessThan(2000);
    expect(JSON.parse(text).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('analytics fields cost their real work', () => {
  let app: TestHttpApp;
  let counted: ReturnType<typeof countingStore>;
  let people: number;

  beforeAll(async () => {
    const store = new MemoryStore();
    await seedStoreFromFile(store);
    people = (await store.counts()).nodes.Person ?? 0;
    counted = countingStore(store);
    // Every query over this limit: the refusal reports each query's cost as `actual`.
    app = await startHttpApp(counted.store, { limits: { maxCost: 1 } });
  });
  afterAll(() => app.close());

  const costOf = async (query: string) => {
    const { status, body } = await app.query(query);
    expect(status).toBe(400);
    expect(body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'COST', max: 1 });
    return body.errors[0].extensions.actual as number;
  };

  it('per person and per group, from the store counts (read once, then cached), identical aliases counted each', async () => {
    const byCountry = await costOf('{ circulation(fiscalYear: 2024) { groupBy } }');
    expect(counted.calls.get('counts')).toBe(1);
    counted.reset();
    const byLab = await costOf('{ circulation(fiscalYear: 2024, groupBy: LAB) { groupBy } }');
    expect(byLab).toBeGreaterThan(byCountry);
    expect(await costOf('{ bridges { earlyCareer } }')).toBeGreaterThan(people);
    expect(await costOf('{ brokerage { degree } }')).toBeGreaterThan(people);
    expect(await costOf('{ a: bridges { earlyCareer } b: bridges { earlyCareer } }')).toBe(2 * (await costOf('{ bridges { earlyCareer } }')));
    expect(counted.total()).toBe(0);
  });
});

describe('execution guards', () => {
  let inner: GraphStore;
  beforeAll(async () => {
    inner = new MemoryStore();
    await seedStoreFromFile(inner);
  });

  /** The store with every call delayed, counting calls and the most in flight at once. */
  function slowStore(delayMs: number) {
    let inFlight = 0;
    const stats = { calls: 0, maxInFlight: 0 };
    const store = new Proxy(inner, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== 'function' || property === 'close') return value;
        return async (...args: unknown[]) => {
          stats.calls += 1;
          stats.maxInFlight = Math.max(stats.maxInFlight, ++inFlight);
          try {
            await new Promise((resolve) => setTimeout(resolve, delayMs));
            return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          } finally {
            inFlight -= 1;
          }
        };
      },
    });
    return { store, stats };
  }

  const distinctPages = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `p${i}: people(first: ${i + 1}) { totalCount }`).join(' ')} }`;

  it('one request has at most storeConcurrency store calls in flight, and identical calls are made once', async () => {
    const { store, stats } = slowStore(20);
    const app = await startHttpApp(store, { execution: { storeConcurrency: 4 } });
    try {
      const { body } = await app.query(distinctPages(20));
      expect(body.errors).toBeUndefined();
      expect(stats.calls).toBe(20);
      expect(stats.maxInFlight).toBe(4);
      stats.calls = 0;
      const same = await app.query(`{ ${Array.from({ length: 40 }, (_, i) => `c${i}: countries { code }`).join(' ')} }`);
      expect(Object.keys(same.body.data)).toHaveLength(40);
      expect(stats.calls).toBe(1);
    } finally {
      await app.close();
    }
  });

  it('STORE_CALLS: an operation past its store-call budget stops there', async () => {
    const { store, stats } = slowStore(0);
    const app = await startHttpApp(store, { execution: { maxStoreCalls: 5 } });
    try {
      const { body } = await app.query(distinctPages(12));
      const codes = body.errors.map((e: any) => e.extensions);
      expect(codes[0]).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'STORE_CALLS', max: 5 });
      expect(stats.calls).toBe(5);
    } finally {
      await app.close();
    }
  });

  it('TIMEOUT: store calls past the operation deadline fail with TIMEOUT', async () => {
    const { store } = slowStore(300);
    const app = await startHttpApp(store, { execution: { operationTimeoutMs: 100 } });
    try {
      const { status, body } = await app.query('{ people { totalCount } }');
      expect(status).toBe(200);
      expect(body.errors[0].extensions.code).toBe('TIMEOUT');
    } finally {
      await app.close();
    }
  });
});
