import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { isNode, LineCounter, parseDocument, parse as parseYaml, YAMLParseError, type Document } from 'yaml';
import type { Dataset } from '../domain/model';
import { validateDataset, type Problem } from './validate';

/** A data set that failed validation; carries every problem so the CLI can print them all. */
export class DatasetError extends Error {
  constructor(
    readonly file: string,
    readonly problems: Problem[],
  ) {
    super(`${file}: ${problems.length} problem(s) in the data set\n` + problems.map((p) => `  ${formatProblem(file, p)}`).join('\n'));
    this.name = 'DatasetError';
  }
}

/** `file:line:column  path (record id): message`, the form editors and terminals turn into links. */
export function formatProblem(file: string, p: Problem): string {
  const where = p.line ? `${file}:${p.line}:${p.column ?? 1}` : file;
  const record = p.record ? ` (${p.record})` : '';
  return `${where}  ${p.path || '(root)'}${record}: ${p.message}`;
}

/** Reads a data-set file (YAML or JSON, by extension) and validates it; problems carry line and column. */
export async function loadDatasetFile(file: string): Promise<Dataset> {
  return parseDatasetText(file, await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    // Reading a folder fails with EISDIR and no path; name the file so the message can.
    error.path ??= file;
    throw error;
  }));
}

export function parseDatasetText(file: string, text: string): Dataset {
  const json = extname(file).toLowerCase() === '.json';
  let document: unknown;
  try {
    document = json ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    const at = error instanceof YAMLParseError && error.linePos ? { line: error.linePos[0].line, column: error.linePos[0].col } : {};
    throw new DatasetError(file, [{ path: '', at: [], message: `not valid ${json ? 'JSON' : 'YAML'}: ${(error as Error).message}`, ...at }]);
  }
  const result = validateDataset(document);
  if (!result.ok) throw new DatasetError(file, locate(text, result.problems));
  return result.dataset;
}

/**
 * Line and column of each problem's value, from the YAML parser's node ranges (JSON is YAML, so
 * one parser serves both). A value that is missing is placed at its closest existing parent.
 * Only run when there are problems: a valid file is parsed once.
 */
function locate(text: string, problems: Problem[]): Problem[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  return problems.map((p) => {
    const offset = offsetOf(doc, p.at);
    if (offset === null) return p;
    const { line, col } = lineCounter.linePos(offset);
    return { ...p, line, column: col };
  });
}

function offsetOf(doc: Document, at: ReadonlyArray<string | number>): number | null {
  for (let depth = at.length; depth >= 0; depth -= 1) {
    const node = depth === 0 ? doc.contents : doc.getIn(at.slice(0, depth), true);
    if (isNode(node) && node.range) return node.range[0];
  }
  return null;
}
