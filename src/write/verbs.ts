import type { ScheduleChange, VisitStatus } from '../domain/enums';
import type { Citation, MembershipRecord, PersonRecord, VisitRecord } from '../domain/model';
import { badInput, conflict, notFound } from '../errors';
import { canonicalRecord } from './diff';

/**
 * The domain verbs analysts use, as pure edits of a record in the data-set format. The write
 * service validates the result with the format's schema like any other record, so a verb cannot
 * produce what a file could not state.
 */
export interface VisitStatusChange {
  status: VisitStatus;
  /** POSTPONED (繰越) / ADVANCED (前倒し) need the new dates: a start, an end or a length. */
  scheduleChange?: ScheduleChange | null;
  start?: string | null;
  end?: string | null;
  duration?: string | null;
  sources?: Citation[] | null;
}

export function changeVisitStatus(change: VisitStatusChange) {
  const moved = change.scheduleChange === 'POSTPONED' || change.scheduleChange === 'ADVANCED';
  if (moved && !change.start && !change.end && !change.duration) {
    throw badInput(`A ${change.scheduleChange} visit needs its new dates: give start, end or duration`, { argumentName: 'start' });
  }
  return (visit: VisitRecord): VisitRecord => ({
    ...visit,
    status: change.status,
    scheduleChange: change.scheduleChange ?? visit.scheduleChange,
    start: change.start ?? visit.start,
    end: change.end ?? visit.end,
    duration: change.duration ?? visit.duration,
    sources: withCitations(visit.sources, change.sources),
  });
}

export interface MembershipChange {
  lab?: string | null;
  institution?: string | null;
  role?: string | null;
  roleJa?: string | null;
  department?: string | null;
  since?: string | null;
  until?: string | null;
  sources?: Citation[] | null;
}

/** Adds a membership (of a lab, or of an institution where no lab is known); an identical one already there is kept as is. */
export function addMembership(change: MembershipChange) {
  const membership = compact({
    lab: change.lab, institution: change.institution, role: change.role, roleJa: change.roleJa,
    department: change.department, since: change.since, until: change.until,
  }) as MembershipRecord;
  const target = membership.lab ?? membership.institution;
  return (person: PersonRecord): PersonRecord => {
    const existing = person.memberships.find((m) => (m.lab ?? m.institution) === target);
    const same = existing && JSON.stringify(canonicalRecord(existing as never)) === JSON.stringify(canonicalRecord(membership as never));
    // The graph holds one MEMBER_OF / AFFILIATED_WITH relationship per person and target, so a
    // second membership of the same lab would silently merge into the first: refuse it instead.
    if (existing && !same) throw conflict(`${person.id} already has a membership of ${target}; change it with upsertPerson or end it with endMembership`, { id: person.id, target });
    return { ...person, memberships: same ? person.memberships : [...person.memberships, membership], sources: withCitations(person.sources, change.sources) };
  };
}

/** Ends the person's open memberships (no `until` yet) of that lab or institution. */
export function endMembership(change: { lab?: string | null; institution?: string | null; until: string; sources?: Citation[] | null }) {
  const target = change.lab ?? change.institution;
  if (!target || (change.lab && change.institution)) throw badInput('Name the membership by `lab` or by `institution` (one of them)', { argumentName: 'lab' });
  return (person: PersonRecord): PersonRecord => {
    const open = (m: MembershipRecord) => (m.lab ?? m.institution) === target && !m.until;
    if (!person.memberships.some(open)) throw notFound(`${person.id} has no open membership of ${target}`, { id: person.id, target });
    return {
      ...person,
      memberships: person.memberships.map((m) => (open(m) ? { ...m, until: change.until } : m)),
      sources: withCitations(person.sources, change.sources),
    };
  };
}

/** The record's citations plus the new ones (a citation already there is not repeated). */
function withCitations(existing: Citation[], added: Citation[] | null | undefined): Citation[] {
  const key = (c: Citation) => JSON.stringify(typeof c === 'string' ? c : canonicalRecord(c as never));
  const seen = new Set(existing.map(key));
  return [...existing, ...(added ?? []).filter((c) => !seen.has(key(c)))];
}

function compact(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined));
}
