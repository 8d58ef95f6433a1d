import { createReadStream, createWriteStream, mkdtempSync, openSync, rmSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

/** Characters of spooled lines gathered before they are written (UTF-16 units: about a megabyte of text). */
const FLUSH_AT = 1 << 20;

/**
 * Items written once and read back in order, as many times as needed, from a temporary file
 * (one JSON line each). The import keeps its validated records here: the check pass parses and
 * validates every record once and spools it as the graph it writes, and the write passes read the
 * spool (a JSON.parse per record) instead of reading and validating the files again. Memory stays
 * flat however large the import. The folder is private to the process and removed by close().
 */
export class NdjsonSpool<T> {
  /** Made at the first item: an import that holds nothing (or is refused early) touches no disk. */
  private spool: { dir: string; file: string; out: WriteStream | null } | null = null;
  count = 0;
  /**
   * Lines not yet handed to the file, written about a megabyte at a time: a write per item queues
   * a small string per record, which the stream then converts and writes one by one (0.7 s of the
   * main thread per 100k records, measured).
   */
  private pending = '';

  /** The spool's folder while it has one (null before the first item and after close). */
  get folder(): string | null {
    return this.spool?.dir ?? null;
  }

  async add(items: Iterable<T>): Promise<void> {
    for (const item of items) await this.push(item);
  }

  async push(item: T): Promise<void> {
    const spool = (this.spool ??= this.open());
    if (!spool.out) throw new Error('NdjsonSpool: add after read');
    this.count += 1;
    this.pending += `${JSON.stringify(item)}\n`;
    if (this.pending.length >= FLUSH_AT) await this.flush(spool.out);
  }

  private async flush(out: WriteStream): Promise<void> {
    const text = this.pending;
    this.pending = '';
    if (text && !out.write(text)) await once(out, 'drain');
  }

  /** The items in the order they were added; the first read ends the writing, later reads start again from the first item. */
  async *read(): AsyncGenerator<T> {
    if (!this.spool) return;
    const spool = this.spool;
    if (spool.out) {
      const out = spool.out;
      spool.out = null;
      await this.flush(out);
      out.end();
      await once(out, 'finish');
    }
    const lines = createInterface({ input: createReadStream(spool.file, { highWaterMark: 1 << 20 }), crlfDelay: Infinity });
    for await (const line of lines) if (line) yield JSON.parse(line) as T;
  }

  /** read() in arrays of `size` (the last one shorter). */
  async *batches(size: number): AsyncGenerator<T[]> {
    let batch: T[] = [];
    for await (const item of this.read()) {
      batch.push(item);
      if (batch.length >= size) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
  }

  close(): void {
    if (!this.spool) return;
    // Closed unread (a refused import): writes still buffered fail once the stream is destroyed, harmlessly.
    this.spool.out?.on('error', () => undefined).destroy();
    rmSync(this.spool.dir, { recursive: true, force: true });
    this.spool = null;
  }

  private open(): { dir: string; file: string; out: WriteStream } {
    const dir = mkdtempSync(join(tmpdir(), 'kizuna-import-'));
    const file = join(dir, 'records.ndjson');
    // Opened now, not lazily by the stream: a spool closed at once must not open a file in a removed folder.
    return { dir, file, out: createWriteStream(file, { fd: openSync(file, 'w') }) };
  }
}

/**
 * The items of `source`, asking for the next one as soon as the current one is handed out: while
 * the import waits for Neo4j to write a batch, the next batch is read and parsed from the spool
 * (at most one ahead, so memory stays at two batches).
 */
export async function* prefetched<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const it = source[Symbol.asyncIterator]();
  let next = it.next();
  for (;;) {
    const current = await next;
    if (current.done) return;
    next = it.next();
    // Seen here if the consumer stops early; awaited (and thrown) above otherwise.
    next.catch(() => undefined);
    yield current.value;
  }
}
