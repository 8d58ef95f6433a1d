/**
 * Profiles one contender under one operation of the API benchmark:
 *   node --cpu-prof --cpu-prof-dir=DIR -r ./bench/register.js bench/api/profile.ts --neo4j-uri bolt://… [--op institutionsPapers] [--seconds 10] [--connections 10] [--contender kizuna-neo4j]
 * The contender serves in this process (so the profile is the server's), autocannon runs in a
 * child; the profile is written on exit. Summarise it with bench/api/profileTop.js.
 */
import { fork } from 'node:child_process';
import { benchData } from './data';
import { operations } from './operations';
import { toolArgs } from './toolArgs';

async function main(): Promise<void> {
  const { arg, neo4jConfig: config } = toolArgs();
  const contender = arg('contender', 'kizuna-neo4j');
  const size = arg('size', '10k');
  process.env.BENCH_SIZE = size;
  const op = operations(benchData(size)).find((o) => o.name === arg('op', 'institutionsPapers'))!;
  const url =
    contender === 'peer' ? await (await import('./peer')).startPeer(config) : contender === 'floor' ? await (await import('./floor')).startFloor(config) : await (await import('./kizuna')).startKizuna(contender as 'kizuna-neo4j', config);
  const body =
    contender === 'peer' ? { query: op.peer!.query, variables: op.peer!.variables, operationName: op.name } : contender === 'floor' ? { operationName: op.name } : { query: op.kizuna, variables: op.variables, operationName: op.name };
  const cannon = fork(require.resolve('autocannon'), ['-m', 'POST', '-H', 'content-type=application/json', '-b', JSON.stringify(body), '-c', arg('connections', '10'), '-d', arg('seconds', '10'), url], { stdio: 'inherit', execArgv: [] });
  await new Promise((resolve) => cannon.once('exit', resolve));
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
