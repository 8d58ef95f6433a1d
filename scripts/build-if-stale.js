#!/usr/bin/env node
// Runs `npm run build` only when an input of the build changed since the last successful build,
// so `npm start` on an unchanged checkout goes straight to the server (a full type-check and
// compile costs 20 s or more here). Whatever steps `npm run build` grows (a frontend bundle, …),
// they are covered as long as their inputs are listed in INPUTS.
//
// The stamp is a hash of the inputs' paths and contents, not of times: a fresh clone, a `git
// checkout` back and forth or a touched file whose text is unchanged does not force a rebuild.
// It is written into dist/, so deleting dist/ always forces a full build.
//   node scripts/build-if-stale.js           build when stale
//   node scripts/build-if-stale.js --force   build anyway
'use strict';

const { createHash } = require('node:crypto');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const dist = path.join(root, 'dist');
const STAMP = path.join(dist, '.build-stamp');
/**
 * The source files of the last build. tsc --incremental never deletes the output of a source that
 * was removed or renamed, and a stale dist/server/limits.js shadows a new dist/server/limits/ (Node
 * resolves the file first): when a source of the last build is gone, dist/ is emptied first.
 */
const SOURCES = path.join(dist, '.build-sources');
/** Compiled entry point; without it there is nothing to run whatever the stamp says. */
const ENTRY = path.join(dist, 'cli.js');
/** tsc --incremental's state (tsconfig.build.json); removed with a missing entry so tsc re-emits everything. */
const TSBUILDINFO = path.join(dist, '.tsbuildinfo');
/** Files and folders (recursively) whose contents decide what `npm run build` produces. */
const INPUTS = ['src', 'explorer', 'package.json', 'package-lock.json', 'scripts/build-if-stale.js'];
const INPUT_PATTERN = /^tsconfig.*\.json$|^(vite|webpack|esbuild|rollup)\.config\.[cm]?[jt]s$/;

function inputFiles() {
  const top = fs.readdirSync(root).filter((name) => INPUT_PATTERN.test(name));
  const files = [];
  const walk = (rel) => {
    const abs = path.join(root, rel);
    let stat;
    try {
      stat = fs.statSync(abs);
    } catch {
      return; // an optional input (e.g. explorer/ before it exists)
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(abs)) if (name !== 'node_modules') walk(path.join(rel, name));
    } else if (stat.isFile()) files.push(rel);
  };
  for (const rel of [...INPUTS, ...top]) walk(rel);
  return files.sort();
}

function inputsHash() {
  const hash = createHash('sha256');
  for (const rel of inputFiles()) {
    hash.update(`${rel.split(path.sep).join('/')}\0`);
    hash.update(fs.readFileSync(path.join(root, rel)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function readStamp() {
  try {
    return fs.readFileSync(STAMP, 'utf8').trim();
  } catch {
    return null;
  }
}

function main() {
  const force = process.argv.includes('--force');
  const hash = inputsHash();
  const hasEntry = fs.existsSync(ENTRY);
  if (!force && hasEntry && readStamp() === hash) return 0;
  const sources = inputFiles().filter((rel) => rel.startsWith(`src${path.sep}`));
  if (removedSinceLastBuild(sources)) fs.rmSync(dist, { recursive: true, force: true });
  if (!hasEntry) fs.rmSync(TSBUILDINFO, { force: true });
  fs.rmSync(STAMP, { force: true });
  const npm = process.env.npm_execpath
    ? { cmd: process.execPath, args: [process.env.npm_execpath] }
    : { cmd: process.platform === 'win32' ? 'npm.cmd' : 'npm', args: [] };
  const result = spawnSync(npm.cmd, [...npm.args, 'run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) return result.status ?? 1;
  // The hash of the inputs as they were when the build started: an edit made during the build
  // leaves the stamp stale, so the next run builds again.
  fs.mkdirSync(dist, { recursive: true });
  fs.writeFileSync(SOURCES, `${sources.join('\n')}\n`);
  fs.writeFileSync(STAMP, `${hash}\n`);
  return 0;
}

function removedSinceLastBuild(sources) {
  let previous;
  try {
    previous = fs.readFileSync(SOURCES, 'utf8').split('\n').filter(Boolean);
  } catch {
    // No list (a build before this rule): a dist/ with compiled files of unknown origin is rebuilt whole.
    return fs.existsSync(ENTRY);
  }
  const now = new Set(sources);
  return previous.some((rel) => !now.has(rel));
}

process.exitCode = main();
