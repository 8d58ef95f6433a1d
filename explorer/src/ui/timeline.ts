import type { ExplorerCirculationQuery, ExplorerVisitsQuery } from '../gql/graphql';
import { bilingual, type Messages } from '../i18n';
import { fiscalYearWindow } from '../model';
import { LEGEND } from '../palette';
import type { Lang } from '../state';
import { h } from './dom';

export type VisitRow = ExplorerVisitsQuery['visits']['edges'][number]['node'];
type Circulation = ExplorerCirculationQuery['circulation'];

const SVG = 'http://www.w3.org/2000/svg';
const DAY = 86_400_000;
const ROW = 18;
const LABEL_W = 260;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

const ms = (d: string) => Date.parse(`${d}T00:00:00Z`);

/**
 * Last day a visit's start may fall on, from its partial start date (2024-09-15, 2024-09, 2024,
 * FY2024): the range a start of unknown length is drawn over, as in the report's chart.
 */
function startLatest(v: VisitRow): string {
  const s = v.start ?? '';
  let m: RegExpMatchArray | null;
  if ((m = s.match(/^FY(\d{4})$/))) return `${Number(m[1]) + 1}-03-31`;
  if ((m = s.match(/^(\d{4})$/))) return `${m[1]}-12-31`;
  if ((m = s.match(/^(\d{4})-(\d{2})$/))) return new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).toISOString().slice(0, 10);
  return v.startEarliest ?? s;
}

/** Labels longer than the label column are cut (CJK characters are about twice as wide). */
function fit(text: string): string {
  const cjk = /[\u3000-\u9fff\uff00-\uffef]/.test(text);
  const max = cjk ? 26 : 42;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function colourOf(v: VisitRow): string {
  return v.scheduleChange === 'POSTPONED' ? LEGEND.postponed : v.scheduleChange === 'ADVANCED' ? LEGEND.advanced : LEGEND.stay;
}

/**
 * The visits as a Gantt chart in the report's legend (the same colours as `kizuna report`):
 * yellow stays, grey postponed to the next year, blue brought forward. A visit whose end is not
 * stated is a thin faint bar over the days its start may fall in; planned items are lighter.
 * Cancelled items that were not moved are left out, as in the report.
 */
export function gantt(m: Messages, lang: Lang, visits: readonly VisitRow[], fiscalYear: number | null, width: number, onPick: (personId: string) => void): HTMLElement {
  const rows = visits
    .filter((v) => v.startEarliest && !(v.status === 'CANCELLED' && v.scheduleChange === 'NONE'))
    .filter((v) => {
      if (fiscalYear === null) return true;
      const [from, to] = fiscalYearWindow(fiscalYear);
      return v.startEarliest! <= to && (v.endLatest ?? v.startEarliest!) >= from;
    })
    .sort((a, b) => a.startEarliest!.localeCompare(b.startEarliest!) || a.id.localeCompare(b.id));
  const [lo, hi] = fiscalYear !== null
    ? [ms(fiscalYearWindow(fiscalYear)[0]), ms(fiscalYearWindow(fiscalYear)[1]) + DAY]
    : [Math.min(...rows.map((v) => ms(v.startEarliest!))), Math.max(...rows.map((v) => ms(v.endLatest ?? startLatest(v)))) + DAY];
  const plot = width - LABEL_W - 10;
  const x = (t: number) => LABEL_W + Math.max(0, Math.min(plot, ((t - lo) / Math.max(DAY, hi - lo)) * plot));
  const height = 24 + rows.length * ROW;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': m.timelineTitle });
  // Month grid.
  for (let d = new Date(lo); d.getTime() <= hi; d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))) {
    const px = x(d.getTime());
    chart.append(svg('line', { x1: px, x2: px, y1: 14, y2: height, stroke: '#e6e6e6' }));
    if (rows.length && (fiscalYear !== null || d.getUTCMonth() % 3 === 0))
      chart.append(svg('text', { x: px + 2, y: 11, 'font-size': 10, fill: '#555' }, `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`));
  }
  rows.forEach((v, i) => {
    const y = 20 + i * ROW;
    const known = v.endLatest !== null && v.end !== null;
    const start = ms(v.startEarliest!);
    const end = ms(known ? v.endLatest! : startLatest(v)) + DAY;
    const who = v.visitor ? bilingual(lang, v.visitor.displayName, v.visitor.nameJa) : '?';
    const where = v.to ? (v.to.shortName ?? (lang === 'ja' && v.to.nameJa ? v.to.nameJa : v.to.name)) : '?';
    const label = svg('text', { x: 4, y: y + 12, 'font-size': 11, fill: '#222' }, fit(`${who} → ${where}`));
    const bar = svg('rect', {
      x: x(start), y: known ? y + 2 : y + 7, width: Math.max(2, x(end) - x(start)), height: known ? 13 : 4,
      fill: colourOf(v), stroke: '#555', 'stroke-width': 0.4, opacity: known ? (v.status === 'PLANNED' ? 0.55 : 1) : 0.45,
    });
    bar.append(svg('title', {}, `${who} → ${where} · ${v.start ?? ''}${v.end ? `–${v.end}` : ''} · ${m.statuses[v.status]}${v.scheduleChange !== 'NONE' ? ` · ${m.scheduleChange[v.scheduleChange]}` : ''}`));
    const row = svg('g', { class: 'gantt-row', tabindex: 0, 'data-visit': v.id });
    row.append(label, bar);
    if (v.visitor) {
      const id = v.visitor.id;
      row.addEventListener('click', () => onPick(id));
      row.addEventListener('keydown', (e) => (e as KeyboardEvent).key === 'Enter' && onPick(id));
    }
    chart.append(row);
  });
  const legend = h('div', { class: 'legend' },
    h('span', { class: 'swatch', style: `background:${LEGEND.stay}` }), m.legendStay, ' ',
    h('span', { class: 'swatch', style: `background:${LEGEND.postponed}` }), m.legendPostponed, ' ',
    h('span', { class: 'swatch', style: `background:${LEGEND.advanced}` }), m.legendAdvanced);
  const box = h('div', { class: 'gantt' });
  box.append(chart);
  return h('div', {}, h('h3', {}, `${m.timelineTitle} (${rows.length})${fiscalYear !== null ? ` · FY${fiscalYear}` : ''}`), legend, box);
}

export function circulationFigures(m: Messages, fiscalYear: number | null, c: Circulation | null): HTMLElement {
  if (fiscalYear === null || !c) return h('p', { class: 'muted' }, m.chooseYear);
  const t = c.totals;
  const p = c.planFulfilment;
  const share = t.earlyCareerStayShare === null || t.earlyCareerStayShare === undefined ? '—' : `${Math.round(t.earlyCareerStayShare * 100)}%`;
  return h('div', { class: 'circulation' },
    h('h3', {}, m.circulationTitle(fiscalYear)),
    h('dl', { class: 'measures' },
      h('dt', {}, m.stays), h('dd', {}, t.stays),
      h('dt', {}, m.crossBorder), h('dd', {}, t.crossBorderStays),
      h('dt', {}, m.personMonths), h('dd', {}, t.personMonthsAbroad.toFixed(1)),
      h('dt', {}, m.earlyShare), h('dd', {}, share),
      h('dt', {}, m.participants), h('dd', {}, `${t.participants.people} (${t.participants.earlyCareer})`),
      h('dt', {}, m.returnees), h('dd', {}, t.returnees.people),
      h('dt', {}, m.newTies), h('dd', {}, t.newTies),
    ),
    h('p', {}, m.plan, ': ', `${p.items} / ${p.completed} / ${p.inProgress} / ${p.planned} / ${p.postponed} / ${p.advanced}`),
    c.pairs.length ? h('table', {}, h('tbody', {}, c.pairs.map((r) => h('tr', {}, h('td', {}, `${r.from.code ?? r.from.name} → ${r.to.code ?? r.to.name}`), h('td', { class: 'num' }, r.stays), h('td', { class: 'num' }, r.personMonths.toFixed(1)))))) : null,
  );
}
