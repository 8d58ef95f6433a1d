import type { CirculationFacts, FlowFact, PeopleFact } from '../../../src/circulation/facts';
import { normalizeFacts } from '../../../src/circulation/facts';
import { buildCirculationReport, type BuildOptions, type GroupRef } from '../../../src/circulation/report';
import { PeriodInputError, resolvePeriod } from '../../../src/circulation/service';
import { DEFAULT_EARLY_CAREER_RULE, parseEarlyCareerRule } from '../../../src/domain/earlyCareer';
import { fiscalYearRange } from '../../../src/domain/fiscalYear';

/**
 * The pure report builder over hand-made facts: what is counted, how shares and person-months are
 * made, and that the early-career rule is applied here (stores only report career stages).
 */
const flow = (over: Partial<FlowFact>): FlowFact => ({
  fromGroup: 'country:JP',
  toGroup: 'country:DE',
  fromCountry: 'JP',
  toCountry: 'DE',
  status: 'COMPLETED',
  scheduleChange: 'NONE',
  stayClass: 'MONTHS_1_TO_6',
  careerStage: 'GRADUATE_STUDENT',
  stays: 1,
  personDays: 0,
  uncertain: 0,
  ...over,
});
const people = (role: PeopleFact['role'], group: string | null, careerStage: PeopleFact['careerStage'], n: number): PeopleFact => ({ role, group, careerStage, people: n });

const FACTS: CirculationFacts = {
  flows: [
    flow({ stays: 2, personDays: 120, uncertain: 1 }),
    flow({ careerStage: 'PROFESSOR', stayClass: 'UNDER_1_MONTH', personDays: 10 }),
    flow({ careerStage: 'UNKNOWN', stayClass: 'UNKNOWN', status: 'IN_PROGRESS' }),
    flow({ fromGroup: 'country:DE', toGroup: 'country:JP', fromCountry: 'DE', toCountry: 'JP', careerStage: 'POSTDOC', personDays: 61 }),
    flow({ fromGroup: 'country:JP', toGroup: 'country:JP', toCountry: 'JP', careerStage: 'PROFESSOR', stayClass: 'UNDER_1_MONTH', personDays: 5 }),
    flow({ status: 'PLANNED', scheduleChange: 'ADVANCED', personDays: 30 }),
    flow({ status: 'CANCELLED', scheduleChange: 'POSTPONED', stayClass: 'UNKNOWN', uncertain: 1 }),
  ],
  people: [
    people('OUTBOUND', 'country:JP', 'GRADUATE_STUDENT', 2),
    people('OUTBOUND', 'country:JP', 'PROFESSOR', 1),
    people('OUTBOUND', 'country:JP', 'UNKNOWN', 1),
    people('OUTBOUND', 'country:DE', 'POSTDOC', 1),
    people('OUTBOUND', null, 'GRADUATE_STUDENT', 2),
    people('OUTBOUND', null, 'PROFESSOR', 1),
    people('OUTBOUND', null, 'UNKNOWN', 1),
    people('OUTBOUND', null, 'POSTDOC', 1),
    people('INBOUND', 'country:DE', 'GRADUATE_STUDENT', 2),
    people('RETURNEE', 'country:JP', 'PROFESSOR', 1),
    people('RETURNEE', null, 'PROFESSOR', 1),
  ],
  newTies: [{ groupA: 'country:DE', groupB: 'country:JP', firstEvidence: '2024-06-01', firstEvidenceStated: '2024-06' }],
  undated: 2,
  timeline: [],
  timelineTotal: 7,
};

const group = (id: string, name: string): GroupRef => ({ id, kind: 'COUNTRY', resolvedLevel: 'COUNTRY', name, nameJa: null, shortName: null, countryCode: id.slice(-2) });
const NAMES = { groups: new Map([['country:JP', group('country:JP', 'Japan')], ['country:DE', group('country:DE', 'Germany')]]), people: new Map() };
const OPTIONS: BuildOptions = { period: fiscalYearRange(2024), fiscalYear: 2024, groupBy: 'COUNTRY', includePlanned: false, earlyCareer: DEFAULT_EARLY_CAREER_RULE };

describe('buildCirculationReport', () => {
  const r = buildCirculationReport(FACTS, OPTIONS, NAMES);

  it('counts only done and ongoing stays in the flows, between groups apart from within a group', () => {
    expect(r.totals).toMatchObject({ stays: 5, crossBorderStays: 5, domesticStays: 1, withinGroupStays: 1 });
    expect(r.pairs.map((p) => [p.from.name, p.to.name, p.stays, p.personDays, p.uncertainDateStays])).toEqual([
      ['Germany', 'Japan', 1, 61, 0],
      ['Japan', 'Germany', 4, 130, 1],
    ]);
  });

  it('turns person-days abroad into person-months at 365.25/12 days a month, cross-border only', () => {
    expect(r.totals.personDaysAbroad).toBe(191);
    expect(r.totals.personMonthsAbroad).toBeCloseTo(191 / 30.4375, 12);
    const jp = r.groups.find((g) => g.group.id === 'country:JP')!;
    expect(jp).toMatchObject({ outboundStays: 4, inboundStays: 1, withinGroupStays: 1, outboundPersonDaysAbroad: 130, inboundPersonDaysFromAbroad: 61 });
  });

  it('applies the early-career rule to stages: shares over everyone, unknown stages counted apart', () => {
    expect(r.totals.earlyCareerStays).toBe(3); // 2 graduate-student stays + 1 postdoc
    expect(r.totals.earlyCareerStayShare).toBeCloseTo(3 / 5, 12);
    expect(r.totals.participants).toEqual({ people: 5, earlyCareer: 3, notEarlyCareer: 1, unknownStage: 1, earlyCareerShare: 3 / 5 });
    expect(r.groups.find((g) => g.group.id === 'country:DE')!.inboundParticipants.earlyCareerShare).toBe(1);
    const strict = buildCirculationReport(FACTS, { ...OPTIONS, earlyCareer: parseEarlyCareerRule('GRADUATE_STUDENT') }, NAMES);
    expect(strict.totals.participants).toMatchObject({ earlyCareer: 2, notEarlyCareer: 2, unknownStage: 1 });
    expect(strict.earlyCareerStages).toEqual(['GRADUATE_STUDENT']);
  });

  it('takes returnees from the store’s distinct-people rows', () => {
    expect(r.totals.returnees).toEqual({ people: 1, earlyCareer: 0, notEarlyCareer: 1, unknownStage: 0, earlyCareerShare: 0 });
  });

  it('lists every stay class, zeros included, with shares of the between-group stays', () => {
    expect(r.stayClasses.map((c) => [c.stayClass, c.stays, c.share])).toEqual([
      ['UNDER_1_MONTH', 1, 1 / 5],
      ['MONTHS_1_TO_6', 3, 3 / 5],
      ['MONTHS_6_PLUS', 0, 0],
      ['UNKNOWN', 1, 1 / 5],
    ]);
  });

  it('reports plan fulfilment over every placed visit; status and schedule change are independent', () => {
    expect(r.planFulfilment).toEqual({ items: 8, planned: 1, completed: 5, inProgress: 1, cancelled: 1, postponed: 1, advanced: 1, completionRate: 5 / 8 });
    expect(r.placedRecords).toBe(8);
    expect(r.uncertainDateRecords).toBe(2);
    expect(r.undatedRecords).toBe(2);
  });

  it('counts planned visits in the flows only when asked, and never cancelled ones', () => {
    const withPlanned = buildCirculationReport(FACTS, { ...OPTIONS, includePlanned: true }, NAMES);
    expect(withPlanned.totals.stays).toBe(6);
    expect(withPlanned.totals.personDaysAbroad).toBe(191 + 30);
    expect(withPlanned.planFulfilment).toEqual(r.planFulfilment);
  });

  it('names new ties and groups, and falls back to the id for a group it has no name for', () => {
    expect(r.newTies).toEqual([{ a: NAMES.groups.get('country:DE'), b: NAMES.groups.get('country:JP'), firstEvidence: '2024-06-01', firstEvidenceStated: '2024-06' }]);
    const unnamed = buildCirculationReport(FACTS, OPTIONS, { groups: new Map(), people: new Map() });
    expect(unnamed.pairs[0].from).toEqual({ id: 'country:DE', kind: 'COUNTRY', resolvedLevel: 'COUNTRY', name: 'country:DE', nameJa: null, shortName: null, countryCode: null });
  });

  it('gives an empty report with null shares and a warning when nothing falls in the period', () => {
    const empty = buildCirculationReport({ flows: [], people: [], newTies: [], undated: 0, timeline: [], timelineTotal: 0 }, OPTIONS, NAMES);
    expect(empty.totals).toMatchObject({ stays: 0, personMonthsAbroad: 0, earlyCareerStayShare: null });
    expect(empty.planFulfilment.completionRate).toBeNull();
    expect(empty.stayClasses.every((c) => c.stays === 0 && c.share === null)).toBe(true);
    expect(empty.warnings).toEqual(['No visit falls in FY2024 (2024-04-01 – 2025-03-31): the report is empty.']);
    expect(empty.period).toEqual({ start: '2024-04-01', end: '2025-03-31', fiscalYear: 2024, days: 365 });
  });
});

describe('normalizeFacts', () => {
  it('orders rows canonically and puts each tie’s smaller group first', () => {
    const n = normalizeFacts({ ...FACTS, flows: [...FACTS.flows].reverse(), newTies: [{ groupA: 'country:JP', groupB: 'country:DE', firstEvidence: '2024-06-01', firstEvidenceStated: '2024-06' }] });
    expect(n).toEqual(normalizeFacts(FACTS));
  });
});

describe('resolvePeriod', () => {
  it('takes a fiscal year or a from/to pair of days', () => {
    expect(resolvePeriod({ fiscalYear: 2024 })).toEqual({ period: { start: '2024-04-01', end: '2025-03-31' }, fiscalYear: 2024 });
    expect(resolvePeriod({ from: '2024-06-01', to: '2024-06-30' })).toEqual({ period: { start: '2024-06-01', end: '2024-06-30' }, fiscalYear: null });
  });

  it.each([
    [{}, 'fiscalYear'],
    [{ fiscalYear: 2024, from: '2024-01-01', to: '2024-02-01' }, 'fiscalYear'],
    [{ from: '2024-01-01' }, 'to'],
    [{ to: '2024-01-01' }, 'from'],
    [{ from: '2024-05-01', to: '2024-04-01' }, 'from'],
    [{ from: '2024-05', to: '2024-06-01' }, 'from'],
    [{ fiscalYear: 1800 }, 'fiscalYear'],
    [{ fiscalYear: Number.NaN }, 'fiscalYear'],
  ])('rejects %j (argument %s)', (input, argumentName) => {
    expect(() => resolvePeriod(input)).toThrow(PeriodInputError);
    try {
      resolvePeriod(input);
    } catch (error) {
      expect((error as PeriodInputError).argumentName).toBe(argumentName);
    }
  });
});
