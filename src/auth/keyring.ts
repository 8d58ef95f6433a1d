import { createHash } from 'node:crypto';
import { keyIdOf, keyMatches, type Principal, type StoredKey } from './keys';

/** How many verified keys are remembered; a deployment has a handful of keys. */
const REMEMBERED = 256;

/**
 * The configured keys, and verification of a presented key. Lives as long as the server.
 * A verified key is remembered by the SHA-256 of the key (never the key itself), so a client
 * sending the same key on every request pays the scrypt cost once, not per request.
 */
export class Keyring {
  private readonly byId = new Map<string, StoredKey>();
  private readonly verified = new Map<string, Principal>();

  constructor(keys: readonly StoredKey[]) {
    for (const key of keys) this.byId.set(key.id, key);
  }

  get size(): number {
    return this.byId.size;
  }

  /** The caller a key stands for, or null when it is not a configured key. */
  async verify(key: string): Promise<Principal | null> {
    const digest = createHash('sha256').update(key).digest('base64');
    const known = this.verified.get(digest);
    if (known) return known;
    const id = keyIdOf(key);
    const stored = id ? this.byId.get(id) : undefined;
    if (!stored || !(await keyMatches(key, stored))) return null;
    const principal: Principal = { keyName: stored.name, role: stored.role };
    if (this.verified.size >= REMEMBERED) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(digest, principal);
    return principal;
  }
}
