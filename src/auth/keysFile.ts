import { randomBytes } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { checkStoredKey, KeyConfigError, parseKeyLine, type StoredKey } from './keys';
import { Keyring } from './keyring';

/**
 * The keys file: `{"keys": [{id, name, role, salt, hash, createdAt}]}`, hashes only. Written
 * atomically (temp file + rename) with mode 0600, so a crash mid-write never loses the keys
 * that were there and other users of the machine cannot read the hashes.
 */
export async function readKeysFile(file: string): Promise<StoredKey[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw new KeyConfigError(`keys file ${file} is not valid JSON`);
  }
  const keys = (document as { keys?: unknown })?.keys;
  if (!Array.isArray(keys)) throw new KeyConfigError(`keys file ${file} must be {"keys": [...]}`);
  return keys.map(checkStoredKey);
}

export async function addKeyToFile(file: string, key: StoredKey): Promise<void> {
  const keys = await readKeysFile(file);
  if (keys.some((k) => k.name === key.name)) throw new KeyConfigError(`a key named "${key.name}" already exists in ${file}`);
  await writeKeysFile(file, [...keys, key]);
}

/** Revokes a key by name (a running server keeps the keys it started with until it restarts). */
export async function removeKeyFromFile(file: string, name: string): Promise<StoredKey> {
  const keys = await readKeysFile(file);
  const removed = keys.find((k) => k.name === name);
  if (!removed) throw new KeyConfigError(`no key named "${name}" in ${file}`);
  await writeKeysFile(file, keys.filter((k) => k !== removed));
  return removed;
}

async function writeKeysFile(file: string, keys: readonly StoredKey[]): Promise<void> {
  const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temp, JSON.stringify({ keys }, null, 2) + '\n', { mode: 0o600 });
  await rename(temp, file);
}

/** The keys of KIZUNA_API_KEYS (comma-separated lines) and of the keys file, together; ids must be unique. */
export async function loadKeyring(options: { envKeys: string | null; keysFile: string | null }): Promise<Keyring> {
  const fromEnv = options.envKeys ? options.envKeys.split(',').filter((l) => l.trim()).map(parseKeyLine) : [];
  const fromFile = options.keysFile ? await readKeysFile(options.keysFile) : [];
  const all = [...fromEnv, ...fromFile];
  const ids = new Set<string>();
  for (const key of all) {
    if (ids.has(key.id)) throw new KeyConfigError(`two configured keys share the id ${key.id}`);
    ids.add(key.id);
  }
  return new Keyring(all);
}
