#!/usr/bin/env node
// The command's entry point: runs the compiled CLI, building it first when dist/ is missing or older
// than the sources (scripts/build-if-stale.js: a hash check of a few milliseconds when nothing changed).
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..');
try {
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-if-stale.js')], { stdio: 'inherit' });
} catch {
  process.exit(1); // the build printed why
}
require(path.join(root, 'dist', 'cli.js')).main(process.argv.slice(2));
