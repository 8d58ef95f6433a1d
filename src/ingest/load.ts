import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Dataset } from '../domain/model';
import { validateDataset, type Problem } from './validate';

/** A data set that failed validation; carries every problem so the CLI can print them all. */
export class DatasetError extends Error {
  constructor(
    readonly file: string,
    readonly problems: Problem[],
  ) {
    super(`${file}: ${problems.length} problem(s) in the data set\n` + problems.map((p) => `  ${p.path || '(root)'}: ${p.message}`).join('\n'));
    this.name = 'DatasetError';
  }
}

/** Reads a data-set file (YAML or JSON, by extension) and validates it. */
export async function loadDatasetFile(file: string): Promise<Dataset> {
  const text = await readFile(file, 'utf8');
  let document: unknown;
  try {
    document = extname(file) === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new DatasetError(file, [{ path: '', message: `not valid ${extname(file) === '.json' ? 'JSON' : 'YAML'}: ${(error as Error).message}` }]);
  }
  const result = validateDataset(document);
  if (!result.ok) throw new DatasetError(file, result.problems);
  return result.dataset;
}
