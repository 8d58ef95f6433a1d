/**
 * The fixed cost of Kizuna's HTTP/GraphQL pipeline alone, without the database:
 *   node [--cpu-prof --cpu-prof-dir=DIR] -r ./bench/register.js bench/api/pipeline.ts --neo4j-uri bolt://… [--op personById] [--seconds 10] [--connections 10]
 * The app is built as `kizuna serve` builds it, on a store that asks Neo4j once per distinct call
 * and then replays that answer (so every later request runs the whole pipeline — express, limits,
 * cost, context, Apollo, the direct executor, serialisation — but no Bolt round trip). Prints the
 * server's CPU per request (process.cpuUsage over the autocannon run / requests): a figure that
 * the machine's load moves much less than requests per second, for comparing pipeline changes.
 */
import { fork } from 'node:child_process';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createApolloServer } from '../../src/server/apollo';
import { createApp } from '../../src/server/app';
import { benchData } from './data';
import { listen } from './http';
import { operations } from './operations';
import { replaying } from './stages';
import { toolArgs } from './toolArgs';

async function main(): Promise<void> {
  const { arg, neo4jConfig } = toolArgs();
  const size = arg('size', '10k');
  process.env.BENCH_SIZE = size;
  const op = operations(benchData(size)).find((o) => o.name === arg('op', 'personById'))!;
  const config = loadConfig({ ...process.env, NEO4J_URI: '' });
  const logger = createLogger((arg('log', 'warn') as 'warn' | 'info'));
  const { createNeo4jStore } = await import('../../src/store/neo4j');
  const store = replaying(await createNeo4jStore(neo4jConfig));
  const apollo = createApolloServer(logger);
  await apollo.start();
  const url = await listen(createApp(apollo, { store, earlyCareer: config.earlyCareer, maxPageSize: config.maxPageSize }, logger));
  const body = JSON.stringify({ query: op.kizuna, variables: op.variables, operationName: op.name });
  const run = async (seconds: string) => {
    const cpu = process.cpuUsage();
    const out: string[] = [];
    const cannon = fork(require.resolve('autocannon'), ['-j', '-m', 'POST', '-H', 'content-type=application/json', '-b', body, '-c', arg('connections', '10'), '-d', seconds, url], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'], execArgv: [] });
    cannon.stdout!.on('data', (d: Buffer) => out.push(d.toString()));
    await new Promise((resolve) => cannon.once('exit', resolve));
    const used = process.cpuUsage(cpu);
    const result = JSON.parse(out.join(''));
    return { requests: result.requests.total as number, non2xx: result.non2xx as number, cpuMs: (used.user + used.system) / 1000 };
  };
  await run('2'); // warm-up: the replayed answers, Apollo's document cache, the JIT
  const r = await run(arg('seconds', '10'));
  console.log(`${op.name}: ${r.requests} requests, non-2xx ${r.non2xx}, server CPU ${(r.cpuMs / r.requests).toFixed(3)} ms/request`);
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
