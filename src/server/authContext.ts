import type { NextFunction, Request, Response } from 'express';
import type { Principal } from '../auth/keys';
import { Keyring } from '../auth/keyring';
import { unauthenticated } from '../errors';

/** How the HTTP surface authenticates: the configured keys and whether reads need one. */
export interface HttpAuth {
  keyring: Keyring;
  reads: 'public' | 'reader';
}

/** No keys, public reads: what tests and a fresh `npm start` get (every write is then refused). */
export const PUBLIC_READS_NO_KEYS: HttpAuth = { keyring: new Keyring([]), reads: 'public' };

/**
 * The caller of a request, from `Authorization: Bearer <key>`. A key that is sent is always
 * checked (a wrong key is refused even for a public read, so a typo never passes silently as
 * anonymous); no key is anonymous, which only public reads accept. The key is never logged or echoed.
 */
export async function principalOf(header: string | undefined, auth: HttpAuth): Promise<Principal | null> {
  if (!header) {
    if (auth.reads === 'reader') throw unauthenticated('Reads need an API key here: send `Authorization: Bearer <key>`');
    return null;
  }
  const match = /^Bearer +(\S+)$/.exec(header);
  if (!match) throw unauthenticated('The Authorization header must be `Bearer <key>`');
  const principal = await auth.keyring.verify(match[1]);
  if (!principal) throw unauthenticated('The API key is not valid');
  return principal;
}

/** Guards a non-GraphQL read route (/export) with the same rule, answering in the API's error shape. */
export function readGuard(auth: HttpAuth) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      await principalOf(req.headers.authorization, auth);
      next();
    } catch (error) {
      res.status(401).json({ errors: [{ message: (error as Error).message, extensions: { code: 'UNAUTHENTICATED' } }] });
    }
  };
}
