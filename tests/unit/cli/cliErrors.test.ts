import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeSystemError } from '../../../src/cliErrors';

/** The sentences that replace Node's bare errno messages (the e2e tier checks them through the CLI). */
const errno = (code: string, props: Record<string, unknown>) => Object.assign(new Error(`${code}: raw`), { code, ...props });

describe('describeSystemError', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kizuna-cli-errors-unit-'));
  writeFileSync(join(dir, 'file'), '');
  mkdirSync(join(dir, 'folder'));

  it('tells a missing file from a missing folder above it', () => {
    expect(describeSystemError(errno('ENOENT', { syscall: 'open', path: join(dir, 'nope.yaml') }))).toBe(
      `${join(dir, 'nope.yaml')} does not exist: check the path (a data set is given with --file or KIZUNA_SEED_FILE).`,
    );
    expect(describeSystemError(errno('ENOENT', { syscall: 'open', path: join(dir, 'a', 'b', 'c.gexf') }))).toBe(
      `the folder ${join(dir, 'a')} does not exist, so ${join(dir, 'a', 'b', 'c.gexf')} cannot be used: create it (mkdir -p ${join(dir, 'a', 'b')}) or check the path.`,
    );
  });

  it('names the file that stands where a folder is needed', () => {
    expect(describeSystemError(errno('ENOTDIR', { syscall: 'open', path: join(dir, 'file', 'x', 'y.gexf') }))).toBe(
      `${join(dir, 'file')} is a file, but ${join(dir, 'file', 'x', 'y.gexf')} needs it to be a folder: move that file away or choose another path.`,
    );
    expect(describeSystemError(errno('ENOTDIR', { syscall: 'scandir', path: join(dir, 'file') }))).toMatch(/is a file, but a folder is expected there/);
  });

  it('gives ports their fix: PORT=… or --port', () => {
    expect(describeSystemError(errno('EADDRINUSE', { syscall: 'listen', address: '127.0.0.1', port: 4000 }))).toBe(
      'port 4000 on 127.0.0.1 is already in use by another program: stop that program, or choose another port with PORT=4001 npm start, or kizuna serve --port 4001.',
    );
    expect(describeSystemError(errno('EACCES', { syscall: 'listen', address: '0.0.0.0', port: 80 }))).toMatch(/^not allowed to listen on 0\.0\.0\.0:80 .*PORT=81/);
    expect(describeSystemError(errno('EADDRNOTAVAIL', { syscall: 'listen', address: '10.9.9.9', port: 4000 }))).toMatch(/10\.9\.9\.9 is not an address of this machine; set HOST/);
  });

  it('leaves everything else to the caller', () => {
    expect(describeSystemError(new Error('plain'))).toBeNull();
    expect(describeSystemError(errno('ECONNREFUSED', { syscall: 'connect' }))).toBeNull();
    expect(describeSystemError('text')).toBeNull();
  });
});
