import type { TopLevelSpec } from 'vega-lite';
import type { TieKind } from '../analytics/graphView';
import { groupIndexOf } from '../analytics/groups';
import type { NetworkChange } from '../analytics/networkChange';
import { paperStart, visitStart } from '../analytics/period';
import { analyticsFor } from '../analytics/service';
import type { PersonRef } from '../circulation/report';
import { personRefOf } from '../circulation/service';
import { toDayNumber } from '../domain/days';
import type { EarlyCareerRule } from '../domain/earlyCareer';
import { fiscalYearRange } from '../domain/fiscalYear';
import type { Lang } from '../domain/enums';
import type { GraphStore } from '../store/port';
import { CHART_CONFIG, LABEL_SIZE, PLOT_WIDTH, type Chart } from './charts';
import { formatNumber, messages, personName } from './i18n';
import type { Table } from './tables';

/**
 * The report's year-on-year section (issue #13): the collaboration network at the end of the
 * previous fiscal year against the end of this one, from `networkChange` (the same code GraphQL
 * serves). Present only when the graph holds the previous year: some counted visit or paper placed
 * in it. Tables and charts are built here, in the report's language; nothing here computes a
 * network measure.
 */
export interface YearOnYear {
  from: number;
  to: number;
  change: NetworkChange;
  /** Ties formed per pair of the two people's primary countries (ISO codes, a ≤ b), most first. */
  countryPairs: Array<{ a: string; b: string; ties: number }>;
  people: ReadonlyMap<string, PersonRef>;
}

export interface YearOnYearRequest {
  fiscalYear: number;
  includePlanned: boolean;
  earlyCareer: EarlyCareerRule;
}

export async function yearOnYear(store: GraphStore, request: YearOnYearRequest): Promise<YearOnYear | null> {
  const service = analyticsFor(store, request.earlyCareer);
  const full = await service.network(request.includePlanned);
  const previous = fiscalYearRange(request.fiscalYear - 1);
  const [lo, hi] = [toDayNumber(previous.start), toDayNumber(previous.end)];
  const inPrevious = (start: { from: number } | null) => start !== null && lo <= start.from && start.from <= hi;
  const holds = [...full.visits.values()].some((v) => inPrevious(visitStart(v.start, v.startLatest))) || [...full.papers.values()].some((p) => inPrevious(paperStart(p.year)));
  if (!holds) return null;
  const from = { asOf: previous.end, fiscalYear: request.fiscalYear - 1 };
  const to = { asOf: fiscalYearRange(request.fiscalYear).end, fiscalYear: request.fiscalYear };
  const change = await service.networkChange(from, to, { level: 'INSTITUTION', earlyCareerOnly: true, includePlanned: request.includePlanned });
  const after = await service.periodNetwork(to, request.includePlanned);
  const gi = groupIndexOf(after, 'COUNTRY');
  const countryOf = (id: string) => {
    const g = gi.primary[after.csr.index.get(id)!];
    return g < 0 ? '?' : gi.ids[g].replace(/^country:/, '');
  };
  const counts = new Map<string, { a: string; b: string; ties: number }>();
  for (const t of change.tiesFormed) {
    const [a, b] = [countryOf(t.a), countryOf(t.b)].sort();
    const pair = counts.get(`${a}|${b}`) ?? { a, b, ties: 0 };
    pair.ties++;
    counts.set(`${a}|${b}`, pair);
  }
  const countryPairs = [...counts.values()].sort((x, y) => y.ties - x.ties || (x.a + x.b < y.a + y.b ? -1 : 1));
  const ids = [...new Set([...change.tiesFormed.flatMap((t) => [t.a, t.b]), ...change.earlyCareer.map((p) => p.person)])].sort();
  const nodes = await store.nodesByIds(ids);
  const people = new Map<string, PersonRef>();
  for (const node of nodes) if (node) people.set(node.id, personRefOf(node));
  return { from: request.fiscalYear - 1, to: request.fiscalYear, change, countryPairs, people };
}

const num = (x: number | null, digits = 3) => (x === null ? '–' : formatNumber(x, digits));
const signed = (x: number | null, digits = 3) => (x === null ? '–' : `${x > 0 ? '+' : ''}${formatNumber(x, digits)}`);
const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)}%`);

export function yearOnYearTables(yoy: YearOnYear, lang: Lang): Table[] {
  const m = messages(lang);
  const c = yoy.change;
  const name = (id: string) => (yoy.people.get(id) ? personName(yoy.people.get(id)!, lang) : id);
  const pairs = (level: 'COUNTRY' | 'INSTITUTION' | 'LAB') => String(c.newGroupPairs.filter((p) => p.level === level).length);
  const kinds = (t: { visits: string[]; papers: string[]; labs: string[] }) =>
    ([['VISIT', t.visits], ['COAUTHORSHIP', t.papers], ['SHARED_LAB', t.labs]] as Array<[TieKind, string[]]>).filter(([, ids]) => ids.length).map(([k]) => m.tieKinds[k]).join(', ');
  const arrow = (before: string, after: string) => `${before} → ${after}`;
  return [
    {
      id: 'yoy-summary',
      title: m.yoySummary,
      columns: [m.measure, m.fyColumn(yoy.from), m.fyColumn(yoy.to), m.changeColumn],
      numeric: [false, true, true, true],
      rows: [
        [m.yoyTies, String(c.from.ties), String(c.to.ties), signed(c.to.ties - c.from.ties, 0)],
        [m.yoyPeople, String(c.from.people), String(c.to.people), signed(c.to.people - c.from.people, 0)],
        [m.yoyDensity, num(c.density.before), num(c.density.after), signed(c.density.change)],
        [m.yoyCrossBorder, pct(c.crossBorderShare.before), pct(c.crossBorderShare.after), c.crossBorderShare.change === null ? '–' : `${c.crossBorderShare.change > 0 ? '+' : ''}${Math.round(c.crossBorderShare.change * 100)} pt`],
        [m.yoyTiesFormed, '', String(c.tiesFormed.length), ''],
        [m.yoyTiesEnded, String(c.tiesEnded.length), '', ''],
        [m.yoyNewPairs(m.levels.COUNTRY), '', pairs('COUNTRY'), ''],
        [m.yoyNewPairs(m.levels.INSTITUTION), '', pairs('INSTITUTION'), ''],
        [m.yoyNewPairs(m.levels.LAB), '', pairs('LAB'), ''],
        [m.yoyBecameBridges, '', c.becameBridges.map((b) => name(b.person)).join(', ') || '0', ''],
        [m.yoyStoppedBridging, c.stoppedBridging.map((b) => name(b.person)).join(', ') || '0', '', ''],
      ],
    },
    {
      id: 'yoy-ties',
      title: m.yoyTiesTable,
      columns: [m.person, m.person, m.kinds, m.evidence],
      numeric: [false, false, false, false],
      rows: c.tiesFormed.map((t) => [name(t.a), name(t.b), kinds(t), [...t.visits, ...t.papers, ...t.labs].join(' ')]),
    },
    {
      id: 'yoy-early-career',
      title: m.yoyPeopleTable,
      columns: [m.person, m.constraint, m.effectiveSize, m.betweenness, m.newTiesColumn],
      numeric: [false, true, true, true, true],
      rows: c.earlyCareer.map((p) => [
        name(p.person),
        arrow(num(p.constraint.before), num(p.constraint.after)),
        arrow(num(p.effectiveSize.before, 2), num(p.effectiveSize.after, 2)),
        arrow(num(p.betweenness.before), num(p.betweenness.after)),
        String(p.tiesFormed.length),
      ]),
    },
  ];
}

export function yearOnYearCharts(yoy: YearOnYear, lang: Lang): Chart[] {
  return [tiesPerCountryPair(yoy, lang), constraintBeforeAfter(yoy, lang)];
}

/** Ties formed per country pair, a horizontal bar each, its count written beside it. */
function tiesPerCountryPair(yoy: YearOnYear, lang: Lang): Chart {
  const m = messages(lang);
  const values = yoy.countryPairs.map((p) => ({ pair: `${p.a}–${p.b}`, ties: p.ties }));
  const y = { field: 'pair', type: 'nominal', title: null, sort: values.map((v) => v.pair) };
  return {
    id: 'yoy-ties',
    title: m.yoyTiesChart,
    spec: {
      config: CHART_CONFIG,
      title: { text: m.yoyTiesChart },
      data: { values },
      width: PLOT_WIDTH,
      height: Math.max(40, 24 * values.length),
      layer: [
        { mark: { type: 'bar', color: '#1f6fd1' }, encoding: { y, x: { field: 'ties', type: 'quantitative', title: m.tiesColumn, axis: { tickMinStep: 1, format: 'd' } } } },
        { mark: { type: 'text', align: 'left', dx: 4, fontSize: LABEL_SIZE }, encoding: { y, x: { field: 'ties', type: 'quantitative' }, text: { field: 'ties', type: 'quantitative' } } },
      ],
    } as TopLevelSpec,
  };
}

/**
 * Constraint at the end of the previous year and of this one per early-career person: a dumbbell,
 * grey dot before, blue dot after, a line between. A person without ties on a day has no constraint
 * then (no dot).
 */
function constraintBeforeAfter(yoy: YearOnYear, lang: Lang): Chart {
  const m = messages(lang);
  const name = (id: string) => (yoy.people.get(id) ? personName(yoy.people.get(id)!, lang) : id);
  const people = yoy.change.earlyCareer.filter((p) => p.constraint.before !== null || p.constraint.after !== null);
  const before = m.yearEnd(yoy.from);
  const after = m.yearEnd(yoy.to);
  const points = people.flatMap((p) => [
    ...(p.constraint.before !== null ? [{ person: name(p.person), when: before, constraint: p.constraint.before }] : []),
    ...(p.constraint.after !== null ? [{ person: name(p.person), when: after, constraint: p.constraint.after }] : []),
  ]);
  const order = people.map((p) => name(p.person));
  const y = { field: 'person', type: 'nominal', title: null, sort: order };
  return {
    id: 'yoy-constraint',
    title: m.yoyConstraintChart,
    spec: {
      config: { ...CHART_CONFIG, legend: { ...CHART_CONFIG.legend, orient: 'bottom', direction: 'horizontal' } },
      title: { text: m.yoyConstraintChart },
      data: { values: points },
      width: PLOT_WIDTH,
      height: Math.max(40, 22 * order.length),
      layer: [
        { mark: { type: 'line', color: '#999999', strokeWidth: 2 }, encoding: { y, x: { field: 'constraint', type: 'quantitative' }, detail: { field: 'person', type: 'nominal' } } },
        {
          mark: { type: 'point', filled: true, size: 90, opacity: 1 },
          encoding: {
            y,
            x: { field: 'constraint', type: 'quantitative', title: m.constraint, scale: { zero: true } },
            color: { field: 'when', type: 'nominal', title: null, scale: { domain: [before, after], range: ['#9e9e9e', '#1f6fd1'] } },
          },
        },
      ],
    } as TopLevelSpec,
  };
}
