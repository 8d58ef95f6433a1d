import type { CareerStage, GroupLevel } from '../domain/enums';
import type { BetweennessResult } from './betweenness';
import type { CollaborationNetwork } from './collaborationGraph';
import type { Csr } from './csr';
import { groupIndexOf, resolvePeople, type GroupIndex } from './groups';
import { StructuralHoleCalculator } from './structuralHoles';

/**
 * Brokerage profile of each person: Gould & Fernandez (1989) role counts, Burt's constraint and
 * effective size, and betweenness.
 *
 * Gould–Fernandez, undirected variant (docs/metrics.md, "Brokerage"): the collaboration graph is
 * undirected, so a brokered two-path is an unordered pair {A, C} of B's contacts that are not
 * tied to each other, counted once. With g(·) the primary group (groups.ts):
 *   coordinator                 g(A) = g(B) = g(C)
 *   itinerant (consultant)      g(A) = g(C) ≠ g(B)
 *   gatekeeper/representative   g(B) equals exactly one of g(A), g(C) — without a direction the
 *                               two roles cannot be told apart, so they are one count
 *   liaison                     g(A), g(B), g(C) all different
 *   unclassified                B, A or C has no group at this level
 *
 * Counting: for B with n contacts of which n_g in group g, the role counts over all C(n,2)
 * contact pairs follow from the n_g alone (coordinator C(n_B,2), itinerant Σ_{g≠B} C(n_g,2),
 * gatekeeper/representative n_B·(n − n_B − n_∅), liaison the rest among grouped contacts);
 * the tied pairs (triangles through B) are then enumerated and taken off. O(Σ_{A∈N(B)} deg A)
 * per person instead of O(deg(B)²); the unit tests check it against brute-force enumeration.
 */
export interface BrokerageOptions {
  level: GroupLevel;
  /** Default false: everyone. */
  earlyCareerOnly?: boolean;
  people?: readonly string[];
}

export interface GouldFernandezCounts {
  coordinator: number;
  itinerant: number;
  gatekeeperRepresentative: number;
  liaison: number;
  unclassified: number;
  /** All open two-paths through the person (the sum of the above). */
  total: number;
}

export interface BrokerageProfile extends GouldFernandezCounts {
  person: string;
  label: string;
  stage: CareerStage;
  earlyCareer: boolean | null;
  /** Primary group at the level, null when none. */
  group: string | null;
  degree: number;
  constraint: number | null;
  effectiveSize: number | null;
  /** Normalized betweenness; null when not computed. */
  betweenness: number | null;
}

export interface BrokerageResult {
  level: GroupLevel;
  betweenness: Pick<BetweennessResult, 'method' | 'k' | 'seed' | 'n'> | null;
  profiles: BrokerageProfile[];
}

export function brokerage(network: CollaborationNetwork, options: BrokerageOptions, betweenness?: BetweennessResult): BrokerageResult {
  const csr = network.csr;
  const gi = groupIndexOf(network, options.level);
  const candidates = options.people
    ? [...new Set(resolvePeople(csr, options.people, 'people'))].sort((a, b) => a - b)
    : Array.from({ length: csr.n }, (_, i) => i);
  const earlyOnly = options.earlyCareerOnly ?? false;
  if (betweenness && betweenness.n !== csr.n) throw new RangeError('betweenness was computed on another graph');
  const holes = new StructuralHoleCalculator(csr);
  const gf = new GouldFernandezCounter(csr, gi.primary, gi.ids.length);
  const profiles: BrokerageProfile[] = [];
  for (const b of candidates) {
    const id = csr.ids[b];
    const attrs = network.people[b];
    if (earlyOnly && attrs.earlyCareer !== true) continue;
    const counts = gf.of(b);
    const sh = holes.of(b);
    const g = gi.primary[b];
    // Fields written out rather than spread: the same object shape, without a copy loop per profile.
    profiles.push({
      person: id,
      label: attrs.label,
      stage: attrs.stage,
      earlyCareer: attrs.earlyCareer,
      group: g >= 0 ? gi.ids[g] : null,
      degree: csr.offsets[b + 1] - csr.offsets[b],
      coordinator: counts.coordinator,
      itinerant: counts.itinerant,
      gatekeeperRepresentative: counts.gatekeeperRepresentative,
      liaison: counts.liaison,
      unclassified: counts.unclassified,
      total: counts.total,
      constraint: sh.constraint,
      effectiveSize: sh.effectiveSize,
      betweenness: betweenness ? betweenness.values[b] : null,
    });
  }
  return {
    level: gi.level,
    betweenness: betweenness ? { method: betweenness.method, k: betweenness.k, seed: betweenness.seed, n: betweenness.n } : null,
    profiles,
  };
}

/** The orders `brokerage(orderBy)` offers: PERSON by id; BETWEENNESS, EFFECTIVE_SIZE, OPEN_TWO_PATHS highest first; CONSTRAINT lowest first. */
export type BrokerageOrder = 'PERSON' | 'BETWEENNESS' | 'EFFECTIVE_SIZE' | 'CONSTRAINT' | 'OPEN_TWO_PATHS';

/**
 * Profiles in the asked order, ties by person id; a null measure (no ties) last whatever the
 * direction, and a betweenness not computed counts as 0. A new array; the profiles are shared.
 */
export function orderBrokerageProfiles(profiles: readonly BrokerageProfile[], order: BrokerageOrder): BrokerageProfile[] {
  const byId = (a: BrokerageProfile, b: BrokerageProfile) => (a.person < b.person ? -1 : a.person > b.person ? 1 : 0);
  const num = (x: number | null, desc: boolean) => (x === null ? Infinity : desc ? -x : x);
  const key: Record<BrokerageOrder, ((p: BrokerageProfile) => number) | null> = {
    PERSON: null,
    BETWEENNESS: (p) => num(p.betweenness ?? 0, true),
    EFFECTIVE_SIZE: (p) => num(p.effectiveSize, true),
    CONSTRAINT: (p) => num(p.constraint, false),
    OPEN_TWO_PATHS: (p) => num(p.total, true),
  };
  const k = key[order];
  return [...profiles].sort(k ? (a, b) => k(a) - k(b) || byId(a, b) : byId);
}

/** Gould–Fernandez counts with the counting scheme described above; scratch arrays reused across people. */
export class GouldFernandezCounter {
  private readonly mark: Uint8Array;
  private readonly perGroup: Float64Array;

  constructor(
    private readonly csr: Csr,
    private readonly primary: Int32Array,
    groups: number,
  ) {
    this.mark = new Uint8Array(csr.n);
    this.perGroup = new Float64Array(groups);
  }

  of(b: number): GouldFernandezCounts {
    const { offsets, targets } = this.csr;
    const { primary, mark, perGroup } = this;
    const start = offsets[b];
    const end = offsets[b + 1];
    const n = end - start;
    const totalPairs = pairs(n);
    const gb = primary[b];

    // Tied pairs among B's contacts (each unordered pair once: A < C).
    for (let j = start; j < end; j++) mark[targets[j]] = 1;
    let tied = 0;
    let tCoord = 0;
    let tItin = 0;
    let tGate = 0;
    let tLiaison = 0;
    let tUnclassified = 0;
    for (let j = start; j < end; j++) {
      const a = targets[j];
      for (let q = offsets[a]; q < offsets[a + 1]; q++) {
        const c = targets[q];
        if (c <= a || mark[c] === 0) continue;
        tied++;
        const role = roleOf(gb, primary[a], primary[c]);
        if (role === 0) tCoord++;
        else if (role === 1) tItin++;
        else if (role === 2) tGate++;
        else if (role === 3) tLiaison++;
        else tUnclassified++;
      }
    }
    for (let j = start; j < end; j++) mark[targets[j]] = 0;

    if (gb < 0) {
      return { coordinator: 0, itinerant: 0, gatekeeperRepresentative: 0, liaison: 0, unclassified: totalPairs - tied, total: totalPairs - tied };
    }
    // All pairs, from group sizes among B's contacts.
    let none = 0;
    const touched: number[] = [];
    for (let j = start; j < end; j++) {
      const g = primary[targets[j]];
      if (g < 0) none++;
      else {
        if (perGroup[g] === 0) touched.push(g);
        perGroup[g]++;
      }
    }
    const same = perGroup[gb];
    const grouped = n - none;
    const other = grouped - same;
    let itinerant = 0;
    let sumSquares = 0;
    for (const g of touched) {
      const c = perGroup[g];
      if (g !== gb) {
        itinerant += pairs(c);
        sumSquares += c * c;
      }
      perGroup[g] = 0;
    }
    const coordinator = pairs(same);
    const gatekeeper = same * other;
    const liaison = (other * other - sumSquares) / 2;
    const unclassified = totalPairs - (coordinator + itinerant + gatekeeper + liaison);
    const counts = {
      coordinator: coordinator - tCoord,
      itinerant: itinerant - tItin,
      gatekeeperRepresentative: gatekeeper - tGate,
      liaison: liaison - tLiaison,
      unclassified: unclassified - tUnclassified,
      total: totalPairs - tied,
    };
    return counts;
  }
}

/** Unordered pairs among c items (never −0, which would leak into JSON as 0 but fail deep equality). */
function pairs(c: number): number {
  return c > 1 ? (c * (c - 1)) / 2 : 0;
}

/** 0 coordinator, 1 itinerant, 2 gatekeeper/representative, 3 liaison, 4 unclassified. */
export function roleOf(gb: number, ga: number, gc: number): number {
  if (gb < 0 || ga < 0 || gc < 0) return 4;
  if (ga === gb && gc === gb) return 0;
  if (ga === gc) return 1;
  if (ga === gb || gc === gb) return 2;
  return 3;
}
