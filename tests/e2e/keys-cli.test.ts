import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticDataset } from '../fixtures/syntheticDataset';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');

/** The key flow as an officer runs it: `kizuna keys add` prints a key, `kizuna serve` accepts it for writes. */
describe('kizuna keys + serve (built)', () => {
  beforeAll(() => {
    if (!existsSync(cli)) {
      const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
      if (build.status !== 0) throw new Error('npm run build failed');
    }
  }, 120_000);

  it('a key printed by keys add writes through serve; the file holds its hash only; no key, no write', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kizuna-keys-cli-'));
    const keysFile = join(dir, 'keys.json');
    const seedFile = join(dir, 'seed.json');
    writeFileSync(seedFile, JSON.stringify(syntheticDataset(3)));
    const { NEO4J_URI: _unset, ...rest } = process.env;
    const env = { ...rest, LOG_LEVEL: 'silent', KIZUNA_KEYS_FILE: keysFile, KIZUNA_SEED_FILE: seedFile, HOST: '127.0.0.1', PORT: '0' };

    const add = spawnSync(process.execPath, [cli, 'keys', 'add', '--role', 'EDITOR', '--name', 'officer'], { env, encoding: 'utf8' });
    expect(add.status).toBe(0);
    const key = add.stdout.split('\n')[0];
    expect(key).toMatch(/^kz_/);
    expect(readFileSync(keysFile, 'utf8')).not.toContain(key);
    expect(spawnSync(process.execPath, [cli, 'keys', 'list'], { env, encoding: 'utf8' }).stdout).toMatch(/^officer\tEDITOR\t/);

    const child = spawn(process.execPath, [cli, 'serve'], { env });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk) => {
          out += chunk;
          const match = /ready at (http:\/\/127\.0\.0\.1:\d+\/graphql)\n/.exec(out);
          if (match) resolve(match[1]);
        });
        child.once('exit', (code) => reject(new Error(`serve exited early with ${code}: ${out}`)));
      });
      const write = (authorization?: string) =>
        fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
          body: JSON.stringify({ query: 'mutation { upsertTheme(input: { id: "theme:cli", name: "CLI", sources: [{ source: "source:s1" }] }) { id version } }' }),
        });
      expect((await write()).status).toBe(401);
      const ok = await write(`Bearer ${key}`);
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ data: { upsertTheme: { id: 'theme:cli', version: 1 } } });
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  }, 60_000);
});
