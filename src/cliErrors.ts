import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * One sentence for a failure of the machine rather than of the data — a path that is not there,
 * a folder where a file should be, a busy port — naming the path or port and the fix, in place of
 * Node's bare "ENOENT: no such file or directory, open '…'". Null for anything else.
 */
export function describeSystemError(error: unknown): string | null {
  if (!isErrnoException(error)) return null;
  const { code, path } = error;
  if (code === 'EADDRINUSE' || code === 'EADDRNOTAVAIL' || (code === 'EACCES' && isListen(error))) return describeListen(error);
  if (!path) return null;
  switch (code) {
    case 'ENOENT':
      return describeMissing(path, error.syscall);
    case 'ENOTDIR':
      return describeNotDir(path);
    case 'EISDIR':
      return `${path} is a folder, but a file is expected there: give a file name (e.g. ${path.replace(/\/+$/, '')}/graph.gexf).`;
    case 'EEXIST':
      return `${path} already exists as a file, but a folder is expected there: remove or rename it, or choose another path.`;
    case 'EACCES':
    case 'EPERM':
      return `no permission to use ${path}: choose a path you can write to, or change its permissions.`;
    case 'EROFS':
      return `${path} is on a read-only file system: choose a path on a writable disk.`;
    case 'ENOSPC':
      return `the disk holding ${path} is full: free some space or choose another path.`;
    default:
      return null;
  }
}

interface SystemError extends Error {
  code?: string;
  syscall?: string;
  path?: string;
  port?: number;
  address?: string;
}

function isErrnoException(error: unknown): error is SystemError {
  return error instanceof Error && typeof (error as SystemError).code === 'string';
}

function isListen(error: SystemError): boolean {
  return error.syscall === 'listen' || error.syscall === 'bind';
}

function describeListen(error: SystemError): string {
  const where = `${error.address ?? 'the host'}:${error.port ?? '?'}`;
  const next = typeof error.port === 'number' && error.port > 0 ? error.port + 1 : 4001;
  const fix = `choose another port with PORT=${next} npm start, or kizuna serve --port ${next}`;
  if (error.code === 'EADDRINUSE') return `port ${error.port} on ${error.address} is already in use by another program: stop that program, or ${fix}.`;
  if (error.code === 'EACCES') return `not allowed to listen on ${where} (ports below 1024 need privileges): ${fix}.`;
  return `cannot listen on ${where}: ${error.address} is not an address of this machine; set HOST (or --host) to one of its addresses, e.g. 127.0.0.1.`;
}

/** A missing path: either the path itself or, when writing, one of the folders above it. */
function describeMissing(path: string, syscall: string | undefined): string {
  const missingFolder = firstMissingAncestor(path);
  if (missingFolder && syscall !== 'stat' && syscall !== 'lstat') {
    return `the folder ${missingFolder} does not exist, so ${path} cannot be used: create it (mkdir -p ${dirname(path)}) or check the path.`;
  }
  return `${path} does not exist: check the path (a data set is given with --file or KIZUNA_SEED_FILE).`;
}

function describeNotDir(path: string): string {
  const file = firstFileAncestor(path);
  if (file === resolve(path)) return `${path} is a file, but a folder is expected there: remove or rename it, or choose another path.`;
  return file
    ? `${file} is a file, but ${path} needs it to be a folder: move that file away or choose another path.`
    : `a part of ${path} is a file where a folder is expected: check the path.`;
}

/** The highest folder above path that does not exist, or null when the parent exists. */
function firstMissingAncestor(path: string): string | null {
  let missing: string | null = null;
  for (let dir = dirname(resolve(path)); dir !== dirname(dir); dir = dirname(dir)) {
    if (kindOf(dir) !== 'none') break;
    missing = dir;
  }
  return missing;
}

function firstFileAncestor(path: string): string | null {
  for (let dir = resolve(path); dir !== dirname(dir); dir = dirname(dir)) {
    if (kindOf(dir) === 'file') return dir;
  }
  return null;
}

function kindOf(path: string): 'file' | 'folder' | 'none' {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'file';
  } catch {
    return 'none';
  }
}
