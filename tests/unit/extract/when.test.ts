import { findDates, findLengths, isFuture, readStatus, resolveDate } from '../../../src/extract/when';

describe('dates, lengths and status', () => {
  it('reads fiscal years, years, months and 次年度', () => {
    expect(findDates('2025 年度に再度').map((d) => d.value)).toEqual(['FY2025']);
    expect(findDates('2025 年に Yu 助教が').map((d) => d.value)).toEqual(['2025']);
    expect(findDates('2024 年 9 月に').map((d) => d.value)).toEqual(['2024-09']);
    expect(findDates('9 月に訪独').map((d) => d.month)).toEqual([9]);
    expect(findDates('次年度へ延期').map((d) => d.value)).toEqual(['NEXT_FY']);
    expect(findDates('3 ヶ月間')).toEqual([]);
  });

  it('places a bare month in the report year when done and in the next when planned (Japanese fiscal year)', () => {
    const [april] = findDates('4月に');
    const [february] = findDates('2 月に');
    expect(resolveDate(april, 2024, false)).toBe('2024-04');
    expect(resolveDate(april, 2024, true)).toBe('2025-04');
    expect(resolveDate(february, 2024, false)).toBe('2025-02');
  });

  it('knows which dates lie after the report year', () => {
    const [fy] = findDates('2025 年度に');
    const [y] = findDates('2025 年に');
    const [march] = findDates('2025 年 3 月に');
    expect([isFuture(fy, 2024), isFuture(y, 2024), isFuture(march, 2024)]).toEqual([true, true, false]);
  });

  it('reads lengths as ISO durations of one unit, vague ones as text', () => {
    expect(findLengths('3 ヶ月間招聘し').map((l) => l.duration)).toEqual(['P3M']);
    expect(findLengths('1 年間滞在').map((l) => l.duration)).toEqual(['P1Y']);
    expect(findLengths('2 週間にわたり').map((l) => l.duration)).toEqual(['P2W']);
    expect(findLengths('10 日間招聘').map((l) => l.duration)).toEqual(['P10D']);
    expect(findLengths('数ヶ月に渡り').map((l) => l.durationText)).toEqual(['数ヶ月']);
    expect(findLengths('長期滞在し').map((l) => l.durationText)).toEqual(['長期滞在']);
  });

  it('reads status from the rest of the sentence', () => {
    expect(readStatus('し、具体的な共同研究を実施した。', false, false).status).toBe('COMPLETED');
    expect(readStatus('し、執筆作業を行う計画となっている。', false, false).status).toBe('PLANNED');
    expect(readStatus('し、…計画を立案した。', true, false).status).toBe('PLANNED');
    expect(readStatus('し、共同研究を実施している。', false, true).status).toBe('IN_PROGRESS');
    expect(readStatus('は、現地の施設改修のため中止となった。', false, false).status).toBe('CANCELLED');
    expect(readStatus('は、先方の事情により次年度へ延期となった。', false, false)).toMatchObject({ status: 'PLANNED', scheduleChange: 'POSTPONED' });
    expect(readStatus('される計画は前倒しされ、本年度 2 月に実施した。', false, true)).toMatchObject({ status: 'COMPLETED', scheduleChange: 'ADVANCED' });
  });
});
