import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');

/**
 * Failures of the machine rather than of the data — a path that is not there, a folder where a
 * file should be and the reverse, a busy port — end in one sentence that names the path or the
 * port and the fix, with exit code 1; never a bare ENOENT / EISDIR / EEXIST.
 */
describe('kizuna CLI (built): file-system and port failures', () => {
  let dir: string;
  beforeAll(() => {
    if (!existsSync(cli)) {
      const build = spawnSync(process.execPath, [join(root, 'scripts', 'build-if-stale.js')], { cwd: root, stdio: 'inherit' });
      if (build.status !== 0) throw new Error('build failed');
    }
  }, 120_000);
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kizuna-cli-errors-'));
    writeFileSync(join(dir, 'a-file'), 'not a folder');
    mkdirSync(join(dir, 'a-folder'));
  });

  const kizuna = (...args: string[]) => {
    const run = spawnSync(process.execPath, [cli, ...args], { cwd: dir, env: { ...process.env, LOG_LEVEL: 'silent' }, encoding: 'utf8' });
    return { status: run.status, stderr: run.stderr, stdout: run.stdout };
  };
  /** One line on stderr, no errno code in it. */
  const oneSentence = (stderr: string) => {
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/\bE[A-Z]{3,}\b/);
    return stderr;
  };

  it.each([
    ['seed --check', ['seed', '--check', '--file', 'missing.yaml']],
    ['seed', ['seed', '--file', 'missing.yaml']],
    ['serve', ['serve', '--port', '0', '--file', 'missing.yaml']],
    ['report', ['report', '--fiscal-year', '2024', '--out', 'r']],
    ['export', ['export', '--format', 'gexf']],
  ])('a missing data-set file (%s) names it and says how data sets are given', (_name, args) => {
    const run = args[0] === 'report' || args[0] === 'export' ? kizunaWithSeed('missing.yaml', ...args) : kizuna(...args);
    expect(run.status).toBe(1);
    expect(oneSentence(run.stderr)).toBe('kizuna: missing.yaml does not exist: check the path (a data set is given with --file or KIZUNA_SEED_FILE).\n');
  });

  function kizunaWithSeed(seedFile: string, ...args: string[]) {
    const run = spawnSync(process.execPath, [cli, ...args], { cwd: dir, env: { ...process.env, LOG_LEVEL: 'silent', KIZUNA_SEED_FILE: seedFile }, encoding: 'utf8' });
    return { status: run.status, stderr: run.stderr, stdout: run.stdout };
  }

  it('a folder given as the data-set file', () => {
    const run = kizuna('seed', '--check', '--file', 'a-folder');
    expect(run.status).toBe(1);
    expect(oneSentence(run.stderr)).toBe('kizuna: a-folder is a folder, but a file is expected there: give a file name (e.g. a-folder/graph.gexf).\n');
  });

  it('export --out creates the missing parent folders', () => {
    const run = kizuna('export', '--format', 'gexf', '--out', 'a/b/c.gexf');
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(readFileSync(join(dir, 'a', 'b', 'c.gexf'), 'utf8')).toMatch(/^<\?xml[\s\S]*<gexf/);
  });

  it('export --out naming a folder, or a path through a file', () => {
    const folder = kizuna('export', '--format', 'gexf', '--out', 'a-folder');
    expect(folder.status).toBe(1);
    expect(oneSentence(folder.stderr)).toBe('kizuna: a-folder is a folder, but a file is expected there: give a file name (e.g. a-folder/graph.gexf).\n');
    const through = kizuna('export', '--format', 'graphml', '--out', 'a-file/graph.graphml');
    expect(through.status).toBe(1);
    expect(oneSentence(through.stderr)).toBe('kizuna: a-file already exists as a file, but a folder is expected there: remove or rename it, or choose another path.\n');
  });

  it('schema --out through a file, report --out onto a file', () => {
    const schema = kizuna('schema', '--out', 'a-file/schema.graphql');
    expect(schema.status).toBe(1);
    expect(oneSentence(schema.stderr)).toMatch(/^kizuna: a-file already exists as a file, but a folder is expected there/);
    const report = kizuna('report', '--fiscal-year', '2024', '--out', 'a-file');
    expect(report.status).toBe(1);
    expect(oneSentence(report.stderr)).toBe(`kizuna report: ${join(dir, 'a-file')} exists and is a file, not a folder: choose another --out, or move that file away\n`);
  });

  it('report for a fiscal year without data exits 2 and writes nothing, unless --allow-empty', () => {
    const empty = kizuna('report', '--fiscal-year', '2030', '--out', 'fy2030');
    expect(empty.status).toBe(2);
    expect(oneSentence(empty.stderr)).toMatch(/^kizuna report: No visit falls in FY2030 .*--allow-empty/);
    expect(existsSync(join(dir, 'fy2030'))).toBe(false);
    const allowed = kizuna('report', '--fiscal-year', '2030', '--out', 'fy2030', '--allow-empty');
    expect(allowed.status).toBe(0);
    expect(existsSync(join(dir, 'fy2030', 'report.html'))).toBe(true);
  }, 60_000);

  describe('a busy port', () => {
    let blocker: Server;
    let port: number;
    beforeAll(async () => {
      blocker = createServer();
      await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
      port = (blocker.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((resolve) => blocker.close(() => resolve())));

    it('names the port and the two ways to choose another', async () => {
      const child = spawn(process.execPath, [cli, 'serve', '--port', String(port), '--host', '127.0.0.1'], { cwd: dir, env: { ...process.env, LOG_LEVEL: 'silent' } });
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).toBe(1);
      expect(oneSentence(stderr)).toBe(
        `kizuna: port ${port} on 127.0.0.1 is already in use by another program: stop that program, or choose another port with PORT=${port + 1} npm start, or kizuna serve --port ${port + 1}.\n`,
      );
    }, 30_000);
  });
});
