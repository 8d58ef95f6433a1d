import 'reflect-metadata';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Command, Option } from 'commander';
import { loadConfig } from './config';
import { createLogger } from './logger';
import { runSeedCommand } from './ingest/seedCommand';
import { printKizunaSchema } from './graphql/schema';
import { registerExportCommand } from './analytics/exportCommand';
import { registerReportCommand } from './report/command';
import { registerImportCommand } from './ingest/import/command';
import { serve } from './server/serve';

/**
 * `kizuna`: serve | seed | import | schema | report | export.
 * Each command validates its settings first and exits non-zero with one readable line on failure.
 */
export function buildProgram(): Command {
  const program = new Command('kizuna').description('Kizuna: a GraphQL knowledge graph of international research collaborations');

  program
    .command('serve')
    .description('Serve the GraphQL API (embedded store seeded with the report unless NEO4J_URI is set)')
    .addOption(new Option('--port <port>', 'port to listen on').env('PORT'))
    .addOption(new Option('--host <host>', 'interface to bind').env('HOST'))
    .option('--seed', 'seed the store before serving (always done for the embedded store)')
    .action(async (opts: { port?: string; host?: string; seed?: boolean }) => {
      const config = loadConfig({ ...process.env, PORT: opts.port ?? process.env.PORT, HOST: opts.host ?? process.env.HOST });
      const logger = createLogger(config.logLevel);
      const server = await serve(config, logger, { seed: opts.seed });
      process.stdout.write(`Kizuna GraphQL API (${server.store.kind} store) ready at ${server.url}\n`);
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
    .description('Load the seed data set into the configured store (idempotent), or only check it')
    .option('--check', 'validate the data set and print counts per type and every problem; writes nothing')
    .option('--file <file>', 'data-set file (YAML or JSON)')
    .option('--reset', 'replace the graph with the data set, atomically (the old graph stays until the new one is complete)')
    .action(async (opts: { check?: boolean; file?: string; reset?: boolean }) => {
      process.exitCode = await runSeedCommand(loadConfig(), opts, process.stdout);
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
  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
  } catch (error) {
    process.stderr.write(`kizuna: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}

if (require.main === module) void main(process.argv.slice(2));
