import { createReadStream, createWriteStream, mkdtempSync, openSync, rmSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { RecordChange } from './diff';

/**
 * An import's change entries on their way to the change log: they may only be appended once the
 * import has committed (a rolled-back import leaves none), and a large import has as many of
 * them as records, each listing every field. Held in memory they were the importer's largest
 * allocation; spooled to a temporary file (one JSON line each) and read back in batches at the
 * end, memory stays flat however many there are. The folder is private to the process and
 * removed when the spool is closed.
 */
export class ChangeSpool {
  /** Made at the first change: an import that changes nothing (or is refused) touches no disk. */
  private spool: { dir: string; file: string; out: WriteStream } | null = null;
  count = 0;

  /** The spool's folder while it has one (null before the first change and after close). */
  get folder(): string | null {
    return this.spool?.dir ?? null;
  }

  async add(changes: readonly RecordChange[]): Promise<void> {
    for (const change of changes) {
      const { out } = (this.spool ??= this.open());
      this.count += 1;
      if (!out.write(`${JSON.stringify(change)}\n`)) await once(out, 'drain');
    }
  }

  /** The spooled changes in the order they were added (call once, after the last add). */
  async *read(): AsyncGenerator<RecordChange> {
    if (!this.spool) return;
    const { out, file } = this.spool;
    out.end();
    await once(out, 'finish');
    const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
    for await (const line of lines) if (line) yield JSON.parse(line) as RecordChange;
  }

  close(): void {
    if (!this.spool) return;
    this.spool.out.destroy();
    rmSync(this.spool.dir, { recursive: true, force: true });
    this.spool = null;
  }

  private open(): { dir: string; file: string; out: WriteStream } {
    const dir = mkdtempSync(join(tmpdir(), 'kizuna-import-changes-'));
    const file = join(dir, 'changes.ndjson');
    // Opened now, not lazily by the stream: a spool closed at once must not open a file in a removed folder.
    return { dir, file, out: createWriteStream(file, { fd: openSync(file, 'w') }) };
  }
}
