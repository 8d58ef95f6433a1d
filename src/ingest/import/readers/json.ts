import { TokenParser, Tokenizer, TokenType } from '@streamparser/json';
import { isCollection, type Location } from '../records';
import type { ImportSource } from './source';
import type { ReadItem } from './types';

/**
 * A data-set file in JSON, streamed: a tokenizer reads the bytes chunk by chunk and a token parser
 * builds one record at a time (`$.<collection>.*`), dropping it once handed out, so memory stays
 * flat however large the file. Each record's line and column are those of its opening brace
 * (fields inside a record are reported by path, not by their own line).
 */
export async function* readJsonDataset(source: ImportSource): AsyncGenerator<ReadItem> {
  const file = source.name;
  const lines = new LineTracker();
  const ready: ReadItem[] = [];
  const header: Record<string, unknown> = {};
  /** Byte offsets of the containers currently open, and the start of the one that closed last. */
  const open: number[] = [];
  let lastStart = 0;
  const tokenizer = new Tokenizer();
  // Not '$.*': asking for a whole collection would make the parser keep every record of it.
  const parser = new TokenParser({ paths: ['$.format', '$.version', '$.meta', '$.*.*'], keepStack: false });
  tokenizer.onToken = (token) => {
    if (token.token === TokenType.LEFT_BRACE || token.token === TokenType.LEFT_BRACKET) open.push(token.offset);
    else if (token.token === TokenType.RIGHT_BRACE || token.token === TokenType.RIGHT_BRACKET) lastStart = open.pop() ?? 0;
    else lastStart = token.offset;
    parser.write(token);
  };
  parser.onValue = ({ value, key, stack }) => {
    const depth = stack.length;
    if (depth === 1 && typeof key === 'string') header[key] = value;
    else if (depth === 2) {
      const collection = String(stack[1].key);
      if (isCollection(collection)) ready.push({ kind: 'record', raw: { collection, value, at: { file, ...lines.at(lastStart) } } });
      // An unknown top-level list: flagged by the header's strict schema.
      else if (collection !== 'meta') header[collection] = header[collection] ?? [];
    }
  };
  parser.onEnd = () => undefined;
  try {
    for await (const chunk of source.open()) {
      lines.feed(chunk as Buffer);
      tokenizer.write(chunk as Buffer);
      yield* ready.splice(0);
    }
    tokenizer.end();
    yield* ready.splice(0);
  } catch (error) {
    yield* ready.splice(0);
    yield { kind: 'problem', problem: { file, ...lines.at(lines.bytes), reason: `not valid JSON: ${(error as Error).message}` } };
    return;
  }
  yield { kind: 'header', value: header, at: { file, line: 1, column: 1 } };
}

/**
 * Byte offset → line and column, for offsets that only move forward (records come in file
 * order): keeps the newline positions not yet passed, never the whole file.
 */
class LineTracker {
  bytes = 0;
  private line = 1;
  private lineStart = 0;
  private pending: number[] = [];
  private next = 0;

  feed(chunk: Buffer): void {
    if (this.next > 4096) {
      this.pending = this.pending.slice(this.next);
      this.next = 0;
    }
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) this.pending.push(this.bytes + i);
    this.bytes += chunk.length;
  }

  at(offset: number): Required<Pick<Location, 'line' | 'column'>> {
    while (this.next < this.pending.length && this.pending[this.next] < offset) {
      this.lineStart = this.pending[this.next++] + 1;
      this.line += 1;
    }
    return { line: this.line, column: offset - this.lineStart + 1 };
  }
}
