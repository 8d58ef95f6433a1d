import { StoreError } from '../../../src/store/errors';
import { StoreBreaker } from '../../../src/store/neo4j/breaker';

const down = () => Promise.reject(new StoreError('UNAVAILABLE', 'down'));
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('StoreBreaker', () => {
  it('opens on UNAVAILABLE, then fails at once without calling the store, and closes when the background probe succeeds', async () => {
    let storeUp = false;
    let probes = 0;
    const breaker = new StoreBreaker(async () => {
      probes += 1;
      if (!storeUp) throw new StoreError('UNAVAILABLE', 'still down');
    }, 20);
    try {
      await expect(breaker.execute(down)).rejects.toThrow('down');
      expect(breaker.open).toBe(true);
      const work = jest.fn(async () => 'x');
      await expect(breaker.execute(work)).rejects.toMatchObject({ kind: 'UNAVAILABLE' });
      expect(work).not.toHaveBeenCalled();
      await wait(80);
      expect(probes).toBeGreaterThan(0);
      expect(breaker.open).toBe(true);
      storeUp = true;
      await wait(80);
      expect(breaker.open).toBe(false);
      await expect(breaker.execute(work)).resolves.toBe('x');
    } finally {
      breaker.stop();
    }
  });

  it('stays closed on other failures (a conflict, a timeout, a bug)', async () => {
    const breaker = new StoreBreaker(async () => undefined, 20);
    await expect(breaker.execute(() => Promise.reject(new StoreError('CONFLICT', 'c')))).rejects.toThrow('c');
    await expect(breaker.execute(() => Promise.reject(new StoreError('TIMEOUT', 't')))).rejects.toThrow('t');
    await expect(breaker.execute(() => Promise.reject(new TypeError('bug')))).rejects.toThrow('bug');
    expect(breaker.open).toBe(false);
  });

  it('stays closed when the pool is only busy (connections active), opens when none could be made', async () => {
    const breaker = new StoreBreaker(async () => undefined, 20);
    try {
      const waited = (active: number) =>
        new StoreError('UNAVAILABLE', 'unavailable', {
          cause: new Error(`Connection acquisition timed out in 5000 ms. Pool status: Active conn count = ${active}, Idle conn count = 0.`),
        });
      await expect(breaker.execute(() => Promise.reject(waited(100)))).rejects.toMatchObject({ kind: 'UNAVAILABLE' });
      expect(breaker.open).toBe(false);
      await expect(breaker.execute(() => Promise.reject(waited(0)))).rejects.toMatchObject({ kind: 'UNAVAILABLE' });
      expect(breaker.open).toBe(true);
    } finally {
      breaker.stop();
    }
  });
});
