import { fromDayNumber, toDayNumber } from '../domain/days';
import { DAYS_PER_MONTH, stayClassOf, type StayClass } from '../domain/duration';
import { fiscalYearOf, fiscalYearRange, type DateRange } from '../domain/fiscalYear';

/**
 * Where a visit sits in time, for the circulation measures (docs/metrics.md §Circulation,
 * "Placing partial dates"). Days are integers counted from 1970-01-01, so that the Cypher twin
 * (store/neo4j/cypher/circulation.ts) reproduces every number exactly:
 *
 *   start S   = startEarliest — the first day the stated start allows (a day → itself, a month →
 *               its 1st, a fiscal year → its 1 April); except that a start whose range straddles
 *               two fiscal years (only a bare calendar year does: "2025 年に") is placed on the
 *               first day of the later one, 1 April, which holds nine of its twelve months;
 *   length L  = round-half-up(durationDays), at least 1, when a length is known (both ends stated
 *               to the day, which win over a stated duration; else the stated duration — see
 *               domain/visitDates.ts); else endLatest − S + 1 when only an end is stated;
 *               else unknown;
 *   end E     = S + L − 1, or unknown.
 *
 * A visit with no start at all is not placed (it is counted as "undated"), even when it states an
 * end: a start derived from an end minus a length would be a guess.
 */
export interface Placement {
  /** First day (day number). */
  start: number;
  /** Last day (day number), or null when the length is unknown. */
  end: number | null;
  /** Days the stay class is judged on: the stated length (unrounded), else the placed length. */
  classDays: number | null;
  stayClass: StayClass;
}

/** The visit properties placement reads (as stored by ingest/toGraph). */
export interface PlacedVisitProps {
  startEarliest?: unknown;
  startLatest?: unknown;
  endLatest?: unknown;
  durationDays?: unknown;
}

/** Day 0 of the day numbers, as Cypher needs it spelled. */
export const EPOCH = '1970-01-01';

/** Half a day up: the same as Math.round for the positive lengths here, and spelled the same in Cypher. */
export function roundedLength(durationDays: number): number {
  return Math.max(1, Math.floor(durationDays + 0.5));
}

export function placeVisit(props: PlacedVisitProps): Placement | null {
  if (typeof props.startEarliest !== 'string') return null;
  const start = toDayNumber(placedStart(props.startEarliest, typeof props.startLatest === 'string' ? props.startLatest : props.startEarliest));
  let length: number | null = null;
  if (typeof props.durationDays === 'number') length = roundedLength(props.durationDays);
  else if (typeof props.endLatest === 'string') length = Math.max(1, toDayNumber(props.endLatest) - start + 1);
  const end = length === null ? null : start + length - 1;
  const classDays = typeof props.durationDays === 'number' ? props.durationDays : length;
  return { start, end, classDays, stayClass: stayClassOfDays(classDays) };
}

/** The placed first day, YYYY-MM-DD, of a start known to lie between earliest and latest. */
export function placedStart(earliest: string, latest: string): string {
  const later = fiscalYearOf(latest);
  return fiscalYearOf(earliest) === later ? earliest : fiscalYearRange(later).start;
}

/** Boundaries of the stay classes in days: 1 month and 6 months at 365.25 / 12 days a month. */
export const ONE_MONTH_DAYS = DAYS_PER_MONTH;
export const SIX_MONTHS_DAYS = 6 * DAYS_PER_MONTH;

/** < 1 month, 1–6 months (1 month inclusive, 6 exclusive), ≥ 6 months; unknown length is its own class. */
export function stayClassOfDays(days: number | null): StayClass {
  return stayClassOf(days);
}

export interface PeriodDays {
  start: number;
  end: number;
}

export function periodDays(period: DateRange): PeriodDays {
  return { start: toDayNumber(period.start), end: toDayNumber(period.end) };
}

/**
 * Whether a placed visit belongs to the period: its interval overlaps the period; a visit of
 * unknown length belongs to the period its start falls in.
 */
export function isInPeriod(p: Placement, period: PeriodDays): boolean {
  if (p.end === null) return p.start >= period.start && p.start <= period.end;
  return p.start <= period.end && p.end >= period.start;
}

/** Days of the stay inside the period (0 when the length is unknown: such days are not guessed). */
export function daysInPeriod(p: Placement, period: PeriodDays): number {
  if (p.end === null) return 0;
  const from = Math.max(p.start, period.start);
  const to = Math.min(p.end, period.end);
  return to >= from ? to - from + 1 : 0;
}

/** The stay ended inside the period (known length only): the "came back" half of a returnee. */
export function endsInPeriod(p: Placement, period: PeriodDays): boolean {
  return p.end !== null && p.end >= period.start && p.end <= period.end;
}

export function dayToIso(day: number): string {
  return fromDayNumber(day);
}
