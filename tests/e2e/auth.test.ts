import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { generateKey, keyLine } from '../../src/auth/keys';
import type { Role } from '../../src/auth/roles';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { serve, type RunningServer } from '../../src/server/serve';
import { syntheticDataset } from '../fixtures/syntheticDataset';

/**
 * Who may write, over HTTP: 401 without a valid key, 403 with too low a role, the write with the
 * right one; READER-only reads by configuration; and no key in any log line (pino captured at trace).
 */
interface Keys {
  READER: string;
  EDITOR: string;
  ADMIN: string;
}

async function makeKeys(): Promise<{ keys: Keys; env: string }> {
  const made = await Promise.all((['READER', 'EDITOR', 'ADMIN'] as Role[]).map((role) => generateKey(role, role.toLowerCase())));
  return {
    keys: { READER: made[0].key, EDITOR: made[1].key, ADMIN: made[2].key },
    env: made.map((m) => keyLine(m.stored)).join(','),
  };
}

async function start(env: Record<string, string>): Promise<{ server: RunningServer; logs: () => string }> {
  const dir = mkdtempSync(join(tmpdir(), 'kizuna-auth-'));
  const seedFile = join(dir, 'seed.json');
  writeFileSync(seedFile, JSON.stringify(syntheticDataset(6)));
  let captured = '';
  const sink = new Writable({ write: (chunk, _enc, done) => ((captured += String(chunk)), done()) });
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', KIZUNA_SEED_FILE: seedFile, KIZUNA_KEYS_FILE: join(dir, 'keys.json'), ...env });
  const server = await serve(config, createLogger('trace', sink));
  return { server, logs: () => captured };
}

const MUTATION = `mutation { upsertTheme(input: { id: "theme:auth-test", name: "Auth test", sources: [{ source: "source:s1" }] }) { id version } }`;
const DELETE = `mutation { deleteRecord(id: "theme:auth-test") { deletedIds } }`;
const READ = `{ countries { code } }`;

function post(server: RunningServer, query: string, key?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key !== undefined) headers.authorization = `Bearer ${key}`;
  return fetch(server.url, { method: 'POST', headers, body: JSON.stringify({ query }) });
}

async function answer(response: Response) {
  const body = (await response.json()) as { data?: any; errors?: Array<{ extensions?: { code?: string } }> };
  return { status: response.status, codes: body.errors?.map((e) => e.extensions?.code), data: body.data };
}

describe('who may write (HTTP)', () => {
  let keys: Keys;
  let server: RunningServer;
  let logs: () => string;

  beforeAll(async () => {
    const made = await makeKeys();
    keys = made.keys;
    ({ server, logs } = await start({ KIZUNA_API_KEYS: made.env }));
  });
  afterAll(() => server.stop());

  it('a mutation without a key, or with a wrong one, is UNAUTHENTICATED with HTTP 401', async () => {
    expect(await answer(await post(server, MUTATION))).toMatchObject({ status: 401, codes: ['UNAUTHENTICATED'] });
    expect(await answer(await post(server, MUTATION, 'kz_00000000_' + 'x'.repeat(43)))).toMatchObject({ status: 401, codes: ['UNAUTHENTICATED'] });
    expect(await answer(await post(server, MUTATION, 'garbage'))).toMatchObject({ status: 401, codes: ['UNAUTHENTICATED'] });
  });

  it('a READER key may not write: FORBIDDEN with HTTP 403; the body carries the code only, no http internals', async () => {
    const response = await post(server, MUTATION, keys.READER);
    expect(response.status).toBe(403);
    const body = (await response.json()) as { errors: Array<{ extensions: Record<string, unknown> }> };
    expect(body.errors[0].extensions).toEqual({ code: 'FORBIDDEN' });
  });

  it('an EDITOR key writes; deleting needs ADMIN', async () => {
    expect(await answer(await post(server, MUTATION, keys.EDITOR))).toEqual({ status: 200, codes: undefined, data: { upsertTheme: { id: 'theme:auth-test', version: 1 } } });
    expect(await answer(await post(server, DELETE, keys.EDITOR))).toMatchObject({ status: 403, codes: ['FORBIDDEN'] });
    expect(await answer(await post(server, DELETE, keys.ADMIN))).toMatchObject({ status: 200, data: { deleteRecord: { deletedIds: ['theme:auth-test'] } } });
  });

  it('reads are public by default; a wrong key is refused even for a read', async () => {
    expect(await answer(await post(server, READ))).toMatchObject({ status: 200, codes: undefined });
    expect(await answer(await post(server, READ, 'kz_00000000_' + 'x'.repeat(43)))).toMatchObject({ status: 401, codes: ['UNAUTHENTICATED'] });
  });

  it('no key, nor its secret part, appears in any log line', async () => {
    await post(server, MUTATION, keys.EDITOR);
    const text = logs();
    expect(text).toContain('"msg":"graphql"');
    for (const key of Object.values(keys)) {
      expect(text).not.toContain(key);
      expect(text).not.toContain(key.slice('kz_00000000_'.length));
    }
  });
});

describe('READER-only reads (KIZUNA_READS=reader)', () => {
  let keys: Keys;
  let server: RunningServer;

  beforeAll(async () => {
    const made = await makeKeys();
    keys = made.keys;
    ({ server } = await start({ KIZUNA_API_KEYS: made.env, KIZUNA_READS: 'reader' }));
  });
  afterAll(() => server.stop());

  it('anonymous reads are UNAUTHENTICATED (401), on /graphql and /export; a READER key reads', async () => {
    expect(await answer(await post(server, READ))).toMatchObject({ status: 401, codes: ['UNAUTHENTICATED'] });
    const exported = await fetch(server.url.replace(/\/graphql$/, '/export?format=cytoscape'));
    expect(exported.status).toBe(401);
    expect(await answer(await post(server, READ, keys.READER))).toMatchObject({ status: 200, codes: undefined });
    const withKey = await fetch(server.url.replace(/\/graphql$/, '/export?format=cytoscape'), { headers: { authorization: `Bearer ${keys.READER}` } });
    expect(withKey.status).toBe(200);
  });
});

describe('importDataset over HTTP', () => {
  let keys: Keys;
  let server: RunningServer;
  const IMPORT = `mutation($files: [ImportFileInput!]!, $replace: Boolean) { importDataset(files: $files, replace: $replace) { records summary { collection created } } }`;
  const file = (title = 'HTTP import') => ({
    format: 'YAML',
    name: 'http.yaml',
    content: `format: kizuna-dataset\nversion: 1\nmeta:\n  title: ${title}\nthemes:\n  - id: theme:http-import\n    name: Imported over HTTP\n    sources: [source:s1]\n`,
  });
  const send = (files: unknown[], key?: string, replace = false) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (key !== undefined) headers.authorization = `Bearer ${key}`;
    return fetch(server.url, { method: 'POST', headers, body: JSON.stringify({ query: IMPORT, variables: { files, replace } }) });
  };

  beforeAll(async () => {
    const made = await makeKeys();
    keys = made.keys;
    ({ server } = await start({ KIZUNA_API_KEYS: made.env, KIZUNA_GRAPHQL_IMPORT_MAX_BYTES: '2048' }));
  });
  afterAll(() => server.stop());

  it('401 without a key, 403 for a READER key and for replace without ADMIN; an EDITOR key imports', async () => {
    expect(await answer(await send([file()]))).toMatchObject({ status: 401, codes: ['UNAUTHENTICATED'] });
    expect(await answer(await send([file()], keys.READER))).toMatchObject({ status: 403, codes: ['FORBIDDEN'] });
    expect(await answer(await send([file()], keys.EDITOR, true))).toMatchObject({ status: 403, codes: ['FORBIDDEN'] });
    expect(await answer(await send([file()], keys.EDITOR))).toEqual({ status: 200, codes: undefined, data: { importDataset: { records: 1, summary: [{ collection: 'themes', created: 1 }] } } });
  });

  it('content above the cap is BAD_USER_INPUT naming `kizuna import`; a body far above it is 413 saying the same', async () => {
    const over = await send([file('x'.repeat(3000))], keys.EDITOR);
    const body = (await over.json()) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'IMPORT_SIZE', max: 2048 });
    expect(body.errors[0].message).toMatch(/kizuna import/);
    const huge = await send([file('x'.repeat(2 ** 21))], keys.EDITOR);
    expect(huge.status).toBe(413);
    expect(JSON.stringify(await huge.json())).toMatch(/kizuna import/);
  });
});
