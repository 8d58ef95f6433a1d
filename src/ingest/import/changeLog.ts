import { userInfo } from 'node:os';
import type { ChangeActor } from '../../store/changes';

/**
 * Who imported from the command line: the local user (the CLI holds no API key), with the rights a
 * local user has. The import's entries themselves are written by the engine through its session
 * (engine.ts changeLogger), so that they commit with the import.
 */
export function localActor(): ChangeActor {
  let name = 'local';
  try {
    name = userInfo().username || name;
  } catch {
    // no passwd entry (some containers): keep "local"
  }
  return { keyName: `cli:${name}`, role: 'ADMIN' };
}
