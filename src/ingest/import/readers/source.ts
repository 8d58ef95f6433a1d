import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { Readable } from 'node:stream';
import { csvKindOf, type CsvKind } from './csvColumns';

/** The file formats an import reads. */
export type ImportFormat = 'yaml' | 'json' | 'csv';

/**
 * One file of an import, wherever its bytes are: a path on disk (`kizuna import`) or text sent
 * with a request (`importDataset`). The readers take this, never a path, so both commands run
 * the one engine; `name` is what problems and the change log call the file.
 */
export interface ImportSource {
  name: string;
  /** null: not a format import reads (reported as a problem, with the name). */
  format: ImportFormat | null;
  /** For a CSV file: which record type (or attachment) its rows are; null when the name does not say. */
  csv: CsvKind | null;
  /** A fresh stream of the bytes from the start (each pass of an import opens one). */
  open(): Readable;
  /** The whole text (the YAML reader needs it: see yaml.ts). */
  text(): Promise<string>;
}

/** A file or a source already made: what `runImport` takes. */
export type ImportInput = string | ImportSource;

const FORMAT_OF_EXTENSION: Record<string, ImportFormat> = { '.yaml': 'yaml', '.yml': 'yaml', '.json': 'json', '.csv': 'csv' };

/** A file on disk: its format from its extension, a CSV file's record type from its name (people.csv). */
export function sourceFromPath(path: string): ImportSource {
  const format = FORMAT_OF_EXTENSION[extname(path).toLowerCase()] ?? null;
  return {
    name: path,
    format,
    csv: format === 'csv' ? csvKindOf(path) : null,
    open: () => createReadStream(path),
    text: () => readFile(path, 'utf8'),
  };
}

/** Text sent with a request; the caller says its format (and a CSV file's record type). */
export function sourceFromText(name: string, format: ImportFormat, content: string, csv: CsvKind | null = null): ImportSource {
  return {
    name,
    format,
    csv: format === 'csv' ? csv : null,
    // One chunk: the text is already in memory, bounded by the request's size limit.
    open: () => Readable.from([Buffer.from(content, 'utf8')]),
    text: async () => content,
  };
}

export function asSource(input: ImportInput): ImportSource {
  return typeof input === 'string' ? sourceFromPath(input) : input;
}

/** The names of an import's files, as given: what the change log and /ready show. */
export function sourceNames(inputs: readonly ImportInput[]): string[] {
  return inputs.map((i) => (typeof i === 'string' ? i : i.name));
}
