/**
 * `npm run bench:pairings`: how well suggested pairings anticipate the ties that actually form.
 *
 * For each seed, bench/programme.ts generates a multi-year programme whose new ties follow a
 * stated mechanism (triadic closure, shared themes, chance). The last fiscal year is hidden: the
 * programme before it is written into the embedded store and read back the way the API reads it
 * (the cached collaboration network, themes and materials through the port), and every
 * early-career person's candidates are scored by src/analytics/pairings (scoreCandidates, what
 * suggestPairings ranks). A candidate is a positive when the hidden year tied the two (ties as the
 * collaboration graph defines them, so a visit to a lab also ties the visitor to its head).
 *
 *   precision@10  per early-career person with at least one positive among their candidates: the
 *                 share of positives among the first 10 (ties in a score broken by one seeded random
 *                 order, the same for every ranking); averaged over those people
 *   AUC           over every (person, candidate) pair of every early-career person: the probability
 *                 that a positive outranks a negative (Mann–Whitney, ties counted one half)
 *
 * Rankings: the combined score (weights fixed in src/analytics/pairings/score.ts, not fitted here),
 * each of its parts alone, common neighbours, Adamic–Adar, resource allocation, and random.
 * Then the cost: on bench/generate.ts's graph of `--timing-people` people (default 10 000), every
 * candidate of 30 early-career people scored by scoreCandidates, and the "after" constraint and
 * effective size computed both ways (EgoWithTie's rebuild of the ego base, the reference, and
 * StructuralDelta, what suggestPairings runs), interleaved person by person.
 * And the store reads: the same-size programme (with its themes) written into the embedded store and,
 * with --neo4j, into NEO4J_URI's database (it is CLEARED), then the themes-and-materials read
 * (loadInterests: nine batched `neighbours` calls) and a cold and a warm suggestPairings, interleaved.
 * Usage: node -r ./bench/register.js bench/pairings.ts [--people 800] [--years 5] [--seeds 3] [--timing-people 10000] [--neo4j]
 * JSON goes to bench/results/, the table to stdout (and, by hand, docs/benchmarks.md).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyticsFor } from '../src/analytics/service';
import { createRng } from '../src/analytics/random';
import { tieKey } from '../src/analytics/collaborationGraph';
import { loadInterests } from '../src/analytics/pairings/interests';
import { scoreCandidates, type ScoredCandidate } from '../src/analytics/pairings/suggest';
import { EgoWithTie, StructuralDelta } from '../src/analytics/pairings/structuralChange';
import { StructuralHoleCalculator } from '../src/analytics/structuralHoles';
import { buildCollaborationNetwork, type CollaborationNetwork } from '../src/analytics/collaborationGraph';
import { generateSynthetic } from './generate';
import { PAIRING_WEIGHTS } from '../src/analytics/pairings/score';
import { seedStore } from '../src/ingest/seed';
import { validateDataset } from '../src/ingest/validate';
import type { DatasetInput, Dataset } from '../src/domain/model';
import { MemoryStore } from '../src/store/memory/memoryStore';
import type { GraphStore } from '../src/store/port';
import { datasetToGraph } from '../src/ingest/toGraph';
import { before, generateProgramme, MECHANISM } from './programme';
import { auc, precisionAt } from './rankingMetrics';

const ROOT = join(__dirname, '..');

type Ranker = (s: ScoredCandidate) => number;

const RANKERS: Array<[string, Ranker | 'random']> = [
  ['combined score (0.35 closure + 0.35 topics + 0.30 hole)', (s) => s.score],
  ['closure + topics, no hole part (0.5 each)', (s) => 0.5 * s.parts.closure + 0.5 * s.parts.topics],
  ['closure part alone (1 − e^−AA)', (s) => s.parts.closure],
  ['topics part alone (Jaccard of themes and materials)', (s) => s.parts.topics],
  ['hole part alone (relative fall of constraint)', (s) => s.parts.hole],
  ['common neighbours', (s) => s.link.commonNeighbours],
  ['Adamic–Adar', (s) => s.link.adamicAdar],
  ['resource allocation', (s) => s.link.resourceAllocation],
  ['random', 'random'],
];

interface Args {
  people: number;
  years: number;
  seeds: number;
  timingPeople: number;
  neo4j: boolean;
}

interface StoreTiming {
  store: string;
  writeS: number;
  interestsMs: number[];
  coldSuggestMs: number;
  warmSuggestMs: number[];
}

async function openStores(args: Args): Promise<Array<{ name: string; store: GraphStore }>> {
  const stores: Array<{ name: string; store: GraphStore }> = [{ name: 'embedded', store: new MemoryStore() }];
  if (args.neo4j) {
    const uri = process.env.NEO4J_URI;
    if (!uri) throw new Error('--neo4j needs NEO4J_URI (and NEO4J_USER / NEO4J_PASSWORD); the bench clears that database');
    const { createNeo4jStore } = await import('../src/store/neo4j');
    stores.push({
      name: 'neo4j',
      store: await createNeo4jStore({ uri, user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? 'kizuna-dev-password', database: process.env.NEO4J_DATABASE ?? 'neo4j' }),
    });
  }
  return stores;
}

/** The programme of `timingPeople` people in each store; the themes read and suggestPairings timed, stores interleaved. */
async function storeTimings(args: Args): Promise<StoreTiming[]> {
  const programme = generateProgramme({ people: args.timingPeople, years: args.years, seed: 3 });
  const validation = validateDataset(programme.dataset);
  if (!validation.ok) throw new Error('generated programme is invalid');
  const graph = datasetToGraph(validation.dataset as Dataset);
  const stores = await openStores(args);
  const out: StoreTiming[] = [];
  try {
    for (const { name, store } of stores) {
      await store.clear();
      const t0 = performance.now();
      const slice = 20000;
      for (let i = 0; i < graph.nodes.length; i += slice) await store.write({ nodes: graph.nodes.slice(i, i + slice), rels: [] });
      for (let i = 0; i < graph.rels.length; i += slice) await store.write({ nodes: [], rels: graph.rels.slice(i, i + slice) });
      out.push({ store: name, writeS: (performance.now() - t0) / 1000, interestsMs: [], coldSuggestMs: 0, warmSuggestMs: [] });
    }
    const ids = (programme.dataset.people ?? []).map((p) => p.id).sort();
    const subject = (programme.dataset.people ?? []).find((p) => p.careerStage === 'POSTDOC')!.id;
    for (const [k, { store }] of stores.entries()) {
      const t = performance.now();
      await analyticsFor(store).suggestPairings({ person: subject, level: 'LAB', first: 10 });
      out[k].coldSuggestMs = performance.now() - t;
    }
    for (let round = 0; round < 3; round++) {
      for (const [k, { store }] of stores.entries()) {
        let t = performance.now();
        await loadInterests(store, ids, false);
        out[k].interestsMs.push(performance.now() - t);
        t = performance.now();
        await analyticsFor(store).suggestPairings({ person: subject, level: 'LAB', first: 10 });
        out[k].warmSuggestMs.push(performance.now() - t);
      }
    }
  } finally {
    for (const { store } of stores) await store.close();
  }
  return out;
}
interface Timing {
  people: number;
  persons: number;
  candidatesPerPerson: number;
  scoreCandidatesMs: { median: number; max: number };
  rebuildMs: number;
  incrementalMs: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
}

/** scoreCandidates per person, and the two ways to the "after" values, interleaved person by person. */
function timeScoring(network: CollaborationNetwork, persons: number[]): Omit<Timing, 'people'> {
  const calc = new StructuralHoleCalculator(network.csr);
  const scoring: number[] = [];
  let rebuild = 0;
  let incremental = 0;
  let candidates = 0;
  for (const v of persons) {
    const t0 = performance.now();
    const scored = scoreCandidates(network, new Map(), v, 'LAB');
    const t1 = performance.now();
    const ego = new EgoWithTie(network.csr, v, calc.of(v));
    for (const s of scored) ego.with(s.candidate);
    const t2 = performance.now();
    const delta = new StructuralDelta(network.csr, v, calc.of(v));
    for (const s of scored) delta.with(s.candidate);
    const t3 = performance.now();
    scoring.push(t1 - t0);
    rebuild += t2 - t1;
    incremental += t3 - t2;
    candidates += scored.length;
  }
  const n = Math.max(1, persons.length);
  return {
    persons: persons.length,
    candidatesPerPerson: candidates / n,
    scoreCandidatesMs: { median: median(scoring), max: Math.max(...scoring) },
    rebuildMs: rebuild / n,
    incrementalMs: incremental / n,
  };
}

function parseArgs(argv: string[]): Args {
  const value = (name: string, fallback: number) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  return { people: value('people', 800), years: value('years', 5), seeds: value('seeds', 3), timingPeople: value('timing-people', 10_000), neo4j: argv.includes('--neo4j') };
}

async function storeOf(input: DatasetInput): Promise<MemoryStore> {
  const validation = validateDataset(input);
  if (!validation.ok) throw new Error(`generated programme is invalid: ${JSON.stringify(validation.problems.slice(0, 3))}`);
  const store = new MemoryStore();
  await seedStore(store, validation.dataset as Dataset);
  return store;
}

interface SeedResult {
  seed: number;
  people: number;
  ties: number;
  hiddenNewTies: number;
  earlyCareer: number;
  evaluatedPeople: number;
  pairs: number;
  positives: number;
  msPerPerson: number;
  /** The best precision@10 any ranking could reach: mean of min(positives, 10)/10. */
  precisionCeiling: number;
  precisionAt10: Record<string, number>;
  auc: Record<string, number>;
}

async function runSeed(args: Args, seed: number): Promise<SeedResult> {
  const programme = generateProgramme({ people: args.people, years: args.years, seed });
  const hidden = programme.years[programme.years.length - 1];
  const trainStore = await storeOf(before(programme.dataset, hidden));
  const fullStore = await storeOf(programme.dataset);
  const train = await analyticsFor(trainStore).network();
  const full = await analyticsFor(fullStore).network();
  const known = new Set<string>();
  train.graph.forEachEdge((_k, _a, s, t) => known.add(tieKey(s, t)));
  const formed = new Set<string>();
  full.graph.forEachEdge((_k, _a, s, t) => {
    const key = tieKey(s, t);
    if (!known.has(key)) formed.add(key);
  });
  const interests = await loadInterests(trainStore, train.csr.ids, false);

  const rng = createRng(seed * 7919 + 1);
  const early = train.people.map((p, i) => (p.earlyCareer === true && !p.placeholder ? i : -1)).filter((i) => i >= 0);
  const perRanker = RANKERS.map(() => [] as number[]);
  const ceiling: number[] = [];
  const all: Array<{ s: ScoredCandidate; positive: boolean; tieBreak: number; random: number }> = [];
  let scoringMs = 0;
  for (const v of early) {
    const t0 = performance.now();
    const scored = scoreCandidates(train, interests, v, 'LAB');
    scoringMs += performance.now() - t0;
    const rows = scored.map((s) => ({ s, positive: formed.has(tieKey(train.csr.ids[v], train.csr.ids[s.candidate])), tieBreak: rng.next(), random: rng.next() }));
    all.push(...rows);
    const positives = rows.filter((r) => r.positive).length;
    if (!positives) continue;
    ceiling.push(Math.min(10, positives) / 10);
    RANKERS.forEach(([, ranker], k) => {
      const key = (r: (typeof rows)[number]) => (ranker === 'random' ? r.random : ranker(r.s));
      perRanker[k].push(precisionAt(rows, 10, key, (r) => r.tieBreak, (r) => r.positive));
    });
  }
  const positive = Uint8Array.from(all, (r) => (r.positive ? 1 : 0));
  const precisionAt10: Record<string, number> = {};
  const aucs: Record<string, number> = {};
  RANKERS.forEach(([name, ranker], k) => {
    precisionAt10[name] = mean(perRanker[k]);
    aucs[name] = auc(Float64Array.from(all, (r) => (ranker === 'random' ? r.random : ranker(r.s))), positive);
  });
  await trainStore.close();
  await fullStore.close();
  return {
    seed,
    people: train.csr.n,
    ties: train.csr.m,
    hiddenNewTies: formed.size,
    earlyCareer: early.length,
    evaluatedPeople: perRanker[0].length,
    pairs: all.length,
    positives: positive.reduce((a, b) => a + b, 0),
    msPerPerson: scoringMs / Math.max(1, early.length),
    precisionCeiling: mean(ceiling),
    precisionAt10,
    auc: aucs,
  };
}

function mean(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = new Date();
  console.log(`Kizuna pairing benchmark — Node ${process.version}; ${args.people} people, ${args.years} fiscal years (the last hidden), ${args.seeds} seeds`);
  console.log(`mechanism: closure ${MECHANISM.closure}, shared theme ${MECHANISM.theme}, anyone ${MECHANISM.random}; weights ${JSON.stringify(PAIRING_WEIGHTS)} (fixed, not fitted)`);
  const results: SeedResult[] = [];
  for (let s = 1; s <= args.seeds; s++) {
    const r = await runSeed(args, s);
    results.push(r);
    console.log(
      `seed ${s}: ${r.people} people, ${r.ties} ties before the hidden year, ${r.hiddenNewTies} new ties in it; ${r.earlyCareer} early-career people (${r.evaluatedPeople} with a positive), ${r.pairs} pairs, ${r.positives} positive; scoring ${r.msPerPerson.toFixed(1)} ms per person`,
    );
  }
  const rows = RANKERS.map(([name]) => {
    const p = results.map((r) => r.precisionAt10[name]);
    const a = results.map((r) => r.auc[name]);
    return { name, precisionAt10: mean(p), aucMean: mean(a), precisionRange: [Math.min(...p), Math.max(...p)], aucRange: [Math.min(...a), Math.max(...a)] };
  });
  const w = Math.max(...rows.map((r) => r.name.length));
  console.log(`\n| ${'ranking'.padEnd(w)} | precision@10 (mean; min–max over seeds) | AUC (mean; min–max) |`);
  console.log(`|${'-'.repeat(w + 2)}|---|---|`);
  for (const r of rows) {
    console.log(`| ${r.name.padEnd(w)} | ${r.precisionAt10.toFixed(3)} (${r.precisionRange.map((x) => x.toFixed(3)).join('–')}) | ${r.aucMean.toFixed(3)} (${r.aucRange.map((x) => x.toFixed(3)).join('–')}) |`);
  }
  console.log(`\nprecision@10 ceiling (every positive first): ${mean(results.map((r) => r.precisionCeiling)).toFixed(3)}`);

  const network = buildCollaborationNetwork(generateSynthetic({ people: args.timingPeople, seed: 3 }).projection);
  const early = network.people.map((p, i) => (p.earlyCareer === true && !p.placeholder ? i : -1)).filter((i) => i >= 0);
  const persons = Array.from({ length: Math.min(30, early.length) }, (_, k) => early[Math.floor((k * early.length) / Math.min(30, early.length))]);
  scoreCandidates(network, new Map(), persons[0], 'LAB'); // builds the per-network caches (groups, strengths) outside the timing
  const timing: Timing = { people: args.timingPeople, ...timeScoring(network, persons) };
  console.log(
    `\ncost at ${timing.people} people (${network.csr.m} ties), ${timing.persons} early-career people, ${timing.candidatesPerPerson.toFixed(0)} candidates each:` +
      `\n  scoreCandidates (what suggestPairings ranks): median ${timing.scoreCandidatesMs.median.toFixed(1)} ms, max ${timing.scoreCandidatesMs.max.toFixed(1)} ms per person` +
      `\n  "after" values of every candidate: rebuild of the ego base ${timing.rebuildMs.toFixed(1)} ms, incremental ${timing.incrementalMs.toFixed(1)} ms per person (${(timing.rebuildMs / timing.incrementalMs).toFixed(0)}× faster)`,
  );
  const stores = await storeTimings(args);
  console.log(`\nstore reads, the ${args.timingPeople}-person programme (medians of 3, stores interleaved):`);
  for (const st of stores) {
    console.log(
      `  ${st.store.padEnd(8)} write ${st.writeS.toFixed(1)} s; themes and materials (loadInterests) ${median(st.interestsMs).toFixed(0)} ms; ` +
        `suggestPairings cold (projection, network, themes) ${st.coldSuggestMs.toFixed(0)} ms, warm ${median(st.warmSuggestMs).toFixed(0)} ms`,
    );
  }
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  const file = join(ROOT, `bench/results/pairings-${args.people}-${started.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ args, mechanism: MECHANISM, weights: PAIRING_WEIGHTS, node: process.version, started: started.toISOString(), results, rows, timing, stores }, null, 1) + '\n');
  console.log(`\nwrote ${file}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
