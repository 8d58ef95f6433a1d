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
