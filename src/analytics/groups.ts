import type { GroupLevel } from '../domain/enums';
import { labelOfId, type Label } from '../domain/ids';
import { badInput, echo, notFound } from '../errors';
import { countryId, type CollaborationNetwork } from './collaborationGraph';
import type { Csr } from './csr';

/**
 * People → groups at one level (LAB, INSTITUTION, COUNTRY), in typed arrays aligned with the CSR.
 *
 * A person may belong to several groups (two labs, a lab and a direct affiliation): bridges use
 * the full set. Gould–Fernandez brokerage and the `group` of a view node need one primary group
 * (docs/metrics.md): the smallest lab id among the labs the person is a member or head of (the
 * rule circulation uses for a visitor's lab); the institution of that lab, else the smallest
 * institution id; the country of that institution. No group at the level: primary −1, empty set.
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
}

export const GROUP_LABEL: Record<GroupLevel, Label> = { LAB: 'Lab', INSTITUTION: 'Institution', COUNTRY: 'Country' };

const cache = new WeakMap<CollaborationNetwork, Map<GroupLevel, GroupIndex>>();

export function groupIndexOf(network: CollaborationNetwork, level: GroupLevel): GroupIndex {
  let byLevel = cache.get(network);
  if (!byLevel) cache.set(network, (byLevel = new Map()));
  let gi = byLevel.get(level);
  if (!gi) byLevel.set(level, (gi = buildGroupIndex(network, level)));
  return gi;
}

function buildGroupIndex(network: CollaborationNetwork, level: GroupLevel): GroupIndex {
  const csr = network.csr;
  const ids =
    level === 'LAB' ? [...network.labs.keys()].sort() : level === 'INSTITUTION' ? [...network.institutions.keys()].sort() : [...network.countries.keys()].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const offsets = new Int32Array(csr.n + 1);
  const lists: number[][] = new Array(csr.n);
  const primary = new Int32Array(csr.n).fill(-1);
  for (let i = 0; i < csr.n; i++) {
    const attrs = network.people[i];
    const members = level === 'LAB' ? attrs.labs : level === 'INSTITUTION' ? attrs.institutions : attrs.countries;
    const list: number[] = [];
    for (const g of members) {
      const k = index.get(g);
      if (k !== undefined) list.push(k);
    }
    lists[i] = list;
    offsets[i + 1] = offsets[i] + list.length;
    const lab = attrs.labs[0] ?? null;
    let p: string | null = lab;
    if (level !== 'LAB') {
      const institution = lab ? network.labs.get(lab)!.institution : attrs.institutions[0] ?? null;
      p = institution;
      if (level === 'COUNTRY') {
        const inst = institution ? network.institutions.get(institution) : undefined;
        p = inst ? countryId(inst.country) : null;
      }
    }
    if (p !== null) {
      const k = index.get(p);
      if (k !== undefined) primary[i] = k;
    }
  }
  const groups = new Int32Array(offsets[csr.n]);
  for (let i = 0; i < csr.n; i++) groups.set(lists[i], offsets[i]);
  return { level, ids, index, offsets, groups, primary };
}

/** A group's display label: the lab's or institution's name, the country code for countries. */
export function groupLabel(network: CollaborationNetwork, id: string): string {
  return network.labs.get(id)?.label ?? network.institutions.get(id)?.label ?? id.replace(/^country:/, '');
}

/**
 * Checks group ids given by a client for this level: a malformed id or one of another kind is a
 * BAD_USER_INPUT, an id of the right kind that names nothing a NOT_FOUND. `existing` lists ids the
 * store knows although the projection does not (a country without institutions): they resolve
 * to −1, a group nobody belongs to.
 */
export function resolveGroups(gi: GroupIndex, ids: readonly string[], argument: string, existing?: ReadonlySet<string>): number[] {
  const want = GROUP_LABEL[gi.level];
  return ids.map((id) => {
    const label = labelOfId(id);
    if (label !== want) throw badInput(`${argument}: "${echo(id)}" is not a ${want} id (level ${gi.level})`, { argumentName: argument });
    const g = gi.index.get(id);
    if (g !== undefined) return g;
    if (existing?.has(id)) return -1;
    throw notFound(`${argument}: no ${want} "${id}"`, { argumentName: argument, id });
  });
}

/** Checks person ids given by a client; returns CSR indices. */
export function resolvePeople(csr: Csr, ids: readonly string[], argument: string): number[] {
  return ids.map((id) => {
    const label = labelOfId(id);
    if (label !== 'Person') throw badInput(`${argument}: "${echo(id)}" is not a Person id`, { argumentName: argument });
    const i = csr.index.get(id);
    if (i === undefined) throw notFound(`${argument}: no Person "${id}"`, { argumentName: argument, id });
    return i;
  });
}
