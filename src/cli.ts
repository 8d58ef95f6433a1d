import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Command, Option } from 'commander';
import { describeSystemError } from './cliErrors';
import { loadConfig } from './config';
import { createLogger } from './logger';
import { runSeedCommand } from './ingest/seedCommand';
import { printKizunaSchema } from './graphql/schema';
import { registerExportCommand } from './analytics/exportCommand';
import { registerReportCommand } from './report/command';
import { registerImportCommand } from './ingest/import/command';
import { registerKeysCommand } from './auth/keysCommand';
import { registerExtractCommand } from './extract/command';
import { serve } from './server/serve';

/** The package's version; package.json sits one folder above src/ and dist/ alike. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * `kizuna`: serve | seed | import | schema | report | export | extract | keys.
 * Each command validates its settings first and exits non-zero with one readable line on failure.
 */
export function buildProgram(): Command {
  const program = new Command('kizuna')
    .description('Kizuna: a GraphQL knowledge graph of international research collaborations')
    .version(packageVersion(), '-V, --version', 'print the version');

  program
    .command('serve')
    .description(
      'Serve the GraphQL API and the explorer. Without NEO4J_URI: an in-process store seeded from --file ' +
        '(or KIZUNA_SEED_FILE, or the shipped FY2024 seed); with NEO4J_URI: that database as it is.',
    )
    .addOption(new Option('--port <port>', 'port to listen on (0: any free port)').env('PORT'))
    .addOption(new Option('--host <host>', 'interface to bind').env('HOST'))
    .addOption(new Option('--file <file>', 'data set to serve (YAML or JSON); with NEO4J_URI it is only read with --seed').env('KIZUNA_SEED_FILE'))
    .option('--seed', 'seed the store before serving (always done for the embedded store)')
    .action(async (opts: { port?: string; host?: string; file?: string; seed?: boolean }) => {
      const config = loadConfig({
        ...process.env,
        PORT: opts.port ?? process.env.PORT,
        HOST: opts.host ?? process.env.HOST,
        KIZUNA_SEED_FILE: opts.file ?? process.env.KIZUNA_SEED_FILE,
      });
      const logger = createLogger(config.logLevel);
      if (config.neo4j && opts.file && !opts.seed) {
        process.stderr.write(`kizuna serve: NEO4J_URI is set, so the API serves that database as it is and ${opts.file} is not read; add --seed to merge it in first.\n`);
      }
      const server = await serve(config, logger, { seed: opts.seed });
      process.stdout.write(`Kizuna GraphQL API (${server.store.kind} store) ready at ${server.url}\n`);
      process.stdout.write(`Explorer (network, bridges, timeline, in a browser) at ${server.explorerUrl}\n`);
      const shutdown = async (signal: string) => {
        logger.info({ signal }, 'shutting down');
        await server.stop();
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown('SIGINT'));
      process.once('SIGTERM', () => void shutdown('SIGTERM'));
    });

  program
    .command('seed')
    .description('Load a data set (--file, KIZUNA_SEED_FILE or the shipped FY2024 seed) into the Neo4j at NEO4J_URI (idempotent), or only check it')
    .option('--check', 'validate the data set and print counts per type and every problem; writes nothing')
    .option('--file <file>', 'data-set file (YAML or JSON); default KIZUNA_SEED_FILE, else the shipped seed')
    .option('--reset', 'replace the graph with the data set, atomically (the old graph stays until the new one is complete)')
    .option('--strict', 'fail (exit 1, nothing written) when the store holds records that are not in the data set; default: a warning')
    .addHelpText(
      'after',
      '\nWithout NEO4J_URI this seeds an in-process store that is gone when the command exits: use --check to validate a file,\n' +
        'and set NEO4J_URI (e.g. bolt://127.0.0.1:7687 after `npm run neo4j:start`) to keep the data. Problems go to stderr as\n' +
        'file:line:column  path (record id): message; the exit code is 1 when there is any.',
    )
    .action(async (opts: { check?: boolean; file?: string; reset?: boolean; strict?: boolean }) => {
      process.exitCode = await runSeedCommand(loadConfig(), opts, { out: process.stdout, err: process.stderr });
    });

  program
    .command('schema')
    .description('Print the GraphQL schema (SDL), or write it to a file')
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (opts: { out?: string }) => {
      const sdl = printKizunaSchema();
      if (!opts.out) return void process.stdout.write(sdl);
      await mkdir(dirname(opts.out), { recursive: true });
      await writeFile(opts.out, sdl);
    });

  registerImportCommand(program);
  registerReportCommand(program);
  registerExportCommand(program);
  registerKeysCommand(program);
  registerExtractCommand(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
  } catch (error) {
    process.stderr.write(`kizuna: ${describeSystemError(error) ?? (error as Error).message}\n`);
    process.exitCode = 1;
  }
}

if (require.main === module) void main(process.argv.slice(2));
