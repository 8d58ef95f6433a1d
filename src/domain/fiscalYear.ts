/**
 * Japanese fiscal year (年度): FY N runs from 1 April N to 31 March N+1.
 * Dates are ISO calendar strings (YYYY-MM-DD); no time zone is involved.
 */
export interface DateRange {
  /** First day, inclusive, YYYY-MM-DD. */
  start: string;
  /** Last day, inclusive, YYYY-MM-DD. */
  end: string;
}

const FIRST_MONTH_OF_FISCAL_YEAR = 4;

export function fiscalYearOf(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return month >= FIRST_MONTH_OF_FISCAL_YEAR ? year : year - 1;
}

export function fiscalYearRange(fiscalYear: number): DateRange {
  return { start: `${pad4(fiscalYear)}-04-01`, end: `${pad4(fiscalYear + 1)}-03-31` };
}

function pad4(year: number): string {
  return String(year).padStart(4, '0');
}
