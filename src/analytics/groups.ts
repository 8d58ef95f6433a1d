import type { GroupLevel } from '../domain/enums';
import { labelOfId, type Label } from '../domain/ids';
import { badInput, echo, notFound } from '../errors';
import { personGroups, primaryGroup, resolvedLevelOf, type PlaceRef } from '../domain/groupLevel';
import type { CollaborationNetwork, PersonAttributes } from './collaborationGraph';
import type { Csr } from './csr';

/**
 * People → groups at one level (LAB, INSTITUTION, COUNTRY), in typed arrays aligned with the CSR.
 * What a group is at each level — the LAB level falling back to the institution and then to a
 * placeholder's country, placeholders never being an institution group — is the one rule of
 * domain/groupLevel.ts, which circulation uses too.
 *
 * A person may belong to several groups (two labs, a lab and a direct affiliation): bridges use
 * the full set. Gould–Fernandez brokerage and the `group` of a view node need one primary group
 * (docs/metrics.md, `primaryGroup`). No group at the level: primary −1, empty set.
 */
export interface GroupIndex {
  level: GroupLevel;
  /** Every group id known at this level, sorted. */
  ids: readonly string[];
  index: ReadonlyMap<string, number>;
  /** Person (CSR index) i belongs to groups[offsets[i] .. offsets[i+1]) (sorted group indices). */
  offsets: Int32Array;
  groups: Int32Array;
  /** Primary group index per person, −1 when none. */
  primary: Int32Array;
  /** Placeholder institution ids: named by clients, they are an error, not a group nobody is in. */
  placeholders: ReadonlySet<string>;
}

export const GROUP_LABEL: Record<GroupLevel, Label> = { LAB: 'Lab', INSTITUTION: 'Institution', COUNTRY: 'Country' };

// Keyed by the people's attribute array: a group index depends only on people and places, so the
// period views of a network that share its people (no membership changed by the day) share its index.
const cache = new WeakMap<readonly PersonAttributes[], Map<GroupLevel, GroupIndex>>();

export function groupIndexOf(network: CollaborationNetwork, level: GroupLevel): GroupIndex {
  let byLevel = cache.get(network.people);
  if (!byLevel) cache.set(network.people, (byLevel = new Map()));
  let gi = byLevel.get(level);
  if (!gi) byLevel.set(level, (gi = buildGroupIndex(network, level)));
  return gi;
}

function buildGroupIndex(network: CollaborationNetwork, level: GroupLevel): GroupIndex {
  const csr = network.csr;
  const ids = groupIdsAt(network, level);
  const index = new Map(ids.map((id, i) => [id, i]));
  const offsets = new Int32Array(csr.n + 1);
  const lists: number[][] = new Array(csr.n);
  const primary = new Int32Array(csr.n).fill(-1);
  // One PlaceRef per institution, not one per person and lab.
  const places = new Map<string, PlaceRef>();
  for (const inst of network.institutions.values()) places.set(inst.id, { id: inst.id, country: inst.country, placeholder: inst.placeholder === true });
  const placeOf = (id: string): PlaceRef | null => places.get(id) ?? null;
  for (let i = 0; i < csr.n; i++) {
    const attrs = network.people[i];
    const labs: Array<{ id: string; institution: PlaceRef }> = [];
    for (const lab of attrs.labs) {
      const place = placeOf(network.labs.get(lab)!.institution);
      if (place) labs.push({ id: lab, institution: place });
    }
    const affiliations: PlaceRef[] = [];
    for (const id of attrs.institutions) {
      const place = placeOf(id);
      if (place) affiliations.push(place);
    }
    const list: number[] = [];
    for (const g of personGroups(level, labs, affiliations)) {
      const k = index.get(g);
      if (k !== undefined) list.push(k);
    }
    list.sort((a, b) => a - b);
    lists[i] = list;
    offsets[i + 1] = offsets[i] + list.length;
    const p = primaryGroup(level, labs, affiliations);
    if (p !== null) primary[i] = index.get(p) ?? -1;
  }
  const groups = new Int32Array(offsets[csr.n]);
  for (let i = 0; i < csr.n; i++) groups.set(lists[i], offsets[i]);
  const placeholders = new Set([...network.institutions.values()].filter((i) => i.placeholder).map((i) => i.id));
  return { level, ids, index, offsets, groups, primary, placeholders };
}

/**
 * Every group id at a level, sorted: countries; named institutions (placeholders are never a
 * group); at LAB level labs, named institutions (standing in for an unnamed lab) and countries
 * (standing in for a placeholder institution), since the fallback makes each of them a possible
 * LAB-level group.
 */
function groupIdsAt(network: CollaborationNetwork, level: GroupLevel): string[] {
  const named = [...network.institutions.values()].filter((i) => !i.placeholder).map((i) => i.id);
  const countries = [...network.countries.keys()];
  if (level === 'COUNTRY') return countries.sort();
  if (level === 'INSTITUTION') return named.sort();
  return [...network.labs.keys(), ...named, ...countries].sort();
}

/** A group's display label: the lab's or institution's name, the country code for countries. */
export function groupLabel(network: CollaborationNetwork, id: string): string {
  return network.labs.get(id)?.label ?? network.institutions.get(id)?.label ?? id.replace(/^country:/, '');
}

/**
 * Checks group ids given by a client for this level: a malformed id or one of another kind is a
 * BAD_USER_INPUT (at LAB level labs, institutions and countries are all groups, through the
 * fallback), so is a placeholder institution, which is never a group; an id of the right kind
 * that names nothing is a NOT_FOUND. `existing` lists ids the store knows although the
 * projection does not (a country without institutions): they resolve to −1, a group nobody
 * belongs to.
 */
export function resolveGroups(gi: GroupIndex, ids: readonly string[], argument: string, existing?: ReadonlySet<string>): number[] {
  const want = GROUP_LABEL[gi.level];
  const allowed: readonly Label[] = gi.level === 'LAB' ? ['Lab', 'Institution', 'Country'] : [want];
  return ids.map((id) => {
    const label = labelOfId(id);
    if (!label || !allowed.includes(label)) throw badInput(`${argument}: "${echo(id)}" is not a ${allowed.join(', ')} id (level ${gi.level})`, { argumentName: argument });
    if (gi.placeholders.has(id)) {
      throw badInput(`${argument}: "${echo(id)}" is a placeholder (an institution the source does not name), never a group; use its country`, { argumentName: argument, id: echo(id) });
    }
    const g = gi.index.get(id);
    if (g !== undefined) return g;
    if (existing?.has(id)) return -1;
    throw notFound(`${argument}: no ${label} "${echo(id)}"`, { argumentName: argument, id: echo(id) });
  });
}

/** The people (CSR indices, ascending) who belong to group g; none for −1. */
export function membersOfGroup(gi: GroupIndex, g: number): number[] {
  const out: number[] = [];
  if (g < 0) return out;
  for (let i = 0; i + 1 < gi.offsets.length; i++) {
    for (let q = gi.offsets[i]; q < gi.offsets[i + 1]; q++) {
      if (gi.groups[q] === g) {
        out.push(i);
        break;
      }
    }
  }
  return out;
}

/** The level a group id was resolved at (its kind): what every answer shows beside a group. */
export { resolvedLevelOf };

/** Checks person ids given by a client; returns CSR indices. */
export function resolvePeople(csr: Csr, ids: readonly string[], argument: string): number[] {
  return ids.map((id) => {
    const label = labelOfId(id);
    if (label !== 'Person') throw badInput(`${argument}: "${echo(id)}" is not a Person id`, { argumentName: argument });
    const i = csr.index.get(id);
    if (i === undefined) throw notFound(`${argument}: no Person "${echo(id)}"`, { argumentName: argument, id: echo(id) });
    return i;
  });
}
