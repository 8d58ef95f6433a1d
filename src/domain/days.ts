/** Calendar arithmetic on ISO day strings (YYYY-MM-DD), in UTC so that no time zone shifts a day. */
const MS_PER_DAY = 86_400_000;

export function toDayNumber(isoDate: string): number {
  return Date.UTC(+isoDate.slice(0, 4), +isoDate.slice(5, 7) - 1, +isoDate.slice(8, 10)) / MS_PER_DAY;
}

export function fromDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
  return fromDayNumber(toDayNumber(isoDate) + days);
}

/** Days from a to b inclusive of both ends (a stay from the 1st to the 3rd lasts 3 days). */
export function inclusiveDays(a: string, b: string): number {
  return toDayNumber(b) - toDayNumber(a) + 1;
}

/** The number of days two inclusive ranges share (0 when disjoint). */
export function overlapDays(aStart: string, aEnd: string, bStart: string, bEnd: string): number {
  const start = Math.max(toDayNumber(aStart), toDayNumber(bStart));
  const end = Math.min(toDayNumber(aEnd), toDayNumber(bEnd));
  return end >= start ? end - start + 1 : 0;
}
