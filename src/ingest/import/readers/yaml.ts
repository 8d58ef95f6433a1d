import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { isCollection, type Location } from '../records';
import type { ImportSource } from './source';
import type { ReadItem } from './types';

/**
 * A data-set file in YAML. The `yaml` package composes a whole document before it hands out any
 * node, so this reader holds the file's syntax tree while it yields records one by one: memory
 * grows with a YAML file (docs/benchmarks.md has the figure). JSON and CSV files stream.
 * In exchange every record and every field has its line and column.
 */
export async function* readYamlDataset(source: ImportSource): AsyncGenerator<ReadItem> {
  const file = source.name;
  const lineCounter = new LineCounter();
  const doc = parseDocument(await source.text(), { lineCounter, uniqueKeys: true, prettyErrors: false });
  const at = (node: Node | null | undefined): Location => {
    const offset = node?.range?.[0];
    if (offset === undefined) return { file };
    const pos = lineCounter.linePos(offset);
    return { file, line: pos.line, column: pos.col };
  };
  if (doc.errors.length) {
    for (const e of doc.errors) yield problem({ file, ...lineCol(lineCounter, e.pos[0]) }, `not valid YAML: ${e.message.split('\n')[0]}`);
    return;
  }
  const root = doc.contents;
  if (!isMap(root)) return yield problem(at(root), 'not a kizuna data set (expected a mapping with format: kizuna-dataset)');
  const header: Record<string, unknown> = {};
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const value = pair.value as Node | null;
    if (!isCollection(key)) {
      header[key] = value ? value.toJS(doc as Document) : null;
      continue;
    }
    if (value === null || (isScalar(value) && value.value === null)) continue;
    if (!isSeq(value)) {
      yield problem(at(value), `${key} must be a list`);
      continue;
    }
    for (const item of value.items as Node[]) {
      yield {
        kind: 'record',
        raw: {
          collection: key,
          value: item.toJS(doc as Document),
          at: at(item),
          fieldAt: (path) => {
            const node = isMap(item) || isSeq(item) ? (item.getIn(path as unknown[], true) as Node | undefined) : undefined;
            return node ? at(node) : undefined;
          },
        },
      };
    }
  }
  yield { kind: 'header', value: header, at: at(root) };
}

function lineCol(counter: LineCounter, offset: number): { line: number; column: number } {
  const pos = counter.linePos(offset);
  return { line: pos.line, column: pos.col };
}

function problem(at: Location, reason: string): ReadItem {
  return { kind: 'problem', problem: { ...at, reason } };
}
