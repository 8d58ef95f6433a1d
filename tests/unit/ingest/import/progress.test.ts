import { Writable } from 'node:stream';
import { progressReporter } from '../../../../src/ingest/import/progress';

function sink(isTTY: boolean): Writable & { isTTY: boolean; text(): string; columns: number } {
  const chunks: string[] = [];
  const out = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  }) as Writable & { isTTY: boolean; text(): string; columns: number; cursorTo?: unknown; clearLine?: unknown; moveCursor?: unknown };
  out.isTTY = isTTY;
  out.columns = 120;
  // What cli-progress calls on a terminal stream.
  out.cursorTo = () => true;
  out.clearLine = () => true;
  out.moveCursor = () => true;
  out.text = () => chunks.join('');
  return out;
}

describe('import progress', () => {
  it('without a terminal: a line per 10% of a phase with a total, a line per 100,000 records while the check pass counts', () => {
    const out = sink(false);
    const progress = progressReporter(out);
    for (let done = 5000; done <= 250_000; done += 5000) progress.update({ phase: 'check', done, total: 0 });
    for (let done = 1000; done <= 250_000; done += 1000) progress.update({ phase: 'nodes', done, total: 250_000 });
    progress.stop();
    const lines = out.text().trim().split('\n');
    expect(lines.filter((l) => l.startsWith('import: checked')).map((l) => l.replace(/ \(\d+ records\/s\)/, ''))).toEqual([
      'import: checked 100000 records',
      'import: checked 200000 records',
    ]);
    expect(lines.filter((l) => l.startsWith('import: records')).map((l) => l.split(' (')[0])).toEqual(
      Array.from({ length: 10 }, (_, i) => `import: records ${(i + 1) * 10}%`),
    );
  });

  it('on a terminal: the check pass shows a count and a rate, the write passes a bar with ETA', () => {
    const out = sink(true);
    const progress = progressReporter(out);
    progress.update({ phase: 'check', done: 5000, total: 0 });
    progress.update({ phase: 'check', done: 10000, total: 0 });
    progress.update({ phase: 'nodes', done: 10, total: 100 });
    progress.stop();
    const text = out.text();
    expect(text).toMatch(/checked\s+10000 records \| \d+ records\/s/);
    expect(text).not.toMatch(/checked.*ETA/);
    expect(text).toMatch(/records\s+\[.*\] 10% \| 10\/100 \| \d+ records\/s \| ETA/);
  });
});
