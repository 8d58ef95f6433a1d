import type { StayClass } from '../domain/duration';
import type { CareerStage, GroupLevel, ScheduleChange, VisitStatus } from '../domain/enums';
import type { DateRange } from '../domain/fiscalYear';

/**
 * What a store answers for the circulation measures (GraphStore.circulationFacts): AGGREGATED
 * rows whose number is bounded by the number of groups (and the small closed vocabularies of
 * status, schedule change, stay class and career stage), never by the number of visits. The
 * memory store computes them in JavaScript (store/memory/circulation.ts), Neo4j with Cypher
 * aggregation (store/neo4j/cypher/circulation.ts); the contract suite checks both give the same
 * rows. Everything else (shares, person-months, totals, the report) is pure code over these
 * rows in circulation/report.ts, so GraphQL and `kizuna report` cannot disagree.
 *
 * Rows are keyed by career stage, not by an early-career flag: a person has exactly one stage,
 * so distinct-people counts per stage add up exactly, and the configurable early-career rule is
 * applied in one place (the report builder) instead of inside every store.
 *
 * Placement of visits in time, prorating and stay classes follow docs/metrics.md §Circulation
 * and circulation/placement.ts; day numbers are days since 1970-01-01 (integers), which Cypher
 * reproduces exactly with `duration.inDays(date('1970-01-01'), date(x)).days`.
 */
export interface CirculationQuery {
  /** The period measured, inclusive on both ends (a fiscal year or any from/to range). */
  period: DateRange;
  groupBy: GroupLevel;
  /** Count PLANNED visits as if they happened (flows, participants, returnees, ties). */
  includePlanned: boolean;
  /** Also return up to this many visit rows for a timeline (the report's Gantt); 0 or absent: none. */
  timelineLimit?: number;
}

/**
 * One aggregated row of the visits placed in the period (every status: plan fulfilment needs
 * them all; the builder filters statuses for the flow measures). Key: every field up to
 * careerStage; values: stays, personDays, uncertain.
 */
export interface FlowFact {
  /**
   * The groups of the two ends at the level (domain/groupLevel.ts); null where the end has no
   * group: a placeholder institution at INSTITUTION level is unknown, not a group.
   */
  fromGroup: string | null;
  toGroup: string | null;
  /** ISO codes of the countries of the FROM and TO institutions (cross-border when they differ). */
  fromCountry: string;
  toCountry: string;
  status: VisitStatus;
  scheduleChange: ScheduleChange;
  stayClass: StayClass;
  /** The visitor's career stage. */
  careerStage: CareerStage;
  /** Number of visits (records, not weighted by headcount). */
  stays: number;
  /** Days of these stays inside the period, each visit's days times its visitor's headcount (1 unless stated). */
  personDays: number;
  /** Visits among `stays` whose dates are not known to the day (Visit.uncertain). */
  uncertain: number;
}

/**
 * OUTBOUND: people who made a between-group stay from `group`; INBOUND: to `group`; RETURNEE:
 * people of `group` who went abroad and came back within the period. `group` null = all groups
 * (distinct people overall; a person counted in two groups is one person here).
 */
export const PEOPLE_ROLES = ['OUTBOUND', 'INBOUND', 'RETURNEE'] as const;
export type PeopleRole = (typeof PEOPLE_ROLES)[number];

export interface PeopleFact {
  role: PeopleRole;
  group: string | null;
  careerStage: CareerStage;
  /** Distinct people, each weighted by headcount (1 unless stated). */
  people: number;
}

/** A cross-border pair of groups whose first evidence (earliest counted visit) falls in the period. */
export interface TieFact {
  /** groupA < groupB (a tie has no direction). */
  groupA: string;
  groupB: string;
  /** Placed start of the earliest counted visit between the two, YYYY-MM-DD. */
  firstEvidence: string;
  /**
   * That visit's start as the source states it (`FY2024`, `2024-09`, `2024-09-15`, `2025`), so
   * output can say "FY2024" rather than a day the source never gave. Among visits placed on the
   * same first day, the one whose start is known most precisely (earliest startLatest, then the
   * smaller text) is the evidence.
   */
  firstEvidenceStated: string;
}

/** One visit placed in the period, for a timeline; all statuses. */
export interface TimelineFact {
  visit: string;
  person: string;
  fromGroup: string | null;
  toGroup: string | null;
  fromCountry: string;
  toCountry: string;
  /** The visit's FROM and TO institutions, whatever the level (a timeline names places, not groups). */
  fromInstitution: string;
  toInstitution: string;
  /** Placed interval, YYYY-MM-DD; end null when the length is unknown. */
  start: string;
  end: string | null;
  /** The latest day the stated start allows (equal to start when it is known to the day). */
  startLatest: string;
  status: VisitStatus;
  scheduleChange: ScheduleChange;
  careerStage: CareerStage;
  uncertain: boolean;
}

export interface CirculationFacts {
  flows: FlowFact[];
  people: PeopleFact[];
  newTies: TieFact[];
  /** Visits with no start date at all: they cannot be placed in any period. */
  undated: number;
  /** At most `timelineLimit` rows in (start, visit id) order. */
  timeline: TimelineFact[];
  /** All visits placed in the period (what the timeline would hold without the limit). */
  timelineTotal: number;
}

const cmp = (a: string | null, b: string | null): number => {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
};

function compareBy<T>(...keys: ReadonlyArray<(row: T) => string | null>): (a: T, b: T) => number {
  return (a, b) => {
    for (const key of keys) {
      const c = cmp(key(a), key(b));
      if (c !== 0) return c;
    }
    return 0;
  };
}

/**
 * The canonical form of a facts answer: rows in a fixed order, ties with groupA < groupB. Both
 * stores return their facts through this function, so equal facts are deep-equal objects.
 */
export function normalizeFacts(facts: CirculationFacts): CirculationFacts {
  const ties = facts.newTies.map((t) => (t.groupA <= t.groupB ? t : { ...t, groupA: t.groupB, groupB: t.groupA }));
  return {
    flows: [...facts.flows].sort(
      compareBy<FlowFact>(
        (r) => r.fromGroup,
        (r) => r.toGroup,
        (r) => r.status,
        (r) => r.scheduleChange,
        (r) => r.stayClass,
        (r) => r.careerStage,
      ),
    ),
    people: [...facts.people].sort(
      compareBy<PeopleFact>(
        (r) => r.role,
        (r) => r.group,
        (r) => r.careerStage,
      ),
    ),
    newTies: ties.sort(
      compareBy<TieFact>(
        (r) => r.firstEvidence,
        (r) => r.groupA,
        (r) => r.groupB,
      ),
    ),
    undated: facts.undated,
    timeline: [...facts.timeline].sort(
      compareBy<TimelineFact>(
        (r) => r.start,
        (r) => r.visit,
      ),
    ),
    timelineTotal: facts.timelineTotal,
  };
}

export type GroupRelation = 'BETWEEN' | 'WITHIN' | 'UNKNOWN';

/**
 * Whether a stay left its group. Both ends known: between when they differ, within when equal.
 * An end with no group (a placeholder institution at INSTITUTION level) is never evidence of a
 * shared place: across a border the stay is between groups all the same (two countries cannot be
 * one institution); within one country it is UNKNOWN, counted in `unknownGroupStays` and in
 * neither `stays` nor `withinGroupStays`. The Cypher twin (store/neo4j/cypher/circulation.ts,
 * BETWEEN_GROUPS) spells the same test.
 */
export function groupRelation(f: Pick<FlowFact, 'fromGroup' | 'toGroup' | 'fromCountry' | 'toCountry'>): GroupRelation {
  if (f.fromGroup !== null && f.toGroup !== null) return f.fromGroup === f.toGroup ? 'WITHIN' : 'BETWEEN';
  return f.fromCountry !== f.toCountry ? 'BETWEEN' : 'UNKNOWN';
}

/** Statuses counted as circulation: done or under way, and planned ones only when asked for. */
export function countedStatuses(includePlanned: boolean): VisitStatus[] {
  return includePlanned ? ['COMPLETED', 'IN_PROGRESS', 'PLANNED'] : ['COMPLETED', 'IN_PROGRESS'];
}
