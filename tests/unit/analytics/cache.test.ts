import { CollaborationCache } from '../../../src/analytics/cache';
import { smallWorld } from './world';

function fakeStore() {
  let version = 1;
  let reads = 0;
  return {
    source: {
      projection: async () => {
        reads++;
        return smallWorld();
      },
      version: async () => version,
    },
    bump: () => version++,
    reads: () => reads,
  };
}

describe('CollaborationCache', () => {
  test('one projection read per store version; one graph per variant; rebuilt after a write', async () => {
    const store = fakeStore();
    const cache = new CollaborationCache(store.source);
    const [a, b] = await Promise.all([cache.network(), cache.network()]);
    expect(a).toBe(b);
    const planned = await cache.network(true);
    expect(planned).not.toBe(a);
    expect(planned.includePlanned).toBe(true);
    expect(store.reads()).toBe(1);
    expect(await cache.network()).toBe(a);
    store.bump();
    const c = await cache.network();
    expect(c).not.toBe(a);
    expect(store.reads()).toBe(2);
  });

  test('period views: no further projection read, one view per (version, variant, day), betweenness per view, new after a write', async () => {
    const store = fakeStore();
    const cache = new CollaborationCache(store.source);
    const day = { asOf: '2024-10-01', fiscalYear: null };
    const [a, b] = await Promise.all([cache.periodNetwork(day), cache.periodNetwork({ asOf: '2024-10-01', fiscalYear: null })]);
    expect(a).toBe(b);
    // A fiscal year is its last day: the same view as asOf that day.
    expect(await cache.periodNetwork({ asOf: '2025-03-31', fiscalYear: 2024 })).toBe(await cache.periodNetwork({ asOf: '2025-03-31', fiscalYear: null }));
    expect(await cache.periodNetwork(day, true)).not.toBe(a);
    for (let m = 1; m <= 12; m++) await cache.periodNetwork({ asOf: `2024-${String(m).padStart(2, '0')}-15`, fiscalYear: null });
    expect(store.reads()).toBe(1);
    expect(await cache.betweenness(false, day)).toBe(await cache.betweenness(false, day));
    expect(await cache.betweenness(false, day)).not.toBe(await cache.betweenness(false));
    store.bump();
    expect(await cache.periodNetwork(day)).not.toBe(a);
    expect(store.reads()).toBe(2);
  });

  test('keeps at most 48 period views, dropping the least recently asked', async () => {
    const store = fakeStore();
    const cache = new CollaborationCache(store.source);
    const first = await cache.periodNetwork({ asOf: '2020-01-01', fiscalYear: null });
    const second = await cache.periodNetwork({ asOf: '2020-01-02', fiscalYear: null });
    for (let d = 3; d <= 49; d++) {
      await cache.periodNetwork({ asOf: `2020-02-${String(d % 28 + 1).padStart(2, '0')}`, fiscalYear: null });
      await cache.periodNetwork({ asOf: `2020-0${3 + Math.floor(d / 28)}-${String(d % 28 + 1).padStart(2, '0')}`, fiscalYear: null });
      if (d % 10 === 0) await cache.periodNetwork({ asOf: '2020-01-01', fiscalYear: null }); // kept warm
    }
    expect(await cache.periodNetwork({ asOf: '2020-01-01', fiscalYear: null })).toBe(first);
    expect(await cache.periodNetwork({ asOf: '2020-01-02', fiscalYear: null })).not.toBe(second);
  });

  test('betweenness is computed once per version', async () => {
    const store = fakeStore();
    const cache = new CollaborationCache(store.source);
    const x = await cache.betweenness();
    expect(await cache.betweenness()).toBe(x);
    expect(x.method).toBe('EXACT');
    store.bump();
    expect(await cache.betweenness()).not.toBe(x);
  });

  test('a failed read is not cached', async () => {
    let fail = true;
    const cache = new CollaborationCache({
      projection: async () => {
        if (fail) throw new Error('store down');
        return smallWorld();
      },
      version: async () => 1,
    });
    await expect(cache.network()).rejects.toThrow('store down');
    fail = false;
    expect((await cache.network()).graph.order).toBe(12);
  });
});
