import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticDataset } from '../fixtures/syntheticDataset';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');

/** The built command line, as `npm start` and `npx kizuna` run it. */
describe('kizuna CLI (built)', () => {
  beforeAll(() => {
    if (!existsSync(cli)) {
      const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
      if (build.status !== 0) throw new Error('npm run build failed');
    }
  }, 120_000);

  const env = (extra: Record<string, string>) => {
    const { NEO4J_URI: _unset, ...rest } = process.env;
    return { ...rest, LOG_LEVEL: 'silent', ...extra };
  };

  it('serve prints the full URL, answers, and stops cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kizuna-cli-'));
    const seedFile = join(dir, 'seed.json');
    writeFileSync(seedFile, JSON.stringify(syntheticDataset(4)));
    const child = spawn(process.execPath, [cli, 'serve'], { env: env({ PORT: '0', HOST: '127.0.0.1', KIZUNA_SEED_FILE: seedFile }) });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const match = /ready at (http:\/\/127\.0\.0\.1:\d+\/graphql)/.exec(out);
        if (match) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`serve exited early with ${code}: ${out}`)));
    });
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ people { totalCount } }' }) });
    expect(await response.json()).toEqual({ data: { people: { totalCount: 4 } } });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 30_000);

  it('seed --check prints counts per type for a valid file and every problem with its path for a bad one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kizuna-cli-'));
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify(syntheticDataset(3)));
    const ok = spawnSync(process.execPath, [cli, 'seed', '--check', '--file', good], { env: env({}), encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/people\s+3/);

    const broken = syntheticDataset(3) as any;
    broken.visits[0].visitor = 'person:ghost';
    broken.people[1].careerStage = 'WIZARD';
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify(broken));
    const failed = spawnSync(process.execPath, [cli, 'seed', '--check', '--file', bad], { env: env({}), encoding: 'utf8' });
    expect(failed.status).toBe(1);
    expect(failed.stdout).toContain('people[1].careerStage');
  });
});
