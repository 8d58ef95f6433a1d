import { SingleBar } from 'cli-progress';
import type { Writable } from 'node:stream';
import type { ImportProgress } from './engine';

export interface ProgressReporter {
  update(progress: ImportProgress): void;
  stop(): void;
}

const PHASE_NAMES: Record<ImportProgress['phase'], string> = { check: 'checked', nodes: 'records', relationships: 'relationships', deletions: 'removals' };

/** Without a total (the check pass), a plain line each time this many more records are counted. */
const LINE_EVERY_UNKNOWN = 100_000;

/**
 * Import progress: on a terminal a cli-progress bar per phase with records/s and ETA; elsewhere
 * (CI logs, a pipe) one plain line each time a phase passes another 10%, so logs stay short. The
 * check pass has no total yet (it is counting): a count with records/s, and a line per 100,000.
 */
export function progressReporter(out: Writable & { isTTY?: boolean }): ProgressReporter {
  return out.isTTY ? new BarProgress(out) : new LineProgress(out);
}

class BarProgress implements ProgressReporter {
  private bar: SingleBar | null = null;
  private phase: string | null = null;

  constructor(private readonly out: Writable) {}

  update(p: ImportProgress): void {
    if (p.phase !== this.phase) {
      this.bar?.stop();
      this.phase = p.phase;
      const counting = p.total <= 0;
      this.bar = new SingleBar({
        stream: this.out as NodeJS.WritableStream,
        format: counting
          ? `${PHASE_NAMES[p.phase].padEnd(13)} {value} records | {rate} records/s`
          : `${PHASE_NAMES[p.phase].padEnd(13)} [{bar}] {percentage}% | {value}/{total} | {rate} records/s | ETA {eta_formatted}`,
        etaBuffer: 20,
        hideCursor: true,
      });
      this.bar.start(Math.max(p.total, 1), 0, { rate: 0 });
      this.startedAt = Date.now();
    }
    const seconds = (Date.now() - this.startedAt) / 1000;
    this.bar!.update(p.done, { rate: seconds > 0 ? Math.round(p.done / seconds) : 0 });
  }

  private startedAt = Date.now();

  stop(): void {
    this.bar?.stop();
  }
}

class LineProgress implements ProgressReporter {
  private phase: string | null = null;
  /** The next tenth (a phase with a total) or hundred-thousand (while counting) worth a line. */
  private nextMark = 1;
  private startedAt = Date.now();

  constructor(private readonly out: Writable) {}

  update(p: ImportProgress): void {
    if (p.phase !== this.phase) {
      this.phase = p.phase;
      this.nextMark = 1;
      this.startedAt = Date.now();
    }
    const rate = () => Math.round(p.done / Math.max(0.001, (Date.now() - this.startedAt) / 1000));
    if (p.total <= 0) {
      const step = Math.floor(p.done / LINE_EVERY_UNKNOWN);
      if (step < this.nextMark) return;
      this.nextMark = step + 1;
      this.out.write(`import: ${PHASE_NAMES[p.phase]} ${p.done} records (${rate()} records/s)\n`);
      return;
    }
    const tenth = Math.floor((p.done * 10) / p.total);
    if (tenth < this.nextMark) return;
    this.nextMark = tenth + 1;
    this.out.write(`import: ${PHASE_NAMES[p.phase]} ${tenth * 10}% (${p.done}/${p.total}, ${rate()} records/s)\n`);
  }

  stop(): void {}
}
