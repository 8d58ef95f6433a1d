import fc from 'fast-check';
import type { GraphStore, StoreCounts } from '../../src/store/port';
import type { TestHttpApp } from './httpApp';

/**
 * Generated requests for the HTTP fuzz test (tests/e2e/fuzz*.test.ts): valid operations with
 * random arguments, and hostile ones (the classes the hardening issue found: many aliases,
 * doubling fragments, deep nesting, huge or injected ids, wrong variable types, unsupported
 * operation types, malformed bodies). Each request is checked by `checkResponse`.
 */
const HOSTILE_STRINGS = [
  '"}) MATCH (n) DETACH DELETE n //',
  "' OR 1=1 --",
  '`) CALL db.labels() YIELD label RETURN label //',
  '$(label)',
  'person:x") DETACH DELETE n WITH 1 AS x MATCH (m',
  '\u0000\u0001\u001f',
  '../../etc/passwd',
  '__proto__',
  'constructor',
  '{"$gt": ""}',
  'person:' + 'x'.repeat(5000),
  '東京大学 ＪＬＵ Schröder 🧪',
  '\ud800',
];

/** Ids of the seed, so that valid operations find something. */
const SEED_IDS = ['person:nakanishi-shuji', 'person:johnson-lee', 'person:henss-anja', 'institution:jlu', 'institution:kyoto-u', 'institution:nottingham', 'country:jp'];
const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SEED_IDS) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
);
const int = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 30 }) }, { weight: 1, arbitrary: fc.constantFrom(0, -1, 1001, 2 ** 31 - 1, -(2 ** 31)) });
const level = fc.constantFrom('LAB', 'INSTITUTION', 'COUNTRY');
const lit = (s: string) => JSON.stringify(s);

/** One root field with random arguments (inline literals), and a selection. */
const rootField: fc.Arbitrary<string> = fc.oneof(
  fc.record({ first: int, after: text }).map(({ first, after }) => `people(first: ${first}, after: ${lit(after)}) { totalCount edges { node { id displayName visits { id start } } } }`),
  fc.record({ first: int, stage: fc.constantFrom('POSTDOC', 'PROFESSOR'), country: text }).map(
    ({ first, stage, country }) => `people(first: ${first}, filter: { careerStage: [${stage}], country: ${lit(country)} }) { totalCount }`,
  ),
  text.map((id) => `person(id: ${lit(id)}) { id displayName labs { role lab { id name } } }`),
  text.map((id) => `node(id: ${lit(id)}) { id }`),
  fc.record({ t: text, first: int }).map(({ t, first }) => `search(text: ${lit(t)}, first: ${first}) { score node { id } }`),
  fc.record({ fy: int, planned: fc.boolean() }).map(({ fy, planned }) => `visits(filter: { fiscalYear: ${fy + 2000} }, first: 5) { totalCount edges { node { id status } } } x: visits(first: 2) { totalCount }${planned ? ' y: visits(filter: { status: [PLANNED] }) { totalCount }' : ''}`),
  fc.record({ fy: int, level }).map(({ fy, level: l }) => `circulation(fiscalYear: ${fy + 2000}, groupBy: ${l}) { groupBy pairs { stays personMonths from { countryCode } } }`),
  fc.record({ level, first: int }).map(({ level: l, first }) => `bridges(level: ${l}, first: ${first}) { earlyCareer person { id } }`),
  fc.record({ level, first: int }).map(({ level: l, first }) => `brokerage(level: ${l}, first: ${first}) { degree liaison }`),
  fc.record({ from: text, to: text, hops: int }).map(({ from, to, hops }) => `collaborationPath(from: ${lit(from)}, to: ${lit(to)}, maxHops: ${hops}) { people { id } }`),
  fc.record({ id: text, hops: int }).map(({ id, hops }) => `neighborhood(id: ${lit(id)}, hops: ${hops}) { nodes { id } }`),
  fc.constantFrom('countries { code name }', 'themes { id }', 'events { id }', 'labs(first: 3) { totalCount }', 'graph { level nodes { id } }', '__typename', '__schema { types { name } }'),
);

/** A request body: JSON value sent to POST /graphql. */
export type FuzzBody = string | Record<string, unknown> | unknown[];

const valid: fc.Arbitrary<FuzzBody> = fc.array(rootField, { minLength: 1, maxLength: 3 }).map((fields) => ({
  query: `{ ${fields.map((f, i) => `f${i}: ${f}`).join(' ')} }`,
}));

const withVariables: fc.Arbitrary<FuzzBody> = fc
  .record({ id: fc.oneof(text, int, fc.constant(null), fc.array(text, { maxLength: 3 }), fc.object({ maxDepth: 2 })), first: fc.oneof(int, text, fc.constant(null)) })
  .map((variables) => ({ query: 'query Q($id: ID!, $first: Int) { person(id: $id) { id } people(first: $first) { totalCount } }', variables, operationName: 'Q' }));

const manyAliases: fc.Arbitrary<FuzzBody> = fc.integer({ min: 40, max: 3000 }).map((n) => ({
  query: `{ ${Array.from({ length: n }, (_, i) => `a${i}: countries { code }`).join(' ')} }`,
}));

const doublingFragments: fc.Arbitrary<FuzzBody> = fc.integer({ min: 5, max: 16 }).map((n) => ({
  query: `{ ...f0 } ${Array.from({ length: n }, (_, i) => `fragment f${i} on Query { ...f${i + 1} ...f${i + 1} }`).join(' ')} fragment f${n} on Query { people(first: 100) { edges { node { visits { id } } } } }`,
}));

const deepNesting: fc.Arbitrary<FuzzBody> = fc.integer({ min: 10, max: 6000 }).map((n) => ({ query: `{ ${'a { '.repeat(n)}b${' }'.repeat(n)} }` }));

const deepInput: fc.Arbitrary<FuzzBody> = fc.integer({ min: 10, max: 3000 }).map((n) => ({ query: `{ people(filter: ${'['.repeat(n)}1${']'.repeat(n)}) { totalCount } }` }));

const otherOperations: fc.Arbitrary<FuzzBody> = fc.constantFrom(
  { query: 'mutation { people { totalCount } }' },
  { query: 'subscription { countries { code } }' },
  { query: '{ countries { code } } query B { themes { id } }' },
  { query: 'query A { countries { code } }', operationName: 'Nope' },
  { query: '{ countries { code } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'ab' } } },
  { query: '{ countries { code @skip(if: $x) } }' },
  { query: '{ people(first: 100) { edges { node { visits { hosts { visits { hosts { visits { id } } } } } } } } }' },
);

const garbage: fc.Arbitrary<FuzzBody> = fc.oneof(
  fc.string({ maxLength: 200 }).map((query) => ({ query })),
  fc.string({ maxLength: 200 }),
  fc.constantFrom<FuzzBody>('{"query": ', 'null', '42', '[]', '[{"query":"{ countries { code } }"}]', '{"query": 7}', '{"query": "{ countries { code } }", "variables": "x"}'),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
);

/** Roughly half valid operations, half hostile ones. */
export const fuzzBody: fc.Arbitrary<FuzzBody> = fc.oneof(
  { weight: 8, arbitrary: valid },
  { weight: 2, arbitrary: withVariables },
  { weight: 1, arbitrary: manyAliases },
  { weight: 1, arbitrary: doublingFragments },
  { weight: 1, arbitrary: deepNesting },
  { weight: 1, arbitrary: deepInput },
  { weight: 2, arbitrary: otherOperations },
  { weight: 3, arbitrary: garbage },
);

/** What no response may contain: a stack frame, a file path, driver or Cypher text. */
const LEAKS: [string, RegExp][] = [
  ['stack frame', /\bat [\w.<>]+ \(|\bat (?:\/|node:)/],
  ['file path', /\/(?:work|home|usr|tmp|root)\/|node_modules|\.ts:\d+/],
  ['driver text', /Neo\.(?:ClientError|TransientError|DatabaseError)|neo4j-driver|ServiceUnavailable|ECONNREFUSED/],
  // Shapes of the store's own Cypher (src/store/neo4j/cypher), none of which the generated input contains.
  ['Cypher text', /UNWIND \$|OPTIONAL MATCH|MATCH \(\w+:\w+|WHERE \w+\.\w+ *(?:=|<|>|IN)|RETURN \w+\.\w+/],
];

export interface FuzzFailure {
  body: string;
  status: number;
  problem: string;
  response: string;
}

/** Sends one generated body and returns what is wrong with the answer (null when nothing is). */
export async function fuzzOnce(app: TestHttpApp, body: FuzzBody): Promise<FuzzFailure | null> {
  const sent = typeof body === 'string' ? body : JSON.stringify(body);
  const response = await app.post(sent);
  const text = await response.text();
  const fail = (problem: string) => ({ body: sent.slice(0, 300), status: response.status, problem, response: text.slice(0, 500) });
  if (response.status >= 500) return fail('5xx while the store is up');
  let parsed: any;
  try {
    parsed = JSON.parse(text);
  } catch {
    return fail('response is not JSON');
  }
  if (!parsed || typeof parsed !== 'object' || (!('data' in parsed) && !Array.isArray(parsed.errors))) return fail('neither data nor errors');
  for (const error of parsed.errors ?? []) {
    if (error?.extensions?.code === 'INTERNAL_SERVER_ERROR') return fail('INTERNAL_SERVER_ERROR');
  }
  // Input is echoed (quoted, cut) in messages: look for leaks in what the server adds, not in what we sent.
  const own = stringsOf(parsed).map((v) => stripEcho(v, sent)).join('\n');
  for (const [name, pattern] of LEAKS) if (pattern.test(own)) return fail(`${name} in the response`);
  return null;
}

/** Every key and string value of a JSON value. */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...stringsOf(v)]);
  return [];
}

/** A message without the parts that quote the request (quoted input may hold anything the fuzzer sent). */
function stripEcho(message: string, sent: string): string {
  return message.replace(/"[^"]*"/g, (quoted) => (sent.includes(quoted.slice(1, Math.min(quoted.length - 1, 40))) ? '""' : quoted));
}

export interface FuzzRun {
  requests: number;
  failures: FuzzFailure[];
  seed: number;
}

/** `runs` generated requests, `parallel` at a time; the seed is reported so a failure can be replayed (KIZUNA_FUZZ_SEED). */
export async function fuzzHttp(app: TestHttpApp, runs: number, parallel = 8): Promise<FuzzRun> {
  const seed = Number(process.env.KIZUNA_FUZZ_SEED ?? Date.now() % 2 ** 31);
  const bodies = fc.sample(fuzzBody, { numRuns: runs, seed });
  const failures: FuzzFailure[] = [];
  for (let i = 0; i < bodies.length; i += parallel) {
    const found = await Promise.all(bodies.slice(i, i + parallel).map((b) => fuzzOnce(app, b)));
    for (const f of found) if (f) failures.push(f);
  }
  return { requests: bodies.length, failures, seed };
}

export function countsOf(store: GraphStore): Promise<StoreCounts> {
  return store.counts();
}
