import { DAYS_PER_MONTH, durationDays, stayClassOf } from '../../../src/domain/duration';
import { DEFAULT_EARLY_CAREER_RULE, isEarlyCareer, parseEarlyCareerRule } from '../../../src/domain/earlyCareer';
import { labelOfId, makeId } from '../../../src/domain/ids';
import { normalizeForSearch, searchKeyOf } from '../../../src/domain/searchText';
import { visitDates } from '../../../src/domain/visitDates';

describe('early career', () => {
  it('counts graduate students, postdocs, 助教 and 講師 by default; never guesses an unknown stage', () => {
    expect(isEarlyCareer('GRADUATE_STUDENT')).toBe(true);
    expect(isEarlyCareer('LECTURER')).toBe(true);
    expect(isEarlyCareer('ASSISTANT_PROFESSOR')).toBe(true);
    expect(isEarlyCareer('PROFESSOR')).toBe(false);
    expect(isEarlyCareer('UNKNOWN')).toBeNull();
  });

  it('follows a configured rule', () => {
    const rule = parseEarlyCareerRule('GRADUATE_STUDENT');
    expect(isEarlyCareer('POSTDOC', rule)).toBe(false);
    expect(isEarlyCareer('POSTDOC', DEFAULT_EARLY_CAREER_RULE)).toBe(true);
    expect(() => parseEarlyCareerRule('UNKNOWN')).toThrow(RangeError);
  });
});

describe('durations and stay classes', () => {
  it('reads one-unit ISO durations, months at 365.25/12 days', () => {
    expect(durationDays('P3M')).toBeCloseTo(3 * DAYS_PER_MONTH, 12);
    expect(durationDays('P1Y')).toBe(365.25);
    expect(durationDays('P2W')).toBe(14);
    expect(durationDays('3 months')).toBeNull();
  });

  it('puts a stated month in 1–6 months and keeps unknown length as its own class', () => {
    expect(stayClassOf(durationDays('P1M'))).toBe('MONTHS_1_TO_6');
    expect(stayClassOf(30)).toBe('UNDER_1_MONTH');
    expect(stayClassOf(durationDays('P6M'))).toBe('MONTHS_6_PLUS');
    expect(stayClassOf(null)).toBe('UNKNOWN');
  });
});

describe('visit dates', () => {
  it('derives bounds, length and fiscal year from what is stated', () => {
    expect(visitDates({ start: '2024-09', duration: 'P1M' })).toEqual({
      startEarliest: '2024-09-01',
      startLatest: '2024-09-30',
      endEarliest: '2024-09-30', // 30 whole days, inclusive of the first
      endLatest: '2024-10-29',
      durationDays: DAYS_PER_MONTH,
      fiscalYear: 2024,
      uncertain: true,
    });
    expect(visitDates({ start: '2025-01-10', end: '2025-01-20' })).toMatchObject({ durationDays: 11, fiscalYear: 2024, uncertain: false });
    expect(visitDates({ start: '2025' })).toMatchObject({ fiscalYear: null, durationDays: null, endLatest: null, uncertain: true });
    expect(visitDates({})).toMatchObject({ startEarliest: null, fiscalYear: null, uncertain: true });
  });

  it('a start day with a month or year length is uncertain (365.25/12 rule); day and week lengths are exact', () => {
    // "P1M from 15 March": the end rests on an average month, so it is not known to the day.
    expect(visitDates({ start: '2025-03-15', duration: 'P1M' })).toMatchObject({ endEarliest: '2025-04-13', endLatest: '2025-04-13', uncertain: true });
    expect(visitDates({ start: '2025-03-15', duration: 'P1Y' }).uncertain).toBe(true);
    expect(visitDates({ start: '2025-03-15', duration: 'P2W' })).toMatchObject({ endLatest: '2025-03-28', durationDays: 14, uncertain: false });
    expect(visitDates({ start: '2025-03-15', duration: 'P10D' })).toMatchObject({ endLatest: '2025-03-24', uncertain: false });
    // No length and no end: the end is unknown.
    expect(visitDates({ start: '2025-03-15' }).uncertain).toBe(true);
    // A day end with a month start is not known to the day either.
    expect(visitDates({ start: '2025-03', end: '2025-04-10' }).uncertain).toBe(true);
  });

  it('both an end and a duration: ends stated to the day win; otherwise the duration gives the length and the end bounds it', () => {
    // 1 Sep – 30 Nov is 91 days; "P3M" would be 91.3125. The ends win, exactly, and the visit is certain.
    expect(visitDates({ start: '2024-09-01', end: '2024-11-30', duration: 'P3M' })).toMatchObject({
      durationDays: 91,
      endEarliest: '2024-11-30',
      endLatest: '2024-11-30',
      uncertain: false,
    });
    // They disagree (P1M against 91 days): the ends still win; the disagreement is not reported.
    expect(visitDates({ start: '2024-09-01', end: '2024-11-30', duration: 'P1M' })).toMatchObject({ durationDays: 91, uncertain: false });
    // A vague end does not give a length: the stated duration does, and the end keeps its bounds.
    expect(visitDates({ start: 'FY2024', end: '2025-03', duration: 'P1M' })).toMatchObject({
      durationDays: DAYS_PER_MONTH,
      endEarliest: '2025-03-01',
      endLatest: '2025-03-31',
      uncertain: true,
    });
  });

  it('an end without a start is undated: no start bound, no fiscal year, no length', () => {
    expect(visitDates({ end: '2024-11-30' })).toEqual({
      startEarliest: null,
      startLatest: null,
      endEarliest: '2024-11-30',
      endLatest: '2024-11-30',
      durationDays: null,
      fiscalYear: null,
      uncertain: true,
    });
    expect(visitDates({ end: '2024-11-30', duration: 'P1M' })).toMatchObject({ startEarliest: null, fiscalYear: null, uncertain: true });
  });
});

describe('search normalisation', () => {
  it('folds width, case, spacing and Latin accents but keeps Japanese voiced marks', () => {
    expect(normalizeForSearch('ＪＬＵ')).toBe('jlu');
    expect(normalizeForSearch('Justus-Liebig-Universität Gießen')).toBe(normalizeForSearch('justus liebig universitat giessen'));
    expect(normalizeForSearch('Schröder')).toBe('schroder');
    expect(normalizeForSearch('中西　周次')).toBe('中西周次');
    expect(normalizeForSearch('ガス')).toBe('ガス');
    expect(normalizeForSearch('ｶﾞｽ')).toBe('ガス');
  });

  it('joins names with a separator no query can span', () => {
    expect(searchKeyOf(['Osaka University', null, '大阪大学'])).toBe('osakauniversity|大阪大学');
    expect(normalizeForSearch('a|b')).toBe('ab');
  });
});

describe('ids', () => {
  it('carry their label, and malformed ones name none', () => {
    expect(labelOfId(makeId('Person', 'nakanishi-shuji'))).toBe('Person');
    expect(labelOfId('country:JP')).toBe('Country');
    for (const bad of ['nakanishi', 'person:', 'person:a b', 'alien:x', 'Person:x']) expect(labelOfId(bad)).toBeNull();
  });
});
