import { Worker } from 'node:worker_threads';
import { BRANDES_KERNEL_SOURCE } from './brandes';
import type { Job, KernelGraph } from './kernelGraph';

export const CHUNKS = 8;

/** The chunks of `job` spread over `threads` worker threads; partial sums returned in chunk order. */
export async function runChunksOnWorkers(job: Job, threads: number): Promise<Float64Array[]> {
  const g = job.graph;
  const ranges = chunkRanges(job.sources.length, job.cost);
  const shared = sharedArrays(g);
  const sources = share(job.sources);
  const weights = share(job.weights);
  const partials = new Array<Float64Array>(ranges.length);
  const assignments = Array.from({ length: threads }, (_, t) => ranges.map((r, i) => [i, ...r]).filter((_, i) => i % threads === t));
  await Promise.all(
    assignments.map(
      (chunks) =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { ...shared, n: g.n, sources, weights, chunks } });
          worker.on('message', (msg: { chunk: number; out: Float64Array }) => (partials[msg.chunk] = msg.out));
          worker.on('error', reject);
          worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`betweenness worker exited with ${code}`))));
        }),
    ),
  );
  return partials;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
${BRANDES_KERNEL_SOURCE}
const { n, offsets, targets, mult, tw, sources, weights, chunks } = workerData;
for (const [chunk, from, to] of chunks) {
  const out = new Float64Array(n);
  brandesAccumulate(n, offsets, targets, mult, tw, sources, weights, from, to, out);
  parentPort.postMessage({ chunk, out }, [out.buffer]);
}
`;

export function workOf(job: Job): number {
  if (!job.cost) return job.sources.length * (job.graph.n + job.graph.targets.length);
  let w = 0;
  for (let i = 0; i < job.sources.length; i++) w += job.cost[i];
  return w;
}

function share<T extends Int32Array | Float64Array>(a: T): T {
  const Ctor = a.constructor as { new (buffer: SharedArrayBuffer, offset: number, length: number): T };
  const out = new Ctor(new SharedArrayBuffer(Math.max(8, a.byteLength)), 0, a.length);
  out.set(a);
  return out;
}

/** CHUNKS contiguous ranges of sources of about equal work (cost per source; uniform when absent). */
export function chunkRanges(length: number, cost: Float64Array | null = null): [number, number][] {
  const ranges: [number, number][] = [];
  if (!cost) {
    for (let c = 0; c < CHUNKS; c++) ranges.push([Math.floor((c * length) / CHUNKS), Math.floor(((c + 1) * length) / CHUNKS)]);
    return ranges;
  }
  let total = 0;
  for (let i = 0; i < length; i++) total += cost[i];
  let start = 0;
  let acc = 0;
  for (let c = 0, i = 0; c < CHUNKS; c++) {
    const goal = (total * (c + 1)) / CHUNKS;
    while (i < length && (c === CHUNKS - 1 || acc + cost[i] / 2 <= goal)) acc += cost[i++];
    ranges.push([start, i]);
    start = i;
  }
  return ranges;
}

const sharedCache = new WeakMap<KernelGraph, Pick<KernelGraph, 'offsets' | 'targets' | 'mult' | 'tw'>>();

function sharedArrays(g: KernelGraph): Pick<KernelGraph, 'offsets' | 'targets' | 'mult' | 'tw'> {
  let s = sharedCache.get(g);
  if (!s) {
    const mult = share(g.mult);
    sharedCache.set(g, (s = { offsets: share(g.offsets), targets: share(g.targets), mult, tw: g.tw === g.mult ? mult : share(g.tw) }));
  }
  return s;
}
