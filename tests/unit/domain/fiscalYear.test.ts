import { fiscalYearOf, fiscalYearRange } from '../../../src/domain/fiscalYear';
import { fiscalYearOfPartial, parsePartialDate } from '../../../src/domain/partialDate';

describe('Japanese fiscal year', () => {
  it.each([
    ['2024-04-01', 2024],
    ['2025-03-31', 2024],
    ['2025-04-01', 2025],
    ['2024-01-15', 2023],
  ])('%s falls in FY%i', (date, fy) => expect(fiscalYearOf(date)).toBe(fy));

  it('FY2024 runs from 1 April 2024 to 31 March 2025', () => {
    expect(fiscalYearRange(2024)).toEqual({ start: '2024-04-01', end: '2025-03-31' });
  });
});

describe('partial dates', () => {
  it('keeps the precision the source gives', () => {
    expect(parsePartialDate('2024-09')).toEqual({ text: '2024-09', precision: 'MONTH', range: { start: '2024-09-01', end: '2024-09-30' } });
    expect(parsePartialDate('2024-02')?.range.end).toBe('2024-02-29');
    expect(parsePartialDate('FY2025')?.range).toEqual({ start: '2025-04-01', end: '2026-03-31' });
    expect(parsePartialDate('2025')?.precision).toBe('YEAR');
  });

  it('rejects what is not a date', () => {
    for (const bad of ['2024-13', '2024-02-30', 'September', 'FY24', '']) expect(parsePartialDate(bad)).toBeNull();
  });

  it('places a month in one fiscal year, but not a calendar year that straddles two', () => {
    expect(fiscalYearOfPartial(parsePartialDate('2025-03')!)).toBe(2024);
    expect(fiscalYearOfPartial(parsePartialDate('FY2025')!)).toBe(2025);
    expect(fiscalYearOfPartial(parsePartialDate('2025')!)).toBeNull();
  });
});
