#!/usr/bin/env node
// npm run bench:start [-- --runs N]: seconds from launching `npm start` to the printed API URL,
// on the checkout as it is (run it once first so the build is up to date: that is the case the
// target, <= 3 s on an unchanged checkout, is about). Also prints the machine's load, which on a
// shared 2-core machine moves the figure more than anything in the code does.
// Results: bench/results/start-<date>.json (git-ignored) and a line to copy into the README.
'use strict';

const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;

/**
 * CPU seconds used so far by a process group (live processes plus the children they have reaped):
 * the part of the start-up time that does not depend on how busy the machine is.
 */
function cpuSecondsOfGroup(pgid) {
  let ticks = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    // Fields after the command name (which may hold spaces): state is field 3, pgrp 5, utime..cstime 14-17.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) !== pgid) continue;
    ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
  }
  return ticks / 100; // USER_HZ is 100 on Linux
}

function once() {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    // Own process group, so the server that npm starts is stopped with it.
    const child = spawn('npm', ['start', '--silent'], {
      cwd: root,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', NEO4J_URI: '' },
      detached: true,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    let seconds = null;
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (seconds === null && /ready at http:\/\/\S+\/graphql/.test(out)) {
        seconds = { wall: Number(process.hrtime.bigint() - started) / 1e9, cpu: cpuSecondsOfGroup(child.pid) };
        process.kill(-child.pid, 'SIGTERM');
      }
    });
    child.once('exit', (code) => (seconds === null ? reject(new Error(`npm start exited (${code}) before printing its URL: ${out}`)) : resolve(seconds)));
  });
}

async function main() {
  // Warm-up run: builds when something changed, so the measured runs see an unchanged checkout.
  if (spawnSync(process.execPath, ['scripts/build-if-stale.js'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);
  await once();
  const samples = [];
  for (let i = 0; i < runs; i += 1) samples.push(await once());
  const stats = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted[sorted.length - 1] };
  };
  const wall = stats(samples.map((s) => s.wall));
  const cpu = stats(samples.map((s) => s.cpu));
  const load = os.loadavg()[0];
  const f = (x) => x.toFixed(2);
  console.log(
    `npm start -> printed URL, unchanged checkout, ${runs} runs: wall-clock median ${f(wall.median)} s (min ${f(wall.min)}, max ${f(wall.max)}); ` +
      `CPU median ${f(cpu.median)} s; load average ${load.toFixed(1)} on ${os.cpus().length} cores`,
  );
  const results = path.join(root, 'bench', 'results');
  fs.mkdirSync(results, { recursive: true });
  fs.writeFileSync(path.join(results, `start-${new Date().toISOString().replace(/[:.]/g, '-')}.json`), JSON.stringify({ samples, wall, cpu, load, cores: os.cpus().length }, null, 2));
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
