import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { CirculationReport } from '../../src/circulation/report';
import { circulationReport } from '../../src/circulation/service';
import { DEFAULT_EARLY_CAREER_RULE } from '../../src/domain/earlyCareer';
import { fiscalYearRange } from '../../src/domain/fiscalYear';
import type { Dataset } from '../../src/domain/model';
import { DEFAULT_SEED_FILE } from '../../src/ingest/seed';
import { validateDataset } from '../../src/ingest/validate';
import { generateReport } from '../../src/report/generate';
import { TestApi } from '../support/api';
import { forEachStore } from '../support/stores';

/**
 * FY2024 (1 April 2024 – 31 March 2025) on the seed data, against a hand count from the report
 * itself (seed/source/fy2024-progress-report.ja.txt). Each number is followed by the sentences it
 * is counted from. Undated items of the report are dated FY2024 in the seed and placed on
 * 1 April 2024 (docs/metrics.md §Circulation); "2025 年度" and "2025 年" plans fall in FY2025.
 */
function seedDataset(): Dataset {
  const result = validateDataset(parseYaml(readFileSync(DEFAULT_SEED_FILE, 'utf8')));
  if (!result.ok) throw new Error(`seed is invalid: ${JSON.stringify(result.problems)}`);
  return result.dataset;
}

const request = (fiscalYear: number, includePlanned = false) => ({
  period: fiscalYearRange(fiscalYear),
  fiscalYear,
  groupBy: 'COUNTRY' as const,
  includePlanned,
  earlyCareer: DEFAULT_EARLY_CAREER_RULE,
});

forEachStore(
  'circulation on the seed report, FY2024',
  (store) => {
    let r: CirculationReport;
    beforeAll(async () => {
      r = await circulationReport(store(), { ...request(2024), timelineLimit: 100 });
    });
    const pair = (from: string, to: string) => r.pairs.find((p) => p.from.id === `country:${from}` && p.to.id === `country:${to}`)?.stays ?? 0;

    it('counts the stays between countries, pair by pair', () => {
      // DE→JP 4: 「ドイツ側 PIの Dr. Peter Bieker (JHIM)を 3 ヶ月間招聘し」(1), 「この滞在期間中にドイツ側博士研究員の
      //   Dr. Lukas Herbers も来日し」(1), 「BTU の Daniel Schroder教授とその研究室に所属する大学院生を研究室に招き」(2).
      expect(pair('DE', 'JP')).toBe(4);
      // JP→DE 5: 「東北大学の岩瀬講師がドイツに 1 ヶ月間滞在して」(1), 「PI の中西は 9 月に訪独し」(1),
      //   「大阪大学・大学院生が Henss 研究室に 3 ヶ月滞在し…実施している」(1, in progress), 「東北大グループが BTU と JHIM を訪問し」(2).
      expect(pair('JP', 'DE')).toBe(5);
      // GB→JP 3: 「Dr. Lee Johnson が 2 度にわたり来日し」(2), 「Oxford 大学の Dr. Daniel Dewar が大阪大学に 1 ヶ月滞在し」(1).
      expect(pair('GB', 'JP')).toBe(3);
      // JP→GB 5: 「京都大学の西岡助教が 3 ヶ月にわたって渡英し」(1), 「東北大学の西原 Co-PI および Yu 助教は…渡英し、Nottingham 大学
      //   (Dr. Lee Johnson)、Cambridge 大学 (Dr. Michael De Volder) と議論を行い」(2 people × 2 universities = 4).
      expect(pair('JP', 'GB')).toBe(5);
      // US→JP 2: 「(MIT)とは、彼女の来日および国際会議のタイミングを利用し」(1), 「Dr. Graham Leverick (Tufts大学)を 4月に招聘し」(1).
      expect(pair('US', 'JP')).toBe(2);
      // JP→US 3: 「NIMS の松田 Co-PIが Argonne National Lab（NAL）に長期滞在し」(1, in progress), 「東北大の岩瀬講師らがそれぞれ
      //   Tufts大学を訪問し」(2: 岩瀬 and the others of 「ら」).
      expect(pair('JP', 'US')).toBe(3);
      // 22 in all, every one across a border; no domestic move is reported.
      expect(r.totals).toMatchObject({ stays: 22, crossBorderStays: 22, domesticStays: 0, withinGroupStays: 0 });
      // Japan sends 5 + 5 + 3 = 13 and receives 4 + 3 + 2 = 9.
      expect(r.groups.find((g) => g.group.id === 'country:JP')).toMatchObject({ outboundStays: 13, inboundStays: 9 });
    });

    it('counts person-days abroad from the stated lengths only (3 ヶ月 = 91 days, 1 ヶ月 = 30 days)', () => {
      // 「3 ヶ月間招聘し」 Bieker 91 + 「ドイツに 1 ヶ月間滞在」 岩瀬 30 + 「Henss 研究室に 3 ヶ月滞在」 91
      //   + 「3 ヶ月にわたって渡英し」 西岡 91 + 「大阪大学に 1 ヶ月滞在し」 Dewar 30 = 333 person-days.
      expect(r.totals.personDaysAbroad).toBe(333);
      expect(r.totals.personMonthsAbroad).toBeCloseTo(333 / 30.4375, 10); // 10.94
      // Japan abroad: 岩瀬 30 + Osaka student 91 (Germany) + 西岡 91 (UK) = 212; Japan hosts Bieker 91 + Dewar 30 = 121.
      expect(r.groups.find((g) => g.group.id === 'country:JP')).toMatchObject({ outboundPersonDaysAbroad: 212, inboundPersonDaysFromAbroad: 121 });
    });

    it('classes the stays by length: five of 1–6 months, the other 17 of unknown length', () => {
      // 1–6 months: the five stays with a stated length above (3, 1, 3, 3, 1 ヶ月). Every other movement
      // (「来日し」「訪独し」「訪問し」「長期滞在し」…) states no length: kept as unknown, not guessed.
      expect(r.stayClasses.map((c) => [c.stayClass, c.stays])).toEqual([
        ['UNDER_1_MONTH', 0],
        ['MONTHS_1_TO_6', 5],
        ['MONTHS_6_PLUS', 0],
        ['UNKNOWN', 17],
      ]);
    });

    it('counts early-career participants: 6 of 17 people, 8 of 22 stays', () => {
      // Early career (graduate students, postdocs, 助教, 講師): 「博士研究員の Dr. Lukas Herbers」, 「その研究室に所属する大学院生」,
      //   「岩瀬講師」, 「大阪大学・大学院生が Henss 研究室に」, 「西岡助教」, 「Yu 助教」 = 6 people, with 1+1+2+1+1+2 = 8 stays.
      // Unknown stage (never guessed): 「東北大グループ」, 「Dr. Daniel Dewar」, 「松田 Co-PI」 (table cut off before 役職名),
      //   「Dr. Graham Leverick」, 「岩瀬講師ら」 = 5. Not early career: Bieker, Schröder, 中西, Johnson, 西原, Shao-Horn = 6.
      expect(r.totals.participants).toEqual({ people: 17, earlyCareer: 6, notEarlyCareer: 6, unknownStage: 5, earlyCareerShare: 6 / 17 });
      expect(r.totals.earlyCareerStays).toBe(8);
      // Japan's outbound people: 岩瀬, 中西, the Osaka student, 東北大グループ, 西岡, 西原, Yu, 松田, 岩瀬講師ら = 9, of whom 4 early career.
      expect(r.groups.find((g) => g.group.id === 'country:JP')!.outboundParticipants).toMatchObject({ people: 9, earlyCareer: 4 });
    });

    it('counts returnees: stays of known length that ended within FY2024', () => {
      // Bieker (「3 ヶ月間招聘し」, back in Germany), 岩瀬 (「1 ヶ月間滞在して」), 西岡 (「3 ヶ月にわたって渡英し」), Dewar
      // (「1 ヶ月滞在し」) = 4. The Osaka student in the Henss lab is still there (「実施している」): not a returnee.
      expect(r.totals.returnees).toEqual({ people: 4, earlyCareer: 2, notEarlyCareer: 1, unknownStage: 1, earlyCareerShare: 0.5 });
      expect(r.groups.find((g) => g.group.id === 'country:JP')!.returnees.people).toBe(2);
    });

    it('reports plan fulfilment: 22 items, 20 done and 2 ongoing; nothing postponed or advanced in the text', () => {
      // Ongoing: 「Henss 研究室に 3 ヶ月滞在し…実施している」 and 「Argonne National Lab（NAL）に長期滞在し…実施している」.
      // The chart with the grey (次年度へ後ろ倒し) and blue (本年度へ前倒し) items is not in the text, so none is marked.
      expect(r.planFulfilment).toEqual({ items: 22, planned: 0, completed: 20, inProgress: 2, cancelled: 0, postponed: 0, advanced: 0, completionRate: 20 / 22 });
      // Every FY2024 record is dated only by month (「9 月に訪独」「4月に招聘」) or by the report's year (「実質的な 1年目」).
      expect(r.uncertainDateRecords).toBe(22);
      expect(r.placedRecords).toBe(22);
      expect(r.undatedRecords).toBe(0);
      expect(r.warnings).toEqual([]);
    });

    it('finds three new cross-border ties, all first seen in the program’s first year', () => {
      // 「実質的な 1年目にあたる」: no earlier visit exists, so Japan–Germany, Japan–UK and Japan–US are all new in FY2024.
      expect(r.newTies.map((t) => [t.a.id, t.b.id, t.firstEvidence])).toEqual([
        ['country:DE', 'country:JP', '2024-04-01'],
        ['country:GB', 'country:JP', '2024-04-01'],
        ['country:JP', 'country:US', '2024-04-01'],
      ]);
    });

    it('dates each new tie as the report states it: the fiscal year, or the month when a visit of that first day gives one', () => {
      // Japan–US: 松田 (ANL) and 岩瀬 (Tufts) are dated only by FY2024, Leverick's visit by 「4月」 (2024-04):
      // all are placed on 1 April, and the month, the more precise, is the evidence shown.
      expect(r.newTies.map((t) => [t.a.id, t.b.id, t.firstEvidenceStated])).toEqual([
        ['country:DE', 'country:JP', 'FY2024'],
        ['country:GB', 'country:JP', 'FY2024'],
        ['country:JP', 'country:US', '2024-04'],
      ]);
    });

    it('puts the seven plans of the report in FY2025, not FY2024', async () => {
      // 「2025 年度に大阪大学大学院生が渡独し」, 「Henss教授自身、および大学院生が 4月に来日し」(2), 「2025 年度に再度西岡助教が渡英」,
      // 「2025 年度に大阪大学の大学院生が渡英する方向」, 「2025 年に Yu 助教が Cambridge 大学に 1 年間滞在」, 「井上助教が 2025 年に現地に長期滞在」.
      const planned2024 = await circulationReport(store(), request(2024, true));
      expect(planned2024.totals.stays).toBe(22);
      const fy2025 = await circulationReport(store(), request(2025));
      expect(fy2025.planFulfilment).toMatchObject({ items: 7, planned: 7, completed: 0 });
      expect(fy2025.totals.stays).toBe(0);
    });

    it('writes a report whose numbers are the GraphQL answer', async () => {
      const data = await new TestApi(store()).data(`{ circulation(fiscalYear: 2024) {
        totals { stays crossBorderStays domesticStays personMonthsAbroad earlyCareerStays newTies
                 participants { people earlyCareer unknownStage } returnees { people } }
        pairs { from { id } to { id } stays earlyCareerStays personMonths uncertainDateStays }
        stayClasses { stayClass stays } planFulfilment { items completed inProgress planned cancelled postponed advanced }
        newTies { a { id } b { id } firstEvidence } uncertainDateRecords placedRecords undatedRecords } }`);
      const out = mkdtempSync(join(tmpdir(), 'kizuna-seed-report-'));
      try {
        const { report } = await generateReport(store(), { out: join(out, 'fy2024'), format: 'md', lang: 'en', generatedAt: '2025-06-01', request: request(2024) });
        const g = data.circulation;
        // the object the report is rendered from …
        expect(report.totals).toMatchObject(g.totals);
        expect(report.pairs.map((p) => ({ from: { id: p.from.id }, to: { id: p.to.id }, stays: p.stays, earlyCareerStays: p.earlyCareerStays, personMonths: p.personMonths, uncertainDateStays: p.uncertainDateStays }))).toEqual(g.pairs);
        expect(report.stayClasses.map((c) => ({ stayClass: c.stayClass, stays: c.stays }))).toEqual(g.stayClasses);
        expect(report.planFulfilment).toMatchObject(g.planFulfilment);
        expect(report.newTies.map((t) => ({ a: { id: t.a.id }, b: { id: t.b.id }, firstEvidence: t.firstEvidence }))).toEqual(g.newTies);
        // … and the numbers printed in it.
        const md = readFileSync(join(out, 'fy2024', 'report.md'), 'utf8');
        const row = (label: string) => md.split('\n').find((l) => l.startsWith(`| ${label} |`))?.split('|')[2].trim();
        expect(row('Stays between groups')).toBe(String(g.totals.stays));
        expect(row('Cross-border stays')).toBe(String(g.totals.crossBorderStays));
        expect(row('Person-months abroad (prorated to the period)')).toBe(g.totals.personMonthsAbroad.toFixed(1));
        expect(row('Participants (people)')).toBe(String(g.totals.participants.people));
        expect(row('Early-career participants')).toBe(`35% (${g.totals.participants.earlyCareer}/${g.totals.participants.people})`);
        expect(row('Returnees (went abroad and came back within the period)')).toBe(String(g.totals.returnees.people));
        expect(row('New cross-border ties')).toBe(String(g.totals.newTies));
        expect(row('Visits with uncertain dates (placed by the rule in the appendix)')).toBe(`${g.uncertainDateRecords} / ${g.placedRecords}`);
        expect(md).toContain('| Japan | Germany | 5 | 2 | 4.0 | 5 |');
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    });
  },
  seedDataset,
);
