import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { CirculationReport, TimelineItem } from '../circulation/report';
import { toDayNumber } from '../domain/days';
import type { Lang } from '../domain/enums';
import { groupName, messages, personName } from './i18n';

/**
 * The report's charts: vega-lite specs built by pure functions from the CirculationReport,
 * compiled to vega and rendered to SVG in process (`renderer: 'none'`, no DOM, no canvas, no
 * network: every spec carries its data inline). Text uses the generic sans-serif family, so an
 * SVG never asks for a web font.
 */
export interface Chart {
  id: 'flows' | 'stages' | 'gantt';
  title: string;
  spec: TopLevelSpec;
  /** Shown under the chart (the Gantt's legend sentence, as the report writes it). */
  caption?: string;
}

/** The colours of the legend of the report's own chart: 黄色 / 灰色 / 青色. */
export const LEGEND_COLOURS = { stay: '#f5c400', postponed: '#9e9e9e', advanced: '#1f6fd1' } as const;

const FONT = 'sans-serif';
const CONFIG = { font: FONT, background: 'white', view: { stroke: '#dddddd' }, axis: { labelFont: FONT, titleFont: FONT }, legend: { labelFont: FONT, titleFont: FONT } };
const MS_PER_DAY = 86_400_000;
const WIDTH = 640;

export function reportCharts(report: CirculationReport, lang: Lang): Chart[] {
  return [flowsChart(report, lang), stagesChart(report, lang), ganttChart(report, lang)];
}

/** Stays per (from, to) pair as a matrix: rows are origins, columns destinations. */
export function flowsChart(report: CirculationReport, lang: Lang): Chart {
  const m = messages(lang);
  const values = report.pairs.map((p) => ({ from: groupName(p.from, lang), to: groupName(p.to, lang), stays: p.stays }));
  return {
    id: 'flows',
    title: m.flowsChart,
    spec: {
      config: CONFIG,
      title: { text: m.flowsChart, font: FONT },
      data: { values },
      encoding: {
        x: { field: 'to', type: 'nominal', title: m.to, axis: { labelAngle: 0 } },
        y: { field: 'from', type: 'nominal', title: m.from },
      },
      layer: [
        { mark: { type: 'rect' }, encoding: { color: { field: 'stays', type: 'quantitative', title: m.staysColumn, scale: { scheme: 'blues' } } } },
        {
          mark: { type: 'text', font: FONT, fontSize: 13 },
          encoding: {
            text: { field: 'stays', type: 'quantitative' },
            color: { condition: { test: `datum.stays > ${Math.max(1, ...values.map((v) => v.stays)) / 2}`, value: 'white' }, value: 'black' },
          },
        },
      ],
      width: Math.max(160, 90 * new Set(values.map((v) => v.to)).size),
      height: Math.max(60, 36 * new Set(values.map((v) => v.from)).size),
    } as TopLevelSpec,
  };
}

/** Cross-border person-months per group, stacked by career stage, one panel per direction. */
export function stagesChart(report: CirculationReport, lang: Lang): Chart {
  const m = messages(lang);
  const values = report.byStage.filter((s) => s.personDays > 0).map((s) => ({
    group: groupName(s.group, lang),
    direction: m.direction[s.direction],
    stage: m.stages[s.careerStage],
    personMonths: Math.round(s.personMonths * 10) / 10,
  }));
  return {
    id: 'stages',
    title: m.stageChart,
    spec: {
      config: CONFIG,
      title: { text: m.stageChart, font: FONT },
      data: { values },
      mark: { type: 'bar' },
      encoding: {
        row: { field: 'direction', type: 'nominal', title: null, header: { labelFont: FONT, labelAngle: 0, labelAlign: 'left' } },
        y: { field: 'group', type: 'nominal', title: null },
        x: { field: 'personMonths', type: 'quantitative', aggregate: 'sum', title: m.personMonthsColumn },
        color: { field: 'stage', type: 'nominal', title: m.careerStage, sort: Object.values(m.stages) },
      },
      width: WIDTH - 200,
    } as TopLevelSpec,
  };
}

/**
 * The visit timeline in the legend of the report's own chart: yellow for stay periods, grey for
 * items postponed to the next year, blue for items brought forward. A stay of known length is a
 * full bar; a stay of unknown length is a thin faint bar over the range its start may fall in.
 * Planned items are drawn lighter. Cancelled items that were not moved are left out.
 */
export function ganttChart(report: CirculationReport, lang: Lang): Chart {
  const m = messages(lang);
  const category = (t: TimelineItem) =>
    t.scheduleChange === 'POSTPONED' ? m.legend.postponed : t.scheduleChange === 'ADVANCED' ? m.legend.advanced : m.legend.stay;
  const seen = new Map<string, number>();
  const values = report.timeline
    .filter((t) => !(t.status === 'CANCELLED' && t.scheduleChange === 'NONE'))
    .map((t) => {
      const label = `${personName(t.person, lang)} → ${groupName(t.toInstitution, lang)}`;
      const n = seen.get(label) ?? 0;
      seen.set(label, n + 1);
      const known = t.end !== null;
      return {
        // Zero-width spaces keep two visits with the same label on separate rows, invisibly.
        row: label + '\u200b'.repeat(n),
        start: utcMs(t.start),
        end: utcMs(known ? t.end! : t.startLatest) + MS_PER_DAY,
        // A known stay is a full bar; an unknown length is a thin faint bar over the start's range.
        thickness: known ? 13 : 4,
        category: category(t),
        opacity: known ? (t.status === 'PLANNED' ? 0.55 : 1) : 0.45,
        status: m.statuses[t.status],
      };
    });
  // domainMin/Max rather than `domain`: with an x2 channel vega-lite warns about (and unions) an explicit domain.
  const [domainMin, domainMax] = [utcMs(report.period.start), utcMs(report.period.end) + MS_PER_DAY];
  const colour = {
    field: 'category',
    type: 'nominal',
    title: null,
    scale: { domain: [m.legend.stay, m.legend.postponed, m.legend.advanced], range: [LEGEND_COLOURS.stay, LEGEND_COLOURS.postponed, LEGEND_COLOURS.advanced] },
    legend: { orient: 'top', direction: 'horizontal', labelFont: FONT, labelLimit: 400, symbolType: 'square', symbolSize: 160 },
  };
  const x = {
    field: 'start',
    type: 'temporal',
    title: null,
    scale: { type: 'utc', domainMin, domainMax },
    axis: { format: '%Y-%m', labelAngle: 0, tickCount: 12, grid: true },
  };
  const y = { field: 'row', type: 'nominal', sort: null, title: null, axis: { labelLimit: 360 } };
  return {
    id: 'gantt',
    title: m.ganttChart,
    caption: m.legendCaption,
    spec: {
      config: CONFIG,
      title: { text: m.ganttChart, font: FONT },
      data: { values },
      width: WIDTH - 220,
      height: Math.max(40, 20 * values.length),
      mark: { type: 'bar', clip: true, stroke: '#555555', strokeWidth: 0.4 },
      encoding: {
        y,
        x,
        x2: { field: 'end' },
        color: colour,
        size: { field: 'thickness', type: 'quantitative', scale: null, legend: null },
        opacity: { field: 'opacity', type: 'quantitative', scale: null, legend: null },
      },
    } as unknown as TopLevelSpec,
  };
}

function utcMs(isoDay: string): number {
  return toDayNumber(isoDay) * MS_PER_DAY;
}

/**
 * Renders a vega-lite spec to an SVG string. `idPrefix` makes the SVG's internal ids (clip paths,
 * gradients) unique, so several charts can be inlined in one HTML page without clashing.
 */
export async function renderSvg(spec: TopLevelSpec, idPrefix: string): Promise<string> {
  const { spec: compiled } = compile(spec);
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    return prefixIds(svg, idPrefix);
  } finally {
    view.finalize();
  }
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
