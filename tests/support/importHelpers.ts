import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { LABELS } from '../../src/domain/ids';
import { runImport, type ImportRequest, type ImportResult } from '../../src/ingest/import/engine';
import type { GraphStore } from '../../src/store/port';

/** A temp folder for a test's import files; never a folder a user's commands use. */
export function tempDir(prefix = 'kizuna-import-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function writeYaml(dir: string, name: string, value: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, stringify(value));
  return file;
}

export function importFiles(store: GraphStore, files: string[], extra: Partial<ImportRequest> = {}): Promise<ImportResult> {
  return runImport(store, { files, mode: 'merge', batchSize: 25, transactionLimit: 20_000, ...extra });
}

/**
 * A snapshot without the records' versions: they count every change since a record was first
 * written (history, not content), so two stores that reached the same graph by different routes differ in them.
 */
export function withoutVersions(snapshot: readonly string[]): string[] {
  return snapshot.map((line) => line.replace(/,?"version":\d+/, ''));
}

/** The whole graph as sorted text: every node's props and every relationship with its props. */
export async function graphSnapshot(store: GraphStore): Promise<string[]> {
  const lines: string[] = [];
  for (const label of LABELS) {
    let after: string | null = null;
    for (;;) {
      const ids = await store.recordIds({ kind: 'all' }, label, after, 500);
      if (!ids.length) break;
      after = ids[ids.length - 1];
      for (const state of await store.recordStates(ids, { allRels: true })) {
        if (!state) continue;
        lines.push(`${state.id} ${canonical(state.props)}`);
        for (const r of state.rels) if (r.from === state.id) lines.push(`${r.from} -${r.type}-> ${r.to} ${canonical(r.props)}`);
      }
    }
  }
  return lines.sort();
}

function canonical(props: Record<string, unknown>): string {
  return JSON.stringify(Object.fromEntries(Object.keys(props).sort().map((k) => [k, props[k]])));
}

/** Counts of one kind per collection, leaving out collections where it is 0. */
export function countsOf(result: ImportResult, kind: 'created' | 'updated' | 'unchanged' | 'deleted'): Record<string, number> {
  return Object.fromEntries(Object.entries(result.summary).filter(([, s]) => s[kind] > 0).map(([c, s]) => [c, s[kind]]));
}
