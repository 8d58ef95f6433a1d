import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { CirculationReport, TimelineItem } from '../circulation/report';
import { toDayNumber } from '../domain/days';
import type { Lang } from '../domain/enums';
import { groupLabel, groupName, messages, personName } from './i18n';
import { textWidth, useReportTextMetrics } from './textWidth';

/**
 * The report's charts: vega-lite specs built by pure functions from the CirculationReport,
 * compiled to vega and rendered to SVG in process (`renderer: 'none'`, no DOM, no canvas, no
 * network: every spec carries its data inline). Text uses the generic sans-serif family, so an
 * SVG never asks for a web font.
 */
export interface Chart {
  id: 'flows' | 'stages' | 'gantt' | 'yoy-ties' | 'yoy-constraint';
  title: string;
  spec: TopLevelSpec;
  /** Shown under the chart (the Gantt's legend sentence, as the report writes it). */
  caption?: string;
}

/** The colours of the legend of the report's own chart: 黄色 / 灰色 / 青色. */
export const LEGEND_COLOURS = { stay: '#f5c400', postponed: '#9e9e9e', advanced: '#1f6fd1' } as const;
type Category = keyof typeof LEGEND_COLOURS;

const FONT = 'sans-serif';
export const LABEL_SIZE = 11;
const CONFIG = {
  font: FONT,
  background: 'white',
  view: { stroke: '#dddddd' },
  // labelLimit 0: never cut a label with "…"; the layout makes room for it instead (textWidth.ts measures it).
  axis: { labelFont: FONT, titleFont: FONT, labelFontSize: LABEL_SIZE, labelLimit: 0 },
  legend: { labelFont: FONT, titleFont: FONT, labelFontSize: LABEL_SIZE, labelLimit: 0 },
  header: { labelFont: FONT, titleFont: FONT },
  title: { font: FONT, anchor: 'start', fontSize: 13 },
};
/** The charts' shared look (the year-on-year charts use it too). */
export const CHART_CONFIG = CONFIG;
const MS_PER_DAY = 86_400_000;
/** Width of the plotting area of the bar charts; the label column is added to it, measured. */
export const PLOT_WIDTH = 440;
/**
 * The widest a chart may be and still show at full size in the report's 60rem column (HTML scales
 * a wider SVG down, and its text with it).
 */
const MAX_CHART_WIDTH = 900;

export function reportCharts(report: CirculationReport, lang: Lang): Chart[] {
  return [flowsChart(report, lang), stagesChart(report, lang), ganttChart(report, lang)];
}

const widest = (texts: Iterable<string>, size = LABEL_SIZE) => Math.max(0, ...[...texts].map((t) => textWidth(t, size)));

/** Stays per (from, to) pair as a matrix: rows are origins, columns destinations. */
export function flowsChart(report: CirculationReport, lang: Lang): Chart {
  const m = messages(lang);
  const values = report.pairs.map((p) => ({ from: groupLabel(p.from, lang, report.groupBy), to: groupLabel(p.to, lang, report.groupBy), stays: p.stays }));
  const columns = new Set(values.map((v) => v.to));
  const rows = new Set(values.map((v) => v.from));
  // A column is as wide as its widest name (labels horizontal and whole), at least 64 px; when that
  // would make the chart wider than the page (many institutions), the names turn to 45° and the
  // columns shrink to fit, so the figures keep their size instead of the whole SVG being scaled down.
  const room = MAX_CHART_WIDTH - widest(rows) - 120;
  const flat = Math.max(64, widest(columns) + 16);
  const slanted = flat * columns.size > room;
  const cell = slanted ? Math.max(30, Math.min(64, Math.floor(room / Math.max(1, columns.size)))) : flat;
  return {
    id: 'flows',
    title: m.flowsChart,
    spec: {
      config: CONFIG,
      title: { text: m.flowsChart },
      data: { values },
      encoding: {
        x: { field: 'to', type: 'nominal', title: m.to, axis: { labelAngle: slanted ? -45 : 0, labelAlign: slanted ? 'left' : 'center', orient: 'top', domain: false, ticks: false } },
        // Horizontal axis title above the row labels: a vertical title turns Japanese on its side.
        y: { field: 'from', type: 'nominal', title: m.from, axis: { titleAngle: 0, titleAlign: 'right', titleBaseline: 'bottom', titleX: -6, titleY: -6, domain: false, ticks: false } },
      },
      layer: [
        { mark: { type: 'rect' }, encoding: { color: { field: 'stays', type: 'quantitative', title: m.staysColumn, scale: { scheme: 'blues' }, legend: { orient: 'right', gradientLength: 80 } } } },
        {
          mark: { type: 'text', font: FONT, fontSize: 13 },
          encoding: {
            text: { field: 'stays', type: 'quantitative', title: m.staysColumn },
            color: { condition: { test: `datum.stays > ${Math.max(1, ...values.map((v) => v.stays)) / 2}`, value: 'white' }, value: 'black' },
          },
        },
      ],
      width: Math.max(160, cell * columns.size),
      height: Math.max(60, 36 * rows.size),
    } as TopLevelSpec,
  };
}

/**
 * Cross-border person-months per group, stacked by career stage, one panel per direction (its
 * name above its bars), each bar's total written just right of it.
 */
export function stagesChart(report: CirculationReport, lang: Lang): Chart {
  const m = messages(lang);
  const values = report.byStage.filter((s) => s.personDays > 0).map((s) => ({
    group: groupLabel(s.group, lang, report.groupBy),
    direction: m.direction[s.direction],
    stage: m.stages[s.careerStage],
    personMonths: Math.round(s.personMonths * 10) / 10,
  }));
  const stages = Object.values(m.stages).filter((label) => values.some((v) => v.stage === label));
  const y = { field: 'group', type: 'nominal', title: null };
  return {
    id: 'stages',
    title: m.stageChart,
    spec: {
      config: CONFIG,
      title: { text: m.stageChart },
      data: { values },
      facet: { row: { field: 'direction', type: 'nominal', title: null, header: { labelOrient: 'top', labelAngle: 0, labelAnchor: 'start', labelFontSize: 12, labelFontWeight: 'bold', labelPadding: 4 } } },
      spec: {
        width: PLOT_WIDTH,
        layer: [
          {
            mark: { type: 'bar' },
            encoding: {
              y,
              x: { field: 'personMonths', type: 'quantitative', aggregate: 'sum', title: m.personMonthsColumn, axis: { tickCount: 6 } },
              color: { field: 'stage', type: 'nominal', title: m.careerStage, sort: stages, scale: { domain: stages } },
            },
          },
          {
            mark: { type: 'text', align: 'left', dx: 4, fontSize: LABEL_SIZE },
            encoding: {
              y,
              x: { field: 'personMonths', type: 'quantitative', aggregate: 'sum' },
              text: { field: 'personMonths', type: 'quantitative', aggregate: 'sum', format: '.1f' },
            },
          },
        ],
      },
      // The legend lies under the chart in as many columns as fit its width.
      ...legendBelow(stages),
    } as TopLevelSpec,
  };
}

/** Legend under the plot. */
function legendBelow(labels: string[]): Record<string, unknown> {
  return { config: { ...CONFIG, legend: { ...CONFIG.legend, ...legendLayout(labels, PLOT_WIDTH + 100), orient: 'bottom' } } };
}

const LEGEND_SYMBOL = 22; // symbol, and the gap before its label
const LEGEND_GAP = 14;

/**
 * A horizontal legend whose entries never run into each other: one row when the measured entries
 * fit in `room` pixels, else the fewest rows that do. Vega gives every column the width of its
 * widest entry, so the rows are computed from that too.
 */
export function legendLayout(labels: string[], room: number): Record<string, unknown> {
  const widths = labels.map((l) => LEGEND_SYMBOL + textWidth(l, LABEL_SIZE));
  let columns = Math.max(1, labels.length);
  const rowWidth = (n: number) => {
    let total = 0;
    for (let c = 0; c < n; c += 1) total += Math.max(...widths.filter((_, i) => i % n === c)) + LEGEND_GAP;
    return total;
  };
  while (columns > 1 && rowWidth(columns) > room) columns -= 1;
  return { direction: 'horizontal', columns, columnPadding: LEGEND_GAP, rowPadding: 4 };
}

/**
 * First days of the months the time axis names: every month, or every 2nd, 3rd, 6th or 12th,
 * whichever is the first to leave each label room to stand apart (`labelWidth` measured).
 */
export function monthTicks(start: string, end: string, labelWidth: number, plotWidth = PLOT_WIDTH): number[] {
  const months: number[] = [];
  let [y, mo] = start.split('-').map(Number);
  if (!start.endsWith('-01')) mo += 1;
  for (; ; mo += 1) {
    if (mo > 12) [y, mo] = [y + 1, 1];
    const day = `${y}-${String(mo).padStart(2, '0')}-01`;
    if (day > end) break;
    months.push(utcMs(day));
  }
  const fits = (step: number) => (plotWidth / Math.max(1, months.length)) * step >= labelWidth + 24;
  const step = [1, 2, 3, 6, 12].find(fits) ?? 12;
  return months.filter((_, i) => i % step === 0);
}

/** A hatch pattern per legend colour: the band of a visit whose length the source does not state. */
const HATCH_ID = (category: Category) => `hatch-${category}`;

/**
 * The visit timeline in the legend of the report's own chart: yellow for stay periods, grey for
 * items postponed to the next year, blue for items brought forward. A stay of known length is a
 * solid bar. A stay whose length is not stated is drawn as what is known of it: a hatched band
 * over the days its start may fall in (a fiscal year, a month), or a marker when the start is
 * known to the day; the legend says so, so it never reads as a year-long stay. Planned items are
 * lighter. Cancelled items that were not moved are left out.
 */
export function ganttChart(report: CirculationReport, lang: Lang): Chart {
  const m = messages(lang);
  const category = (t: TimelineItem): Category => (t.scheduleChange === 'POSTPONED' ? 'postponed' : t.scheduleChange === 'ADVANCED' ? 'advanced' : 'stay');
  const notStated = (c: Category) => (c === 'stay' ? m.legend.lengthNotStated : `${m.legend.lengthNotStated} (${m.legend[c]})`);
  const seen = new Map<string, number>();
  const values = report.timeline
    .filter((t) => !(t.status === 'CANCELLED' && t.scheduleChange === 'NONE'))
    .map((t, order) => {
      const label = `${personName(t.person, lang)} → ${groupName(t.toInstitution, lang)}`;
      const n = seen.get(label) ?? 0;
      seen.set(label, n + 1);
      const known = t.end !== null;
      const c = category(t);
      return {
        // Zero-width spaces keep two visits with the same label on separate rows, invisibly.
        row: label + '\u200b'.repeat(n),
        start: utcMs(t.start),
        end: utcMs(known ? t.end! : t.startLatest) + MS_PER_DAY,
        order,
        shape: known ? 'bar' : t.start === t.startLatest ? 'marker' : 'band',
        category: known ? m.legend[c] : notStated(c),
        solid: LEGEND_COLOURS[c],
        opacity: t.status === 'PLANNED' ? 0.55 : 1,
      };
    });
  // domainMin/Max rather than `domain`: with an x2 channel vega-lite warns about (and unions) an explicit domain.
  const [domainMin, domainMax] = [utcMs(report.period.start), utcMs(report.period.end) + MS_PER_DAY];
  const categories: Category[] = ['stay', 'postponed', 'advanced'];
  const legendValues = [...categories.map((c) => m.legend[c]), m.legend.lengthNotStated];
  const colour = {
    field: 'category',
    type: 'nominal',
    title: null,
    scale: {
      domain: [...categories.map((c) => m.legend[c]), ...categories.map(notStated)],
      range: [...categories.map((c) => LEGEND_COLOURS[c]), ...categories.map((c) => `url(#${HATCH_ID(c)})`)],
    },
    legend: { values: legendValues, symbolType: 'square', symbolSize: 160, symbolStrokeColor: '#555555', symbolStrokeWidth: 0.5 },
  };
  // The label column is as wide as the longest "visitor → place"; the time axis takes what is left.
  const labelColumn = widest(values.map((v) => v.row)) + 12;
  const plotWidth = Math.round(Math.max(320, Math.min(PLOT_WIDTH + 40, MAX_CHART_WIDTH - labelColumn)));
  const x = {
    field: 'start',
    type: 'temporal',
    title: null,
    scale: { type: 'utc', domainMin, domainMax },
    axis: { values: monthTicks(report.period.start, report.period.end, textWidth(m.monthExample, LABEL_SIZE), plotWidth), format: m.monthFormat, labelAngle: 0, grid: true },
  };
  // Rows in timeline order (start, then visit id), whichever layer draws them.
  const y = { field: 'row', type: 'nominal', sort: { field: 'order', op: 'min' }, title: null };
  const shaped = (shape: string) => ({ filter: `datum.shape === '${shape}'` });
  return {
    id: 'gantt',
    title: m.ganttChart,
    caption: m.legendCaption,
    spec: {
      config: { ...CONFIG, legend: { ...CONFIG.legend, ...legendLayout(legendValues, plotWidth), orient: 'top' } },
      title: { text: m.ganttChart },
      data: { values },
      width: plotWidth,
      height: Math.max(40, 20 * values.length),
      encoding: { y, x, opacity: { field: 'opacity', type: 'quantitative', scale: null, legend: null } },
      layer: [
        { transform: [shaped('bar')], mark: { type: 'bar', clip: true, stroke: '#555555', strokeWidth: 0.4, height: 13 }, encoding: { x2: { field: 'end' }, color: colour } },
        { transform: [shaped('band')], mark: { type: 'bar', clip: true, stroke: '#9a9a9a', strokeWidth: 0.5, height: 9 }, encoding: { x2: { field: 'end' }, color: colour } },
        {
          transform: [shaped('marker')],
          // Shifted right by half its width, so that it starts on the start day rather than straddling it.
          mark: { type: 'point', shape: 'triangle-right', filled: true, size: 90, stroke: '#555555', strokeWidth: 0.5, clip: true, xOffset: 5 },
          // A marker is filled with the solid colour of its kind (a hatched triangle would not read).
          encoding: { fill: { field: 'solid', type: 'nominal', scale: null, legend: null } },
        },
      ],
    } as unknown as TopLevelSpec,
  };
}

/** The hatch patterns the Gantt's colour scale refers to, as SVG <defs> (vega draws no patterns itself). */
export function hatchDefs(): string {
  const pattern = (c: Category) =>
    `<pattern id="${HATCH_ID(c)}" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">` +
    `<rect width="6" height="6" fill="white"/><rect width="2" height="6" fill="${LEGEND_COLOURS[c]}"/></pattern>`;
  return `<defs>${(['stay', 'postponed', 'advanced'] as const).map(pattern).join('')}</defs>`;
}

function utcMs(isoDay: string): number {
  return toDayNumber(isoDay) * MS_PER_DAY;
}

/**
 * Renders a vega-lite spec to an SVG string. `idPrefix` makes the SVG's internal ids (clip paths,
 * gradients) unique, so several charts can be inlined in one HTML page without clashing.
 */
export async function renderSvg(spec: TopLevelSpec, idPrefix: string): Promise<string> {
  useReportTextMetrics();
  const { spec: compiled } = compile(spec);
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    const svg = withDefs(await view.toSVG(), spec);
    return prefixIds(svg, idPrefix);
  } finally {
    view.finalize();
  }
}

/** Adds the hatch patterns to an SVG whose marks use them (inline, so the SVG stays self-contained). */
function withDefs(svg: string, spec: TopLevelSpec): string {
  if (!JSON.stringify(spec).includes('url(#hatch-')) return svg;
  return svg.replace(/^(<svg[^>]*>)/, `$1${hatchDefs()}`);
}

/**
 * Renames the SVG's internal ids to `<prefix>-1`, `<prefix>-2`, … in order of appearance: unique
 * across the charts of one page, and the same on every run (vega numbers them with process-wide
 * counters, which would make two renders of one report differ).
 */
export function prefixIds(svg: string, prefix: string): string {
  const renamed = new Map<string, string>();
  for (const [, id] of svg.matchAll(/\bid="([^"]+)"/g)) if (!renamed.has(id)) renamed.set(id, `${prefix}-${renamed.size + 1}`);
  const to = (id: string) => renamed.get(id) ?? id;
  return svg
    .replace(/\bid="([^"]+)"/g, (_m, id: string) => `id="${to(id)}"`)
    .replace(/url\(#([^)]+)\)/g, (_m, id: string) => `url(#${to(id)})`)
    .replace(/href="#([^"]+)"/g, (_m, id: string) => `href="#${to(id)}"`);
}

export interface RenderedChart {
  chart: Chart;
  svg: string;
}

/** Renders every chart; the renderer is injectable so tests can make one fail. */
export async function renderCharts(
  charts: readonly Chart[],
  render: (spec: TopLevelSpec, idPrefix: string) => Promise<string> = renderSvg,
): Promise<RenderedChart[]> {
  const out: RenderedChart[] = [];
  for (const chart of charts) out.push({ chart, svg: await render(chart.spec, `kz-${chart.id}`) });
  return out;
}
