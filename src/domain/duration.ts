/**
 * Lengths of stays as the source gives them ("3 ヶ月", "1 年間", "2 weeks"), kept as an ISO 8601
 * duration of one unit (P3M, P1Y, P2W, P10D). Months are averaged (365.25 / 12 days) because the
 * report states whole months, not dates; the measures document this in docs/metrics.md.
 */
export const DAYS_PER_MONTH = 365.25 / 12;
const DAYS_PER_UNIT = { Y: 365.25, M: DAYS_PER_MONTH, W: 7, D: 1 } as const;
const DURATION = /^P(\d+(?:\.\d+)?)([YMWD])$/;

export const DURATION_PATTERN = DURATION;

/** Days a duration stands for, or null when the text is not a one-unit ISO duration. */
export function durationDays(text: string): number | null {
  const m = DURATION.exec(text);
  if (!m) return null;
  return Number(m[1]) * DAYS_PER_UNIT[m[2] as keyof typeof DAYS_PER_UNIT];
}

/**
 * A length in days or weeks is exact; one in months or years is an average (365.25/12 days a
 * month), so a start day plus such a length does not give the end to the day.
 */
export function isExactDuration(text: string): boolean {
  const m = DURATION.exec(text);
  return m !== null && (m[2] === 'D' || m[2] === 'W');
}

export const STAY_CLASSES = ['UNDER_1_MONTH', 'MONTHS_1_TO_6', 'MONTHS_6_PLUS', 'UNKNOWN'] as const;
export type StayClass = (typeof STAY_CLASSES)[number];

/** OECD-style length classes: < 1 month, 1–6 months, ≥ 6 months; unknown length is its own class. */
export function stayClassOf(days: number | null | undefined): StayClass {
  if (days == null || !Number.isFinite(days)) return 'UNKNOWN';
  if (days < DAYS_PER_MONTH) return 'UNDER_1_MONTH';
  if (days < 6 * DAYS_PER_MONTH) return 'MONTHS_1_TO_6';
  return 'MONTHS_6_PLUS';
}
