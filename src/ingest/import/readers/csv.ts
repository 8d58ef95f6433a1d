import { parse } from 'csv-parse';
import type { Citation, MembershipRecord } from '../../../domain/model';
import type { Location } from '../records';
import { cellValue, CSV_COLUMNS, type Columns, type CsvKind } from './csvColumns';
import type { ImportSource } from './source';
import type { ReadItem } from './types';

/** One parsed CSV row: its cells by column, and where each column sits. */
export interface CsvRow {
  values: Record<string, unknown>;
  at: Location;
  columnOf: (field: string) => number | undefined;
}

/**
 * Streams a CSV file row by row (csv-parse, RFC 4180: quoted cells may hold commas, quotes and
 * line breaks; a UTF-8 BOM is skipped, as spreadsheets write one). The header must name known
 * columns only; rows come back as typed cell values with their line.
 */
export async function* readCsvRows(source: ImportSource, columns: Columns, required: string): AsyncGenerator<CsvRow | { problem: Location & { reason: string } }> {
  const file = source.name;
  const parser = source.open().pipe(parse({ bom: true, info: true, skip_empty_lines: true, relax_quotes: false }));
  let header: string[] | null = null;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!header) {
        header = record.map((h) => h.trim());
        const problems = headerProblems(file, header, columns, required);
        if (problems.length) {
          for (const p of problems) yield { problem: p };
          return;
        }
        continue;
      }
      const values: Record<string, unknown> = {};
      header.forEach((name, i) => {
        const value = cellValue(columns[name], record[i] ?? '');
        if (value !== undefined) values[name] = value;
      });
      const cols = header;
      yield { values, at: { file, line: info.lines, column: 1 }, columnOf: (field) => (cols.includes(field) ? cols.indexOf(field) + 1 : undefined) };
    }
  } catch (error) {
    const e = error as Error & { lines?: number };
    yield { problem: { file, line: e.lines, reason: `not valid CSV: ${e.message}` } };
  }
}

function headerProblems(file: string, header: string[], columns: Columns, required: string) {
  const problems: Array<Location & { reason: string }> = [];
  header.forEach((name, i) => {
    if (!(name in columns)) problems.push({ file, line: 1, column: i + 1, reason: `unknown column "${name}" (known: ${Object.keys(columns).join(', ')})` });
    else if (header.indexOf(name) !== i) problems.push({ file, line: 1, column: i + 1, reason: `column "${name}" appears twice` });
  });
  if (!header.includes(required)) problems.push({ file, line: 1, reason: `the header has no "${required}" column` });
  return problems;
}

/** Memberships and citations from memberships.csv / citations.csv, by the id of the record they belong to. */
export interface Attachments {
  memberships: Map<string, Array<Record<string, unknown>>>;
  citations: Map<string, Citation[]>;
}

export function emptyAttachments(): Attachments {
  return { memberships: new Map(), citations: new Map() };
}

/**
 * Reads a CSV file of records. People get their `labs`/`institutions` columns and memberships.csv
 * rows as memberships; every record gets its `sources` column and citations.csv rows as citations.
 */
export async function* readCsvRecords(source: ImportSource, kind: Extract<CsvKind, { kind: 'records' }>, attachments: Attachments): AsyncGenerator<ReadItem> {
  const { collection } = kind;
  for await (const row of readCsvRows(source, CSV_COLUMNS[collection], 'id')) {
    if ('problem' in row) {
      yield { kind: 'problem', problem: row.problem };
      continue;
    }
    const value = { ...row.values };
    const id = typeof value.id === 'string' ? value.id : '';
    if (collection === 'people') attachMemberships(value, attachments.memberships.get(id));
    const citations = attachments.citations.get(id);
    if (citations) value.sources = [...((value.sources as Citation[] | undefined) ?? []), ...citations];
    const fieldAt = (path: ReadonlyArray<PropertyKey>): Location | undefined => {
      const first = String(path[0] ?? '');
      const column = row.columnOf(first === 'memberships' ? 'labs' : first);
      return column === undefined ? undefined : { ...row.at, column };
    };
    yield { kind: 'record', raw: { collection, value, at: row.at, fieldAt } };
  }
}

function attachMemberships(value: Record<string, unknown>, extra: Array<Record<string, unknown>> | undefined): void {
  const labs = (value.labs as string[] | undefined) ?? [];
  const institutions = (value.institutions as string[] | undefined) ?? [];
  delete value.labs;
  delete value.institutions;
  const memberships: Array<Partial<MembershipRecord> | Record<string, unknown>> = [
    ...labs.map((lab) => ({ lab })),
    ...institutions.map((institution) => ({ institution })),
    ...(extra ?? []),
  ];
  if (memberships.length) value.memberships = memberships;
}
