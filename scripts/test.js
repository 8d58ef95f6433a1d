#!/usr/bin/env node
// `npm test`: every tier (unit, contract, e2e, browser) with jest, results as JSON in .reports/.
//
// Only the contract tier needs Neo4j, and it CLEARS the database it is given, so the tests own
// their Neo4j (scripts/test-plan.js decides; unit-tested):
//   1. no selected tier needs Neo4j (e.g. `npm test -- --selectProjects unit`): nothing is started;
//   2. KIZUNA_TEST_NEO4J_URI is set: the tests use that database (never NEO4J_URI, the app's own);
//   3. otherwise the project's own test instance (scripts/neo4j.sh with NEO4J_HOME_NAME=test: home
//      .neo4j/test/, port KIZUNA_TEST_NEO4J_PORT or 7688) is started, used and stopped again;
//   4. when it cannot start (no Java 17+/Maven) or KIZUNA_SKIP_NEO4J=1, the Neo4j half of the
//      contract tier is skipped LOUDLY (KIZUNA_REQUIRE_NEO4J=1 turns that into a failure: CI).
// Extra arguments go to jest (e.g. `npm test -- --selectProjects unit`).
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { neo4jPlan, jestEnv } = require('./test-plan');

const root = path.join(__dirname, '..');
const reports = path.join(root, '.reports');

function loud(message) {
  const bar = '!'.repeat(78);
  process.stderr.write(`\n${bar}\n!! ${message}\n${bar}\n\n`);
}

function run(cmd, args, env) {
  return spawnSync(cmd, args, { cwd: root, env, stdio: 'inherit' }).status ?? 1;
}

/** The test instance's scripts/neo4j.sh environment: its own home, port and password. */
function instanceEnv(plan) {
  return { ...process.env, NEO4J_HOME_NAME: plan.instance, NEO4J_BOLT_PORT: String(plan.port), NEO4J_PASSWORD: plan.password };
}

/** Starts the test instance unless it runs already; returns whether this run must stop it, or null when it could not start. */
function provision(plan) {
  const env = instanceEnv(plan);
  process.stderr.write(`Neo4j for the tests: the project's test instance (.neo4j/${plan.instance}/, ${plan.uri}); the developer's database is not touched.\n`);
  const alreadyRunning = spawnSync('bash', ['scripts/neo4j.sh', 'status'], { cwd: root, env, stdio: 'ignore' }).status === 0;
  if (run('bash', ['scripts/neo4j.sh', 'start'], env) !== 0) return null;
  return !alreadyRunning;
}

function main() {
  const extra = process.argv.slice(2);
  let plan;
  try {
    plan = neo4jPlan(extra, process.env);
  } catch (error) {
    process.stderr.write(`npm test: ${error.message}\n`);
    process.exit(2);
  }
  fs.mkdirSync(reports, { recursive: true });
  for (const f of fs.readdirSync(reports)) if (/^jest-.*\.json$/.test(f)) fs.rmSync(path.join(reports, f));
  // The e2e tier runs the built CLI (dist/), so build first (skipped when nothing changed): a stale dist/ would test old code.
  if (run(process.execPath, ['scripts/build-if-stale.js'], process.env) !== 0) process.exit(1);
  // The explorer's queries are typed from the committed schema: a schema change that breaks
  // one of them fails here, before any test runs.
  if (run('npm', ['run', 'typecheck:explorer', '--silent'], process.env) !== 0) process.exit(1);

  let stopAfter = false;
  let neo4jSkipped = plan.kind === 'skip';
  if (plan.kind === 'skip') loud(`Neo4j tier SKIPPED: ${plan.reason}. Only the embedded store is tested.`);
  if (plan.kind === 'provision') {
    const started = provision(plan);
    if (started === null) {
      neo4jSkipped = true;
      plan = { kind: 'skip', reason: 'the test Neo4j could not start' };
      loud('Neo4j tier SKIPPED: could not start the test Neo4j (see the message above). Set KIZUNA_TEST_NEO4J_URI to a database the tests may clear.');
    } else stopAfter = started;
  }
  const env = jestEnv(process.env, plan);

  const jest = require.resolve('jest/bin/jest');
  const jestRun = (name, args) =>
    run(process.execPath, [jest, '--json', `--outputFile=${path.join(reports, `jest-${name}.json`)}`, ...args], env);
  // Contract suites share one Neo4j database and clear it, so they run one file at a time;
  // the other tiers run in parallel workers.
  let status;
  try {
    // A custom selection that includes the contract tier still runs one file at a time.
    const inBand = plan.kind !== 'none' && !extra.includes('--runInBand') && !extra.includes('-i') ? ['--runInBand'] : [];
    status = extra.length
      ? jestRun('custom', [...extra, ...inBand])
      : Math.max(jestRun('unit-e2e-browser', ['--selectProjects', 'unit', 'e2e', 'browser']), jestRun('contract', ['--selectProjects', 'contract', '--runInBand']));
  } finally {
    if (stopAfter) run('bash', ['scripts/neo4j.sh', 'stop'], instanceEnv(plan));
  }
  if (neo4jSkipped) loud('Reminder: the Neo4j tier was SKIPPED in this run.');
  process.exit(status);
}

main();
