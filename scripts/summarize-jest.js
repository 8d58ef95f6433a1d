#!/usr/bin/env node
// Sums jest's JSON results (`jest --json --outputFile=.reports/jest-<name>.json`) into one line:
//
//   N passed, N failed, N skipped
//
// skipped = pending (skipped) + todo tests. Usage: node scripts/summarize-jest.js [reports-dir]
// (default: .reports at the project root). Exit code: 0 when tests ran and none failed; 1 when a
// test or a test suite failed, or when a report cannot be read; 2 when no test ran at all.
'use strict';

const fs = require('fs');
const path = require('path');

const dir = path.resolve(process.argv[2] || path.join(__dirname, '..', '.reports'));
const pattern = /^jest-.*\.json$/;

let files = [];
try {
  files = fs
    .readdirSync(dir)
    .filter((name) => pattern.test(name))
    .sort();
} catch (err) {
  if (err.code !== 'ENOENT') throw err;
}

const num = (value) => (Number.isFinite(value) ? value : 0);
let passed = 0;
let failed = 0;
let skipped = 0;
let brokenSuites = 0;
const problems = [];

for (const name of files) {
  let report;
  try {
    report = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
  } catch (err) {
    problems.push(`${name}: unreadable jest report (${err.message})`);
    continue;
  }
  passed += num(report.numPassedTests);
  failed += num(report.numFailedTests);
  skipped += num(report.numPendingTests) + num(report.numTodoTests);
  // A suite that fails to load (syntax error, failing beforeAll, ...) fails no test by itself.
  const suitesWithoutFailedTests = (report.testResults || []).filter(
    (suite) => suite.status === 'failed' && !(suite.assertionResults || []).some((t) => t.status === 'failed'),
  ).length;
  brokenSuites += Math.max(num(report.numRuntimeErrorTestSuites), suitesWithoutFailedTests);
}

if (files.length === 0) problems.push(`no jest report (jest-*.json) in ${dir}`);
if (brokenSuites > 0) problems.push(`${brokenSuites} test suite(s) failed to run`);
if (files.length > 0 && passed + failed === 0) problems.push('no test ran');
for (const problem of problems) console.error(`summarize-jest: ${problem}`);

console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);

if (failed > 0 || brokenSuites > 0 || problems.some((p) => p.includes('unreadable'))) process.exitCode = 1;
else if (passed === 0) process.exitCode = 2;
