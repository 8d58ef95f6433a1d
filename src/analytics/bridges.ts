import type { CareerStage, GroupLevel } from '../domain/enums';
import type { CollaborationNetwork, TieAttributes } from './collaborationGraph';
import type { Csr } from './csr';
import { groupLinksOf } from './groupLinks';
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
  const csr = network.csr;
  const gi = groupIndexOf(network, options.level);
  // The 1-vs-many rule counts the groups asked for, even one that nobody belongs to.
  const asked = options.between ? [...new Set(options.between)] : null;
  const between = asked ? new Set(resolveGroups(gi, asked, 'between', options.existingGroups)) : null;
  const single = asked?.length === 1;
  const candidates = options.people ? [...new Set(resolvePeople(csr, options.people, 'people'))].sort((a, b) => a - b) : range(csr.n);
  const earlyOnly = options.earlyCareerOnly ?? true;
  const links = groupLinksOf(network, gi);
  const G = gi.ids.length;
  const labels: string[] = new Array(G);
  const labelOf = (g: number) => (labels[g] ??= groupLabel(network, gi.ids[g]));
  // Scratch indexed by group, reset after each person: per-person Maps and Sets made the
  // 100k-people run spend much of its time allocating and collecting them.
  const slotOf = new Int32Array(G).fill(-1);
  const mineWithOwn = new Int32Array(G);
  const out: Bridge[] = [];

  const limit = options.limit ?? Infinity;
  for (const b of candidates) {
    if (out.length >= limit) break;
    const id = csr.ids[b];
    const attrs = network.people[b];
    if (earlyOnly && attrs.earlyCareer !== true) continue;

    // Sides: own groups, then groups of each neighbour (slot = position in sideGroups).
    const sideGroups: number[] = [];
    const member: boolean[] = [];
    const ties: number[][] = [];
    const own = gi.groups.subarray(gi.offsets[b], gi.offsets[b + 1]);
    for (const g of own) {
      slotOf[g] = sideGroups.length;
      sideGroups.push(g);
      member.push(true);
      ties.push([]);
    }
    for (let j = csr.offsets[b]; j < csr.offsets[b + 1]; j++) {
      const v = csr.targets[j];
      for (let q = gi.offsets[v]; q < gi.offsets[v + 1]; q++) {
        const g = gi.groups[q];
        let slot = slotOf[g];
        if (slot < 0) {
          slotOf[g] = slot = sideGroups.length;
          sideGroups.push(g);
          member.push(false);
          ties.push([]);
        }
        ties[slot].push(j);
      }
    }
    const sorted = sideGroups.length < 2 ? sideGroups : sideGroups.slice().sort((x, y) => x - y);
    if (sideGroups.length < 2 || (between && !pairPossible(sorted, between, single))) {
      for (const g of sideGroups) slotOf[g] = -1;
      continue;
    }

    // Links between groups that involve B: B's own ties and B's own double membership. With one
    // own group X, B's ties into Y count once per tie for the pair {X, Y}: a counter per Y does.
    const mine = own.length > 1 ? mineAcrossGroups(csr, gi, b, own) : null;
    if (own.length === 1) {
      const x = own[0];
      for (let j = csr.offsets[b]; j < csr.offsets[b + 1]; j++) {
        const v = csr.targets[j];
        for (let q = gi.offsets[v]; q < gi.offsets[v + 1]; q++) if (gi.groups[q] !== x) mineWithOwn[gi.groups[q]]++;
      }
    }
    const mineOf = (ga: number, gb: number, key: number): number =>
      mine ? mine.get(key) ?? 0 : own.length === 0 ? 0 : ga === own[0] ? mineWithOwn[gb] : gb === own[0] ? mineWithOwn[ga] : 0;

    const sideObjects: (BridgeSide | undefined)[] = new Array(sideGroups.length);
    const sideOf = (g: number): BridgeSide => {
      const slot = slotOf[g];
      return (sideObjects[slot] ??= { group: gi.ids[g], label: labelOf(g), member: member[slot], ties: ties[slot].map((j) => tieOf(csr, j)) });
    };
    const pairs: BridgePair[] = [];
    for (let x = 0; x < sorted.length; x++) {
      for (let y = x + 1; y < sorted.length; y++) {
        const ga = sorted[x];
        const gb = sorted[y];
        if (between && !(single ? between.has(ga) || between.has(gb) : between.has(ga) && between.has(gb))) continue;
        const key = ga * G + gb;
        const otherTies = (links.ties.get(key) ?? 0) - mineOf(ga, gb, key);
        const sharedMembers = (links.shared.get(key) ?? 0) - (member[slotOf[ga]] && member[slotOf[gb]] ? 1 : 0);
        pairs.push({ a: sideOf(ga), b: sideOf(gb), otherTies, sharedMembers, structuralHole: otherTies === 0 && sharedMembers === 0 });
      }
    }
    if (pairs.length > 0) {
      out.push({
        person: id,
        label: attrs.label,
        stage: attrs.stage,
        earlyCareer: attrs.earlyCareer,
        level: gi.level,
        sides: sorted.map(sideOf),
        pairs,
      });
    }
    for (const g of sideGroups) {
      slotOf[g] = -1;
      mineWithOwn[g] = 0;
    }
  }
  return out;
}

/** B's ties counted per pair of groups {own group, neighbour's group}, once per tie: for people in several groups. */
function mineAcrossGroups(csr: Csr, gi: GroupIndex, b: number, own: Int32Array): Map<number, number> {
  const G = gi.ids.length;
  const mine = new Map<number, number>();
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
  return mine;
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
