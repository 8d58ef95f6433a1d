#!/usr/bin/env node
// `npm test`: every tier (unit, contract, e2e) in one jest run, results as JSON in .reports/.
//
// The Neo4j tier needs a server. Order of preference:
//   1. NEO4J_URI is set: use it.
//   2. Java 17+ and Maven are here: provision a local Neo4j (scripts/neo4j.sh: jars cached in
//      .neo4j/), run against it, stop it afterwards.
//   3. Otherwise run without it and say so LOUDLY (KIZUNA_REQUIRE_NEO4J=1 turns that into a failure,
//      which is what CI does). KIZUNA_SKIP_NEO4J=1 skips provisioning on purpose.
// Extra arguments go to jest (e.g. `npm test -- --selectProjects unit`).
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const reports = path.join(root, '.reports');
const env = { ...process.env };
let startedNeo4j = false;

function loud(message) {
  const bar = '!'.repeat(78);
  process.stderr.write(`\n${bar}\n!! ${message}\n${bar}\n\n`);
}

function run(cmd, args) {
  return spawnSync(cmd, args, { cwd: root, env, stdio: 'inherit' }).status ?? 1;
}

function provisionNeo4j() {
  if (env.NEO4J_URI) return true;
  if (env.KIZUNA_SKIP_NEO4J === '1') {
    loud('Neo4j tier SKIPPED: KIZUNA_SKIP_NEO4J=1. Only the embedded store is tested.');
    return false;
  }
  process.stderr.write('NEO4J_URI is not set: provisioning a local Neo4j (scripts/neo4j.sh start)…\n');
  const alreadyRunning = spawnSync('bash', ['scripts/neo4j.sh', 'status'], { cwd: root, env, stdio: 'ignore' }).status === 0;
  if (run('bash', ['scripts/neo4j.sh', 'start']) !== 0) {
    loud('Neo4j tier SKIPPED: could not start a local Neo4j (see the message above). Set NEO4J_URI to test against your own.');
    return false;
  }
  startedNeo4j = !alreadyRunning;
  env.NEO4J_URI = `bolt://127.0.0.1:${env.NEO4J_BOLT_PORT || 7687}`;
  env.NEO4J_PASSWORD = env.NEO4J_PASSWORD || 'kizuna-dev-password';
  return true;
}

function main() {
  fs.mkdirSync(reports, { recursive: true });
  for (const f of fs.readdirSync(reports)) if (/^jest-.*\.json$/.test(f)) fs.rmSync(path.join(reports, f));
  // The e2e tier runs the built CLI (dist/), so build first: a stale dist/ would test old code.
  if (run('npm', ['run', 'build', '--silent']) !== 0) process.exit(1);
  // The explorer's queries are typed from the committed schema: a schema change that breaks
  // one of them fails here, before any test runs.
  if (run('npm', ['run', 'typecheck:explorer', '--silent']) !== 0) process.exit(1);
  provisionNeo4j();
  const jest = require.resolve('jest/bin/jest');
  const jestRun = (name, args) =>
    run(process.execPath, [jest, '--json', `--outputFile=${path.join(reports, `jest-${name}.json`)}`, ...args]);
  const extra = process.argv.slice(2);
  // Contract suites share one Neo4j database and clear it, so they run one file at a time;
  // the other tiers run in parallel workers.
  const status = extra.length
    ? jestRun('custom', extra)
    : Math.max(jestRun('unit-e2e-browser', ['--selectProjects', 'unit', 'e2e', 'browser']), jestRun('contract', ['--selectProjects', 'contract', '--runInBand']));
  if (startedNeo4j) run('bash', ['scripts/neo4j.sh', 'stop']);
  if (!env.NEO4J_URI) loud('Reminder: the Neo4j tier was SKIPPED in this run.');
  process.exit(status);
}

main();
