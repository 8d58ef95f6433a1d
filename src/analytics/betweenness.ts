import { availableParallelism } from 'node:os';
import { CHUNKS, chunkRanges, runChunksOnWorkers, workOf } from './betweennessWorkers';
import { blocksOf } from './blocks';
import { brandesAccumulate } from './brandes';
import type { Csr } from './csr';
import type { Job } from './kernelGraph';
import { createRng, sampleIndices } from './random';
import { classSources, reducedOf } from './twins';

export { decomposeBlocks } from './blocks';
export { reduce } from './twins';

/**
 * Betweenness centrality of people in the collaboration graph (Freeman 1977; Brandes 2001).
 *
 * Choices (docs/metrics.md, "Betweenness"):
 *  - unweighted: path length is the number of hops; tie weights are not distances;
 *  - normalized as NetworkX ≥ 3.5 `betweenness_centrality(G, normalized=True, endpoints=False)`
 *    for undirected graphs: exact values are divided by (n−1)(n−2);
 *  - above a work limit (the exact run's node + arc visits, see DEFAULT_EXACT_WORK_LIMIT) the
 *    exact method gives way to sampling k source nodes (uniform without replacement, seeded PRNG)
 *    with NetworkX's estimator: sources scaled by 1/((k−1)(n−2)), other nodes by 1/(k(n−2)).
 *    The method, k and seed are part of the result.
 * How (each step exact, checked against NetworkX and a textbook Brandes in the unit tests):
 *  1. closed twins are merged into one node with a multiplicity (`reduce`);
 *  2. exact runs go block by block over the biconnected blocks of that graph (`decomposeBlocks`);
 *  3. the hand-written kernel of brandes.ts runs, on worker threads for large jobs.
 * Deterministic: sources are cut into a fixed number of chunks whose partial sums are added in
 * chunk order, so one thread or several give bit-identical values.
 */
export type BetweennessMethod = 'EXACT' | 'SAMPLED';

export interface BetweennessOptions {
  /** AUTO (default): exact when the exact run's work ≤ exactWorkLimit, else sampled. */
  method?: 'AUTO' | BetweennessMethod;
  /** Number of sources when sampling; default from sampleWorkBudget. */
  k?: number;
  seed?: number;
  /** Explicit sources (ids) for a sampled run; overrides k and seed (used by the NetworkX oracle tests). */
  sources?: readonly string[];
  exactWorkLimit?: number;
  sampleWorkBudget?: number;
  /** Worker threads for the async variant; default: available cores (at most 8). */
  threads?: number;
  /** Below this many arc visits the async variant stays in this thread (a worker starts in ~30 ms). */
  minParallelWork?: number;
}

export interface BetweennessResult {
  method: BetweennessMethod;
  /** Number of source nodes used (n when exact). */
  k: number;
  /** PRNG seed of the sample; null when exact or when sources were given. */
  seed: number | null;
  n: number;
  /** Normalized betweenness, aligned with csr.ids. */
  values: Float64Array;
  /** Ids of the sampled sources (empty when exact). */
  sources: string[];
}

/**
 * Exact when the blocks' work Σ|B|·(|B| + 2·m_B) (after merging twins, see twins.ts) is at most this:
 * ≈ 3.5 s on one core of the dev machine, ≈ 2 s on its two (≈ 9 ns per unit). The synthetic
 * 10k-people graph needs 2·10^8; 20k people need ~8·10^8 and are sampled.
 */
export const DEFAULT_EXACT_WORK_LIMIT = 4e8;
/** Budget for a sample: k = budget / (n′ + 2m′) sources on the twin-merged graph (≈ 620 at 100k people / 291k ties: ≈ 4.3 s on one core, ≈ 2 s on two; memory-bound at that size). */
export const DEFAULT_SAMPLE_WORK_BUDGET = 2.5e8;
export const DEFAULT_SEED = 20240401;

interface Plan {
  method: BetweennessMethod;
  seed: number | null;
  /** Sampled sources in original (csr) numbering; empty when exact. */
  sources: Int32Array;
}

export function planBetweenness(csr: Csr, options: BetweennessOptions = {}): Plan {
  const { n } = csr;
  if (options.sources) {
    const idx = options.sources.map((id) => {
      const i = csr.index.get(id);
      if (i === undefined) throw new RangeError(`unknown source ${id}`);
      return i;
    });
    if (new Set(idx).size !== idx.length) throw new RangeError('sources must be distinct');
    if (idx.length >= n) return { method: 'EXACT', seed: null, sources: new Int32Array(0) };
    return { method: 'SAMPLED', seed: null, sources: Int32Array.from(idx) };
  }
  const method = options.method ?? 'AUTO';
  const reduced = reducedOf(csr);
  const exactAllowed = method === 'EXACT' || (method === 'AUTO' && blocksOf(reduced).work <= (options.exactWorkLimit ?? DEFAULT_EXACT_WORK_LIMIT));
  const perSource = Math.max(1, reduced.n + reduced.targets.length);
  const k = options.k ?? Math.max(2, Math.floor((options.sampleWorkBudget ?? DEFAULT_SAMPLE_WORK_BUDGET) / perSource));
  if (exactAllowed || k >= n) return { method: 'EXACT', seed: null, sources: new Int32Array(0) };
  const seed = options.seed ?? DEFAULT_SEED;
  return { method: 'SAMPLED', seed, sources: sampleIndices(n, k, createRng(seed)) };
}

function jobOf(csr: Csr, plan: Plan): Job {
  const reduced = reducedOf(csr);
  if (plan.method === 'EXACT') {
    const b = blocksOf(reduced);
    return { graph: b.graph, sources: b.sources, weights: b.weights, classOf: b.classOf, extra: b.cut, cost: b.cost };
  }
  const { sources, weights } = classSources(plan.sources, reduced);
  return { graph: reduced, sources, weights, classOf: null, extra: null, cost: null };
}

/** Single-threaded. */
export function betweenness(csr: Csr, options: BetweennessOptions = {}): BetweennessResult {
  const plan = planBetweenness(csr, options);
  const job = jobOf(csr, plan);
  const g = job.graph;
  const partials = chunkRanges(job.sources.length, job.cost).map(([from, to]) => {
    const out = new Float64Array(g.n);
    brandesAccumulate(g.n, g.offsets, g.targets, g.mult, g.tw, job.sources, job.weights, from, to, out);
    return out;
  });
  return finish(csr, plan, job, partials);
}

/** Same result as `betweenness`, bit for bit, with the chunks spread over worker threads. */
export async function betweennessParallel(csr: Csr, options: BetweennessOptions = {}): Promise<BetweennessResult> {
  const plan = planBetweenness(csr, options);
  const threads = Math.min(options.threads ?? Math.min(8, availableParallelism()), CHUNKS);
  const job = jobOf(csr, plan);
  if (threads <= 1 || workOf(job) < (options.minParallelWork ?? 5e7)) return betweenness(csr, options);
  return finish(csr, plan, job, await runChunksOnWorkers(job, threads));
}

function finish(csr: Csr, plan: Plan, job: Job, partials: Float64Array[]): BetweennessResult {
  const { n } = csr;
  const reduced = reducedOf(csr);
  const kernelN = job.graph.n;
  const kernelRaw = new Float64Array(kernelN);
  for (const part of partials) for (let i = 0; i < kernelN; i++) kernelRaw[i] += part[i];
  let raw = kernelRaw;
  if (job.classOf) {
    raw = new Float64Array(reduced.n);
    for (let i = 0; i < kernelN; i++) raw[job.classOf[i]] += kernelRaw[i];
  }
  if (job.extra) for (let c = 0; c < reduced.n; c++) raw[c] += job.extra[c];
  const exact = plan.method === 'EXACT';
  const k = exact ? n : plan.sources.length;
  // NetworkX _rescale(normalized=True, endpoints=False, directed=False): N = n − 1; no rescaling when N < 2.
  const N = n - 1;
  let scaleSource = 1;
  let scaleOther = 1;
  if (N >= 2) {
    if (exact) scaleSource = scaleOther = 1 / (N * (N - 1));
    else {
      scaleSource = k > 1 ? 1 / ((k - 1) * (N - 1)) : Number.NaN;
      scaleOther = 1 / (k * (N - 1));
    }
  }
  const isSource = new Uint8Array(n);
  for (const s of plan.sources) isSource[s] = 1;
  const values = new Float64Array(n);
  // Each member of a class of twins gets an equal share of the class's dependency.
  for (let i = 0; i < n; i++) {
    const c = reduced.classOf[i];
    values[i] = (raw[c] / reduced.mult[c]) * (isSource[i] ? scaleSource : scaleOther);
  }
  return {
    method: plan.method,
    k,
    seed: plan.seed,
    n,
    values,
    sources: exact ? [] : [...plan.sources].map((i) => csr.ids[i]).sort(),
  };
}

/** The value for one id, or null when the id is not a node. */
export function betweennessOf(result: BetweennessResult, csr: Csr, id: string): number | null {
  const i = csr.index.get(id);
  return i === undefined ? null : result.values[i];
}
