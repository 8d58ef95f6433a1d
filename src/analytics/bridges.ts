import type { CareerStage, GroupLevel } from '../domain/enums';
import type { CollaborationNetwork, TieAttributes } from './collaborationGraph';
import { csrOf, type Csr } from './csr';
import { groupIndexOf, groupLabel, resolveGroups, resolvePeople, type GroupIndex } from './groups';

/**
 * Bridges (docs/metrics.md, "Bridges"). Person B bridges groups X ≠ Y when B has a side in
 * both: B belongs to the group, or B has a tie to someone who does. For each pair we report the
 * evidence of each side and whether X and Y are linked otherwise than through B: a tie between
 * a member of X and a member of Y that does not involve B, or another person who belongs to both.
 * When there is none, B spans a structural hole (Burt 1992) between X and Y.
 */
export interface BridgeOptions {
  level: GroupLevel;
  /** Only early-career people (stage under the network's rule; UNKNOWN stages are left out). Default true. */
  earlyCareerOnly?: boolean;
  /** One group: pairs that include it. Two or more: pairs with both groups in the list. */
  between?: readonly string[];
  /** Restrict to these people (ids). */
  people?: readonly string[];
  /** Group ids that exist in the store but not in the projection (see groups.ts `resolveGroups`). */
  existingGroups?: ReadonlySet<string>;
  /** Stop after this many bridges (they come in person id order, so this is the first page). */
  limit?: number;
}

export interface BridgeTie {
  /** The person on the other end of B's tie. */
  person: string;
  weight: number;
  visits: string[];
  papers: string[];
  labs: string[];
}

export interface BridgeSide {
  group: string;
  label: string;
  /** B belongs to the group itself. */
  member: boolean;
  /** B's ties to members of the group, by person id. */
  ties: BridgeTie[];
}

export interface BridgePair {
  /** The two sides, groupA.group < groupB.group. The same side objects as in `Bridge.sides`. */
  a: BridgeSide;
  b: BridgeSide;
  /** Ties between a member of A and a member of B that do not involve this person. */
  otherTies: number;
  /** People other than this person who belong to both A and B. */
  sharedMembers: number;
  /** No link between A and B but through this person. */
  structuralHole: boolean;
}

export interface Bridge {
  person: string;
  label: string;
  stage: CareerStage;
  earlyCareer: boolean | null;
  level: GroupLevel;
  /** Every group the person has a side in, sorted by group id. */
  sides: BridgeSide[];
  /** Pairs of sides, sorted by (A, B) ids; only pairs passing the `between` filter. */
  pairs: BridgePair[];
}

export function bridges(network: CollaborationNetwork, options: BridgeOptions): Bridge[] {
  const csr = csrOf(network.graph);
  const gi = groupIndexOf(network, options.level);
  // The 1-vs-many rule counts the groups asked for, even one that nobody belongs to.
  const asked = options.between ? [...new Set(options.between)] : null;
  const between = asked ? new Set(resolveGroups(gi, asked, 'between', options.existingGroups)) : null;
  const single = asked?.length === 1;
  const candidates = options.people ? [...new Set(resolvePeople(csr, options.people, 'people'))].sort((a, b) => a - b) : range(csr.n);
  const earlyOnly = options.earlyCareerOnly ?? true;
  const links = groupLinksOf(network, gi);
  const G = gi.ids.length;
  const out: Bridge[] = [];

  const limit = options.limit ?? Infinity;
  for (const b of candidates) {
    if (out.length >= limit) break;
    const id = csr.ids[b];
    const attrs = network.graph.getNodeAttributes(id);
    if (earlyOnly && attrs.earlyCareer !== true) continue;

    // Sides: own groups, then groups of each neighbour.
    const sides = new Map<number, { member: boolean; ties: number[] }>();
    const own = gi.groups.subarray(gi.offsets[b], gi.offsets[b + 1]);
    for (const g of own) sides.set(g, { member: true, ties: [] });
    for (let j = csr.offsets[b]; j < csr.offsets[b + 1]; j++) {
      const v = csr.targets[j];
      for (let q = gi.offsets[v]; q < gi.offsets[v + 1]; q++) {
        const g = gi.groups[q];
        let side = sides.get(g);
        if (!side) sides.set(g, (side = { member: false, ties: [] }));
        side.ties.push(j);
      }
    }
    if (sides.size < 2) continue;
    const sideGroups = [...sides.keys()].sort((x, y) => x - y);
    if (between && !pairPossible(sideGroups, between, single)) continue;

    // Links between groups that involve B: B's own ties and B's own double membership.
    const mine = new Map<number, number>();
    const ownSet = new Set(own);
    const seen = new Set<number>();
    for (let j = csr.offsets[b]; j < csr.offsets[b + 1]; j++) {
      const v = csr.targets[j];
      seen.clear();
      for (const gb of own) {
        for (let q = gi.offsets[v]; q < gi.offsets[v + 1]; q++) {
          const gv = gi.groups[q];
          if (gv === gb) continue;
          const key = gb < gv ? gb * G + gv : gv * G + gb;
          if (!seen.has(key)) {
            seen.add(key);
            mine.set(key, (mine.get(key) ?? 0) + 1);
          }
        }
      }
    }

    const sideObjects = new Map<number, BridgeSide>();
    const sideOf = (g: number): BridgeSide => {
      let s = sideObjects.get(g);
      if (!s) {
        const raw = sides.get(g)!;
        const gid = gi.ids[g];
        s = { group: gid, label: groupLabel(network, gid), member: raw.member, ties: raw.ties.map((j) => tieOf(csr, j)) };
        sideObjects.set(g, s);
      }
      return s;
    };
    const pairs: BridgePair[] = [];
    for (let x = 0; x < sideGroups.length; x++) {
      for (let y = x + 1; y < sideGroups.length; y++) {
        const ga = sideGroups[x];
        const gb = sideGroups[y];
        if (between && !(single ? between.has(ga) || between.has(gb) : between.has(ga) && between.has(gb))) continue;
        const key = ga * G + gb;
        const otherTies = (links.ties.get(key) ?? 0) - (mine.get(key) ?? 0);
        const sharedMembers = (links.shared.get(key) ?? 0) - (ownSet.has(ga) && ownSet.has(gb) ? 1 : 0);
        pairs.push({ a: sideOf(ga), b: sideOf(gb), otherTies, sharedMembers, structuralHole: otherTies === 0 && sharedMembers === 0 });
      }
    }
    if (pairs.length === 0) continue;
    out.push({
      person: id,
      label: attrs.label,
      stage: attrs.stage,
      earlyCareer: attrs.earlyCareer,
      level: gi.level,
      sides: sideGroups.map(sideOf),
      pairs,
    });
  }
  return out;
}

function pairPossible(sideGroups: number[], between: Set<number>, single: boolean): boolean {
  let hits = 0;
  for (const g of sideGroups) if (between.has(g)) hits++;
  return single ? hits >= 1 : hits >= 2;
}

function tieOf(csr: Csr, arc: number): BridgeTie {
  const t: TieAttributes = csr.arcAttrs[arc];
  return { person: csr.ids[csr.targets[arc]], weight: t.weight, visits: t.visits, papers: t.papers, labs: t.labs };
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/**
 * For each pair of groups (key a·G + b, a < b): the number of ties joining them and the number of
 * people belonging to both. Counted once per network and level.
 */
export interface GroupLinks {
  ties: Map<number, number>;
  shared: Map<number, number>;
}

const linksCache = new WeakMap<GroupIndex, GroupLinks>();

export function groupLinksOf(network: CollaborationNetwork, gi: GroupIndex): GroupLinks {
  let links = linksCache.get(gi);
  if (links) return links;
  const csr = csrOf(network.graph);
  const G = gi.ids.length;
  const ties = new Map<number, number>();
  const shared = new Map<number, number>();
  const seen = new Set<number>();
  for (let u = 0; u < csr.n; u++) {
    const gu0 = gi.offsets[u];
    const gu1 = gi.offsets[u + 1];
    if (gu0 === gu1) continue;
    for (let j = csr.offsets[u]; j < csr.offsets[u + 1]; j++) {
      const v = csr.targets[j];
      if (v < u) continue;
      const gv0 = gi.offsets[v];
      const gv1 = gi.offsets[v + 1];
      if (gu1 - gu0 === 1 && gv1 - gv0 === 1) {
        const a = gi.groups[gu0];
        const b = gi.groups[gv0];
        if (a !== b) {
          const key = a < b ? a * G + b : b * G + a;
          ties.set(key, (ties.get(key) ?? 0) + 1);
        }
        continue;
      }
      seen.clear();
      for (let p = gu0; p < gu1; p++) {
        for (let q = gv0; q < gv1; q++) {
          const a = gi.groups[p];
          const b = gi.groups[q];
          if (a === b) continue;
          const key = a < b ? a * G + b : b * G + a;
          if (!seen.has(key)) {
            seen.add(key);
            ties.set(key, (ties.get(key) ?? 0) + 1);
          }
        }
      }
    }
    for (let p = gu0; p < gu1; p++) {
      for (let q = p + 1; q < gu1; q++) {
        const key = gi.groups[p] * G + gi.groups[q];
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
    }
  }
  linksCache.set(gi, (links = { ties, shared }));
  return links;
}
