import type { ImportProblem } from '../problems';
import { COLLECTION_ORDER } from '../records';
import { CITATION_COLUMNS, MEMBERSHIP_COLUMNS, REQUIRED_COLUMN } from './csvColumns';
import { emptyAttachments, readCsvRecords, readCsvRows, type Attachments } from './csv';
import { readJsonDataset } from './json';
import { asSource, type ImportInput, type ImportSource } from './source';
import type { Reader } from './types';
import { readYamlDataset } from './yaml';

export type { ReadItem, Reader } from './types';
export { sourceFromPath, sourceFromText, sourceNames, type ImportFormat, type ImportInput, type ImportSource } from './source';

/** The files of one import, each with a reader that can be run again from the start. */
export interface ImportFiles {
  readers: Array<{ file: string; read: Reader }>;
  /** Attachment rows (memberships.csv, citations.csv) by record id, with the place of each row. */
  attachments: Attachments;
  attachmentRows: Map<string, ImportProblem>;
  problems: ImportProblem[];
}

/**
 * Sorts an import's files by kind: data-set files (.yaml, .yml, .json) and CSV files named after
 * their record type. memberships.csv and citations.csv are read here, whole (they hold a few
 * columns per row), so that the record files can stream with their rows attached.
 */
export async function openImportFiles(inputs: readonly ImportInput[]): Promise<ImportFiles> {
  const result: ImportFiles = { readers: [], attachments: emptyAttachments(), attachmentRows: new Map(), problems: [] };
  for (const source of inWriteOrder(inputs.map(asSource))) {
    const file = source.name;
    if (source.format === 'yaml') result.readers.push({ file, read: () => readYamlDataset(source) });
    else if (source.format === 'json') result.readers.push({ file, read: () => readJsonDataset(source) });
    else if (source.format === 'csv') {
      const kind = source.csv;
      if (!kind) result.problems.push({ file, reason: 'a CSV file is named after its record type: people.csv, visits.csv, … (docs/dataset-format.md)' });
      else if (kind.kind === 'records') result.readers.push({ file, read: () => readCsvRecords(source, kind, result.attachments) });
      else await loadAttachment(source, kind.kind, result);
    } else result.problems.push({ file, reason: 'unknown file type: import reads .yaml, .yml, .json and .csv files' });
  }
  return result;
}

/**
 * Data-set files first, as given, then CSV files in the format's collection order (a record's
 * targets come before it): read in this order, a new record's relationships can mostly be written
 * with its node (engine.ts writtenBy), whatever order the shell listed `*.csv` in.
 */
function inWriteOrder(sources: ImportSource[]): ImportSource[] {
  const rank = (s: ImportSource) => (s.csv?.kind === 'records' ? COLLECTION_ORDER.indexOf(s.csv.collection) : -1);
  return sources.map((source, i) => ({ source, i })).sort((a, b) => rank(a.source) - rank(b.source) || a.i - b.i).map((x) => x.source);
}

async function loadAttachment(source: ImportSource, kind: 'memberships' | 'citations', into: ImportFiles): Promise<void> {
  const columns = kind === 'memberships' ? MEMBERSHIP_COLUMNS : CITATION_COLUMNS;
  const owner = REQUIRED_COLUMN[kind];
  for await (const row of readCsvRows(source, columns, owner)) {
    if ('problem' in row) {
      into.problems.push(row.problem);
      continue;
    }
    const { [owner]: id, ...rest } = row.values;
    if (typeof id !== 'string') {
      into.problems.push({ ...row.at, field: owner, reason: `every row names its record in "${owner}"` });
      continue;
    }
    const map = (kind === 'memberships' ? into.attachments.memberships : into.attachments.citations) as Map<string, unknown[]>;
    map.set(id, [...(map.get(id) ?? []), rest]);
    if (!into.attachmentRows.has(id)) into.attachmentRows.set(id, { ...row.at, recordId: id, reason: `${kind}.csv names ${id}, which no record file of this import defines` });
  }
}
