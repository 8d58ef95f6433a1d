import type { CirculationReport } from '../circulation/report';
import type { Lang } from '../domain/enums';
import type { RenderedChart } from './charts';
import { reportDefinitions, type Definition } from './definitions';
import { messages } from './i18n';
import type { Table } from './tables';

/**
 * Everything a report file shows, already in its language: the HTML and Markdown renderers
 * only lay this out.
 */
export interface ReportDocument {
  lang: Lang;
  title: string;
  subtitle: string;
  notes: string[];
  warnings: string[];
  tables: Table[];
  charts: RenderedChart[];
  /** Year on year (yearOnYear.ts): only when the graph holds the previous fiscal year. */
  yearOnYear: { title: string; notes: string[]; tables: Table[]; charts: RenderedChart[] } | null;
  /** The definitions of every figure shown, in the report's language (definitions.ts). */
  appendix: { title: string; definitions: Definition[] };
  footer: string;
}

export function reportDocument(
  report: CirculationReport,
  lang: Lang,
  tables: Table[],
  charts: RenderedChart[],
  generatedAt: string,
  yearOnYear: ReportDocument['yearOnYear'] = null,
): ReportDocument {
  const m = messages(lang);
  const p = report.period;
  const period = p.fiscalYear != null ? m.periodFiscalYear(p.fiscalYear, p.start, p.end) : m.periodRange(p.start, p.end);
  const notes = [m.groupedBy(m.levels[report.groupBy]), report.includePlanned ? m.plannedIncluded : m.plannedExcluded, m.definitions];
  const shown = report.timeline.length;
  if (report.timelineTotal > shown) notes.push(m.timelineTruncated(shown, report.timelineTotal));
  return {
    lang,
    title: `${m.title} — ${period}`,
    subtitle: period,
    notes,
    // The builder's warning for an empty period, in the report's language (it is English for GraphQL).
    warnings: report.warnings.map((w) => (report.placedRecords === 0 && w.startsWith('No visit falls in ') ? m.emptyPeriod(period) : w)),
    tables,
    charts,
    yearOnYear,
    appendix: {
      title: m.appendix,
      definitions: reportDefinitions(lang, { period: p, groupBy: report.groupBy, includePlanned: report.includePlanned, earlyCareerStages: report.earlyCareerStages }),
    },
    footer: m.generated(generatedAt),
  };
}
