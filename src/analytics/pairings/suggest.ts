import type { GroupLevel } from '../../domain/enums';
import { badInput, echo } from '../../errors';
import type { CollaborationNetwork, TieAttributes } from '../collaborationGraph';
import { arcBetween, type Csr } from '../csr';
import { groupIndexOf, membersOfGroup, resolveGroups, resolvePeople, type GroupIndex } from '../groups';
import { StructuralHoleCalculator } from '../structuralHoles';
import { interestsOf, type InterestTable, type PersonInterests } from './interests';
import { commonNeighbours, linkScores, linkScoresFrom, type LinkScores } from './linkPrediction';
import { closurePart, combinedScore, holePart, topicsPart, type ScoreParts } from './score';
import { StructuralDelta, type StructuralChange } from './structuralChange';

/**
 * Suggested pairings (docs/metrics.md, "Suggested pairings"): for one person, the people in other
 * groups whom a visit would connect with the most benefit; or, between two groups, the pairs of
 * their members. Pure functions of the collaboration network and the interest table.
 *
 * Who is a candidate for person v at a level:
 *  - not v, not a placeholder (an unnamed person is never suggested), not tied to v already;
 *  - in another group: at least one group at the level, none shared with v (groups as every
 *    measure resolves them, so a placeholder institution is never a place either of them is in);
 * and, between two groups X and Y, pairs (a in X, b in Y) of such people, with at least one of the
 * two early-career when `earlyCareerOnly`.
 */
export interface PairingsRequest {
  person?: string | null;
  between?: readonly string[] | null;
  level: GroupLevel;
  first: number;
  /** Between two groups: only pairs where at least one person is early-career. */
  earlyCareerOnly?: boolean;
  /** Group ids the store knows although nobody is in them (they match nobody; see groups.ts). */
  existingGroups?: ReadonlySet<string>;
}

export interface SharedInterest {
  /** Theme or material id. */
  id: string;
  /** The records that show it for the person, and for the candidate. */
  personEvidence: string[];
  candidateEvidence: string[];
}

export interface SharedNeighbour {
  neighbour: string;
  personTie: TieAttributes;
  candidateTie: TieAttributes;
}

export interface PairingSuggestion {
  person: string;
  candidate: string;
  personGroups: string[];
  candidateGroups: string[];
  /** Burt's constraint and effective size of the person (and of the candidate) without and with the tie. */
  personChange: StructuralChange;
  candidateChange: StructuralChange;
  link: LinkScores;
  sharedNeighbours: SharedNeighbour[];
  sharedThemes: SharedInterest[];
  sharedMaterials: SharedInterest[];
  parts: ScoreParts;
  score: number;
}

export interface PairingsResult {
  level: GroupLevel;
  /** Every candidate (or pair) scored, before `first` cut the list. */
  candidates: number;
  suggestions: PairingSuggestion[];
}

/** Between two groups, at most this many pairs are scored (each needs two ego recomputations). */
export const MAX_PAIRS = 100_000;

/** One scored candidate: what ranking needs, before the evidence is gathered for the ones returned. */
export interface ScoredCandidate {
  person: number;
  candidate: number;
  link: LinkScores;
  parts: ScoreParts;
  score: number;
  personChange: StructuralChange;
}

const calculators = new WeakMap<Csr, StructuralHoleCalculator>();

function calculatorOf(csr: Csr): StructuralHoleCalculator {
  let calc = calculators.get(csr);
  if (!calc) calculators.set(csr, (calc = new StructuralHoleCalculator(csr)));
  return calc;
}

export function egoOf(csr: Csr, v: number): StructuralDelta {
  return new StructuralDelta(csr, v, calculatorOf(csr).of(v));
}

function groupsOf(gi: GroupIndex, i: number): Int32Array {
  return gi.groups.subarray(gi.offsets[i], gi.offsets[i + 1]);
}

function shareGroup(gi: GroupIndex, a: number, b: number): boolean {
  const ga = groupsOf(gi, a);
  const gb = groupsOf(gi, b);
  for (const g of ga) if (gb.includes(g)) return true;
  return false;
}

/** Whether c may be suggested to v at this level (see the module comment). */
function isCandidate(network: CollaborationNetwork, gi: GroupIndex, v: number, c: number): boolean {
  if (c === v || network.people[c].placeholder) return false;
  if (gi.offsets[c + 1] === gi.offsets[c]) return false;
  if (shareGroup(gi, v, c)) return false;
  return arcBetween(network.csr, v, c) < 0;
}

const INTEREST_KINDS = ['themes', 'materials'] as const;

/** Theme and material ids of a person (the sets the topics part compares), kept as long as the interest table. */
const keysOf = new WeakMap<PersonInterests, Set<string>>();

function interestKeys(interests: PersonInterests): Set<string> {
  let keys = keysOf.get(interests);
  if (!keys) {
    keys = new Set<string>();
    for (const kind of INTEREST_KINDS) for (const id of interests[kind].keys()) keys.add(id);
    keysOf.set(interests, keys);
  }
  return keys;
}

function topicOverlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const k of a) if (b.has(k)) shared++;
  return topicsPart(shared, a.size + b.size - shared);
}

/**
 * Every candidate of person v scored (unsorted): what `suggestPairings` ranks and what the
 * benchmark evaluates. Link scores come from one walk over v's two-step neighbourhood.
 */
export function scoreCandidates(network: CollaborationNetwork, interests: InterestTable, v: number, level: GroupLevel): ScoredCandidate[] {
  const { csr } = network;
  const gi = groupIndexOf(network, level);
  const links = linkScoresFrom(csr, v);
  const ego = egoOf(csr, v);
  const mine = interestKeys(interestsOf(interests, csr.ids[v]));
  const zero: LinkScores = { commonNeighbours: 0, adamicAdar: 0, resourceAllocation: 0 };
  const out: ScoredCandidate[] = [];
  for (let c = 0; c < csr.n; c++) {
    if (!isCandidate(network, gi, v, c)) continue;
    const link = links.get(c) ?? zero;
    const personChange = ego.with(c);
    const parts: ScoreParts = {
      closure: closurePart(link),
      topics: topicOverlap(mine, interestKeys(interestsOf(interests, csr.ids[c]))),
      hole: holePart(personChange.before, personChange.after),
    };
    out.push({ person: v, candidate: c, link, parts, score: combinedScore(parts), personChange });
  }
  return out;
}

/** Best score first; ties by person then candidate id (CSR indices follow sorted ids, so the indices order them). */
function byScore(a: ScoredCandidate, b: ScoredCandidate): number {
  return b.score - a.score || a.person - b.person || a.candidate - b.candidate;
}

export function suggestPairings(network: CollaborationNetwork, interests: InterestTable, request: PairingsRequest): PairingsResult {
  const hasPerson = request.person !== undefined && request.person !== null;
  const hasBetween = request.between !== undefined && request.between !== null;
  if (hasPerson === hasBetween) throw badInput('suggestPairings takes either `person` or `between` (two groups), not both and not neither', { argumentName: hasPerson ? 'between' : 'person' });
  const scored = hasPerson ? scorePerson(network, interests, request) : scoreBetween(network, interests, request);
  scored.sort(byScore);
  const gi = groupIndexOf(network, request.level);
  return {
    level: request.level,
    candidates: scored.length,
    suggestions: scored.slice(0, request.first).map((s) => explain(network, interests, gi, s)),
  };
}

function scorePerson(network: CollaborationNetwork, interests: InterestTable, request: PairingsRequest): ScoredCandidate[] {
  const [v] = resolvePeople(network.csr, [request.person!], 'person');
  return scoreCandidates(network, interests, v, request.level);
}

function scoreBetween(network: CollaborationNetwork, interests: InterestTable, request: PairingsRequest): ScoredCandidate[] {
  const between = request.between!;
  if (between.length !== 2 || between[0] === between[1]) {
    throw badInput(`between: give exactly two different groups (got ${between.length === 2 ? 'the same group twice' : between.length})`, { argumentName: 'between' });
  }
  const { csr } = network;
  const gi = groupIndexOf(network, request.level);
  const [x, y] = resolveGroups(gi, between, 'between', request.existingGroups);
  const named = (i: number) => !network.people[i].placeholder;
  const side = membersOfGroup(gi, x).filter(named);
  const other = membersOfGroup(gi, y).filter(named);
  if (side.length * other.length > MAX_PAIRS) {
    throw badInput(`between: ${echo(between[0])} and ${echo(between[1])} have ${side.length} × ${other.length} pairs of members, more than ${MAX_PAIRS}; ask per person (suggestPairings(person:)) or for smaller groups`, { argumentName: 'between' });
  }
  const earlyOnly = request.earlyCareerOnly ?? true;
  const egos = new Map<number, StructuralDelta>();
  const ego = (i: number) => {
    let e = egos.get(i);
    if (!e) egos.set(i, (e = egoOf(csr, i)));
    return e;
  };
  const keysOfPerson = (i: number) => interestKeys(interestsOf(interests, csr.ids[i]));
  const out: ScoredCandidate[] = [];
  for (const a of side) {
    for (const b of other) {
      if (!isCandidate(network, gi, a, b)) continue;
      if (earlyOnly && network.people[a].earlyCareer !== true && network.people[b].earlyCareer !== true) continue;
      const link = linkScores(csr, a, b);
      const personChange = ego(a).with(b);
      const candidateChange = ego(b).with(a);
      const parts: ScoreParts = {
        closure: closurePart(link),
        topics: topicOverlap(keysOfPerson(a), keysOfPerson(b)),
        // Between two groups the tie serves both people: the mean of their relative falls.
        hole: (holePart(personChange.before, personChange.after) + holePart(candidateChange.before, candidateChange.after)) / 2,
      };
      out.push({ person: a, candidate: b, link, parts, score: combinedScore(parts), personChange });
    }
  }
  return out;
}

function sharedInterests(mine: Map<string, string[]>, theirs: Map<string, string[]>): SharedInterest[] {
  const out: SharedInterest[] = [];
  for (const [id, evidence] of mine) {
    const other = theirs.get(id);
    if (other) out.push({ id, personEvidence: evidence, candidateEvidence: other });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** The evidence of one suggestion returned: shared contacts with both ties, shared themes and materials, the candidate's own change. */
function explain(network: CollaborationNetwork, interests: InterestTable, gi: GroupIndex, s: ScoredCandidate): PairingSuggestion {
  const { csr } = network;
  const v = s.person;
  const c = s.candidate;
  const tie = (a: number, b: number) => csr.arcAttrs[arcBetween(csr, a, b)];
  const mine = interestsOf(interests, csr.ids[v]);
  const theirs = interestsOf(interests, csr.ids[c]);
  const group = (i: number) => Array.from(groupsOf(gi, i), (g) => gi.ids[g]);
  return {
    person: csr.ids[v],
    candidate: csr.ids[c],
    personGroups: group(v),
    candidateGroups: group(c),
    personChange: s.personChange,
    candidateChange: egoOf(csr, c).with(v),
    link: s.link,
    sharedNeighbours: commonNeighbours(csr, v, c).map((w) => ({ neighbour: csr.ids[w], personTie: tie(v, w), candidateTie: tie(c, w) })),
    sharedThemes: sharedInterests(mine.themes, theirs.themes),
    sharedMaterials: sharedInterests(mine.materials, theirs.materials),
    parts: s.parts,
    score: s.score,
  };
}
