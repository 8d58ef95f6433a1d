/**
 * Where a small request's server time goes, stage by stage, measured in one process without HTTP
 * noise or the database:
 *   node -r ./bench/register.js bench/api/stages.ts --neo4j-uri bolt://… [--ops personById,visitsPaged] [--iterations 3000]
 * Each stage is run `iterations` times in a tight loop after a warm-up, five times over; the best
 * of the five is printed in µs per call (the machine's load only ever adds time). The store asks
 * Neo4j once per distinct call and replays that answer, so "Apollo, whole request" is the GraphQL
 * pipeline alone (no express, no body parsing, no socket; no Bolt round trip).
 */
import { parse, getOperationAST } from 'graphql';
import { HeaderMap } from '@apollo/server';
import { loadConfig } from '../../src/config';
import { createContext, type ContextDeps } from '../../src/graphql/context';
import { buildKizunaSchema } from '../../src/graphql/schema';
import { executeCompiled } from '../../src/graphql/compile/direct';
import { createLogger } from '../../src/logger';
import { createApolloServer } from '../../src/server/apollo';
import { checkSource, DEFAULT_QUERY_LIMITS } from '../../src/server/limits';
import { queryCost } from '../../src/server/limits/cost';
import { cachedQueryCost } from '../../src/server/limits/costCache';
import { operationShape } from '../../src/server/limits/queryShape';
import type { GraphStore } from '../../src/store/port';
import { benchData } from './data';
import { operations } from './operations';
import { toolArgs } from './toolArgs';

/**
 * Answers each distinct read once from the real store, then from memory. Compiled trees (objects
 * with `fields`, made once per operation shape) are keyed by identity, so replaying costs little
 * next to what is measured.
 */
export function replaying(store: GraphStore): GraphStore {
  const answers = new Map<string, Promise<unknown>>();
  const ids = new WeakMap<object, number>();
  let next = 0;
  const replacer = (_key: string, value: unknown) => {
    if (value === null || typeof value !== 'object' || !Array.isArray((value as { fields?: unknown }).fields)) return value;
    if (!ids.has(value)) ids.set(value, next++);
    return `#tree${ids.get(value)}`;
  };
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || property === 'close') return value;
      return (...args: unknown[]) => {
        const key = `${String(property)}:${JSON.stringify(args, replacer)}`;
        let answer = answers.get(key);
        if (!answer) answers.set(key, (answer = (value as (...a: unknown[]) => Promise<unknown>).apply(target, args)));
        return answer;
      };
    },
  });
}

async function best(iterations: number, work: () => unknown): Promise<number> {
  for (let i = 0; i < Math.min(500, iterations); i++) await work();
  let min = Infinity;
  for (let round = 0; round < 5; round++) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) await work();
    min = Math.min(min, Number(process.hrtime.bigint() - t) / 1000 / iterations);
  }
  return min;
}

async function main(): Promise<void> {
  const { arg, neo4jConfig } = toolArgs();
  const size = arg('size', '10k');
  const iterations = Number(arg('iterations', '3000'));
  const names = arg('ops', 'personById,visitsPaged').split(',');
  const config = loadConfig({ ...process.env, NEO4J_URI: '' });
  const { createNeo4jStore } = await import('../../src/store/neo4j');
  const base = await createNeo4jStore(neo4jConfig);
  const store = replaying(base);
  const deps: ContextDeps = { store, earlyCareer: config.earlyCareer, maxPageSize: config.maxPageSize };
  const schema = buildKizunaSchema();
  const apollo = createApolloServer(createLogger('warn'));
  await apollo.start();
  const rows: string[] = [];
  for (const op of operations(benchData(size)).filter((o) => names.includes(o.name))) {
    const document = parse(op.kizuna);
    const operation = getOperationAST(document, op.name)!;
    const body = { query: op.kizuna, variables: op.variables, operationName: op.name };
    const headers = new HeaderMap([['content-type', 'application/json']]);
    const answer = await executeCompiled({ schema, document, operationName: op.name, variables: op.variables, context: createContext(deps, 'id', null), cacheable: true });
    const stages: [string, () => unknown][] = [
      ['checkSource (lex the text)', () => checkSource(op.kizuna, DEFAULT_QUERY_LIMITS)],
      ['operationShape', () => operationShape(document, operation)],
      ['queryCost', () => queryCost(schema, document, operation, op.variables, null)],
      ['cachedQueryCost (hit)', () => cachedQueryCost(schema, document, operation, op.variables)],
      ['createContext', () => createContext(deps, 'id', null)],
      ['executeCompiled (replayed read)', () => executeCompiled({ schema, document, operationName: op.name, variables: op.variables, context: createContext(deps, 'id', null), cacheable: true })],
      ['JSON.stringify of the answer', () => JSON.stringify({ data: answer })],
      [
        'Apollo, whole request (no HTTP)',
        () => apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: { method: 'POST', headers, search: '', body }, context: async () => createContext(deps, 'id', null) }),
      ],
    ];
    for (const [stage, work] of stages) rows.push(`| ${op.name} | ${stage} | ${(await best(iterations, work)).toFixed(1)} |`);
  }
  console.log('| operation | stage | µs per call (best of 5) |\n|---|---|---:|');
  console.log(rows.join('\n'));
  await apollo.stop();
  await base.close();
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
