import { DAYS_PER_MONTH, STAY_CLASSES, type StayClass } from '../domain/duration';
import { isEarlyCareer, type EarlyCareerRule } from '../domain/earlyCareer';
import type { CareerStage, GroupLevel, ScheduleChange, VisitStatus } from '../domain/enums';
import { inclusiveDays } from '../domain/days';
import type { DateRange } from '../domain/fiscalYear';
import { resolvedLevelOf } from '../domain/groupLevel';
import { countedStatuses, groupRelation, type CirculationFacts, type FlowFact, type PeopleFact, type PeopleRole } from './facts';

/**
 * The brain-circulation report of one period, built from a store's aggregated facts by pure
 * code. GraphQL's `circulation` and `kizuna report` both come through here (service.ts), so they
 * cannot disagree. Definitions: docs/metrics.md §Circulation.
 */
export interface GroupRef {
  id: string;
  /**
   * What the group is: a lab, an institution (also standing in for an unnamed lab) or a country
   * (also standing in, at LAB level, for a placeholder institution) — the level it resolved at.
   */
  kind: 'LAB' | 'INSTITUTION' | 'COUNTRY';
  /** The same as `kind`, named as on every other group of the API (domain/groupLevel.ts). */
  resolvedLevel: GroupLevel;
  name: string;
  nameJa: string | null;
  shortName: string | null;
  countryCode: string | null;
}

export interface PersonRef {
  id: string;
  /** The name to show in English output (Latin forms first, a placeholder's English label). */
  name: string;
  /** The name to show in Japanese output (Japanese forms first); null when unknown. */
  nameJa: string | null;
}

/** Distinct people (weighted by headcount), split by the early-career rule. */
export interface ParticipantCount {
  people: number;
  earlyCareer: number;
  notEarlyCareer: number;
  /** People whose career stage is UNKNOWN: counted in `people`, never guessed either way. */
  unknownStage: number;
  /** earlyCareer / people (unknown stages in the denominator); null when there is nobody. */
  earlyCareerShare: number | null;
}

export interface CirculationTotals {
  /** Counted stays between two different groups: the circulation at this level. */
  stays: number;
  crossBorderStays: number;
  /** Counted stays whose two institutions are in the same country (not circulation abroad). */
  domesticStays: number;
  /** Counted stays whose two ends are in the same group. */
  withinGroupStays: number;
  /**
   * Counted domestic stays with an end at a placeholder institution (INSTITUTION level): whether
   * they left their group is unknown, so they are in neither `stays` nor `withinGroupStays`.
   */
  unknownGroupStays: number;
  /** Between-group stays made by early-career visitors, and their share of `stays`. */
  earlyCareerStays: number;
  earlyCareerStayShare: number | null;
  /** Days spent abroad inside the period, over cross-border stays, weighted by headcount. */
  personDaysAbroad: number;
  personMonthsAbroad: number;
  participants: ParticipantCount;
  returnees: ParticipantCount;
  newTies: number;
}

export interface GroupFlows {
  group: GroupRef;
  outboundStays: number;
  inboundStays: number;
  withinGroupStays: number;
  outboundPersonDaysAbroad: number;
  outboundPersonMonthsAbroad: number;
  inboundPersonDaysFromAbroad: number;
  inboundPersonMonthsFromAbroad: number;
  outboundParticipants: ParticipantCount;
  inboundParticipants: ParticipantCount;
  returnees: ParticipantCount;
}

export interface StayClassCount {
  stayClass: StayClass;
  stays: number;
  earlyCareerStays: number;
  personDays: number;
  /** stays / all stays counted in the table; null when there are none. */
  share: number | null;
}

export interface PairFlows {
  from: GroupRef;
  to: GroupRef;
  crossBorder: boolean;
  stays: number;
  earlyCareerStays: number;
  personDays: number;
  personMonths: number;
  uncertainDateStays: number;
  stayClasses: StayClassCount[];
}

export type FlowDirection = 'OUTBOUND' | 'INBOUND';

/** Cross-border person-days per group, direction and career stage (the report's stacked chart). */
export interface StageAmount {
  group: GroupRef;
  direction: FlowDirection;
  careerStage: CareerStage;
  earlyCareer: boolean | null;
  stays: number;
  personDays: number;
  personMonths: number;
}

/**
 * Every visit placed in the period, whatever its status, counted once per column that applies.
 * Status and schedule change are independent: a postponed item may be PLANNED or CANCELLED.
 */
export interface PlanFulfilment {
  items: number;
  planned: number;
  completed: number;
  inProgress: number;
  cancelled: number;
  postponed: number;
  advanced: number;
  /** completed / items; null when there are no items. */
  completionRate: number | null;
}

export interface NewTie {
  a: GroupRef;
  b: GroupRef;
  firstEvidence: string;
  /** The first evidence's start as the source states it (`FY2024`, `2024-09`, a day). */
  firstEvidenceStated: string;
}

export interface TimelineItem {
  visit: string;
  person: PersonRef;
  careerStage: CareerStage;
  earlyCareer: boolean | null;
  /** null: no group at the level (a placeholder institution at INSTITUTION level). */
  from: GroupRef | null;
  to: GroupRef | null;
  fromInstitution: GroupRef;
  toInstitution: GroupRef;
  start: string;
  end: string | null;
  startLatest: string;
  status: VisitStatus;
  scheduleChange: ScheduleChange;
  uncertain: boolean;
}

export interface CirculationPeriod extends DateRange {
  fiscalYear: number | null;
  days: number;
}

export interface CirculationReport {
  period: CirculationPeriod;
  groupBy: GroupLevel;
  includePlanned: boolean;
  earlyCareerStages: CareerStage[];
  totals: CirculationTotals;
  groups: GroupFlows[];
  pairs: PairFlows[];
  byStage: StageAmount[];
  stayClasses: StayClassCount[];
  planFulfilment: PlanFulfilment;
  newTies: NewTie[];
  /** Visits placed in the period (every status) and, of those, the ones with dates not known to the day. */
  placedRecords: number;
  uncertainDateRecords: number;
  /** Visits with no date at all, in the whole store: they belong to no period. */
  undatedRecords: number;
  timeline: TimelineItem[];
  timelineTotal: number;
  warnings: string[];
}

export interface BuildOptions {
  period: DateRange;
  fiscalYear: number | null;
  groupBy: GroupLevel;
  includePlanned: boolean;
  earlyCareer: EarlyCareerRule;
}

/** Names of the groups and people the facts mention (service.ts reads them from the store). */
export interface Names {
  groups: ReadonlyMap<string, GroupRef>;
  people: ReadonlyMap<string, PersonRef>;
}

export function personMonths(personDays: number): number {
  return personDays / DAYS_PER_MONTH;
}

export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

export function buildCirculationReport(facts: CirculationFacts, options: BuildOptions, names: Names): CirculationReport {
  const early = (stage: CareerStage) => isEarlyCareer(stage, options.earlyCareer);
  const group = (id: string) => names.groups.get(id) ?? unknownGroup(id);
  const counted = new Set<VisitStatus>(countedStatuses(options.includePlanned));
  const countedFlows = facts.flows.filter((f) => counted.has(f.status));
  const between = countedFlows.filter((f) => groupRelation(f) === 'BETWEEN');
  const abroad = countedFlows.filter(isCrossBorder);
  const sum = (rows: readonly FlowFact[], value: (f: FlowFact) => number) => rows.reduce((n, f) => n + value(f), 0);
  const stays = (rows: readonly FlowFact[]) => sum(rows, (f) => f.stays);
  const days = (rows: readonly FlowFact[]) => sum(rows, (f) => f.personDays);
  const earlyStays = (rows: readonly FlowFact[]) => stays(rows.filter((f) => early(f.careerStage) === true));
  const participants = participantCounter(facts.people, early);

  // Rows and pairs are of known groups: an end with no group (a placeholder institution) is no row.
  const groupIds = new Set<string>();
  for (const f of countedFlows) for (const g of [f.fromGroup, f.toGroup]) if (g !== null) groupIds.add(g);
  const groups: GroupFlows[] = [...groupIds].sort().map((id) => {
    const outbound = between.filter((f) => f.fromGroup === id);
    const inbound = between.filter((f) => f.toGroup === id);
    const outDays = days(abroad.filter((f) => f.fromGroup === id));
    const inDays = days(abroad.filter((f) => f.toGroup === id));
    return {
      group: group(id),
      outboundStays: stays(outbound),
      inboundStays: stays(inbound),
      withinGroupStays: stays(countedFlows.filter((f) => f.fromGroup === id && f.toGroup === id)),
      outboundPersonDaysAbroad: outDays,
      outboundPersonMonthsAbroad: personMonths(outDays),
      inboundPersonDaysFromAbroad: inDays,
      inboundPersonMonthsFromAbroad: personMonths(inDays),
      outboundParticipants: participants('OUTBOUND', id),
      inboundParticipants: participants('INBOUND', id),
      returnees: participants('RETURNEE', id),
    };
  });

  const known = between.filter((f) => f.fromGroup !== null && f.toGroup !== null);
  const pairKeys = [...new Set(known.map((f) => `${f.fromGroup}\u0000${f.toGroup}`))].sort();
  const pairs: PairFlows[] = pairKeys.map((key) => {
    const [from, to] = key.split('\u0000');
    const rows = between.filter((f) => f.fromGroup === from && f.toGroup === to);
    const personDays = days(rows);
    return {
      from: group(from),
      to: group(to),
      crossBorder: isCrossBorder(rows[0]),
      stays: stays(rows),
      earlyCareerStays: earlyStays(rows),
      personDays,
      personMonths: personMonths(personDays),
      uncertainDateStays: sum(rows, (f) => f.uncertain),
      stayClasses: stayClassCounts(rows, early),
    };
  });

  const byStage = stageAmounts(abroad, group, early);
  const placed = facts.flows;
  const totalStays = stays(between);
  const daysAbroad = days(abroad);
  const newTies = facts.newTies.map((t) => ({ a: group(t.groupA), b: group(t.groupB), firstEvidence: t.firstEvidence, firstEvidenceStated: t.firstEvidenceStated }));
  const timeline: TimelineItem[] = facts.timeline.map((t) => ({
    visit: t.visit,
    person: names.people.get(t.person) ?? { id: t.person, name: t.person, nameJa: null },
    careerStage: t.careerStage,
    earlyCareer: early(t.careerStage),
    from: t.fromGroup === null ? null : group(t.fromGroup),
    to: t.toGroup === null ? null : group(t.toGroup),
    fromInstitution: group(t.fromInstitution),
    toInstitution: group(t.toInstitution),
    start: t.start,
    end: t.end,
    startLatest: t.startLatest,
    status: t.status,
    scheduleChange: t.scheduleChange,
    uncertain: t.uncertain,
  }));
  const placedRecords = stays(placed);

  const warnings: string[] = [];
  const label = options.fiscalYear != null ? `FY${options.fiscalYear} (${options.period.start} – ${options.period.end})` : `${options.period.start} – ${options.period.end}`;
  if (placedRecords === 0) warnings.push(`No visit falls in ${label}: the report is empty.`);

  return {
    period: { ...options.period, fiscalYear: options.fiscalYear, days: inclusiveDays(options.period.start, options.period.end) },
    groupBy: options.groupBy,
    includePlanned: options.includePlanned,
    earlyCareerStages: [...options.earlyCareer.stages].sort(),
    totals: {
      stays: totalStays,
      crossBorderStays: stays(abroad),
      domesticStays: stays(countedFlows.filter((f) => !isCrossBorder(f))),
      withinGroupStays: stays(countedFlows.filter((f) => groupRelation(f) === 'WITHIN')),
      unknownGroupStays: stays(countedFlows.filter((f) => groupRelation(f) === 'UNKNOWN')),
      earlyCareerStays: earlyStays(between),
      earlyCareerStayShare: share(earlyStays(between), totalStays),
      personDaysAbroad: daysAbroad,
      personMonthsAbroad: personMonths(daysAbroad),
      participants: participants('OUTBOUND', null),
      returnees: participants('RETURNEE', null),
      newTies: newTies.length,
    },
    groups,
    pairs,
    byStage,
    stayClasses: stayClassCounts(between, early),
    planFulfilment: planFulfilment(placed),
    newTies,
    placedRecords,
    uncertainDateRecords: sum(placed, (f) => f.uncertain),
    undatedRecords: facts.undated,
    timeline,
    timelineTotal: facts.timelineTotal,
    warnings,
  };
}

function isCrossBorder(f: Pick<FlowFact, 'fromCountry' | 'toCountry'>): boolean {
  return f.fromCountry !== f.toCountry;
}

function unknownGroup(id: string): GroupRef {
  const kind = resolvedLevelOf(id);
  return { id, kind, resolvedLevel: kind, name: id, nameJa: null, shortName: null, countryCode: null };
}

/** People counts for a role and group (null = all groups), from the per-stage rows. */
function participantCounter(rows: readonly PeopleFact[], early: (s: CareerStage) => boolean | null) {
  return (role: PeopleRole, group: string | null): ParticipantCount => {
    const mine = rows.filter((r) => r.role === role && r.group === group);
    const count = (pick: (r: PeopleFact) => boolean) => mine.filter(pick).reduce((n, r) => n + r.people, 0);
    const people = count(() => true);
    const earlyCareer = count((r) => early(r.careerStage) === true);
    return {
      people,
      earlyCareer,
      notEarlyCareer: count((r) => early(r.careerStage) === false),
      unknownStage: count((r) => early(r.careerStage) === null),
      earlyCareerShare: share(earlyCareer, people),
    };
  };
}

function stayClassCounts(rows: readonly FlowFact[], early: (s: CareerStage) => boolean | null): StayClassCount[] {
  const all = rows.reduce((n, f) => n + f.stays, 0);
  return STAY_CLASSES.map((stayClass) => {
    const mine = rows.filter((f) => f.stayClass === stayClass);
    const stays = mine.reduce((n, f) => n + f.stays, 0);
    return {
      stayClass,
      stays,
      earlyCareerStays: mine.filter((f) => early(f.careerStage) === true).reduce((n, f) => n + f.stays, 0),
      personDays: mine.reduce((n, f) => n + f.personDays, 0),
      share: share(stays, all),
    };
  });
}

function stageAmounts(abroad: readonly FlowFact[], group: (id: string) => GroupRef, early: (s: CareerStage) => boolean | null): StageAmount[] {
  const amounts = new Map<string, StageAmount>();
  for (const f of abroad) {
    for (const [direction, id] of [
      ['OUTBOUND', f.fromGroup],
      ['INBOUND', f.toGroup],
    ] as const) {
      if (id === null) continue; // no group at the level: in the totals, in no group's bar
      const key = `${id}|${direction}|${f.careerStage}`;
      const row =
        amounts.get(key) ??
        amounts
          .set(key, { group: group(id), direction, careerStage: f.careerStage, earlyCareer: early(f.careerStage), stays: 0, personDays: 0, personMonths: 0 })
          .get(key)!;
      row.stays += f.stays;
      row.personDays += f.personDays;
      row.personMonths = personMonths(row.personDays);
    }
  }
  return [...amounts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
}

function planFulfilment(placed: readonly FlowFact[]): PlanFulfilment {
  const count = (pick: (f: FlowFact) => boolean) => placed.filter(pick).reduce((n, f) => n + f.stays, 0);
  const items = count(() => true);
  const completed = count((f) => f.status === 'COMPLETED');
  return {
    items,
    planned: count((f) => f.status === 'PLANNED'),
    completed,
    inProgress: count((f) => f.status === 'IN_PROGRESS'),
    cancelled: count((f) => f.status === 'CANCELLED'),
    postponed: count((f) => f.scheduleChange === 'POSTPONED'),
    advanced: count((f) => f.scheduleChange === 'ADVANCED'),
    completionRate: share(completed, items),
  };
}
