import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { syntheticDataset } from '../fixtures/syntheticDataset';
import { tempDir } from '../support/importHelpers';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');

/** `kizuna import` as a user runs it (embedded store: each run starts empty, which is enough to see the output). */
describe('kizuna import (built CLI)', () => {
  beforeAll(() => {
    if (!existsSync(cli)) expect(spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' }).status).toBe(0);
  }, 120_000);

  const run = (...args: string[]) => {
    const { NEO4J_URI: _unset, ...env } = process.env;
    return spawnSync(process.execPath, [cli, 'import', ...args], { env: { ...env, LOG_LEVEL: 'silent' }, encoding: 'utf8' });
  };

  it('imports CSV files with a summary per type and a progress line per 10% when not on a terminal', () => {
    const dir = tempDir();
    const people = syntheticDataset(30).people;
    writeFileSync(join(dir, 'sources.csv'), 'id,document,section,quote,lang\nsource:s1,roster,1,q,en\n');
    writeFileSync(join(dir, 'fy2025-people.csv'), 'id,name,careerStage,sources\n' + people.map((p) => `${p.id},${p.name},${p.careerStage},source:s1`).join('\n'));
    const result = run(join(dir, 'sources.csv'), join(dir, 'fy2025-people.csv'), '--batch-size', '3');
    expect(result.stderr).toMatch(/import: records 10% \(\d+\/31, \d+ records\/s\)/);
    expect(result.stderr).toMatch(/import: records 100% \(31\/31/);
    expect(result.stdout).toMatch(/people\s+30\s+0\s+0\s+0/);
    expect(result.stdout).toMatch(/imported 31 records into the memory store \(memory\)/);
    expect(result.status).toBe(0);
  });

  it('reports a bad CSV row with file, line, column, id and field, exits 1 and writes nothing', () => {
    const dir = tempDir();
    const file = join(dir, 'people.csv');
    writeFileSync(file, 'id,name,careerStage,sources\nperson:a,A,PROFESSOR,source:x\nperson:b,B,WIZARD,source:x\n');
    const result = run(file);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`${file}:3:3 person:b careerStage: `);
    expect(result.stdout).toContain(`${file}:2:4 person:a sources[0]: refers to "source:x", which neither this import nor the store holds`);
    expect(result.stdout).toMatch(/problem\(s\); nothing was written/);
  });

  it('--dry-run lists what would change and writes nothing', () => {
    const dir = tempDir();
    const file = join(dir, 'data.json');
    writeFileSync(file, JSON.stringify(syntheticDataset(3)));
    const result = run(file, '--dry-run');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('  created   person:p000');
    expect(result.stdout).toMatch(/dry run: \d+ records checked against the memory store; nothing was written/);
  });

  it('refuses a --concurrency outside 1–16 with one line naming it, before reading any file', () => {
    for (const [value, message] of [['0', '--concurrency must be a positive whole number, not "0"'], ['20', '--concurrency must be at most 16, not 20']]) {
      const result = run(join(tempDir(), 'absent.yaml'), '--concurrency', value);
      expect(result.status).not.toBe(0);
      expect(result.stderr.trim()).toBe(`kizuna: ${message}`);
    }
  });
});
