import {
  daysInPeriod,
  dayToIso,
  endsInPeriod,
  isInPeriod,
  periodDays,
  placedStart,
  placeVisit,
  roundedLength,
  stayClassOfDays,
} from '../../../src/circulation/placement';
import { toDayNumber } from '../../../src/domain/days';
import { fiscalYearRange } from '../../../src/domain/fiscalYear';
import { visitDates, type StatedDates } from '../../../src/domain/visitDates';

/** Placement of a visit as stated in a data set (visitDates is what ingest stores). */
const place = (stated: StatedDates) => {
  const p = placeVisit(visitDates(stated));
  return p && { start: dayToIso(p.start), end: p.end === null ? null : dayToIso(p.end), stayClass: p.stayClass };
};
const FY2024 = periodDays(fiscalYearRange(2024));

describe('placing partial dates (docs/metrics.md §Circulation)', () => {
  it('both ends to the day win over a stated duration; an end without a start is not placed (undated)', () => {
    expect(place({ start: '2024-09-01', end: '2024-11-30', duration: 'P1M' })).toEqual({ start: '2024-09-01', end: '2024-11-30', stayClass: 'MONTHS_1_TO_6' });
    expect(place({ start: '2024-09-01', end: '2024-09-20', duration: 'P3M' })).toEqual({ start: '2024-09-01', end: '2024-09-20', stayClass: 'UNDER_1_MONTH' });
    expect(place({ end: '2024-11-30' })).toBeNull();
    expect(place({ end: '2024-11-30', duration: 'P1M' })).toBeNull();
  });

  it('keeps a stay known to the day as it is', () => {
    expect(place({ start: '2024-09-01', end: '2024-11-30' })).toEqual({ start: '2024-09-01', end: '2024-11-30', stayClass: 'MONTHS_1_TO_6' });
  });

  it('places a month-precise start on the 1st and adds the stated length', () => {
    expect(place({ start: '2024-06', duration: 'P2W' })).toEqual({ start: '2024-06-01', end: '2024-06-14', stayClass: 'UNDER_1_MONTH' });
    // P1M = 30.4375 days → 30 placed days, but the class is judged on the stated month
    expect(place({ start: '2024-04', duration: 'P1M' })).toEqual({ start: '2024-04-01', end: '2024-04-30', stayClass: 'MONTHS_1_TO_6' });
  });

  it('places a fiscal-year start on 1 April: a stay stated in FY N of up to a year stays inside FY N', () => {
    expect(place({ start: 'FY2024', duration: 'P3M' })).toEqual({ start: '2024-04-01', end: '2024-06-30', stayClass: 'MONTHS_1_TO_6' });
    expect(place({ start: 'FY2024', duration: 'P1Y' })).toEqual({ start: '2024-04-01', end: '2025-03-31', stayClass: 'MONTHS_6_PLUS' });
  });

  it('places a bare calendar year (which straddles two fiscal years) on 1 April of that year', () => {
    expect(placedStart('2025-01-01', '2025-12-31')).toBe('2025-04-01');
    expect(place({ start: '2025', duration: 'P1Y' })).toEqual({ start: '2025-04-01', end: '2026-03-31', stayClass: 'MONTHS_6_PLUS' });
    expect(place({ start: '2025' })).toEqual({ start: '2025-04-01', end: null, stayClass: 'UNKNOWN' });
  });

  it('uses a stated end when there is no length: the placed start to the latest day of the end', () => {
    expect(place({ start: '2024-09', end: '2024-11' })).toEqual({ start: '2024-09-01', end: '2024-11-30', stayClass: 'MONTHS_1_TO_6' });
    // an end before the start (a data error) still gives a one-day stay, never a negative one
    expect(placeVisit({ startEarliest: '2024-09-10', startLatest: '2024-09-10', endLatest: '2024-09-01' })).toMatchObject({ start: toDayNumber('2024-09-10'), end: toDayNumber('2024-09-10') });
  });

  it('keeps an unknown length unknown: placed at its start, no end, its own class', () => {
    expect(place({ start: 'FY2024' })).toEqual({ start: '2024-04-01', end: null, stayClass: 'UNKNOWN' });
    expect(place({ start: '2024-09' })).toEqual({ start: '2024-09-01', end: null, stayClass: 'UNKNOWN' });
  });

  it('does not place a visit with no start at all', () => {
    expect(place({})).toBeNull();
    expect(place({ duration: 'P3M' })).toBeNull();
  });

  it('rounds a stated length half up to whole days, at least one day', () => {
    expect(roundedLength(91.3125)).toBe(91);
    expect(roundedLength(182.625)).toBe(183);
    expect(roundedLength(14.5)).toBe(15);
    expect(roundedLength(0.2)).toBe(1);
  });
});

describe('stay classes at their boundaries (a month is 365.25 / 12 = 30.4375 days)', () => {
  it.each([
    [1, 'UNDER_1_MONTH'],
    [30, 'UNDER_1_MONTH'],
    [30.4375, 'MONTHS_1_TO_6'],
    [31, 'MONTHS_1_TO_6'],
    [182, 'MONTHS_1_TO_6'],
    [182.625, 'MONTHS_6_PLUS'],
    [183, 'MONTHS_6_PLUS'],
    [365, 'MONTHS_6_PLUS'],
    [null, 'UNKNOWN'],
  ] as const)('%p days → %s', (days, expected) => {
    expect(stayClassOfDays(days)).toBe(expected);
  });

  it('judges day-precise stays on their inclusive length', () => {
    expect(place({ start: '2024-07-01', end: '2024-07-30' })?.stayClass).toBe('UNDER_1_MONTH'); // 30 days
    expect(place({ start: '2024-07-01', end: '2024-07-31' })?.stayClass).toBe('MONTHS_1_TO_6'); // 31 days
    expect(place({ start: '2024-10-01', end: '2025-03-31' })?.stayClass).toBe('MONTHS_1_TO_6'); // 182 days
    expect(place({ start: '2024-08-01', end: '2025-01-30' })?.stayClass).toBe('MONTHS_6_PLUS'); // 183 days
  });
});

describe('prorating to a period', () => {
  const placed = (start: string, end: string | null) => ({ start: toDayNumber(start), end: end === null ? null : toDayNumber(end), classDays: null, stayClass: 'UNKNOWN' as const });

  it('counts only the days inside the period, both ends inclusive', () => {
    expect(daysInPeriod(placed('2025-03-01', '2025-04-30'), FY2024)).toBe(31);
    expect(daysInPeriod(placed('2024-03-20', '2024-04-10'), FY2024)).toBe(10);
    expect(daysInPeriod(placed('2024-04-01', '2025-03-31'), FY2024)).toBe(365);
    expect(daysInPeriod(placed('2023-04-01', '2026-03-31'), FY2024)).toBe(365);
    expect(daysInPeriod(placed('2025-04-01', '2025-04-30'), FY2024)).toBe(0);
  });

  it('gives no days for an unknown length, which belongs to the period its start falls in', () => {
    expect(daysInPeriod(placed('2024-11-01', null), FY2024)).toBe(0);
    expect(isInPeriod(placed('2024-11-01', null), FY2024)).toBe(true);
    expect(isInPeriod(placed('2025-04-01', null), FY2024)).toBe(false);
  });

  it('puts a stay in every period it overlaps', () => {
    expect(isInPeriod(placed('2025-03-31', '2025-04-01'), FY2024)).toBe(true);
    expect(isInPeriod(placed('2025-03-31', '2025-04-01'), periodDays(fiscalYearRange(2025)))).toBe(true);
    expect(isInPeriod(placed('2024-03-01', '2024-03-31'), FY2024)).toBe(false);
  });

  it('says a stay came back within the period when its end falls in it', () => {
    expect(endsInPeriod(placed('2024-10-01', '2025-03-31'), FY2024)).toBe(true);
    expect(endsInPeriod(placed('2025-03-01', '2025-04-30'), FY2024)).toBe(false);
    expect(endsInPeriod(placed('2024-10-01', null), FY2024)).toBe(false);
  });

  it('uses day numbers from 1970-01-01, as Cypher duration.inDays does', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('2024-04-01')).toBe(19814);
    expect(dayToIso(19814)).toBe('2024-04-01');
  });
});
