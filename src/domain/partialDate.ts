import { fiscalYearOf, fiscalYearRange, type DateRange } from './fiscalYear';

/**
 * A date known only as precisely as the source states it. Reports say "in September",
 * "in FY2025" or "in 2025"; we keep that precision instead of inventing a day.
 *
 *   2024-09-15   a day          2024-09   a month
 *   2025         a calendar year   FY2025   a Japanese fiscal year (1 Apr 2025 – 31 Mar 2026)
 */
export type DatePrecision = 'DAY' | 'MONTH' | 'YEAR' | 'FISCAL_YEAR';

export interface PartialDate {
  text: string;
  precision: DatePrecision;
  /** The days the date may stand for, inclusive. */
  range: DateRange;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const YEAR = /^(\d{4})$/;
const FISCAL_YEAR = /^FY(\d{4})$/;

export const PARTIAL_DATE_PATTERN = /^(\d{4}(-\d{2}(-\d{2})?)?|FY\d{4})$/;

/** Parses a partial date; returns null for text that is not one (the caller reports where). */
export function parsePartialDate(text: string): PartialDate | null {
  let m: RegExpExecArray | null;
  if ((m = DAY.exec(text))) {
    if (!isRealDay(+m[1], +m[2], +m[3])) return null;
    return { text, precision: 'DAY', range: { start: text, end: text } };
  }
  if ((m = MONTH.exec(text))) {
    const year = +m[1];
    const month = +m[2];
    if (month < 1 || month > 12) return null;
    return { text, precision: 'MONTH', range: { start: `${text}-01`, end: `${text}-${pad2(daysInMonth(year, month))}` } };
  }
  if ((m = YEAR.exec(text))) {
    return { text, precision: 'YEAR', range: { start: `${text}-01-01`, end: `${text}-12-31` } };
  }
  if ((m = FISCAL_YEAR.exec(text))) {
    return { text, precision: 'FISCAL_YEAR', range: fiscalYearRange(+m[1]) };
  }
  return null;
}

export function isPartialDate(text: string): boolean {
  return parsePartialDate(text) !== null;
}

/** The fiscal year a partial date falls in, or null when its range straddles two fiscal years. */
export function fiscalYearOfPartial(date: PartialDate): number | null {
  const first = fiscalYearOf(date.range.start);
  return first === fiscalYearOf(date.range.end) ? first : null;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isRealDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
