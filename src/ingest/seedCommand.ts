import type { Writable } from 'node:stream';
import type { Config } from '../config';
import { openStore } from '../store';
import { DatasetError, loadDatasetFile } from './load';
import { DEFAULT_SEED_FILE } from './seed';
import { importWithReport, requestFrom } from './import/command';

export interface SeedOptions {
  check?: boolean;
  file?: string;
  reset?: boolean;
}

const COLLECTIONS = ['sources', 'countries', 'institutions', 'labs', 'people', 'themes', 'materials', 'events', 'visits', 'papers', 'transfers'] as const;

/** `kizuna seed [--check]`; returns the exit code. Problems are printed with their paths, all of them. */
export async function runSeedCommand(config: Config, opts: SeedOptions, out: Writable): Promise<number> {
  const file = opts.file ?? config.seedFile ?? DEFAULT_SEED_FILE;
  let dataset;
  try {
    dataset = await loadDatasetFile(file);
  } catch (error) {
    if (!(error instanceof DatasetError)) throw error;
    out.write(`${file}: INVALID, ${error.problems.length} problem(s)\n`);
    for (const p of error.problems) out.write(`  ${p.path || '(root)'}: ${p.message}\n`);
    return 1;
  }
  out.write(`${file}: valid\n`);
  for (const c of COLLECTIONS) out.write(`  ${c.padEnd(13)} ${String(dataset[c].length).padStart(5)}\n`);
  if (opts.check) return 0;

  const store = await openStore(config.neo4j);
  try {
    // One import engine for seed and import: validated, batched, all or nothing; --reset replaces
    // the store's graph atomically (the old one stays until the new one is complete).
    const request = { ...requestFrom(config, {}), files: [file], mode: opts.reset ? ('reset' as const) : ('merge' as const) };
    const code = await importWithReport(store, request, out, process.stderr);
    if (code !== 0) return code;
    const counts = await store.counts();
    out.write(`seeded the ${store.kind} store\n`);
    out.write(`store now holds: ${Object.entries(counts.nodes).map(([l, n]) => `${l} ${n}`).join(', ')}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
