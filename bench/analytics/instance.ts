import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A Neo4j the benchmark owns: scripts/neo4j.sh with its own home (`.neo4j/<home>/`, so its data
 * outlives the run and is reused through the data marker) on KIZUNA_BENCH_NEO4J_PORT. Never the
 * developer's (7687) or the tests' (7688) port.
 */
export interface Instance {
  uri: string;
  password: string;
  /** The server JVM's pid (for its CPU time), null when unknown. */
  pid(): number | null;
  stop(): void;
}

const ROOT = join(__dirname, '..', '..');

export function ownInstance(home: string): Instance {
  const port = process.env.KIZUNA_BENCH_NEO4J_PORT ?? '7689';
  if (port === '7687' || port === '7688') throw new Error('the bench never runs on 7687 (developer) or 7688 (tests): set KIZUNA_BENCH_NEO4J_PORT');
  const password = process.env.NEO4J_PASSWORD ?? 'kizuna-dev-password';
  const script = (command: string) => {
    const r = spawnSync('bash', [join(ROOT, 'scripts/neo4j.sh'), command], {
      env: { ...process.env, NEO4J_HOME_NAME: home, NEO4J_BOLT_PORT: port, NEO4J_PASSWORD: password },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (r.status !== 0) throw new Error(`scripts/neo4j.sh ${command} (${home}) failed with exit ${r.status}`);
  };
  script('start');
  return {
    uri: `bolt://127.0.0.1:${port}`,
    password,
    pid: () => {
      try {
        return Number(readFileSync(join(ROOT, '.neo4j', `${home}.pid`), 'utf8').trim()) || null;
      } catch {
        return null;
      }
    },
    stop: () => script('stop'),
  };
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); NaN elsewhere. */
export function processCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat(5), in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}
