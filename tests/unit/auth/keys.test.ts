import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Command } from 'commander';
import { buildSchemaSync } from 'type-graphql';
import { registerKeysCommand } from '../../../src/auth/keysCommand';
import { generateKey, keyLine, keyMatches, parseKeyLine, KeyConfigError } from '../../../src/auth/keys';
import { Keyring } from '../../../src/auth/keyring';
import { loadKeyring, readKeysFile } from '../../../src/auth/keysFile';
import { roleAtLeast } from '../../../src/auth/roles';
import { buildSchemaWith, RESOLVERS } from '../../../src/graphql/schema';

describe('API keys', () => {
  it('stores only a salted scrypt hash; the key matches it and nothing else does', async () => {
    const { key, stored } = await generateKey('EDITOR', 'officer');
    expect(key).toMatch(/^kz_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(stored)).not.toContain(key.slice('kz_00000000_'.length));
    expect(await keyMatches(key, stored)).toBe(true);
    expect(await keyMatches(key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A'), stored)).toBe(false);
    const again = await generateKey('EDITOR', 'officer');
    expect(again.stored.salt).not.toBe(stored.salt);
  });

  it('a keyring verifies keys to their name and role and refuses others', async () => {
    const editor = await generateKey('EDITOR', 'officer');
    const admin = await generateKey('ADMIN');
    const ring = new Keyring([editor.stored, admin.stored]);
    expect(await ring.verify(editor.key)).toEqual({ keyName: 'officer', role: 'EDITOR' });
    expect(await ring.verify(editor.key)).toEqual({ keyName: 'officer', role: 'EDITOR' });
    expect(await ring.verify(admin.key)).toEqual({ keyName: admin.stored.name, role: 'ADMIN' });
    expect(await ring.verify('kz_00000000_' + 'a'.repeat(43))).toBeNull();
    expect(await ring.verify('not a key')).toBeNull();
    // Right id, wrong secret.
    expect(await ring.verify(editor.key.replace(/_[^_]+$/, '_' + 'b'.repeat(43)))).toBeNull();
  });

  it('environment lines round-trip and malformed ones are refused without echoing them', async () => {
    const { stored } = await generateKey('READER', 'analyst');
    expect(parseKeyLine(keyLine(stored))).toEqual({ name: 'analyst', role: 'READER', id: stored.id, salt: stored.salt, hash: stored.hash });
    expect(() => parseKeyLine('kz_secret_value')).toThrow(KeyConfigError);
    expect(() => parseKeyLine('kz_secret_value')).not.toThrow(/kz_secret_value/);
    expect(() => parseKeyLine(keyLine({ ...stored, role: 'OWNER' as never }))).toThrow(KeyConfigError);
  });

  it('roles are ordered READER < EDITOR < ADMIN', () => {
    expect(roleAtLeast('ADMIN', 'EDITOR')).toBe(true);
    expect(roleAtLeast('EDITOR', 'EDITOR')).toBe(true);
    expect(roleAtLeast('READER', 'EDITOR')).toBe(false);
    expect(roleAtLeast('EDITOR', 'ADMIN')).toBe(false);
  });
});

describe('kizuna keys', () => {
  const run = async (args: string[]) => {
    let text = '';
    const out = new Writable({ write: (chunk, _enc, done) => ((text += String(chunk)), done()) });
    // Commander's own usage errors are expected in one test; keep them out of the test output.
    const program = new Command('kizuna').exitOverride().configureOutput({ writeErr: () => undefined });
    registerKeysCommand(program, out);
    await program.parseAsync(args, { from: 'user' });
    return text;
  };

  it('add prints the key once and stores its hash (mode 0600); list shows names and roles, never hashes', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kizuna-keys-')), 'keys.json');
    const printed = await run(['keys', 'add', '--role', 'EDITOR', '--name', 'officer', '--file', file]);
    const key = printed.split('\n')[0];
    expect(key).toMatch(/^kz_/);
    const stored = readFileSync(file, 'utf8');
    expect(stored).not.toContain(key);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await (await loadKeyring({ envKeys: null, keysFile: file })).verify(key)).toEqual({ keyName: 'officer', role: 'EDITOR' });

    await run(['keys', 'add', '--role', 'ADMIN', '--file', file]);
    const listed = await run(['keys', 'list', '--file', file]);
    expect(listed.split('\n').filter(Boolean).map((l) => l.split('\t').slice(0, 2).join(' '))).toEqual(['officer EDITOR', expect.stringMatching(/^key-[0-9a-f]{8} ADMIN$/)]);
    const [first] = await readKeysFile(file);
    expect(listed).not.toContain(first.hash);
    await expect(run(['keys', 'add', '--role', 'EDITOR', '--name', 'officer', '--file', file])).rejects.toThrow(/already exists/);

    expect(await run(['keys', 'remove', '--name', 'officer', '--file', file])).toMatch(/^removed "officer" \(EDITOR/);
    expect(await (await loadKeyring({ envKeys: null, keysFile: file })).verify(key)).toBeNull();
    expect((await readKeysFile(file)).map((k) => k.role)).toEqual(['ADMIN']);
    await expect(run(['keys', 'remove', '--name', 'officer', '--file', file])).rejects.toThrow(/no key named/);
  });

  it('the environment and the file together; an unknown role is refused', async () => {
    const a = await generateKey('READER', 'a');
    const file = join(mkdtempSync(join(tmpdir(), 'kizuna-keys-')), 'none.json');
    const ring = await loadKeyring({ envKeys: keyLine(a.stored), keysFile: file });
    expect(ring.size).toBe(1);
    await expect(run(['keys', 'add', '--role', 'OWNER', '--file', file])).rejects.toThrow();
  });
});

describe('the schema and @Authorized', () => {
  it('refuses to build when fields are @Authorized and no authChecker is given', () => {
    expect(() => buildSchemaWith(undefined)).toThrow(/@Authorized/);
    // type-graphql itself, asked directly, refuses too (defence in depth, not the only guard).
    expect(() => buildSchemaSync({ resolvers: RESOLVERS, validate: false })).toThrow();
  });
});
