import { circulationReport, type CirculationRequest } from '../../src/circulation/service';
import type { CirculationQuery } from '../../src/circulation/facts';
import type { CirculationReport } from '../../src/circulation/report';
import { DEFAULT_EARLY_CAREER_RULE } from '../../src/domain/earlyCareer';
import { GROUP_LEVELS } from '../../src/domain/enums';
import { fiscalYearRange } from '../../src/domain/fiscalYear';
import { seedStore } from '../../src/ingest/seed';
import { MemoryStore } from '../../src/store/memory/memoryStore';
import { circulationDataset } from '../fixtures/circulationDataset';
import { TestApi } from '../support/api';
import { forEachStore } from '../support/stores';

/**
 * The circulation measures on every store, against hand counts of tests/fixtures/circulationDataset.ts
 * (its header table gives each visit's placement). On Neo4j the facts must also equal the embedded
 * store's (the oracle) for every level, both includePlanned settings and several periods.
 */
const FY2024 = fiscalYearRange(2024);

function request(over: Partial<CirculationRequest> = {}): CirculationRequest {
  return { period: FY2024, fiscalYear: 2024, groupBy: 'COUNTRY', includePlanned: false, earlyCareer: DEFAULT_EARLY_CAREER_RULE, ...over };
}

const pair = (r: CirculationReport, from: string, to: string) => r.pairs.find((p) => p.from.id === from && p.to.id === to);
const group = (r: CirculationReport, id: string) => r.groups.find((g) => g.group.id === id);

forEachStore(
  'circulation measures',
  (store) => {
    let fy: CirculationReport;
    beforeAll(async () => {
      fy = await circulationReport(store(), request({ timelineLimit: 100 }));
    });

    it('counts between-group, cross-border, domestic and within-group stays (COMPLETED and IN_PROGRESS only)', () => {
      expect(fy.totals).toMatchObject({ stays: 9, crossBorderStays: 9, domesticStays: 1, withinGroupStays: 1 });
      expect(fy.pairs.map((p) => [p.from.id, p.to.id, p.stays, p.personDays])).toEqual([
        ['country:DE', 'country:JP', 1, 14],
        ['country:DE', 'country:US', 1, 30],
        ['country:GB', 'country:JP', 1, 0],
        ['country:JP', 'country:DE', 3, 31 + 30 + 182],
        ['country:JP', 'country:GB', 2, 183 + 183],
        ['country:JP', 'country:US', 1, 90 * 3],
      ]);
      expect(pair(fy, 'country:JP', 'country:DE')).toMatchObject({ crossBorder: true, earlyCareerStays: 1, uncertainDateStays: 0 });
      expect(group(fy, 'country:JP')).toMatchObject({ outboundStays: 6, inboundStays: 2, withinGroupStays: 1 });
      expect(group(fy, 'country:US')).toMatchObject({ outboundStays: 0, inboundStays: 2 });
    });

    it('prorates person-days to the period and weights a placeholder by its headcount', () => {
      expect(fy.totals.personDaysAbroad).toBe(923);
      expect(fy.totals.personMonthsAbroad).toBeCloseTo(923 / (365.25 / 12), 10);
      expect(group(fy, 'country:JP')).toMatchObject({ outboundPersonDaysAbroad: 243 + 366 + 270, inboundPersonDaysFromAbroad: 14 });
    });

    it('classes stays by length at the boundaries, unknown length as its own class', () => {
      expect(fy.stayClasses.map((c) => [c.stayClass, c.stays, c.personDays])).toEqual([
        ['UNDER_1_MONTH', 2, 30 + 14],
        ['MONTHS_1_TO_6', 4, 31 + 182 + 270 + 30],
        ['MONTHS_6_PLUS', 2, 183 + 183],
        ['UNKNOWN', 1, 0],
      ]);
    });

    it('counts early-career participants and shares, unknown stages apart', () => {
      expect(fy.totals.earlyCareerStays).toBe(5);
      expect(fy.totals.earlyCareerStayShare).toBeCloseTo(5 / 9, 10);
      expect(fy.totals.participants).toEqual({ people: 9, earlyCareer: 6, notEarlyCareer: 2, unknownStage: 1, earlyCareerShare: 6 / 9 });
      expect(group(fy, 'country:JP')!.outboundParticipants).toEqual({ people: 6, earlyCareer: 4, notEarlyCareer: 1, unknownStage: 1, earlyCareerShare: 4 / 6 });
      expect(group(fy, 'country:US')!.inboundParticipants.people).toBe(4);
    });

    it('counts returnees: cross-border, known length, back within the period, not still in progress', () => {
      expect(fy.totals.returnees).toEqual({ people: 5, earlyCareer: 3, notEarlyCareer: 1, unknownStage: 1, earlyCareerShare: 3 / 5 });
      expect(group(fy, 'country:JP')!.returnees.people).toBe(3);
      expect(group(fy, 'country:DE')!.returnees.people).toBe(2);
    });

    it('reports plan fulfilment over every visit placed in the period, whatever its status', () => {
      expect(fy.planFulfilment).toEqual({ items: 13, planned: 2, completed: 9, inProgress: 1, cancelled: 1, postponed: 1, advanced: 1, completionRate: 9 / 13 });
      expect(fy.placedRecords).toBe(13);
      expect(fy.uncertainDateRecords).toBe(7);
      expect(fy.undatedRecords).toBe(1);
      expect(fy.warnings).toEqual([]);
    });

    it('finds new cross-border ties by their first evidence (an earlier visit makes a tie old)', () => {
      expect(fy.newTies.map((t) => [t.a.id, t.b.id, t.firstEvidence])).toEqual([
        ['country:DE', 'country:US', '2024-04-01'],
        ['country:DE', 'country:JP', '2024-06-01'],
        ['country:JP', 'country:US', '2025-01-01'],
      ]);
      expect(fy.totals.newTies).toBe(3);
      // As stated: v09 「2024」 (a calendar year, placed on 1 April), v02 2024-06, v04 2025-01.
      expect(fy.newTies.map((t) => t.firstEvidenceStated)).toEqual(['2024', '2024-06', '2025-01']);
    });

    it('counts planned visits only when asked', async () => {
      const planned = await circulationReport(store(), request({ includePlanned: true }));
      expect(planned.totals).toMatchObject({ stays: 11, personDaysAbroad: 923 + 28, newTies: 4 });
      expect(planned.totals.participants.people).toBe(9);
      expect(planned.newTies.map((t) => `${t.a.id}–${t.b.id}`)).toContain('country:DE–country:GB');
      expect(planned.planFulfilment).toEqual(fy.planFulfilment);
    });

    it('groups by institution: domestic moves between institutions are between-group but not cross-border', async () => {
      const r = await circulationReport(store(), request({ groupBy: 'INSTITUTION' }));
      expect(r.totals).toMatchObject({ stays: 10, crossBorderStays: 9, domesticStays: 1, withinGroupStays: 0, personDaysAbroad: 923 });
      expect(pair(r, 'institution:tokyo', 'institution:kyoto')).toMatchObject({ crossBorder: false, stays: 1, personDays: 11 });
      expect(r.newTies.map((t) => `${t.a.id}–${t.b.id}`)).toEqual([
        'institution:jlu–institution:mit',
        'institution:jlu–institution:kyoto',
        'institution:jlu–institution:tokyo',
        'institution:kyoto–institution:mit',
      ]);
      expect(r.groups.find((g) => g.group.id === 'institution:jlu')!.group).toMatchObject({ kind: 'INSTITUTION', shortName: 'JLU', countryCode: 'DE' });
    });

    it('groups by lab, with the institution standing in where no lab is known', async () => {
      const r = await circulationReport(store(), request({ groupBy: 'LAB' }));
      expect(pair(r, 'lab:kyoto-a', 'lab:jlu-h')?.stays).toBe(1); // v01: a's lab → the AT lab
      expect(pair(r, 'lab:kyoto-a', 'institution:jlu')?.stays).toBe(1); // v11: c heads kyoto-a; no AT lab
      expect(pair(r, 'institution:kyoto', 'institution:mit')?.stays).toBe(1); // v04: grads have no lab
      expect(pair(r, 'lab:jlu-h', 'institution:mit')?.stays).toBe(1); // v09
      expect(r.totals.stays).toBe(10);
      expect(r.groups.find((g) => g.group.id === 'lab:kyoto-a')!.group).toMatchObject({ kind: 'LAB', name: 'Lab A', countryCode: 'JP' });
    });

    it('measures any from/to period with the same rules', async () => {
      const march = await circulationReport(store(), request({ period: { start: '2025-03-01', end: '2025-03-31' }, fiscalYear: null }));
      expect(march.totals).toMatchObject({ stays: 3, personDaysAbroad: 31 + 31 * 3 + 31 });
      expect(march.totals.returnees.people).toBe(1);
      expect(march.period).toEqual({ start: '2025-03-01', end: '2025-03-31', fiscalYear: null, days: 31 });
    });

    it('gives an empty, well-formed report with a warning for a fiscal year outside the data', async () => {
      const empty = await circulationReport(store(), request({ period: fiscalYearRange(2030), fiscalYear: 2030, timelineLimit: 10 }));
      expect(empty.totals).toMatchObject({ stays: 0, personDaysAbroad: 0, newTies: 0 });
      expect(empty.totals.participants).toEqual({ people: 0, earlyCareer: 0, notEarlyCareer: 0, unknownStage: 0, earlyCareerShare: null });
      expect(empty.pairs).toEqual([]);
      expect(empty.timeline).toEqual([]);
      expect(empty.stayClasses.map((c) => c.stays)).toEqual([0, 0, 0, 0]);
      expect(empty.warnings).toEqual(['No visit falls in FY2030 (2030-04-01 – 2031-03-31): the report is empty.']);
    });

    it('returns a bounded, ordered timeline with the total', async () => {
      const r = await circulationReport(store(), request({ timelineLimit: 3 }));
      expect(r.timelineTotal).toBe(13);
      expect(r.timeline.map((t) => [t.visit, t.start, t.end])).toEqual([
        ['visit:v03', '2024-04-01', '2024-09-30'],
        ['visit:v07', '2024-04-01', null],
        ['visit:v09', '2024-04-01', '2024-04-30'],
      ]);
      expect(r.timeline[1]).toMatchObject({ startLatest: '2025-03-31', status: 'CANCELLED', scheduleChange: 'POSTPONED', person: { id: 'person:a', name: 'Aoki A' } });
    });

    it('answers the same through GraphQL, and rejects bad arguments with BAD_USER_INPUT', async () => {
      const api = new TestApi(store());
      const data = await api.data(`{ circulation(fiscalYear: 2024) {
        period { start end fiscalYear days } groupBy
        totals { stays personDaysAbroad personMonthsAbroad participants { people earlyCareer earlyCareerShare } returnees { people } newTies }
        pairs { from { id } to { id } stays personDays }
        stayClasses { stayClass stays } planFulfilment { items postponed advanced completionRate }
        newTies { a { id } b { id } firstEvidence } uncertainDateRecords undatedRecords warnings } }`);
      expect(data.circulation.totals).toEqual({
        stays: fy.totals.stays,
        personDaysAbroad: fy.totals.personDaysAbroad,
        personMonthsAbroad: fy.totals.personMonthsAbroad,
        participants: { people: 9, earlyCareer: 6, earlyCareerShare: 6 / 9 },
        returnees: { people: 5 },
        newTies: 3,
      });
      expect(data.circulation.period).toEqual({ start: '2024-04-01', end: '2025-03-31', fiscalYear: 2024, days: 365 });
      expect(data.circulation.newTies[1]).toEqual({ a: { id: 'country:DE' }, b: { id: 'country:JP' }, firstEvidence: '2024-06-01' });

      const code = async (query: string) => (await api.query(query)).errors?.[0]?.extensions?.code;
      expect(await code('{ circulation { totals { stays } } }')).toBe('BAD_USER_INPUT');
      expect(await code('{ circulation(fiscalYear: 2024, from: "2024-01-01", to: "2024-02-01") { totals { stays } } }')).toBe('BAD_USER_INPUT');
      expect(await code('{ circulation(from: "2024-01-01") { totals { stays } } }')).toBe('BAD_USER_INPUT');
      expect(await code('{ circulation(from: "2024-05-01", to: "2024-04-01") { totals { stays } } }')).toBe('BAD_USER_INPUT');
      expect(await code('{ circulation(from: "2024-02-30", to: "2024-04-01") { totals { stays } } }')).toBe('BAD_USER_INPUT');
      expect(await code('{ circulation(fiscalYear: 99999) { totals { stays } } }')).toBe('BAD_USER_INPUT');
      expect(await code('{ circulation(fiscalYear: 2024, groupBy: DEPARTMENT) { totals { stays } } }')).toBe('BAD_USER_INPUT');
    });

    {
      it('gives exactly the facts of the embedded store (the oracle; trivially so on memory)', async () => {
        const oracle = new MemoryStore();
        await seedStore(oracle, circulationDataset());
        const periods = [FY2024, fiscalYearRange(2023), fiscalYearRange(2025), { start: '2025-03-01', end: '2025-03-31' }, { start: '2024-06-14', end: '2024-06-14' }];
        for (const period of periods) {
          for (const groupBy of GROUP_LEVELS) {
            for (const includePlanned of [false, true]) {
              const query: CirculationQuery = { period, groupBy, includePlanned, timelineLimit: 50 };
              expect({ query, facts: await store().circulationFacts(query) }).toEqual({ query, facts: await oracle.circulationFacts(query) });
            }
          }
        }
      });
    }
  },
  circulationDataset,
);
