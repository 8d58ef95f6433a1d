// The decisions of `npm test` (scripts/test.js), as pure functions so they are unit-tested
// (tests/unit/scripts/testPlan.test.ts): which tiers a run selects, whether one of them needs Neo4j,
// and which Neo4j the tests get. The tests own that database (suites clear it), so it is never the
// developer's: never NEO4J_URI, always KIZUNA_TEST_NEO4J_URI or an instance of its own.
'use strict';

/** Every jest project (jest.config.js), and the ones whose tests talk to Neo4j. */
const TIERS = ['unit', 'contract', 'e2e', 'browser'];
const NEO4J_TIERS = ['contract'];
const DEFAULT_TEST_PORT = 7688;
const TEST_INSTANCE = 'test';
const DEFAULT_TEST_PASSWORD = 'kizuna-dev-password';

/**
 * The tiers a jest argument list runs: the projects named by --selectProjects (jest takes every
 * value up to the next option), else the tiers whose folders the path patterns name, else all.
 */
function selectedTiers(args) {
  const projects = [];
  const patterns = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg.startsWith('--selectProjects=')) projects.push(...arg.slice('--selectProjects='.length).split(','));
    else if (arg === '--selectProjects') {
      while (i + 1 < args.length && !args[i + 1].startsWith('-')) projects.push(args[(i += 1)]);
    } else if (!arg.startsWith('-')) patterns.push(arg);
  }
  if (projects.length) return TIERS.filter((t) => projects.includes(t));
  if (patterns.length) {
    const named = TIERS.filter((t) => patterns.some((p) => new RegExp(`(^|/)tests/${t}(/|$)`).test(p)));
    // A pattern that names no tier folder (e.g. "seed") may match files of any tier.
    if (patterns.every((p) => TIERS.some((t) => new RegExp(`(^|/)tests/${t}(/|$)`).test(p)))) return named;
  }
  return [...TIERS];
}

function needsNeo4j(tiers) {
  return tiers.some((t) => NEO4J_TIERS.includes(t));
}

/**
 * What to do about Neo4j for a run:
 *   { kind: 'none' }                      no selected tier needs it: do not start anything
 *   { kind: 'given', uri }                KIZUNA_TEST_NEO4J_URI names the test database
 *   { kind: 'skip', reason }              KIZUNA_SKIP_NEO4J=1
 *   { kind: 'provision', port, instance, uri, password }   start the project's own test instance
 * NEO4J_URI (the app's setting, often exported in a developer's shell) is never looked at.
 */
function neo4jPlan(args, env) {
  if (!needsNeo4j(selectedTiers(args))) return { kind: 'none' };
  const given = (env.KIZUNA_TEST_NEO4J_URI || '').trim();
  if (given) return { kind: 'given', uri: given };
  if (env.KIZUNA_SKIP_NEO4J === '1') return { kind: 'skip', reason: 'KIZUNA_SKIP_NEO4J=1' };
  const port = testPort(env);
  return {
    kind: 'provision',
    instance: TEST_INSTANCE,
    port,
    uri: `bolt://127.0.0.1:${port}`,
    password: env.KIZUNA_TEST_NEO4J_PASSWORD || DEFAULT_TEST_PASSWORD,
  };
}

function testPort(env) {
  const text = (env.KIZUNA_TEST_NEO4J_PORT || '').trim();
  if (!text) return DEFAULT_TEST_PORT;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port < 1 || port > 65535) {
    throw new Error(`KIZUNA_TEST_NEO4J_PORT=${text} is not a port number (1-65535)`);
  }
  if (port === 7687) {
    throw new Error('KIZUNA_TEST_NEO4J_PORT=7687 is the developer Neo4j’s port (npm run neo4j:start); the tests need their own: pick another');
  }
  return port;
}

/**
 * The environment jest runs with: the test database in KIZUNA_TEST_NEO4J_*, and the app's
 * NEO4J_* removed, so no test (nor a CLI it spawns) can reach the developer's database by accident.
 */
function jestEnv(env, plan) {
  const out = { ...env };
  for (const key of ['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD', 'NEO4J_DATABASE']) delete out[key];
  if (plan.kind === 'provision') {
    out.KIZUNA_TEST_NEO4J_URI = plan.uri;
    out.KIZUNA_TEST_NEO4J_PASSWORD = plan.password;
  } else if (plan.kind !== 'given') {
    delete out.KIZUNA_TEST_NEO4J_URI;
  }
  return out;
}

module.exports = { TIERS, NEO4J_TIERS, DEFAULT_TEST_PORT, TEST_INSTANCE, selectedTiers, needsNeo4j, neo4jPlan, jestEnv };
