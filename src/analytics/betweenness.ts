import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { BRANDES_KERNEL_SOURCE, brandesAccumulate } from './brandes';
import type { Csr } from './csr';
import { createRng, sampleIndices } from './random';

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
 * Exact when the blocks' work Σ|B|·(|B| + 2·m_B) (after merging twins, see below) is at most this:
 * ≈ 3.5 s on one core of the dev machine, ≈ 2 s on its two (≈ 9 ns per unit). The synthetic
 * 10k-people graph needs 2·10^8; 20k people need ~8·10^8 and are sampled.
 */
export const DEFAULT_EXACT_WORK_LIMIT = 4e8;
/** Budget for a sample: k = budget / (n′ + 2m′) sources on the twin-merged graph (≈ 620 at 100k people / 291k ties: ≈ 4.3 s on one core, ≈ 2 s on two; memory-bound at that size). */
export const DEFAULT_SAMPLE_WORK_BUDGET = 2.5e8;
export const DEFAULT_SEED = 20240401;
const CHUNKS = 8;

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

/** One kernel run: a graph, weighted sources, and where each kernel node's output belongs. */
interface Job {
  graph: KernelGraph;
  sources: Int32Array;
  weights: Float64Array;
  /** Kernel node → twin class (null: the kernel graph is the class graph itself). */
  classOf: Int32Array | null;
  /** Added to each class's raw value (exact: pairs separated by a cut vertex). */
  extra: Float64Array | null;
  /** Per-source cost, to cut chunks of equal work (null: uniform). */
  cost: Float64Array | null;
}

interface KernelGraph {
  n: number;
  offsets: Int32Array;
  targets: Int32Array;
  mult: Float64Array;
  tw: Float64Array;
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
  const g = job.graph;
  if (threads <= 1 || workOf(job) < (options.minParallelWork ?? 5e7)) return betweenness(csr, options);
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
  return finish(csr, plan, job, partials);
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

function workOf(job: Job): number {
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
function chunkRanges(length: number, cost: Float64Array | null = null): [number, number][] {
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

/**
 * Sampled people → one BFS per class of twins, weighted by how many of its members were drawn;
 * classes without ties are skipped (a BFS from them reaches nobody). Sorted by class so that the
 * chunks do not depend on the order of the draw.
 */
function classSources(sources: Int32Array, reduced: Reduced): { sources: Int32Array; weights: Float64Array } {
  const count = new Float64Array(reduced.n);
  for (const s of sources) count[reduced.classOf[s]]++;
  const list: number[] = [];
  for (let c = 0; c < reduced.n; c++) if (count[c] > 0 && reduced.offsets[c + 1] > reduced.offsets[c]) list.push(c);
  const weights = new Float64Array(list.length);
  const out = new Int32Array(list.length);
  list.forEach((c, i) => {
    out[i] = c;
    weights[i] = count[c];
  });
  return { sources: out, weights };
}

/**
 * The graph the kernel runs on: closed twins merged, then renumbered in reverse Cuthill–McKee
 * order. Cached per Csr (so per built collaboration graph).
 *
 * Closed twins (same neighbours and tied to each other, e.g. the members of a lab who have no
 * other tie) are interchangeable on every shortest path: a path never uses two of them, each of
 * them carries the same share, and a twin of the source is never between the source and anyone.
 * So one node with multiplicity stands for the class (Sariyüce et al. 2013, "Shattering and
 * compressing networks for betweenness centrality", identical vertices). On the synthetic 10k
 * graph this cuts the work to ~40%.
 */
interface Reduced {
  /** Number of classes. */
  n: number;
  /** classOf[original index] = class index in the renumbered arrays. */
  classOf: Int32Array;
  /** Class sizes, by class index (also the target weights: tw === mult). */
  mult: Float64Array;
  tw: Float64Array;
  offsets: Int32Array;
  targets: Int32Array;
}

const reducedCache = new WeakMap<Csr, Reduced>();
const sharedCache = new WeakMap<KernelGraph, Pick<KernelGraph, 'offsets' | 'targets' | 'mult' | 'tw'>>();

function reducedOf(csr: Csr): Reduced {
  let r = reducedCache.get(csr);
  if (!r) reducedCache.set(csr, (r = reduce(csr)));
  return r;
}

function sharedArrays(g: KernelGraph): Pick<KernelGraph, 'offsets' | 'targets' | 'mult' | 'tw'> {
  let s = sharedCache.get(g);
  if (!s) {
    const mult = share(g.mult);
    sharedCache.set(g, (s = { offsets: share(g.offsets), targets: share(g.targets), mult, tw: g.tw === g.mult ? mult : share(g.tw) }));
  }
  return s;
}

export function reduce(csr: Csr): Reduced {
  const { n, offsets, targets } = csr;
  // Union-find over ties whose two ends are closed twins; twins are adjacent, so every pair of a
  // class is checked directly and the classes are exactly the connected parts of this relation.
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (let u = 0; u < n; u++) {
    const du = offsets[u + 1] - offsets[u];
    for (let j = offsets[u]; j < offsets[u + 1]; j++) {
      const v = targets[j];
      if (v <= u || offsets[v + 1] - offsets[v] !== du) continue;
      if (closedTwins(offsets, targets, u, v)) {
        const a = find(u);
        const b = find(v);
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  }
  // Classes numbered by their smallest member.
  const classIndex = new Int32Array(n).fill(-1);
  const firstClassOf = new Int32Array(n);
  const reps: number[] = [];
  for (let i = 0; i < n; i++) {
    const root = find(i);
    if (classIndex[root] < 0) {
      classIndex[root] = reps.length;
      reps.push(i);
    }
    firstClassOf[i] = classIndex[root];
  }
  const k = reps.length;
  const size = new Float64Array(k);
  for (let i = 0; i < n; i++) size[firstClassOf[i]]++;
  // Class graph: the representative's row, mapped to classes, own class dropped, deduplicated.
  const rows: Int32Array[] = new Array(k);
  let arcs = 0;
  for (let c = 0; c < k; c++) {
    const r = reps[c];
    const seen = new Set<number>();
    for (let j = offsets[r]; j < offsets[r + 1]; j++) {
      const d = firstClassOf[targets[j]];
      if (d !== c) seen.add(d);
    }
    rows[c] = Int32Array.from(seen);
    arcs += rows[c].length;
  }
  const cOffsets = new Int32Array(k + 1);
  const cTargets = new Int32Array(arcs);
  for (let c = 0; c < k; c++) {
    cOffsets[c + 1] = cOffsets[c] + rows[c].length;
    cTargets.set(rows[c].sort(), cOffsets[c]);
  }
  const ordered = reverseCuthillMcKee(k, cOffsets, cTargets);
  const classOf = new Int32Array(n);
  for (let i = 0; i < n; i++) classOf[i] = ordered.newOf[firstClassOf[i]];
  const mult = new Float64Array(k);
  for (let c = 0; c < k; c++) mult[ordered.newOf[c]] = size[c];
  return { n: k, classOf, mult, tw: mult, offsets: ordered.offsets, targets: ordered.targets };
}

/**
 * Exact betweenness by biconnected blocks (Puzis et al. 2012, "Heuristics for speeding up
 * betweenness centrality computation"; Sariyüce et al. 2013): shortest paths between two nodes
 * of a block stay in the block, and a cut vertex lies on every path between the parts it
 * separates. So, on the twin-merged graph with class sizes m:
 *
 *   raw(X) = cut(X) + Σ_{blocks B ∋ X} Σ_{s ≠ t ∈ B \ {X}} R_B(s) · R_B(t) · σ_st(X) / σ_st
 *
 * where R_B(v) is the number of people reached from B through v (v's class plus everything
 * hanging off v outside B) and cut(X) = Σ_{i ≠ j} W_i·W_j over the parts W of X's component
 * without X. The inner sum is the weighted kernel run on each block with R as source and target
 * weights; blocks of two nodes have no inner nodes and are skipped. On the synthetic 10k graph the
 * largest block holds ~75% of the classes, so this roughly halves the work again.
 */
interface Blocks {
  /** Every block of 3+ classes as a separate component; a cut vertex has one copy per block. */
  graph: KernelGraph;
  /** Every copy is a source, weighing R. */
  sources: Int32Array;
  weights: Float64Array;
  /** Copy → class. */
  classOf: Int32Array;
  /** Per class: ordered pairs it separates as a cut vertex. */
  cut: Float64Array;
  /** Σ |B|·(|B| + 2 m_B): arc visits of an exact run. */
  work: number;
  /** Per source: its block's per-source cost, for balancing chunks. */
  cost: Float64Array;
}

const blocksCache = new WeakMap<Reduced, Blocks>();

function blocksOf(r: Reduced): Blocks {
  let b = blocksCache.get(r);
  if (!b) blocksCache.set(r, (b = decomposeBlocks(r)));
  return b;
}

export function decomposeBlocks(r: Reduced): Blocks {
  const { n, offsets, targets, mult } = r;
  const disc = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const compOf = new Int32Array(n);
  const sub = new Float64Array(n);
  const hang = new Float64Array(n);
  const sepSum = new Float64Array(n);
  const sepSq = new Float64Array(n);
  const callStack = new Int32Array(n);
  const nodeStack = new Int32Array(n);
  const edgePos = new Int32Array(n);
  const compTotal: number[] = [];
  const found: { nodes: number[]; top: number; childSub: number; comp: number }[] = [];
  let time = 0;
  for (let root = 0; root < n; root++) {
    if (disc[root] >= 0) continue;
    const comp = compTotal.length;
    let cs = 0;
    let ns = 0;
    const open = (v: number) => {
      disc[v] = low[v] = time++;
      compOf[v] = comp;
      sub[v] = hang[v] = mult[v];
      edgePos[v] = offsets[v];
      callStack[cs++] = v;
      nodeStack[ns++] = v;
    };
    open(root);
    while (cs > 0) {
      const v = callStack[cs - 1];
      if (edgePos[v] < offsets[v + 1]) {
        const w = targets[edgePos[v]++];
        if (disc[w] < 0) {
          parent[w] = v;
          open(w);
        } else if (w !== parent[v] && disc[w] < low[v]) low[v] = disc[w];
        continue;
      }
      cs--;
      const u = parent[v];
      if (u < 0) continue;
      if (low[v] < low[u]) low[u] = low[v];
      sub[u] += sub[v];
      if (low[v] >= disc[u]) {
        hang[u] += sub[v];
        sepSum[u] += sub[v];
        sepSq[u] += sub[v] * sub[v];
        const nodes: number[] = [u];
        let x: number;
        do {
          x = nodeStack[--ns];
          nodes.push(x);
        } while (x !== v);
        found.push({ nodes, top: u, childSub: sub[v], comp });
      }
    }
    compTotal.push(sub[root]);
  }
  const cut = new Float64Array(n);
  for (let x = 0; x < n; x++) {
    const outside = compTotal[compOf[x]] - mult[x];
    const rest = outside - sepSum[x];
    cut[x] = outside * outside - sepSq[x] - rest * rest;
  }

  // The blocks worth a kernel run, each renumbered in class order (RCM locality carries over).
  const big = found.filter((blk) => blk.nodes.length >= 3);
  let copies = 0;
  for (const blk of big) {
    blk.nodes.sort((a, c) => a - c);
    copies += blk.nodes.length;
  }
  const pos = new Int32Array(n).fill(-1);
  const gOffsets = new Int32Array(copies + 1);
  const gTargets: number[] = [];
  const gMult = new Float64Array(copies);
  const gTw = new Float64Array(copies);
  const classOf = new Int32Array(copies);
  const cost = new Float64Array(copies);
  let work = 0;
  let base = 0;
  for (const blk of big) {
    blk.nodes.forEach((x, i) => (pos[x] = base + i));
    const arcsBefore = gTargets.length;
    blk.nodes.forEach((x, i) => {
      const c = base + i;
      for (let j = offsets[x]; j < offsets[x + 1]; j++) if (pos[targets[j]] >= 0) gTargets.push(pos[targets[j]]);
      gOffsets[c + 1] = gTargets.length;
      gMult[c] = mult[x];
      gTw[c] = x === blk.top ? compTotal[blk.comp] - blk.childSub : hang[x];
      classOf[c] = x;
    });
    const perSource = blk.nodes.length + (gTargets.length - arcsBefore);
    for (let i = 0; i < blk.nodes.length; i++) cost[base + i] = perSource;
    work += blk.nodes.length * perSource;
    for (const x of blk.nodes) pos[x] = -1;
    base += blk.nodes.length;
  }
  const sources = new Int32Array(copies);
  for (let i = 0; i < copies; i++) sources[i] = i;
  return {
    graph: { n: copies, offsets: gOffsets, targets: Int32Array.from(gTargets), mult: gMult, tw: gTw },
    sources,
    weights: gTw,
    classOf,
    cut,
    work,
    cost,
  };
}

/** N[u] = N[v] for adjacent u, v of equal degree: rows equal once u and v are taken out. */
function closedTwins(offsets: Int32Array, targets: Int32Array, u: number, v: number): boolean {
  let i = offsets[u];
  let j = offsets[v];
  const ie = offsets[u + 1];
  const je = offsets[v + 1];
  for (;;) {
    if (i < ie && targets[i] === v) i++;
    if (j < je && targets[j] === u) j++;
    if (i >= ie || j >= je) return i >= ie && j >= je;
    if (targets[i] !== targets[j]) return false;
    i++;
    j++;
  }
}

interface Ordered {
  /** newOf[old index] = new index. */
  newOf: Int32Array;
  offsets: Int32Array;
  targets: Int32Array;
}

/**
 * Reverse Cuthill–McKee (Cuthill & McKee 1969; George 1971): per component, BFS from a node of
 * minimum degree, visiting neighbours by increasing degree, then reversed. Ties broken by index,
 * so the numbering is a deterministic function of the graph.
 */
export function reverseCuthillMcKee(n: number, offsets: Int32Array, targets: Int32Array): Ordered {
  const degree = new Int32Array(n);
  for (let i = 0; i < n; i++) degree[i] = offsets[i + 1] - offsets[i];
  const byDegree = Array.from({ length: n }, (_, i) => i).sort((a, b) => degree[a] - degree[b] || a - b);
  const order = new Int32Array(n);
  const seen = new Uint8Array(n);
  let tail = 0;
  const scratch: number[] = [];
  for (const start of byDegree) {
    if (seen[start]) continue;
    seen[start] = 1;
    let head = tail;
    order[tail++] = start;
    while (head < tail) {
      const v = order[head++];
      scratch.length = 0;
      for (let j = offsets[v]; j < offsets[v + 1]; j++) if (!seen[targets[j]]) scratch.push(targets[j]);
      scratch.sort((a, b) => degree[a] - degree[b] || a - b);
      for (const w of scratch) {
        seen[w] = 1;
        order[tail++] = w;
      }
    }
  }
  order.reverse();
  const newOf = new Int32Array(n);
  for (let i = 0; i < n; i++) newOf[order[i]] = i;
  const newOffsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) newOffsets[i + 1] = newOffsets[i] + degree[order[i]];
  const newTargets = new Int32Array(targets.length);
  for (let i = 0; i < n; i++) {
    const v = order[i];
    const row = newTargets.subarray(newOffsets[i], newOffsets[i + 1]);
    for (let j = offsets[v], r = 0; j < offsets[v + 1]; j++, r++) row[r] = newOf[targets[j]];
    row.sort();
  }
  return { newOf, offsets: newOffsets, targets: newTargets };
}

/** The value for one id, or null when the id is not a node. */
export function betweennessOf(result: BetweennessResult, csr: Csr, id: string): number | null {
  const i = csr.index.get(id);
  return i === undefined ? null : result.values[i];
}
