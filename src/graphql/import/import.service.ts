import type { Principal } from '../../auth/keys';
import { roleAtLeast } from '../../auth/roles';
import { badInput, forbidden } from '../../errors';
import { runLoggedImport, type LoggedImportResult } from '../../ingest/import/loggedImport';
import { formatProblem, type ImportProblem } from '../../ingest/import/problems';
import { sourceFromText, type ImportFormat, type ImportSource } from '../../ingest/import/readers';
import type { CsvKind } from '../../ingest/import/readers/csvColumns';
import { isCollection } from '../../ingest/import/records';
import type { GraphStore } from '../../store/port';

/**
 * `importDataset`: small files sent with the request, through the same engine as `kizuna import`
 * (ingest/import: validation, batches, all-or-nothing, summary, change log); only the bytes come
 * from the request instead of the disk. Big files belong to the command line: the request body
 * is held in memory whole, so the content is capped.
 */
export interface GraphqlImportSettings {
  /** Bytes of file content (UTF-8) one request may carry, all files together. */
  maxBytes: number;
  batchSize: number;
  transactionLimit: number;
}

export const DEFAULT_GRAPHQL_IMPORT: GraphqlImportSettings = { maxBytes: 4 * 2 ** 20, batchSize: 1000, transactionLimit: 20_000 };

/** One file of the request: its text, its format, and for CSV which record type its rows are. */
export interface ImportFileArgs {
  content: string;
  format: 'YAML' | 'JSON' | 'CSV';
  /** CSV only: a collection of the format (people, visits, …) or memberships / citations. */
  csvType?: string | null;
  /** What problems and the change log call the file; defaults to `upload-<n>.yaml`, `people.csv`, …. */
  name?: string | null;
}

export interface ImportDatasetOptions {
  dryRun: boolean;
  replace: boolean;
  cascade: boolean;
}

export async function importDataset(store: GraphStore, files: readonly ImportFileArgs[], options: ImportDatasetOptions, principal: Principal, settings: GraphqlImportSettings): Promise<LoggedImportResult> {
  if (options.replace && !roleAtLeast(principal.role, 'ADMIN')) {
    throw forbidden(`\`importDataset(replace: true)\` removes records and needs a key of role ADMIN; this key is ${principal.role}`);
  }
  if (options.cascade && !options.replace) throw badInput('`cascade` applies to `replace: true` only', { argumentName: 'cascade' });
  checkSize(files, settings.maxBytes);
  const sources = files.map(sourceOf);
  const result = await runLoggedImport(
    store,
    { files: sources, mode: options.replace ? 'replace' : 'merge', dryRun: options.dryRun, cascade: options.cascade, batchSize: settings.batchSize, transactionLimit: settings.transactionLimit },
    { keyName: principal.keyName, role: principal.role },
  );
  if (!result.ok) throw problemsError(result.problems);
  return result;
}

function checkSize(files: readonly ImportFileArgs[], maxBytes: number): void {
  if (files.length === 0) throw badInput('`files` is empty: send at least one file', { argumentName: 'files' });
  const actual = files.reduce((sum, f) => sum + Buffer.byteLength(f.content, 'utf8'), 0);
  if (actual > maxBytes) {
    throw badInput(
      `importDataset takes up to ${maxBytes} bytes of file content per request; these files have ${actual}. ` +
        'Import larger files on the server with `kizuna import FILE…` (it streams them, with a progress bar).',
      { argumentName: 'files', limit: 'IMPORT_SIZE', max: maxBytes, actual },
    );
  }
}

const FORMAT: Record<ImportFileArgs['format'], ImportFormat> = { YAML: 'yaml', JSON: 'json', CSV: 'csv' };

function sourceOf(file: ImportFileArgs, index: number): ImportSource {
  const format = FORMAT[file.format];
  if (format !== 'csv') {
    if (file.csvType) throw badInput(`files[${index}]: \`csvType\` is for CSV files only`, { argumentName: 'files' });
    return sourceFromText(file.name ?? `upload-${index + 1}.${format}`, format, file.content);
  }
  const kind = csvKindOfType(file.csvType);
  if (!kind) {
    throw badInput(`files[${index}]: a CSV file needs \`csvType\`: a record type of the data-set format (people, visits, …) or memberships / citations`, { argumentName: 'files' });
  }
  return sourceFromText(file.name ?? `${file.csvType!.toLowerCase()}.csv`, 'csv', file.content, kind);
}

function csvKindOfType(type: string | null | undefined): CsvKind | null {
  const word = type?.toLowerCase();
  if (!word) return null;
  if (word === 'memberships' || word === 'citations') return { kind: word };
  return isCollection(word) ? { kind: 'records', collection: word } : null;
}

/** Every problem of the import in one BAD_USER_INPUT, each with its file, line, column, record, field and reason. */
export function problemsError(problems: readonly ImportProblem[]) {
  const where = problems[0] ? ` (first: ${formatProblem(problems[0])})` : '';
  return badInput(`The import has ${problems.length} problem(s)${where}; nothing was written`, {
    problems: problems.map((p) => ({ file: p.file, line: p.line ?? null, column: p.column ?? null, record: p.recordId ?? null, field: p.field ?? null, reason: p.reason })),
  });
}
