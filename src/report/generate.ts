import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import type { CirculationReport } from '../circulation/report';
import { circulationReport, type CirculationRequest } from '../circulation/service';
import type { Lang } from '../domain/enums';
import type { GraphStore } from '../store/port';
import { writeDirAtomically } from './atomicDir';
import { renderCharts, renderSvg, reportCharts } from './charts';
import { reportDocument } from './document';
import { renderHtml } from './html';
import { messages } from './i18n';
import { chartFile, renderMarkdown } from './markdown';
import { reportTables } from './tables';
import { yearOnYear, yearOnYearCharts, yearOnYearTables, type YearOnYear } from './yearOnYear';

/**
 * `kizuna report` without the command line: the CirculationReport (the same service GraphQL
 * uses), then tables and charts in the chosen language, then the files, written atomically.
 */
export type ReportFormat = 'html' | 'md';
export const REPORT_FORMATS: readonly ReportFormat[] = ['html', 'md'];

/** How many visits the Gantt shows at most (the rest are counted in a note). */
export const TIMELINE_LIMIT = 200;

export interface RenderOptions {
  format: ReportFormat;
  lang: Lang;
  /** Shown in the footer; fixed in tests so that output is reproducible. */
  generatedAt?: string;
  /** The SVG renderer (injectable so that a test can make it fail). */
  renderChart?: (spec: TopLevelSpec, idPrefix: string) => Promise<string>;
}

/** The files of a report, by path relative to the output directory. */
export async function renderReportFiles(report: CirculationReport, options: RenderOptions, yoy: YearOnYear | null = null): Promise<Map<string, string>> {
  const generatedAt = options.generatedAt ?? new Date().toISOString().slice(0, 10);
  const render = options.renderChart ?? renderSvg;
  const charts = await renderCharts(reportCharts(report, options.lang), render);
  const m = messages(options.lang);
  const yoySection = yoy
    ? { title: m.yoyTitle(yoy.from, yoy.to), notes: [m.yoyNote], tables: yearOnYearTables(yoy, options.lang), charts: await renderCharts(yearOnYearCharts(yoy, options.lang), render) }
    : null;
  const doc = reportDocument(report, options.lang, reportTables(report, options.lang), charts, generatedAt, yoySection);
  const files = new Map<string, string>();
  if (options.format === 'html') {
    files.set('report.html', renderHtml(doc));
  } else {
    files.set('report.md', renderMarkdown(doc));
    for (const { chart, svg } of [...charts, ...(yoySection?.charts ?? [])]) files.set(chartFile(chart.id), svg);
  }
  return files;
}

export interface GenerateOptions extends RenderOptions {
  out: string;
  request: Omit<CirculationRequest, 'timelineLimit'>;
  /** false: a period without any visit throws EmptyReportError before anything is written. */
  allowEmpty?: boolean;
}

/** The period holds no visit: most often a wrong year or an unseeded store, not a report to hand in. */
export class EmptyReportError extends Error {
  override name = 'EmptyReportError';
}

export interface GeneratedReport {
  report: CirculationReport;
  yearOnYear: YearOnYear | null;
  files: string[];
}

export async function generateReport(store: GraphStore, options: GenerateOptions): Promise<GeneratedReport> {
  const report = await circulationReport(store, { ...options.request, timelineLimit: TIMELINE_LIMIT });
  if (options.allowEmpty === false && report.placedRecords === 0) throw new EmptyReportError(report.warnings.join(' '));
  // A fiscal year's report compares the network with the previous year's end, when the graph holds that year.
  const { fiscalYear, includePlanned, earlyCareer } = options.request;
  const yoy = fiscalYear != null ? await yearOnYear(store, { fiscalYear, includePlanned, earlyCareer }) : null;
  const written: string[] = [];
  await writeDirAtomically(options.out, async (dir) => {
    const files = await renderReportFiles(report, options, yoy);
    for (const [path, content] of files) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), content);
      written.push(path);
    }
  });
  return { report, yearOnYear: yoy, files: written };
}
