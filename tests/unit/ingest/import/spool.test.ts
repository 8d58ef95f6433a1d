import { existsSync } from 'node:fs';
import { NdjsonSpool, prefetched } from '../../../../src/ingest/import/spool';

interface Item {
  id: string;
  text: string | null;
  list: string[];
}

describe('NdjsonSpool', () => {
  const items: Item[] = Array.from({ length: 2500 }, (_, i) => ({ id: `person:p${i}`, text: i % 2 ? null : `Old\nname "quoted" 名前 ${i}`, list: [`lab:l${i}`] }));

  it('gives the items back in order, whole, on every read, and leaves no folder behind', async () => {
    const spool = new NdjsonSpool<Item>();
    for (let i = 0; i < items.length; i += 700) await spool.add(items.slice(i, i + 700));
    expect(spool.count).toBe(2500);
    const folder = spool.folder!;
    expect(existsSync(folder)).toBe(true);
    for (let pass = 0; pass < 2; pass++) {
      const read: Item[] = [];
      for await (const item of spool.read()) read.push(item);
      expect(read).toEqual(items);
    }
    const sizes: number[] = [];
    for await (const batch of spool.batches(1000)) sizes.push(batch.length);
    expect(sizes).toEqual([1000, 1000, 500]);
    await expect(spool.push(items[0])).rejects.toThrow(/after read/);
    spool.close();
    expect(existsSync(folder)).toBe(false);
  });

  it('items larger than its write buffer come back whole and in order', async () => {
    const big = Array.from({ length: 5 }, (_, i) => ({ id: `person:p${i}`, text: `${i}`.repeat(600_000), list: [] }));
    const spool = new NdjsonSpool<Item>();
    await spool.add(big);
    const read: Item[] = [];
    for await (const item of spool.read()) read.push(item);
    spool.close();
    expect(read).toEqual(big);
  });

  it('an empty spool touches no disk', async () => {
    const spool = new NdjsonSpool<Item>();
    const read: Item[] = [];
    for await (const item of spool.read()) read.push(item);
    expect(spool.folder).toBeNull();
    spool.close();
    expect(read).toEqual([]);
  });
});

describe('NdjsonSpool closed unread', () => {
  it('drops what it holds without an error (a refused import)', async () => {
    const spool = new NdjsonSpool<{ n: number; pad: string }>();
    for (let n = 0; n < 5000; n++) await spool.push({ n, pad: 'x'.repeat(100) });
    const folder = spool.folder!;
    spool.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(existsSync(folder)).toBe(false);
  });
});

describe('prefetched', () => {
  it('gives every item in order, reading one ahead of the consumer', async () => {
    const asked: number[] = [];
    async function* source() {
      for (let i = 0; i < 4; i++) {
        asked.push(i);
        yield i;
      }
    }
    const seen: Array<[number, number[]]> = [];
    for await (const item of prefetched(source())) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen.push([item, [...asked]]);
    }
    expect(seen).toEqual([
      [0, [0, 1]],
      [1, [0, 1, 2]],
      [2, [0, 1, 2, 3]],
      [3, [0, 1, 2, 3]],
    ]);
  });
});
