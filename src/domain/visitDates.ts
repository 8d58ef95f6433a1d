import { addDays, inclusiveDays } from './days';
import { durationDays, isExactDuration } from './duration';
import { fiscalYearOfPartial, parsePartialDate, type PartialDate } from './partialDate';

/**
 * What a visit's stated dates and length imply (docs/metrics.md, "Placing partial dates"). Bounds
 * are the earliest and latest days the source allows; `fiscalYear` is the fiscal year the start
 * falls in (null when the start is unknown or straddles two fiscal years).
 *
 *  - Length: when both ends are stated to the day, their inclusive day count — the ends win over a
 *    stated duration, which is kept as stated (`duration`) but not used, and a disagreement is not
 *    reported; otherwise the stated duration; otherwise unknown.
 *  - End bounds: the stated end; else start + length.
 *  - A visit with an end but no start is undated: it has no start bound and is placed in no period.
 *  - `uncertain` is false only when both ends are known to the day: a start day with an end day,
 *    or a start day with a length in days or weeks (P10D, P2W). A month or year length (P1M from
 *    15 March) rests on the 365.25/12-day rule, so its end is not known to the day: uncertain.
 */
export interface VisitDates {
  startEarliest: string | null;
  startLatest: string | null;
  endEarliest: string | null;
  endLatest: string | null;
  durationDays: number | null;
  fiscalYear: number | null;
  uncertain: boolean;
}

export interface StatedDates {
  start?: string;
  end?: string;
  duration?: string;
}

export function visitDates(stated: StatedDates): VisitDates {
  const start = stated.start ? parsePartialDate(stated.start) : null;
  const end = stated.end ? parsePartialDate(stated.end) : null;
  const length = exactLength(start, end) ?? (stated.duration ? durationDays(stated.duration) : null);
  const endBounds = end ? end.range : start && length != null ? endFromLength(start, length) : null;
  const endKnownToTheDay = end ? end.precision === 'DAY' : stated.duration != null && isExactDuration(stated.duration);
  return {
    startEarliest: start?.range.start ?? null,
    startLatest: start?.range.end ?? null,
    endEarliest: endBounds?.start ?? null,
    endLatest: endBounds?.end ?? null,
    durationDays: length,
    fiscalYear: start ? fiscalYearOfPartial(start) : null,
    uncertain: !(start?.precision === 'DAY' && endKnownToTheDay),
  };
}

function exactLength(start: PartialDate | null, end: PartialDate | null): number | null {
  if (start?.precision !== 'DAY' || end?.precision !== 'DAY') return null;
  return inclusiveDays(start.range.start, end.range.end);
}

function endFromLength(start: PartialDate, days: number): { start: string; end: string } {
  const whole = Math.max(1, Math.round(days));
  return { start: addDays(start.range.start, whole - 1), end: addDays(start.range.end, whole - 1) };
}
