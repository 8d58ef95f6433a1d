import type { Writable } from 'node:stream';
import { Command, Option } from 'commander';
import { PeriodInputError, resolvePeriod } from '../circulation/service';
import { loadConfig, type Config } from '../config';
import { GROUP_LEVELS, LANGS, type GroupLevel, type Lang } from '../domain/enums';
import { openSeededStore } from '../ingest/seed';
import type { GraphStore } from '../store/port';
import { OutputDirError } from './atomicDir';
import { EmptyReportError, generateReport, REPORT_FORMATS, type ReportFormat } from './generate';

/**
 * `kizuna report --fiscal-year 2024 --format html|md --out DIR [--lang ja|en]`: the program
 * report of one fiscal year (or --from/--to), written atomically into DIR. The embedded store
 * starts empty, so it is seeded first (KIZUNA_SEED_FILE or the shipped seed); Neo4j is used as it is.
 */
export interface ReportCommandOptions {
  fiscalYear?: string;
  from?: string;
  to?: string;
  format: ReportFormat;
  lang: Lang;
  out: string;
  groupBy: GroupLevel;
  includePlanned?: boolean;
  allowEmpty?: boolean;
}

/** Exit code of a period without any visit (without --allow-empty): distinct from 1, a mistake in the command. */
export const EMPTY_REPORT_EXIT = 2;

export interface ReportCommandDeps {
  loadConfig: () => Config;
  /** Opens the store to report on, seeded when it is the (empty) embedded one. */
  openStore: (config: Config) => Promise<GraphStore>;
  stdout: Writable;
  stderr: Writable;
  /** Footer date; fixed in tests. */
  generatedAt?: string;
}

const defaultDeps = (): ReportCommandDeps => ({
  loadConfig: () => loadConfig(),
  openStore: (config) => openSeededStore(config),
  stdout: process.stdout,
  stderr: process.stderr,
});

/** Adds the `report` command to the CLI program; returns the command. */
export function registerReportCommand(program: Command, deps: Partial<ReportCommandDeps> = {}): Command {
  const resolved = { ...defaultDeps(), ...deps };
  return program
    .command('report')
    .description('Write the brain-circulation report of a fiscal year (HTML or Markdown with SVG charts)')
    .option('--fiscal-year <year>', 'Japanese fiscal year, e.g. 2024 = 1 April 2024 – 31 March 2025')
    .option('--from <date>', 'first day of the period, YYYY-MM-DD (with --to, instead of --fiscal-year)')
    .option('--to <date>', 'last day of the period, YYYY-MM-DD, inclusive')
    .addOption(new Option('--format <format>', 'output format').choices([...REPORT_FORMATS]).default('html'))
    .addOption(new Option('--lang <lang>', 'language of the labels').choices([...LANGS]).default('ja'))
    .addOption(new Option('--group-by <level>', 'grouping of the flows').choices([...GROUP_LEVELS]).default('COUNTRY'))
    .option('--include-planned', 'count planned visits as if they happened')
    .option('--allow-empty', `write the report even when no visit falls in the period (otherwise: exit ${EMPTY_REPORT_EXIT}, nothing written)`)
    .requiredOption('--out <dir>', 'output directory (replaced as a whole; written atomically)')
    .action(async (opts: ReportCommandOptions) => {
      process.exitCode = await runReportCommand(opts, resolved);
    });
}

/** Runs the command; returns the exit code. User mistakes print one line on stderr and give 1. */
export async function runReportCommand(opts: ReportCommandOptions, deps: ReportCommandDeps): Promise<number> {
  let period;
  try {
    period = resolvePeriod({ fiscalYear: parseFiscalYear(opts.fiscalYear), from: opts.from ?? null, to: opts.to ?? null });
  } catch (error) {
    if (!(error instanceof PeriodInputError)) throw error;
    deps.stderr.write(`kizuna report: ${error.message.replace(/`fiscalYear`/g, '--fiscal-year').replace(/`(from|to)`/g, '--$1')}\n`);
    return 1;
  }
  const config = deps.loadConfig();
  const store = await deps.openStore(config);
  try {
    const { report, files } = await generateReport(store, {
      out: opts.out,
      format: opts.format,
      lang: opts.lang,
      generatedAt: deps.generatedAt,
      allowEmpty: Boolean(opts.allowEmpty),
      request: { ...period, groupBy: opts.groupBy, includePlanned: Boolean(opts.includePlanned), earlyCareer: config.earlyCareer },
    });
    for (const warning of report.warnings) deps.stderr.write(`warning: ${warning}\n`);
    deps.stdout.write(`wrote ${files.length} file(s) to ${opts.out}: ${files.join(', ')}\n`);
    return 0;
  } catch (error) {
    if (error instanceof EmptyReportError) {
      deps.stderr.write(`kizuna report: ${error.message} Nothing was written; check the year and the store, or add --allow-empty to write it anyway.\n`);
      return EMPTY_REPORT_EXIT;
    }
    if (error instanceof OutputDirError) {
      deps.stderr.write(`kizuna report: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await store.close();
  }
}

/** NaN for text that is not a whole number, so resolvePeriod rejects it with the usual message. */
function parseFiscalYear(text: string | undefined): number | null {
  if (text == null) return null;
  return /^\d{1,4}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
}
