import type { CareerStage, GroupLevel } from '../domain/enums';
import type { BetweennessResult } from './betweenness';
import { bridges, type Bridge } from './bridges';
import { brokerage, type BrokerageProfile } from './brokerage';
import type { CollaborationNetwork, TieAttributes } from './collaborationGraph';
import { groupIndexOf } from './groups';
import type { PeriodNetwork, PeriodSummary } from './periodNetwork';

/**
 * How the collaboration network changed between two days (docs/metrics.md, "Network change"):
 * two period views of the same store version (periodNetwork.ts), compared tie by tie, group pair
 * by group pair and person by person. Pure: the caller hands in both views and their betweenness.
 * Every item carries the ids of the records it rests on, taken from the view it is in (a tie
 * formed: its evidence on the later day; a tie only in the earlier view: its evidence then).
 */
export interface ChangedTie {
  a: string;
  b: string;
  weight: number;
  visits: string[];
  papers: string[];
  labs: string[];
}

export interface GroupPairChange {
  level: GroupLevel;
  /** The two group ids, a < b. */
  a: string;
  b: string;
  /** The ties of the later view that link the two groups (person pairs with their evidence). */
  ties: ChangedTie[];
}

export interface BridgeChange {
  person: string;
  stage: CareerStage;
  earlyCareer: boolean | null;
  /** The group pairs the person bridges in the view where they are a bridge (a < b), with structural holes. */
  pairs: Array<{ a: string; b: string; structuralHole: boolean }>;
  /** Evidence of the person's ties into those groups, in that view. */
  visits: string[];
  papers: string[];
  labs: string[];
}

export interface MeasureChange {
  before: number | null;
  after: number | null;
  /** after − before; null when either is. */
  change: number | null;
}

export interface PersonChange {
  person: string;
  stage: CareerStage;
  degree: MeasureChange;
  betweenness: MeasureChange;
  constraint: MeasureChange;
  effectiveSize: MeasureChange;
  /** The person's ties formed and ties only in the earlier view, with their evidence. */
  tiesFormed: ChangedTie[];
  tiesEnded: ChangedTie[];
}

export interface NetworkShape {
  period: PeriodSummary;
  /** People with at least one tie on the day. */
  people: number;
  ties: number;
  /** 2·ties / (people·(people − 1)) over people with a tie; null below two such people. */
  density: number | null;
  /** Ties whose two people share no country (both with a known one). */
  crossBorderTies: number;
  /** crossBorderTies / ties; null without ties. */
  crossBorderShare: number | null;
}

export interface NetworkChange {
  level: GroupLevel;
  from: NetworkShape;
  to: NetworkShape;
  tiesFormed: ChangedTie[];
  /** Ties in the earlier view that the later one does not have (a membership ended). */
  tiesEnded: ChangedTie[];
  /** Pairs of groups linked by a tie on the later day and by none on the earlier, at each level. */
  newGroupPairs: GroupPairChange[];
  becameBridges: BridgeChange[];
  stoppedBridging: BridgeChange[];
  /** Every early-career person (the network's rule) with a tie in either view. */
  earlyCareer: PersonChange[];
  density: MeasureChange;
  crossBorderShare: MeasureChange;
}

export interface ChangeInput {
  network: PeriodNetwork;
  betweenness: BetweennessResult;
}

export interface ChangeOptions {
  /** Level of the bridges compared (the group pairs are given at every level). */
  level: GroupLevel;
  /** Bridges: early-career people only (default true, as `bridges`). */
  earlyCareerOnly?: boolean;
}

const LEVELS: readonly GroupLevel[] = ['COUNTRY', 'INSTITUTION', 'LAB'];

export function networkChange(from: ChangeInput, to: ChangeInput, options: ChangeOptions): NetworkChange {
  const before = tiesOf(from.network);
  const after = tiesOf(to.network);
  const tiesFormed = [...after.values()].filter((t) => !before.has(key(t)));
  const tiesEnded = [...before.values()].filter((t) => !after.has(key(t)));
  const shapeFrom = shapeOf(from.network, before);
  const shapeTo = shapeOf(to.network, after);
  return {
    level: options.level,
    from: shapeFrom,
    to: shapeTo,
    tiesFormed,
    tiesEnded,
    newGroupPairs: LEVELS.flatMap((level) => newGroupPairs(from.network, to.network, level)),
    ...bridgeChanges(from.network, to.network, options),
    earlyCareer: earlyCareerChanges(from, to, tiesFormed, tiesEnded),
    density: measure(shapeFrom.density, shapeTo.density),
    crossBorderShare: measure(shapeFrom.crossBorderShare, shapeTo.crossBorderShare),
  };
}

function key(t: { a: string; b: string }): string {
  return `${t.a}--${t.b}`;
}

/** Every tie of a view, keyed "a--b" (a < b), in (a, b) order. */
function tiesOf(network: CollaborationNetwork): Map<string, ChangedTie> {
  const csr = network.csr;
  const out = new Map<string, ChangedTie>();
  for (let u = 0; u < csr.n; u++) {
    for (let p = csr.offsets[u]; p < csr.offsets[u + 1]; p++) {
      const v = csr.targets[p];
      if (v <= u) continue;
      const tie = changedTie(csr.ids[u], csr.ids[v], csr.arcAttrs[p]);
      out.set(key(tie), tie);
    }
  }
  return out;
}

function changedTie(a: string, b: string, attrs: TieAttributes): ChangedTie {
  return { a, b, weight: attrs.weight, visits: attrs.visits, papers: attrs.papers, labs: attrs.labs };
}

function shapeOf(network: PeriodNetwork, ties: ReadonlyMap<string, ChangedTie>): NetworkShape {
  const csr = network.csr;
  let people = 0;
  for (let i = 0; i < csr.n; i++) if (csr.offsets[i + 1] > csr.offsets[i]) people++;
  let crossBorder = 0;
  for (const t of ties.values()) {
    const a = network.people[csr.index.get(t.a)!].countries;
    const b = network.people[csr.index.get(t.b)!].countries;
    if (a.length && b.length && !a.some((c) => b.includes(c))) crossBorder++;
  }
  const m = ties.size;
  return {
    period: network.period,
    people,
    ties: m,
    density: people >= 2 ? (2 * m) / (people * (people - 1)) : null,
    crossBorderTies: crossBorder,
    crossBorderShare: m ? crossBorder / m : null,
  };
}

function measure(before: number | null, after: number | null): MeasureChange {
  return { before, after, change: before === null || after === null ? null : after - before };
}

/** Group pairs {X, Y} (X ≠ Y) linked by a tie of the view, with those ties. */
function groupPairs(network: CollaborationNetwork, level: GroupLevel): Map<string, GroupPairChange> {
  const gi = groupIndexOf(network, level);
  const csr = network.csr;
  const out = new Map<string, GroupPairChange>();
  for (let u = 0; u < csr.n; u++) {
    for (let p = csr.offsets[u]; p < csr.offsets[u + 1]; p++) {
      const v = csr.targets[p];
      if (v <= u) continue;
      for (let x = gi.offsets[u]; x < gi.offsets[u + 1]; x++) {
        for (let y = gi.offsets[v]; y < gi.offsets[v + 1]; y++) {
          if (gi.groups[x] === gi.groups[y]) continue;
          const [a, b] = [gi.ids[gi.groups[x]], gi.ids[gi.groups[y]]].sort();
          const k = `${a}|${b}`;
          let pair = out.get(k);
          if (!pair) out.set(k, (pair = { level, a, b, ties: [] }));
          if (!pair.ties.some((t) => t.a === csr.ids[u] && t.b === csr.ids[v])) pair.ties.push(changedTie(csr.ids[u], csr.ids[v], csr.arcAttrs[p]));
        }
      }
    }
  }
  return out;
}

function newGroupPairs(from: CollaborationNetwork, to: CollaborationNetwork, level: GroupLevel): GroupPairChange[] {
  const before = groupPairs(from, level);
  const pairs = [...groupPairs(to, level).entries()].filter(([k]) => !before.has(k)).map(([, pair]) => pair);
  return pairs.sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
}

function bridgeChanges(from: CollaborationNetwork, to: CollaborationNetwork, options: ChangeOptions): Pick<NetworkChange, 'becameBridges' | 'stoppedBridging'> {
  const query = { level: options.level, earlyCareerOnly: options.earlyCareerOnly ?? true };
  const before = bridges(from, query);
  const after = bridges(to, query);
  const beforeIds = new Set(before.map((b) => b.person));
  const afterIds = new Set(after.map((b) => b.person));
  return {
    becameBridges: after.filter((b) => !beforeIds.has(b.person)).map(bridgeChange),
    stoppedBridging: before.filter((b) => !afterIds.has(b.person)).map(bridgeChange),
  };
}

function bridgeChange(b: Bridge): BridgeChange {
  const ties = b.sides.flatMap((s) => s.ties);
  const ids = (pick: (t: (typeof ties)[number]) => string[]) => [...new Set(ties.flatMap(pick))].sort();
  return {
    person: b.person,
    stage: b.stage,
    earlyCareer: b.earlyCareer,
    pairs: b.pairs.map((p) => ({ a: p.a.group, b: p.b.group, structuralHole: p.structuralHole })),
    visits: ids((t) => t.visits),
    papers: ids((t) => t.papers),
    labs: ids((t) => t.labs),
  };
}

function earlyCareerChanges(from: ChangeInput, to: ChangeInput, formed: ChangedTie[], ended: ChangedTie[]): PersonChange[] {
  // Brokerage's group level does not change constraint, effective size or betweenness: any level will do.
  const profiles = (input: ChangeInput) => new Map(brokerage(input.network, { level: 'COUNTRY', earlyCareerOnly: true }, input.betweenness).profiles.map((p) => [p.person, p]));
  const before = profiles(from);
  const after = profiles(to);
  const out: PersonChange[] = [];
  for (const [person, a] of after) {
    const b = before.get(person)!;
    if (a.degree === 0 && b.degree === 0) continue;
    const mine = (ties: ChangedTie[]) => ties.filter((t) => t.a === person || t.b === person);
    out.push({
      person,
      stage: a.stage,
      degree: measure(b.degree, a.degree),
      betweenness: measure(valueOf(b, 'betweenness'), valueOf(a, 'betweenness')),
      constraint: measure(b.constraint, a.constraint),
      effectiveSize: measure(b.effectiveSize, a.effectiveSize),
      tiesFormed: mine(formed),
      tiesEnded: mine(ended),
    });
  }
  return out;
}

/** Betweenness of a person without ties is 0 (no shortest path runs through them), not unknown. */
function valueOf(p: BrokerageProfile, field: 'betweenness'): number | null {
  return p[field] ?? null;
}
