import type { Dataset, PersonRecord, VisitRecord } from '../domain/model';
import { normalizeForSearch } from '../domain/searchText';

/**
 * Scores a draft against a curated answer key: precision and recall of people, of movements
 * (visitor + destination + status all right), and of the lengths and dates of movements.
 * People match by family name in either script (or full name); unnamed people match when both are
 * placeholders first cited in the same sentence.
 */
export interface Score {
  truePositives: number;
  proposed: number;
  expected: number;
  precision: number;
  recall: number;
}

export interface Evaluation {
  people: Score;
  movements: Score;
  lengths: Score;
  dates: Score;
  missedMovements: string[];
  spuriousMovements: string[];
}

const score = (tp: number, proposed: number, expected: number): Score => ({
  truePositives: tp,
  proposed,
  expected,
  precision: proposed ? tp / proposed : 1,
  recall: expected ? tp / expected : 1,
});

const firstSource = (p: { sources: Array<string | { source: string }> }) => p.sources.map((s) => (typeof s === 'string' ? s : s.source));

function nameKeys(p: PersonRecord): string[] {
  return [p.familyName, p.familyNameJa, p.name, p.nameJa].filter((n): n is string => Boolean(n)).map(normalizeForSearch);
}

function samePerson(a: PersonRecord, b: PersonRecord): boolean {
  if (a.placeholder || b.placeholder) {
    if (!(a.placeholder && b.placeholder)) return false;
    const sa = firstSource(a);
    return firstSource(b).some((s) => sa.includes(s));
  }
  const kb = nameKeys(b);
  return nameKeys(a).some((k) => kb.includes(k));
}

/** Greedy one-to-one matching of draft people onto key people. */
export function matchPeopleOnto(draft: PersonRecord[], key: PersonRecord[]): Map<string, string> {
  const taken = new Set<string>();
  const map = new Map<string, string>();
  for (const p of draft) {
    const hit = key.find((k) => !taken.has(k.id) && samePerson(p, k));
    if (hit) {
      taken.add(hit.id);
      map.set(p.id, hit.id);
    }
  }
  return map;
}

function placeOf(id: string, dataset: Dataset): string {
  const inst = dataset.institutions.find((i) => i.id === id);
  return inst?.placeholder ? `country:${inst.country}` : id;
}

export function evaluateDraft(draft: Dataset, key: Dataset): Evaluation {
  const people = matchPeopleOnto(draft.people, key.people);
  const movementKey = (v: VisitRecord, d: Dataset, visitor: string) => `${visitor}|${placeOf(v.to, d)}|${v.status}`;
  const remaining = new Map<string, VisitRecord[]>();
  for (const v of key.visits) {
    const k = movementKey(v, key, v.visitor);
    remaining.set(k, [...(remaining.get(k) ?? []), v]);
  }
  const matched: Array<[VisitRecord, VisitRecord]> = [];
  const spurious: string[] = [];
  for (const v of draft.visits) {
    const k = movementKey(v, draft, people.get(v.visitor) ?? `draft:${v.visitor}`);
    const hit = remaining.get(k)?.shift();
    if (hit) matched.push([v, hit]);
    else spurious.push(`${v.id} (${k})`);
  }
  const missed = [...remaining.values()].flat().map((v) => `${v.id} (${movementKey(v, key, v.visitor)})`);
  const length = (v: VisitRecord) => v.duration ?? v.durationText;
  const lengthHits = matched.filter(([d, k]) => length(k) && length(d) === length(k)).length;
  const dateHits = matched.filter(([d, k]) => k.start && d.start === k.start).length;
  return {
    people: score(people.size, draft.people.length, key.people.length),
    movements: score(matched.length, draft.visits.length, key.visits.length),
    lengths: score(lengthHits, draft.visits.filter(length).length, key.visits.filter(length).length),
    dates: score(dateHits, draft.visits.filter((v) => v.start).length, key.visits.filter((v) => v.start).length),
    missedMovements: missed,
    spuriousMovements: spurious,
  };
}
