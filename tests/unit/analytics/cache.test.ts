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
