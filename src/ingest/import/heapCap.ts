import { spawn } from 'node:child_process';

/**
 * `kizuna import` runs with a capped V8 heap. Its live memory is one batch plus the import's id
 * index (idIndex.ts), but without a cap V8 lets the heap grow with the allocation rate (an import
 * allocates fast: parsed rows, driver buffers) and the process's RSS with it: 300 MB at 100k
 * records. The cap can only be set when the process starts (V8 reads it once;
 * v8.setFlagsFromString has no effect then), so the command starts itself again with
 * --max-old-space-size unless the caller already chose one (NODE_OPTIONS or a node flag).
 */
export const DEFAULT_IMPORT_HEAP_MB = 192;

export function heapCapChosen(execArgv: readonly string[], nodeOptions: string | undefined): boolean {
  return [...execArgv, ...(nodeOptions ?? '').split(/\s+/)].some((arg) => arg.startsWith('--max-old-space-size'));
}

/**
 * Runs this command again in a child with the heap cap (KIZUNA_IMPORT_HEAP_MB, default
 * DEFAULT_IMPORT_HEAP_MB) and resolves with its exit code; a child killed by a signal kills this
 * process with the same signal, so callers see what they would have seen. Returns null when no
 * restart is needed (a cap is set, or KIZUNA_IMPORT_HEAP_MB=0 turns this off).
 */
export function restartWithHeapCap(env: NodeJS.ProcessEnv = process.env): Promise<number> | null {
  const mb = Number(env.KIZUNA_IMPORT_HEAP_MB ?? DEFAULT_IMPORT_HEAP_MB);
  if (!Number.isFinite(mb) || mb <= 0 || heapCapChosen(process.execArgv, env.NODE_OPTIONS)) return null;
  const child = spawn(process.execPath, [`--max-old-space-size=${Math.round(mb)}`, ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', env });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward).on('SIGTERM', forward);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward).off('SIGTERM', forward);
      if (signal) process.kill(process.pid, signal);
      else resolve(code ?? 1);
    });
  });
}
