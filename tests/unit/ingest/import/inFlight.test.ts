import { inFlight } from '../../../../src/ingest/import/inFlight';

async function* numbers(n: number): AsyncGenerator<number> {
  for (let i = 0; i < n; i++) yield i;
}

/** A write that records how many writes run at once and finishes after `delays[batch]` ms. */
function recorder(delays: (batch: number) => number, fail?: number) {
  const state = { running: 0, most: 0, started: [] as number[], settled: [] as number[] };
  const write = async (batch: number) => {
    state.started.push(batch);
    state.running += 1;
    state.most = Math.max(state.most, state.running);
    await new Promise((r) => setTimeout(r, delays(batch)));
    state.running -= 1;
    state.settled.push(batch);
    if (batch === fail) throw new Error(`batch ${batch} failed`);
    return batch * 10;
  };
  return { state, write };
}

async function collect(depth: number, n: number, write: (b: number) => Promise<number>): Promise<number[]> {
  const out: number[] = [];
  for await (const { batch, result } of inFlight(numbers(n), depth, write)) {
    expect(result).toBe(batch * 10);
    out.push(batch);
  }
  return out;
}

describe('inFlight', () => {
  it('hands results back in the order the batches started, with at most `depth` writes running', async () => {
    // Later batches finish first: the order handed back must still be the start order.
    const { state, write } = recorder((b) => 30 - 5 * (b % 4));
    expect(await collect(3, 10, write)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(state.most).toBe(3);
    expect(state.started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('depth 1 is the sequential loop: each write starts after the previous one is handed back', async () => {
    const { state, write } = recorder(() => 2);
    const order: string[] = [];
    for await (const { batch } of inFlight(numbers(4), 1, async (b) => {
      order.push(`start ${b}`);
      return write(b);
    })) {
      order.push(`done ${batch}`);
    }
    expect(state.most).toBe(1);
    expect(order).toEqual(['start 0', 'done 0', 'start 1', 'done 1', 'start 2', 'done 2', 'start 3', 'done 3']);
  });

  it('a batch starts only after the batch `depth` places earlier was handed back', async () => {
    const handedBack = new Set<number>();
    const depth = 2;
    const seen: boolean[] = [];
    for await (const { batch } of inFlight(numbers(8), depth, async (b) => {
      seen.push(b < depth || handedBack.has(b - depth));
      await new Promise((r) => setTimeout(r, 3));
      return b;
    })) {
      handedBack.add(batch);
    }
    expect(seen).toEqual(Array(8).fill(true));
  });

  it('throws a failure only after every write already started has settled', async () => {
    // Batch 1 fails fast while batches 2 and 3 are still being written.
    const { state, write } = recorder((b) => (b === 1 ? 1 : 40), 1);
    const handed: number[] = [];
    await expect(
      (async () => {
        for await (const { batch } of inFlight(numbers(10), 4, write)) handed.push(batch);
      })(),
    ).rejects.toThrow('batch 1 failed');
    expect(handed).toEqual([0]);
    expect(state.running).toBe(0);
    expect([...state.settled].sort()).toEqual([...state.started].sort());
    // Batch 4 started when batch 0 was handed back, before batch 1's turn came; nothing after it.
    expect(state.started).toEqual([0, 1, 2, 3, 4]);
  });

  it('a consumer that stops early still waits for the writes it started', async () => {
    const { state, write } = recorder(() => 20);
    for await (const { batch } of inFlight(numbers(10), 3, write)) {
      if (batch === 0) break;
    }
    expect(state.running).toBe(0);
    expect(state.started).toEqual([0, 1, 2]);
  });

  it('refuses a depth that is not a positive integer', async () => {
    await expect(collect(0, 1, async (b) => b * 10)).rejects.toThrow(RangeError);
    await expect(collect(1.5, 1, async (b) => b * 10)).rejects.toThrow(RangeError);
  });
});
