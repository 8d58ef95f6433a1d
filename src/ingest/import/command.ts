import type { Writable } from 'node:stream';
import type { Config } from '../../config';
import { openStore } from '../../store';
import type { GraphStore } from '../../store/port';
import type { ChangeActor } from '../../store/changes';
import type { RecordChange } from './diff';
import type { ImportRequest, ImportResult } from './engine';
import { runLoggedImport } from './loggedImport';
import { formatProblem } from './problems';
import { progressReporter } from './progress';
import { COLLECTION_ORDER } from './records';
import { localActor } from './changeLog';
import { restartWithHeapCap } from './heapCap';

export interface ImportCommandOptions {
  replace?: boolean;
  cascade?: boolean;
  dryRun?: boolean;
  batchSize?: string;
  transactionLimit?: string;
  concurrency?: string;
  /** How many changed records a dry run lists (the summary always counts them all). */
  show?: string;
}

/** `kizuna import FILE…`: returns the exit code (1 when any record is bad: then nothing is written). */
export async function runImportCommand(config: Config, files: string[], opts: ImportCommandOptions, out: Writable & { isTTY?: boolean }, err: Writable & { isTTY?: boolean }): Promise<number> {
  if (opts.cascade && !opts.replace) throw new ImportOptionError('--cascade applies to --replace only');
  const store = await openStore(config.neo4j);
  try {
    return await importWithReport(store, { ...requestFrom(config, opts), files, mode: opts.replace ? 'replace' : 'merge', cascade: opts.cascade }, out, err, Number(opts.show ?? 50));
  } finally {
    await store.close();
  }
}

export function requestFrom(config: Config, opts: Pick<ImportCommandOptions, 'dryRun' | 'batchSize' | 'transactionLimit' | 'concurrency'>): Omit<ImportRequest, 'files' | 'mode'> {
  return {
    dryRun: opts.dryRun,
    batchSize: positive(opts.batchSize, '--batch-size') ?? config.importBatchSize,
    transactionLimit: positive(opts.transactionLimit, '--transaction-limit') ?? config.importTransactionLimit,
    concurrency: atMost(16, positive(opts.concurrency, '--concurrency'), '--concurrency') ?? config.importConcurrency,
  };
}

/** Runs an import and prints its problems, or (dry run) its changes, and its summary per type. */
export async function importWithReport(store: GraphStore, request: ImportRequest, out: Writable, progressTo: (Writable & { isTTY?: boolean }) | null, show = 50, actor: ChangeActor = localActor()): Promise<number> {
  const progress = request.dryRun || !progressTo ? null : progressReporter(progressTo);
  let listed = 0;
  const listChanges = (changes: RecordChange[]) => {
    for (const c of changes) {
      if (c.kind === 'unchanged' || listed >= show) continue;
      listed += 1;
      out.write(`  ${c.kind.padEnd(9)} ${c.id}${c.kind === 'updated' ? `: ${c.fields.map((f) => f.name).join(', ')}` : ''}\n`);
    }
  };
  const started = Date.now();
  let result: ImportResult;
  try {
    result = await runLoggedImport(store, { ...request, onProgress: (p) => progress?.update(p), onChanges: request.dryRun ? listChanges : request.onChanges }, actor);
  } finally {
    progress?.stop();
  }
  if (!result.ok) {
    for (const p of result.problems) out.write(`${formatProblem(p)}\n`);
    out.write(`${result.problems.length} problem(s)${result.problems.length >= 1000 ? ' (first 1000 shown)' : ''}; nothing was written\n`);
    return 1;
  }
  const seconds = (Date.now() - started) / 1000;
  out.write(summaryTable(result));
  out.write(
    request.dryRun
      ? `dry run: ${result.records} records checked against the ${store.kind} store; nothing was written\n`
      : `imported ${result.records} records into the ${store.kind} store (${result.mode}) in ${seconds.toFixed(1)} s, ${Math.round(result.records / Math.max(seconds, 0.001))} records/s\n`,
  );
  out.write(`phases: ${Object.entries(result.timings).map(([phase, ms]) => `${phase} ${(ms / 1000).toFixed(1)} s`).join(', ')}\n`);
  return 0;
}

export function summaryTable(result: ImportResult): string {
  const rows = COLLECTION_ORDER.filter((c) => Object.values(result.summary[c]).some((n) => n > 0));
  const head = `${'type'.padEnd(13)} ${'created'.padStart(8)} ${'updated'.padStart(8)} ${'unchanged'.padStart(10)} ${'deleted'.padStart(8)}\n`;
  return head + rows.map((c) => {
    const s = result.summary[c];
    return `${c.padEnd(13)} ${String(s.created).padStart(8)} ${String(s.updated).padStart(8)} ${String(s.unchanged).padStart(10)} ${String(s.deleted).padStart(8)}\n`;
  }).join('');
}

function positive(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new ImportOptionError(`${name} must be a positive whole number, not "${value}"`);
  return n;
}

function atMost(limit: number, value: number | undefined, name: string): number | undefined {
  if (value !== undefined && value > limit) throw new ImportOptionError(`${name} must be at most ${limit}, not ${value}`);
  return value;
}

export class ImportOptionError extends Error {
  override name = 'ImportOptionError';
}

/** Registers `kizuna import` on the command line program. */
export function registerImportCommand(program: import('commander').Command): void {
  program
    .command('import')
    .description('Import data-set files (.yaml/.json) or CSV files per record type: every record is validated first, then all are written or none')
    .argument('<files...>', 'data-set files and/or CSV files (people.csv, visits.csv, …; docs/dataset-format.md)')
    .option('--replace', "also remove the stored records that the files' documents no longer state")
    .option('--cascade', "with --replace: records outside the files that refer to a removed record lose the reference (without it, such a reference stops the import)")
    .option('--dry-run', 'print what would change and write nothing')
    .option('--batch-size <n>', 'records per write statement (KIZUNA_IMPORT_BATCH_SIZE, default 1000)')
    .option('--transaction-limit <n>', 'Neo4j: largest import run as one transaction; larger ones are staged (KIZUNA_IMPORT_TRANSACTION_LIMIT, default 20000)')
    .option('--concurrency <n>', 'Neo4j, staged imports: node batches written at once, each its own transaction (KIZUNA_IMPORT_CONCURRENCY, default 3)')
    .option('--show <n>', 'changed records a dry run lists', '50')
    .action(async (files: string[], opts: ImportCommandOptions) => {
      const restarted = restartWithHeapCap();
      if (restarted) {
        process.exitCode = await restarted;
        return;
      }
      const { loadConfig } = await import('../../config');
      process.exitCode = await runImportCommand(loadConfig(), files, opts, process.stdout, process.stderr);
    });
}
