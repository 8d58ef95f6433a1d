import { placedStart } from '../circulation/placement';
import { toDayNumber } from '../domain/days';
import { fiscalYearRange } from '../domain/fiscalYear';
import { parsePartialDate } from '../domain/partialDate';
import { FISCAL_YEAR_BOUNDS } from '../circulation/service';
import { badInput } from '../errors';

/**
 * "The network as it stood on a day" (docs/metrics.md, "The network as of a date"): the argument
 * every network measure takes as `asOf` (a day) or `fiscalYear` (its last day, 31 March N+1). A
 * period is one day, since ties accumulate: a visit that had started by then is a tie from then on.
 */
export interface NetworkPeriod {
  /** The day, YYYY-MM-DD, inclusive. */
  asOf: string;
  /** Set when the period was asked as a fiscal year (asOf is then its last day). */
  fiscalYear: number | null;
}

export interface NetworkPeriodInput {
  asOf?: string | null;
  fiscalYear?: number | null;
}

/** Null when neither is given (the whole graph, every date); both at once is a user mistake. */
export function resolveNetworkPeriod(input: NetworkPeriodInput | null | undefined, argument = 'asOf'): NetworkPeriod | null {
  const asOf = input?.asOf ?? null;
  const fiscalYear = input?.fiscalYear ?? null;
  if (asOf !== null && fiscalYear !== null) throw badInput('Give `asOf` or `fiscalYear`, not both', { argumentName: argument });
  if (fiscalYear !== null) {
    if (!Number.isInteger(fiscalYear) || fiscalYear < FISCAL_YEAR_BOUNDS.min || fiscalYear > FISCAL_YEAR_BOUNDS.max) {
      throw badInput(`\`fiscalYear\` must be a year between ${FISCAL_YEAR_BOUNDS.min} and ${FISCAL_YEAR_BOUNDS.max}`, { argumentName: 'fiscalYear' });
    }
    return { asOf: fiscalYearRange(fiscalYear).end, fiscalYear };
  }
  if (asOf === null) return null;
  if (parsePartialDate(asOf)?.precision !== 'DAY') throw badInput('`asOf` must be a day, YYYY-MM-DD', { argumentName: argument });
  return { asOf, fiscalYear: null };
}

/** Cache key of a period: the day alone decides the view (a fiscal year is its last day). */
export function periodKey(period: NetworkPeriod): string {
  return period.asOf;
}

/**
 * When an evidence item starts counting, as day numbers: `from` is the placed start S (the first
 * day the stated start allows; a bare calendar year on 1 April of the later fiscal year), `latest`
 * the last day the stated start allows. As of day D the item counts when S ≤ D; its start could
 * fall on either side of D when earliest ≤ D < latest (then the tie it makes is uncertain there).
 * Null: the item has no start (undated) and counts in no period.
 */
export interface ItemStart {
  earliest: number;
  from: number;
  latest: number;
}

export function visitStart(start: string | null, startLatest: string | null | undefined): ItemStart | null {
  if (!start) return null;
  const latest = startLatest ?? start;
  return { earliest: toDayNumber(start), from: toDayNumber(placedStart(start, latest)), latest: toDayNumber(latest) };
}

/** A paper states a calendar year only: placed as a bare calendar year is (1 April Y). */
export function paperStart(year: number | null): ItemStart | null {
  if (year === null) return null;
  const y = String(year).padStart(4, '0');
  return visitStart(`${y}-01-01`, `${y}-12-31`);
}

/** A membership period's bounds as day numbers (open bounds ±Infinity). */
export function dayBounds(sinceEarliest: string | null, untilLatest: string | null): { from: number; to: number } {
  return { from: sinceEarliest ? toDayNumber(sinceEarliest) : -Infinity, to: untilLatest ? toDayNumber(untilLatest) : Infinity };
}
