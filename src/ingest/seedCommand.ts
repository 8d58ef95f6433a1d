import type { Writable } from 'node:stream';
import type { Config } from '../config';
import { LABELS } from '../domain/ids';
import type { Dataset } from '../domain/model';
import { openStore } from '../store';
import type { GraphStore } from '../store/port';
import { describeExtraRecords, extraRecords, totalOf } from './extraRecords';
import { DatasetError, formatProblem, loadDatasetFile } from './load';
import { DEFAULT_SEED_FILE } from './seed';
import { datasetToGraph } from './toGraph';
import { importWithReport, requestFrom } from './import/command';

export interface SeedOptions {
  check?: boolean;
  file?: string;
  reset?: boolean;
  /** A store holding records that are not in the data set is an error, not a warning. */
  strict?: boolean;
}

export interface SeedIO {
  out: Writable;
  err: Writable;
  /** Opens the configured store; tests pass their own. */
  openStore?: (neo4j: Config['neo4j']) => Promise<GraphStore>;
}

const COLLECTIONS = ['sources', 'countries', 'institutions', 'labs', 'people', 'themes', 'materials', 'events', 'visits', 'papers', 'transfers'] as const;

/**
 * `kizuna seed [--check] [--file F] [--reset] [--strict]`; returns the exit code: 0 done,
 * 1 an invalid file (every problem on stderr, with line and column) or, with --strict, a store
 * holding records that are not in the data set (nothing is written then).
 */
export async function runSeedCommand(config: Config, opts: SeedOptions, io: SeedIO): Promise<number> {
  const file = opts.file ?? config.seedFile ?? DEFAULT_SEED_FILE;
  let dataset: Dataset;
  try {
    dataset = await loadDatasetFile(file);
  } catch (error) {
    if (!(error instanceof DatasetError)) throw error;
    io.err.write(`${file}: INVALID, ${error.problems.length} problem(s)\n`);
    for (const p of error.problems) io.err.write(`  ${formatProblem(file, p)}\n`);
    return 1;
  }
  io.out.write(`${file}: valid\n`);
  for (const c of COLLECTIONS) io.out.write(`  ${c.padEnd(13)} ${String(dataset[c].length).padStart(5)}\n`);
  if (opts.check) return 0;

  const store = await (io.openStore ?? openStore)(config.neo4j);
  try {
    return await seedInto(store, dataset, file, config, opts, io);
  } finally {
    await store.close();
  }
}

async function seedInto(store: GraphStore, dataset: Dataset, file: string, config: Config, opts: SeedOptions, io: SeedIO): Promise<number> {
  const where = config.neo4j ? `the Neo4j store at ${config.neo4j.uri}` : `the ${store.kind} store`;
  if (!opts.reset) {
    const graph = datasetToGraph(dataset);
    const extra = await extraRecords(store, graph);
    if (totalOf(extra) > 0) {
      const held = `${where} holds ${totalOf(extra)} record(s) that are not in ${file} (${describeExtraRecords(extra)})`;
      if (opts.strict) {
        io.err.write(`kizuna seed: ${held}; nothing was written (--strict). Run \`kizuna seed --reset\` to empty the store and seed only this data set.\n`);
        return 1;
      }
      io.err.write(`warning: ${held}; every answer will include them. Run \`kizuna seed --reset\` to keep only this data set (or --strict to make this an error).\n`);
    }
  }
  // One import engine for seed and import: validated, batched, all or nothing. --reset replaces the
  // graph atomically: the old one stays until the new one is complete (and after a crash).
  const request = { ...requestFrom(config, {}), files: [file], mode: opts.reset ? ('reset' as const) : ('merge' as const) };
  const progressTo = (io.err as Writable & { isTTY?: boolean }).isTTY ? io.err : null;
  const code = await importWithReport(store, request, io.out, progressTo);
  if (code !== 0) return code;
  const counts = await store.counts();
  io.out.write(`seeded ${where}\n`);
  io.out.write(`store now holds: ${LABELS.filter((l) => counts.nodes[l]).map((l) => `${l} ${counts.nodes[l]}`).join(', ')}\n`);
  if (store.kind === 'memory') {
    io.out.write(
      'note: NEO4J_URI is not set, so this seeded an in-process store that is gone now that the command exits: nothing was kept.\n' +
        '      `kizuna serve` (npm start) seeds its own in-process store at start and needs no seeding. To keep the data in Neo4j,\n' +
        '      start one (npm run neo4j:start) and run: NEO4J_URI=bolt://127.0.0.1:7687 NEO4J_PASSWORD=kizuna-dev-password npx kizuna seed\n',
    );
  }
  return 0;
}
