import type { CareerStage, PaperStatus, ScheduleChange, VisitStatus } from '../../domain/enums';
import type {
  CollaborationProjection,
  ProjectedInstitution,
  ProjectedLab,
  ProjectedPaper,
  ProjectedPerson,
  ProjectedVisit,
} from '../projection';
import { asArray, asNullableNumber, asNullableString, asRecord, asString, compareStrings, sortedIds } from './rows';

/**
 * Decodes the rows of cypher/projection.ts, gathered into one list per statement. Every list is
 * sorted by id here; single-valued facts that arrive as lists take their smallest id (see the
 * query's comment for why).
 */
export function decodeProjection(row: Record<string, unknown>): CollaborationProjection {
  return {
    people: sortById(asArray(row.people, 'people').map(decodePerson)),
    labs: sortById(asArray(row.labs, 'labs').map(decodeLab)),
    institutions: sortById(asArray(row.institutions, 'institutions').map(decodeInstitution)),
    visits: sortById(asArray(row.visits, 'visits').map(decodeVisit)),
    papers: sortById(asArray(row.papers, 'papers').map(decodePaper)),
  };
}

function decodePerson(value: unknown): ProjectedPerson {
  const p = asRecord(value, 'person');
  return {
    id: asString(p.id, 'person.id'),
    label: asString(p.label, 'person.label'),
    careerStage: asString(p.careerStage, 'person.careerStage') as CareerStage,
    placeholder: p.placeholder === true,
    labs: sortedIds(p.labs, 'person.labs'),
    institutions: sortedIds(p.institutions, 'person.institutions'),
    labPeriods: asArray(p.labPeriods ?? [], 'person.labPeriods')
      .map((value) => {
        const m = asRecord(value, 'person.labPeriods[]');
        return { lab: asString(m.lab, 'labPeriods.lab'), sinceEarliest: asNullableString(m.sinceEarliest, 'labPeriods.sinceEarliest'), untilLatest: asNullableString(m.untilLatest, 'labPeriods.untilLatest') };
      })
      .sort((a, b) => compareStrings(a.lab, b.lab)),
    affiliations: asArray(p.affiliations ?? [], 'person.affiliations')
      .map((value) => {
        const a = asRecord(value, 'person.affiliations[]');
        return { institution: asString(a.institution, 'affiliations.institution'), sinceEarliest: asNullableString(a.sinceEarliest, 'affiliations.sinceEarliest'), untilLatest: asNullableString(a.untilLatest, 'affiliations.untilLatest') };
      })
      .sort((a, b) => compareStrings(a.institution, b.institution)),
  };
}

function decodeLab(value: unknown): ProjectedLab {
  const l = asRecord(value, 'lab');
  return {
    id: asString(l.id, 'lab.id'),
    label: asString(l.label, 'lab.label'),
    // Every lab is PART_OF an institution (ingest guarantees it); '' would flag data that is not.
    institution: first(l.institutions, 'lab.institutions') ?? '',
    head: first(l.heads, 'lab.heads'),
  };
}

function decodeInstitution(value: unknown): ProjectedInstitution {
  const i = asRecord(value, 'institution');
  return {
    id: asString(i.id, 'institution.id'),
    label: asString(i.label, 'institution.label'),
    country: asString(i.country, 'institution.country'),
    placeholder: i.placeholder === true,
  };
}

function decodeVisit(value: unknown): ProjectedVisit {
  const v = asRecord(value, 'visit');
  return {
    id: asString(v.id, 'visit.id'),
    visitor: first(v.visitors, 'visit.visitors') ?? '',
    hosts: sortedIds(v.hosts, 'visit.hosts'),
    fromInstitution: first(v.fromInstitutions, 'visit.fromInstitutions') ?? '',
    toInstitution: first(v.toInstitutions, 'visit.toInstitutions') ?? '',
    toLab: first(v.toLabs, 'visit.toLabs'),
    status: asString(v.status, 'visit.status') as VisitStatus,
    scheduleChange: asString(v.scheduleChange, 'visit.scheduleChange') as ScheduleChange,
    start: asNullableString(v.start, 'visit.start'),
    startLatest: asNullableString(v.startLatest, 'visit.startLatest'),
    end: asNullableString(v.end, 'visit.end'),
    fiscalYear: asNullableNumber(v.fiscalYear, 'visit.fiscalYear'),
  };
}

function decodePaper(value: unknown): ProjectedPaper {
  const p = asRecord(value, 'paper');
  return {
    id: asString(p.id, 'paper.id'),
    // Already in AUTHORED.position order; not re-sorted.
    authors: asArray(p.authors, 'paper.authors').map((a) => asString(a, 'paper.authors[]')),
    status: asString(p.status, 'paper.status') as PaperStatus,
    year: asNullableNumber(p.year, 'paper.year'),
  };
}

function first(value: unknown, what: string): string | null {
  return sortedIds(value, what)[0] ?? null;
}

function sortById<T extends { id: string }>(items: T[]): T[] {
  return items.sort((a, b) => compareStrings(a.id, b.id));
}
