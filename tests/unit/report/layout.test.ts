import { personNameIn } from '../../../src/domain/displayName';
import { legendLayout, monthTicks } from '../../../src/report/charts';
import { statedDate } from '../../../src/report/i18n';
import { textWidth } from '../../../src/report/textWidth';

/**
 * The pieces the report's layout rests on. The widths below were measured in Debian's Chromium
 * (10px sans-serif = DejaVu Sans, IPAGothic for Japanese) with canvas measureText.
 */
describe('textWidth', () => {
  it('gives a kanji or kana a full em, as Japanese fonts do', () => {
    expect(textWidth('東北大グループ', 10)).toBe(70);
    expect(textWidth('（', 10)).toBe(10);
  });

  it('measures Latin text within 3 % of DejaVu Sans, where vega’s 0.8 em estimate is 30–60 % off', () => {
    const measured: Array<[string, number]> = [
      ['Unnamed institution in Japan', 145.35],
      ['Daniel Schröder → Unnamed institution in Japan', 239.94],
      ['Lee Johnson', 60.29],
      ['WWWMMM', 55.55],
    ];
    for (const [text, chromium] of measured) expect(Math.abs(textWidth(text, 10) - chromium) / chromium).toBeLessThan(0.03);
  });

  it('adds mixed scripts up and never measures a label narrower than Chromium draws it', () => {
    expect(textWidth('大阪大学・大学院生（Henss 研究室に 3 ヶ月滞在）', 10)).toBeGreaterThanOrEqual(236.3);
    expect(textWidth('a', 10, true)).toBeGreaterThan(textWidth('a', 10));
  });
});

describe('legendLayout', () => {
  const labels = ['Stay period', 'Postponed to next year', 'Brought forward into this year', 'Length not stated (start within the span)'];

  it('puts every entry on one row when they fit', () => {
    expect(legendLayout(labels, 2000)).toMatchObject({ direction: 'horizontal', columns: 4 });
  });

  it('uses fewer columns, never more than fit, and at least one', () => {
    const { columns } = legendLayout(labels, 520) as { columns: number };
    expect(columns).toBe(2);
    expect(legendLayout(labels, 50)).toMatchObject({ columns: 1 });
  });
});

describe('monthTicks', () => {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

  it('names every third month of a fiscal year when monthly labels would touch', () => {
    expect(monthTicks('2024-04-01', '2025-03-31', 58, 440).map(day)).toEqual(['2024-04-01', '2024-07-01', '2024-10-01', '2025-01-01']);
  });

  it('names every month when there is room, starting at the first whole month', () => {
    expect(monthTicks('2024-04-15', '2024-07-31', 40, 440).map(day)).toEqual(['2024-05-01', '2024-06-01', '2024-07-01']);
  });
});

describe('statedDate', () => {
  it('says a date as precisely as the source does, in the report’s language', () => {
    expect(['FY2024', '2025', '2024-09', '2024-09-15'].map((d) => statedDate(d, 'en'))).toEqual(['FY2024', '2025', '2024-09', '2024-09-15']);
    expect(['FY2024', '2025', '2024-09', '2024-09-15'].map((d) => statedDate(d, 'ja'))).toEqual(['2024年度', '2025年', '2024年9月', '2024-09-15']);
  });
});

describe('personNameIn', () => {
  it('shows Latin forms and a placeholder’s English label in English, Japanese forms first in Japanese', () => {
    const iwase = { id: 'person:iwase', familyName: 'Iwase', familyNameJa: '岩瀬' };
    const group = { id: 'person:tohoku-group', cohort: '東北大グループ', cohortEn: 'Tohoku University group' };
    const bieker = { id: 'person:bieker-peter', name: 'Peter Bieker', familyName: 'Bieker' };
    expect([iwase, group, bieker].map((p) => personNameIn(p, 'en'))).toEqual(['Iwase', 'Tohoku University group', 'Peter Bieker']);
    expect([iwase, group, bieker].map((p) => personNameIn(p, 'ja'))).toEqual(['岩瀬', '東北大グループ', 'Peter Bieker']);
    expect(personNameIn({ id: 'person:x', cohort: '英国グループ' }, 'en')).toBe('英国グループ'); // no English form given: shown as stated
  });
});
