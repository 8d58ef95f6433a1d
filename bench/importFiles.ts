import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { labelOfId } from '../src/domain/ids';
import type { DatasetInput } from '../src/domain/model';
import { validateDataset } from '../src/ingest/validate';
import { recordToGraph } from '../src/ingest/toGraph';
import { COLLECTION_ORDER } from '../src/ingest/import/records';
import { CSV_COLUMNS } from '../src/ingest/import/readers/csvColumns';
import type { Collection } from '../src/ingest/import/records';
import { relKey } from '../src/store/graph';

/**
 * Writes one generated data set twice: as kizuna's CSV files per record type (what `kizuna import`
 * reads) and as neo4j-admin's CSV files (nodes per label, relationships per type, with the same
 * properties and relationship keys the import writes), so both tools load the same graph.
 */
export async function writeBenchFiles(input: DatasetInput, dir: string): Promise<{ kizuna: string[]; admin: { nodes: string[]; rels: string[] }; records: number; entities: number }> {
  const result = validateDataset(input);
  if (!result.ok) throw new Error(`generated data set is invalid: ${JSON.stringify(result.problems.slice(0, 3))}`);
  const ds = result.dataset;
  mkdirSync(join(dir, 'kizuna'), { recursive: true });
  mkdirSync(join(dir, 'admin'), { recursive: true });
  const kizuna: string[] = [];
  const nodeFiles = new Map<string, CsvOut>();
  const relFiles = new Map<string, CsvOut>();
  let records = 0;
  let entities = 0;
  for (const collection of COLLECTION_ORDER) {
    const rows = ds[collection] as Array<Record<string, unknown>>;
    if (!rows.length) continue;
    const columns = Object.keys(CSV_COLUMNS[collection]);
    const file = join(dir, 'kizuna', `${collection}.csv`);
    const out = csvOut(file, columns);
    kizuna.push(file);
    for (const record of rows) {
      records += 1;
      await out.write(columns.map((c) => cell(collection, record, c)));
      const graph = recordToGraph(collection, record as never);
      for (const node of graph.nodes) {
        entities += 1;
        const keys = Object.keys(node.props).filter((k) => node.props[k] !== null).sort();
        const slot = `${node.label}|${keys.join(',')}`;
        let nodesOut = nodeFiles.get(slot);
        if (!nodesOut) nodeFiles.set(slot, (nodesOut = csvOut(join(dir, 'admin', `nodes-${node.label}-${nodeFiles.size}.csv`), ['id:ID', ...keys.map((k) => adminHeader(k, node.props[k])), ':LABEL'])));
        await nodesOut.write([node.id, ...keys.map((k) => adminValue(node.props[k])), node.label]);
      }
      for (const rel of graph.rels) {
        entities += 1;
        const keys = Object.keys(rel.props).filter((k) => rel.props[k] !== null).sort();
        const slot = `${rel.type}|${keys.join(',')}`;
        let relsOut = relFiles.get(slot);
        if (!relsOut) relFiles.set(slot, (relsOut = csvOut(join(dir, 'admin', `rels-${rel.type}-${relFiles.size}.csv`), [':START_ID', ':END_ID', ':TYPE', 'key', ...keys.map((k) => adminHeader(k, rel.props[k]))])));
        await relsOut.write([rel.from, rel.to, rel.type, relKey(rel), ...keys.map((k) => adminValue(rel.props[k]))]);
      }
    }
    await out.end();
  }
  for (const o of [...nodeFiles.values(), ...relFiles.values()]) await o.end();
  return { kizuna, admin: { nodes: [...nodeFiles.values()].map((o) => o.file), rels: [...relFiles.values()].map((o) => o.file) }, records, entities };
}

function cell(collection: Collection, record: Record<string, unknown>, column: string): string {
  if (collection === 'people' && (column === 'labs' || column === 'institutions')) {
    const key = column === 'labs' ? 'lab' : 'institution';
    return ((record.memberships as Array<Record<string, string>>) ?? []).flatMap((m) => (m[key] ? [m[key]] : [])).join(';');
  }
  const value = record[column];
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : (v as { source: string }).source)).join(';');
  return String(value);
}

function adminHeader(key: string, value: unknown): string {
  if (Array.isArray(value)) return `${key}:string[]`;
  if (typeof value === 'boolean') return `${key}:boolean`;
  if (typeof value === 'number') return Number.isInteger(value) ? `${key}:long` : `${key}:double`;
  return key;
}

function adminValue(value: unknown): string {
  return Array.isArray(value) ? value.join(';') : String(value);
}

interface CsvOut {
  file: string;
  write(row: unknown[]): Promise<void>;
  end(): Promise<void>;
}

function csvOut(file: string, header: string[]): CsvOut {
  const stream = createWriteStream(file);
  const csv = stringify({ header: true, columns: header });
  csv.pipe(stream);
  return {
    file,
    write: async (row) => {
      if (!csv.write(row)) await new Promise((resolve) => csv.once('drain', resolve));
    },
    end: async () => {
      csv.end();
      await finished(stream);
    },
  };
}

export { labelOfId };
