import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * Writes a directory all at once or not at all. `fill` writes into a fresh temporary directory
 * next to the target (same parent, so the final rename never crosses a file system); only when
 * it has finished is that directory renamed into place. If `fill` or the swap fails, the
 * temporary directory is removed and the target is left exactly as it was.
 *
 * A target that already exists is replaced only if it is empty or was written by this function
 * before (it holds MARKER_FILE), so a mistyped --out never deletes someone's directory.
 */
export const MARKER_FILE = '.kizuna-report';

export class OutputDirError extends Error {
  override name = 'OutputDirError';
}

export async function writeDirAtomically(target: string, fill: (dir: string) => Promise<void>): Promise<void> {
  const out = resolve(target);
  const parent = dirname(out);
  await mkdir(parent, { recursive: true });
  await assertReplaceable(out);
  const temp = await makeTempDir(join(parent, `.${basename(out)}.tmp-`));
  try {
    await fill(temp);
    await writeFile(join(temp, MARKER_FILE), 'Written by `kizuna report`; the whole directory is replaced on the next run.\n');
    await swapIntoPlace(temp, out);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}

/**
 * The directory that becomes the output, created with mkdir's default mode so the user's umask
 * applies (0755 under the usual 022), as for any folder they make. mkdtemp would give 0700, and
 * the renamed report would then be unreadable to anyone else (a web server, a colleague).
 */
async function makeTempDir(prefix: string): Promise<string> {
  const dir = `${prefix}${randomBytes(6).toString('hex')}`;
  await mkdir(dir);
  return dir;
}

async function assertReplaceable(out: string): Promise<void> {
  let entries: string[];
  try {
    const info = await stat(out);
    if (!info.isDirectory()) throw new OutputDirError(`${out} exists and is a file, not a folder: choose another --out, or move that file away`);
    entries = await readdir(out);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (entries.length > 0 && !entries.includes(MARKER_FILE)) {
    throw new OutputDirError(`${out} is not empty and was not written by kizuna report; choose another --out or empty it`);
  }
}

/** rename(2) cannot replace a non-empty directory: move the old one aside, move the new one in, then drop the old. */
async function swapIntoPlace(temp: string, out: string): Promise<void> {
  try {
    await rename(temp, out);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'EISDIR') throw error;
  }
  const old = await mkdtemp(join(dirname(out), `.${basename(out)}.old-`));
  await rename(out, join(old, 'previous'));
  try {
    await rename(temp, out);
  } catch (error) {
    await rename(join(old, 'previous'), out);
    await rm(old, { recursive: true, force: true });
    throw error;
  }
  await rm(old, { recursive: true, force: true });
}
