import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { finished } from 'node:stream/promises';
import { Command, Option } from 'commander';
import { loadConfig } from '../config';
import { GROUP_LEVELS, type GroupLevel } from '../domain/enums';
import { badInput, isKizunaError } from '../errors';
import { openSeededStore } from '../ingest/seed';
import { EXPORT_FORMATS, type ExportFormat } from './export';
import { resolveNetworkPeriod } from './period';
import { exportGraph } from './service';
import { writeDatasetExport } from '../ingest/import/exportDataset';

interface ExportOptions {
  format: ExportFormat | 'dataset';
  id?: string;
  hops?: string;
  level?: GroupLevel;
  includePlanned?: boolean;
  asOf?: string;
  fiscalYear?: string;
  out?: string;
}

/** `kizuna export --format gexf [--id person:… --hops 2] [--out FILE]`: the same files as GET /export. */
export function registerExportCommand(program: Command): Command {
  return program
    .command('export')
    .description('Write the collaboration graph (or an ego network) for Gephi, Cytoscape or graphology, or the whole graph as a data set (--format dataset) that kizuna import reads back')
    .addOption(new Option('--format <format>', 'file format').choices([...EXPORT_FORMATS, 'dataset']).makeOptionMandatory())
    .option('--id <id>', 'centre of an ego network: a person or lab id')
    .option('--hops <n>', 'radius of the ego network (with --id)', '1')
    .addOption(new Option('--level <level>', 'grouping shown on nodes').choices([...GROUP_LEVELS]))
    .option('--include-planned', 'include planned visits and papers as ties')
    .option('--as-of <day>', 'the network as it stood on this day, YYYY-MM-DD (docs/metrics.md, "The network as of a date")')
    .option('--fiscal-year <year>', 'the network as of the last day of this fiscal year (FY2024: 2025-03-31)')
    .option('--out <file>', 'write to this file instead of stdout (its folders are created)')
    .action(async (opts: ExportOptions) => {
      process.exitCode = await runExportCommand(opts);
    });
}

async function runExportCommand(opts: ExportOptions): Promise<number> {
  const config = loadConfig();
  const store = await openSeededStore(config);
  try {
    if (opts.format === 'dataset') {
      // JSON for a .json file, YAML otherwise (stdout too): both are the import format.
      const out = opts.out ? createWriteStream(opts.out) : process.stdout;
      await writeDatasetExport(store, out, opts.out?.toLowerCase().endsWith('.json') ? 'json' : 'yaml');
      if (opts.out) {
        out.end();
        await finished(out);
      }
      return 0;
    }
    if (opts.fiscalYear !== undefined && !/^\d{4}$/.test(opts.fiscalYear)) throw badInput('--fiscal-year must be a year, YYYY');
    const period = resolveNetworkPeriod({ asOf: opts.asOf ?? null, fiscalYear: opts.fiscalYear === undefined ? null : Number(opts.fiscalYear) }, '--as-of');
    const exported = await exportGraph(store, config.earlyCareer, {
      format: opts.format,
      id: opts.id ?? null,
      hops: opts.id ? Number(opts.hops) : null,
      level: opts.level,
      includePlanned: Boolean(opts.includePlanned),
      period,
    });
    if (opts.out) {
      await mkdir(dirname(opts.out), { recursive: true });
      await writeFile(opts.out, exported.body);
    }
    else process.stdout.write(exported.body);
    return 0;
  } catch (error) {
    if (!isKizunaError(error)) throw error;
    process.stderr.write(`kizuna export: ${error.message}\n`);
    return 1;
  } finally {
    await store.close();
  }
}
