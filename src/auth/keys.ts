import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { isRole, type Role } from './roles';

/**
 * API keys. A key is `kz_<id>_<secret>`: the id (8 hex characters, not secret) names the stored
 * record so verification costs one scrypt, not one per configured key; the secret is 32 random
 * bytes. Only a salted scrypt hash of the whole key is ever stored (env or keys file), and the
 * hash is compared with timingSafeEqual. node:crypto does all of it: no dependency needed.
 */
export interface StoredKey {
  id: string;
  name: string;
  role: Role;
  /** base64 salt and scrypt hash of the full key. */
  salt: string;
  hash: string;
  createdAt?: string;
}

/** What a verified key says about the caller; the only thing the rest of the app sees. */
export interface Principal {
  keyName: string;
  role: Role;
}

const KEY_PATTERN = /^kz_([0-9a-f]{8})_([A-Za-z0-9_-]{43})$/;
export const KEY_NAME_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
const HASH_BYTES = 32;
/** scrypt cost: N=2^14 (Node's default), ~30 ms here; verified keys are then remembered (Keyring). */
const SCRYPT: ScryptOptions = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

function scrypt(key: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(key, salt, HASH_BYTES, SCRYPT, (error, derived) => (error ? reject(error) : resolve(derived))),
  );
}

/** A new key and the record to store for it. The key itself is returned once and never stored. */
export async function generateKey(role: Role, name?: string): Promise<{ key: string; stored: StoredKey }> {
  const id = randomBytes(4).toString('hex');
  const key = `kz_${id}_${randomBytes(32).toString('base64url')}`;
  const salt = randomBytes(16);
  const hash = await scrypt(key, salt);
  const stored: StoredKey = { id, name: name ?? `key-${id}`, role, salt: salt.toString('base64'), hash: hash.toString('base64'), createdAt: new Date().toISOString() };
  return { key, stored };
}

/** Whether `key` is the key `stored` was made from (constant time in the hash comparison). */
export async function keyMatches(key: string, stored: StoredKey): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  const actual = await scrypt(key, Buffer.from(stored.salt, 'base64'));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** The id part of a well-formed key, or null. */
export function keyIdOf(key: string): string | null {
  return KEY_PATTERN.exec(key)?.[1] ?? null;
}

/**
 * One stored key as a line, for KIZUNA_API_KEYS (comma-separated): `name:ROLE:id:salt:hash`.
 * The same record as the keys file, in a form that fits an environment variable.
 */
export function keyLine(stored: StoredKey): string {
  return [stored.name, stored.role, stored.id, stored.salt, stored.hash].join(':');
}

export class KeyConfigError extends Error {
  override name = 'KeyConfigError';
}

export function parseKeyLine(line: string): StoredKey {
  const parts = line.trim().split(':');
  const [name, role, id, salt, hash] = parts;
  if (parts.length !== 5 || !KEY_NAME_PATTERN.test(name) || !isRole(role) || !/^[0-9a-f]{8}$/.test(id) || !salt || !hash) {
    // Never echo the line: it holds a hash, and a mistyped line might hold a key.
    throw new KeyConfigError('KIZUNA_API_KEYS: each entry must be name:ROLE:id:salt:hash (as printed by `kizuna keys add`)');
  }
  return { name, role, id, salt, hash };
}

/** Checks a record read from a keys file; the message names the entry by position, never its content. */
export function checkStoredKey(value: unknown, position: number): StoredKey {
  const v = (value ?? {}) as Record<string, unknown>;
  const ok =
    typeof v.id === 'string' && /^[0-9a-f]{8}$/.test(v.id) &&
    typeof v.name === 'string' && KEY_NAME_PATTERN.test(v.name) &&
    typeof v.role === 'string' && isRole(v.role) &&
    typeof v.salt === 'string' && typeof v.hash === 'string';
  if (!ok) throw new KeyConfigError(`keys file: entry ${position + 1} needs id, name, role (READER|EDITOR|ADMIN), salt and hash`);
  return { id: v.id as string, name: v.name as string, role: v.role as Role, salt: v.salt as string, hash: v.hash as string, createdAt: typeof v.createdAt === 'string' ? v.createdAt : undefined };
}
