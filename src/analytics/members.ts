import { isEarlyCareer, type EarlyCareerRule } from '../domain/earlyCareer';
import type { CollaborationProjection, ProjectedInstitution, ProjectedLab } from '../store/projection';
import type { PersonAttributes } from './collaborationGraph';

/**
 * Who belongs where, for the collaboration network: lab members and each person's node
 * attributes. People are handled by index (position of the id in sorted order, the CSR order),
 * so member lists are sorted by sorting numbers, not strings.
 */
import { countryGroupId as countryId } from '../domain/groupLevel';

export { countryId };

export interface LabMembership {
  /** Lab id → member ids (including the head), sorted; keys in first-seen order. */
  labMembers: Map<string, string[]>;
  /** The same lists as person indices. */
  memberIndices: Map<string, number[]>;
}

export function labMembership(
  projection: CollaborationProjection,
  labs: ReadonlyMap<string, ProjectedLab>,
  personIds: readonly string[],
  personIndex: ReadonlyMap<string, number>,
): LabMembership {
  const memberIndices = new Map<string, number[]>();
  const add = (lab: string, person: string) => {
    const i = personIndex.get(person);
    if (i === undefined) return;
    const list = memberIndices.get(lab);
    if (list) list.push(i);
    else memberIndices.set(lab, [i]);
  };
  for (const p of projection.people) for (const lab of p.labs) add(lab, p.id);
  for (const lab of labs.values()) if (lab.head) add(lab.id, lab.head);
  const labMembers = new Map<string, string[]>();
  for (const [lab, list] of memberIndices) {
    const members = uniqueNumbers(list);
    memberIndices.set(lab, members);
    labMembers.set(lab, members.map((i) => personIds[i]));
  }
  return { labMembers, memberIndices };
}

/**
 * Node attributes by person index. A person's labs are memberships and headships (the projection
 * lists both; heads are added again by `labMembership` so that a store that forgot one still
 * gives the same graph).
 */
export function personAttributes(
  projection: CollaborationProjection,
  personIndex: ReadonlyMap<string, number>,
  membership: LabMembership,
  labs: ReadonlyMap<string, ProjectedLab>,
  institutions: ReadonlyMap<string, ProjectedInstitution>,
  rule: EarlyCareerRule,
): PersonAttributes[] {
  const labsOf: (string[] | undefined)[] = new Array(personIndex.size);
  for (const [lab, members] of membership.memberIndices) {
    if (!labs.has(lab)) continue;
    for (const m of members) {
      const list = labsOf[m];
      if (list) list.push(lab);
      else labsOf[m] = [lab];
    }
  }
  // One "country:XX" string per institution, not one per person.
  const countryOf = new Map<string, string>();
  for (const inst of institutions.values()) countryOf.set(inst.id, countryId(inst.country));
  const nodes: PersonAttributes[] = new Array(personIndex.size);
  for (const p of projection.people) {
    const i = personIndex.get(p.id)!;
    const personLabs = sortedStrings(labsOf[i] ?? []);
    const inst: string[] = [];
    for (const id of p.institutions) if (countryOf.has(id)) inst.push(id);
    for (const lab of personLabs) {
      const id = labs.get(lab)!.institution;
      if (countryOf.has(id)) inst.push(id);
    }
    const personInstitutions = uniqueStrings(inst);
    const countries = uniqueStrings(personInstitutions.map((id) => countryOf.get(id)!));
    nodes[i] = {
      label: p.label,
      stage: p.careerStage,
      earlyCareer: isEarlyCareer(p.careerStage, rule),
      placeholder: p.placeholder,
      labs: personLabs,
      institutions: personInstitutions,
      countries,
    };
  }
  return nodes;
}

function sortedStrings(list: string[]): string[] {
  return list.length > 1 ? list.sort() : list;
}

/** Sorted and deduplicated; most people have one or two institutions and countries: no Set, no sort for them. */
function uniqueStrings(list: string[]): string[] {
  if (list.length < 2) return list;
  if (list.length === 2) return list[0] === list[1] ? [list[0]] : list[0] < list[1] ? list : [list[1], list[0]];
  return [...new Set(list)].sort();
}

function uniqueNumbers(list: number[]): number[] {
  if (list.length < 2) return list;
  list.sort((a, b) => a - b);
  let k = 1;
  for (let i = 1; i < list.length; i++) if (list[i] !== list[k - 1]) list[k++] = list[i];
  list.length = k;
  return list;
}
