import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
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

  /** Starts `kizuna serve`, resolves with the API and explorer URLs it prints. */
  const startServe = (args: string[], extraEnv: Record<string, string>) => {
    const child = spawn(process.execPath, [cli, 'serve', ...args], { env: env({ HOST: '127.0.0.1', ...extraEnv }) });
    const urls = new Promise<{ api: string; explorer: string }>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const api = /ready at (http:\/\/127\.0\.0\.1:\d+\/graphql)\n/.exec(out);
        const explorer = /Explorer .* at (http:\/\/127\.0\.0\.1:\d+\/explorer)\n/.exec(out);
        if (api && explorer) resolve({ api: api[1], explorer: explorer[1] });
      });
      child.once('exit', (code) => reject(new Error(`serve exited early with ${code}: ${out}`)));
    });
    const stop = () => {
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      return exited;
    };
    return { urls, stop };
  };
  const peopleCount = async (url: string) =>
    (await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ people { totalCount } }' }) })).json()) as unknown;

  it('serve prints the API and explorer URLs, serves KIZUNA_SEED_FILE, and stops cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kizuna-cli-'));
    const seedFile = join(dir, 'seed.json');
    writeFileSync(seedFile, JSON.stringify(syntheticDataset(4)));
    const server = startServe([], { PORT: '0', KIZUNA_SEED_FILE: seedFile });
    const { api, explorer } = await server.urls;
    expect(explorer).toBe(api.replace(/\/graphql$/, '/explorer'));
    expect(await peopleCount(api)).toEqual({ data: { people: { totalCount: 4 } } });
    expect((await fetch(explorer)).status).toBe(200);
    expect(await server.stop()).toBe(0);
  }, 30_000);

  it('serve --file serves that data set, ahead of KIZUNA_SEED_FILE', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kizuna-cli-'));
    writeFileSync(join(dir, 'five.yaml'), stringify(syntheticDataset(5)));
    writeFileSync(join(dir, 'three.json'), JSON.stringify(syntheticDataset(3)));
    const server = startServe(['--file', join(dir, 'five.yaml'), '--port', '0'], { KIZUNA_SEED_FILE: join(dir, 'three.json') });
    expect(await peopleCount((await server.urls).api)).toEqual({ data: { people: { totalCount: 5 } } });
    expect(await server.stop()).toBe(0);
  }, 30_000);

  it('--version prints the package version; --help documents serve --file and KIZUNA_SEED_FILE', () => {
    const version = spawnSync(process.execPath, [cli, '--version'], { env: env({}), encoding: 'utf8' });
    expect(version.status).toBe(0);
    expect(version.stdout).toBe(`${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version}\n`);
    const help = spawnSync(process.execPath, [cli, 'serve', '--help'], { env: env({}), encoding: 'utf8' });
    expect(help.stdout).toMatch(/--file <file>[\s\S]*env: KIZUNA_SEED_FILE/);
    expect(spawnSync(process.execPath, [cli, '--help'], { env: env({}), encoding: 'utf8' }).stdout).toMatch(/-V, --version/);
  });

  it('seed without NEO4J_URI says plainly that nothing was kept, and how to point it at Neo4j', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kizuna-cli-'));
    const file = join(dir, 'two.json');
    writeFileSync(file, JSON.stringify(syntheticDataset(2)));
    const run = spawnSync(process.execPath, [cli, 'seed', '--file', file], { env: env({}), encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('NEO4J_URI is not set, so this seeded an in-process store that is gone now that the command exits: nothing was kept.');
    expect(run.stdout).toContain('NEO4J_URI=bolt://127.0.0.1:7687');
  });

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
    expect(failed.stderr).toContain('people[1].careerStage');
    expect(failed.stdout).not.toContain('people[1].careerStage');
  });

  it('seed --check reports a wrong type, a dangling reference and a duplicate id together, each with record id and line:column, on stderr', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kizuna-cli-'));
    const broken = structuredClone(syntheticDataset(3)) as any;
    broken.people[1].careerStage = 'WIZARD';
    broken.visits[0].visitor = 'person:ghost';
    broken.people.push({ ...broken.people[0], name: 'Copy of person 0' });
    const file = join(dir, 'three-problems.yaml');
    const text = stringify(broken);
    writeFileSync(file, text);
    const run = spawnSync(process.execPath, [cli, 'seed', '--check', '--file', file], { env: env({}), encoding: 'utf8' });
    expect(run.status).toBe(1);
    const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    const problems = run.stderr.split('\n').filter((l) => l.startsWith('  '));
    expect(run.stderr.split('\n')[0]).toBe(`${file}: INVALID, 3 problem(s)`);
    expect(problems).toEqual([
      expect.stringMatching(new RegExp(`^  ${file}:${lineOf('WIZARD')}:\\d+  people\\[1\\]\\.careerStage \\(person:p001\\): `)),
      expect.stringMatching(new RegExp(`^  ${file}:\\d+:\\d+  people\\[3\\]\\.id \\(person:p000\\): duplicate id "person:p000" \\(first at people\\[0\\]\\.id\\)$`)),
      expect.stringMatching(new RegExp(`^  ${file}:${lineOf('person:ghost')}:\\d+  visits\\[0\\]\\.visitor \\(visit:v000\\): refers to "person:ghost"`)),
    ]);
  });
});
