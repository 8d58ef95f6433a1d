/**
 * `npm run bench:mutations [-- --neo4j] [-- --runs N]`: latency of the write path, one mutation at
 * a time, on the seed. Each run is a real update (the visit's purpose changes, so it commits: the
 * read, the diff, the version-checked transaction and its change entry), then three delete checks.
 * The embedded store always; Neo4j with --neo4j, using NEO4J_URI — it CLEARS that database, so
 * never point it at data you keep. Prints median / p90 in ms; writes bench/results/mutations.json.
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { seedStoreFromFile } from '../src/ingest/seed';
import { MemoryStore } from '../src/store/memory/memoryStore';
import type { GraphStore } from '../src/store/port';
import { WriteService } from '../src/write/service';

const VISIT = 'visit:nakanishi-osaka-to-germany-2024-09';
const actor = { keyName: 'bench', role: 'EDITOR' as const };

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function timed(runs: number, step: (i: number) => Promise<unknown>): Promise<{ median: number; p90: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await step(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: quantile(times, 0.5), p90: quantile(times, 0.9) };
}

async function measure(name: string, store: GraphStore, runs: number) {
  await store.clear();
  await seedStoreFromFile(store);
  const writer = new WriteService(store);
  const update = await timed(runs, (i) => writer.edit('Visit', VISIT, (r) => ({ ...r, purpose: `bench ${i}` }), { actor }));
  const unchanged = await timed(runs, () => writer.edit('Visit', VISIT, (r) => r, { actor }));
  const refused = await timed(Math.min(runs, 10), () => writer.delete('person:nakanishi-shuji', false, { actor }).catch(() => undefined));
  return [
    [`${name}: update (commit + change entry)`, update],
    [`${name}: same record again (no commit)`, unchanged],
    [`${name}: delete refused (references named)`, refused],
  ] as const;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const runs = Number(argv[argv.indexOf('--runs') + 1]) || 40;
  const rows: Array<readonly [string, { median: number; p90: number }]> = [...(await measure('memory', new MemoryStore(), runs))];
  if (argv.includes('--neo4j')) {
    const uri = process.env.NEO4J_URI;
    if (!uri) throw new Error('--neo4j needs NEO4J_URI (and NEO4J_USER / NEO4J_PASSWORD); the bench clears that database');
    const { createNeo4jStore } = await import('../src/store/neo4j');
    const store = await createNeo4jStore({ uri, user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? 'kizuna-dev-password', database: process.env.NEO4J_DATABASE ?? 'neo4j' });
    try {
      rows.push(...(await measure('neo4j', store, runs)));
      await store.clear();
    } finally {
      await store.close();
    }
  }
  const machine = `${cpus().length} cores, load average ${loadavg()[0].toFixed(1)}`;
  console.log(`write path, ${runs} runs each (${machine})`);
  for (const [label, { median, p90 }] of rows) console.log(`${label.padEnd(48)} median ${median.toFixed(1).padStart(7)} ms   p90 ${p90.toFixed(1).padStart(7)} ms`);
  mkdirSync(join(__dirname, 'results'), { recursive: true });
  writeFileSync(join(__dirname, 'results', 'mutations.json'), JSON.stringify({ machine, runs, rows }, null, 2));
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
