import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent' } });

/** `kizuna extract` as a programme officer runs it: a draft, its review, and `seed --check` accepting the draft. */
describe('kizuna extract (built CLI)', () => {
  beforeAll(() => {
    if (!existsSync(cli)) {
      const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
      if (build.status !== 0) throw new Error('npm run build failed');
    }
  }, 120_000);

  it('writes a draft that seed --check accepts and a review summary, lowest confidence first', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'kizuna-extract-')), 'nested', 'draft.yaml');
    const extract = run(['extract', 'seed/source/fy2024-progress-report.ja.txt', '--out', out]);
    expect(extract.status).toBe(0);
    expect(extract.stderr).toMatch(/26 people, 29 movements/);
    const check = run(['seed', '--check', '--file', out]);
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(/visits\s+29/);
    const review = readFileSync(out.replace(/\.yaml$/, '.review.md'), 'utf8');
    const confidences = [...review.matchAll(/^\| (\d\.\d\d) \|/gm)].map((m) => Number(m[1]));
    expect(confidences.length).toBeGreaterThan(10);
    expect(confidences).toEqual([...confidences].sort((a, b) => a - b));
  }, 120_000);

  it('refuses a fiscal year that is not a year', () => {
    const result = run(['extract', 'seed/source/fy2024-progress-report.ja.txt', '--out', join(tmpdir(), 'x.yaml'), '--fiscal-year', 'last']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--fiscal-year must be a year/);
  });
});
