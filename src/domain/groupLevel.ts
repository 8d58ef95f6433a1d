import type { GroupLevel } from './enums';
import { labelOfId } from './ids';

/**
 * What a group is at each level, for every measure that groups people or visit ends (bridges,
 * brokerage, graph views and exports, lab-level paths, circulation). One rule, here, so that the
 * network measures and both stores' circulation facts cannot drift (docs/metrics.md, "Groups"):
 *
 *   COUNTRY      the country of each institution — a placeholder institution counts for its
 *                country, which the source does state;
 *   INSTITUTION  each named institution; a placeholder ("an institution in Japan") is unknown,
 *                never a group, so two people or visits at one placeholder share nothing;
 *   LAB          at each institution, the labs the data names there; where it names none, the
 *                institution itself; where the institution is a placeholder, its country. No lab
 *                is invented, and every group says the level it was resolved at
 *                (`resolvedLevelOf`).
 *
 * The Cypher twin of the circulation facts (store/neo4j/cypher/circulation.ts, groupExpressions)
 * spells the same rule for one visit end; the contract suite checks both stores agree.
 */
export interface PlaceRef {
  /** Institution id. */
  id: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  placeholder: boolean;
}

export const countryGroupId = (code: string): string => `country:${code}`;

/** The level a group id was resolved at: its kind (lab, institution, country). */
export function resolvedLevelOf(groupId: string): GroupLevel {
  const label = labelOfId(groupId);
  return label === 'Lab' ? 'LAB' : label === 'Country' ? 'COUNTRY' : 'INSTITUTION';
}

/**
 * The groups of one place at a level: `labsThere` are the labs the data names at that
 * institution for the person (or the visit end). Unsorted; at most one id when `labsThere` is empty.
 */
export function groupsAtPlace(level: GroupLevel, place: PlaceRef, labsThere: readonly string[]): string[] {
  switch (level) {
    case 'COUNTRY':
      return [countryGroupId(place.country)];
    case 'INSTITUTION':
      return place.placeholder ? [] : [place.id];
    case 'LAB':
      if (labsThere.length > 0) return [...labsThere];
      return [place.placeholder ? countryGroupId(place.country) : place.id];
  }
}

/**
 * A person's groups at a level, from their labs (with each lab's institution) and direct
 * affiliations. At LAB level a placeholder's country stands in only for someone with no other
 * group: a person at Kyoto and at "an institution in Japan" is in Kyoto, not also in Japan as a
 * second, overlapping group. Sorted, without duplicates.
 */
export function personGroups(
  level: GroupLevel,
  labs: ReadonlyArray<{ id: string; institution: PlaceRef }>,
  affiliations: readonly PlaceRef[],
): string[] {
  const labsAt = new Map<string, string[]>();
  const places = new Map<string, PlaceRef>();
  for (const lab of labs) {
    places.set(lab.institution.id, lab.institution);
    const list = labsAt.get(lab.institution.id);
    if (list) list.push(lab.id);
    else labsAt.set(lab.institution.id, [lab.id]);
  }
  for (const a of affiliations) if (!places.has(a.id)) places.set(a.id, a);
  const out = new Set<string>();
  const fallback = new Set<string>();
  for (const place of places.values()) {
    const groups = groupsAtPlace(level, place, labsAt.get(place.id) ?? []);
    const target = level === 'LAB' && place.placeholder && !labsAt.has(place.id) ? fallback : out;
    for (const g of groups) target.add(g);
  }
  const result = out.size > 0 ? out : fallback;
  return [...result].sort();
}

/**
 * The one primary group at a level, where a single group per person is needed (Gould–Fernandez,
 * the `group` of a view node): the group, at this level, of the person's primary place — the
 * institution of their smallest lab id, else their smallest named institution, else their
 * smallest placeholder. At LAB level that is the smallest lab, else the institution, else the
 * placeholder's country. Null when the person has no group at the level.
 */
export function primaryGroup(
  level: GroupLevel,
  labs: ReadonlyArray<{ id: string; institution: PlaceRef }>,
  affiliations: readonly PlaceRef[],
): string | null {
  const byId = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const lab = byId(labs)[0];
  if (lab) return groupsAtPlace(level, lab.institution, [lab.id])[0] ?? null;
  const places = byId(affiliations);
  const place = places.find((p) => !p.placeholder) ?? places[0];
  if (!place) return null;
  return groupsAtPlace(level, place, [])[0] ?? null;
}

/**
 * The group of one end of a visit, for the circulation measures: `labsThere` are the visit's AT
 * lab (destination) or the visitor's labs at the FROM institution (origin). The smallest id when
 * several labs qualify; null when the end has no group at the level (a placeholder institution
 * at INSTITUTION level: unknown, not a group).
 */
export function visitEndGroup(level: GroupLevel, place: PlaceRef, labsThere: readonly string[]): string | null {
  const groups = groupsAtPlace(level, place, labsThere);
  return groups.length === 0 ? null : groups.length === 1 ? groups[0] : [...groups].sort()[0];
}
