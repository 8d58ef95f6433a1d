import { addDays, inclusiveDays } from './days';
import { durationDays } from './duration';
import { fiscalYearOfPartial, parsePartialDate, type PartialDate } from './partialDate';

/**
 * What a visit's stated dates and length imply. Bounds are the earliest and latest days the
 * source allows; `fiscalYear` is the fiscal year the start falls in (null when the start is
 * unknown or straddles two fiscal years); `uncertain` is true unless both ends are known to the day.
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
  const length = stated.duration ? durationDays(stated.duration) : exactLength(start, end);
  const endBounds = end ? end.range : start && length != null ? endFromLength(start, length) : null;
  return {
    startEarliest: start?.range.start ?? null,
    startLatest: start?.range.end ?? null,
    endEarliest: endBounds?.start ?? null,
    endLatest: endBounds?.end ?? null,
    durationDays: length,
    fiscalYear: start ? fiscalYearOfPartial(start) : null,
    uncertain: !(start?.precision === 'DAY' && (end?.precision === 'DAY' || (end == null && length != null))),
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
