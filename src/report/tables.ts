import { personMonths, type CirculationReport, type ParticipantCount } from '../circulation/report';
import type { Lang } from '../domain/enums';
import { formatNumber, formatShare, groupLabel, messages, statedDate } from './i18n';

/**
 * The report's tables as plain rows of text, language applied, so that the HTML and Markdown
 * renderers only lay them out. Numbers come straight from the CirculationReport (the same object
 * GraphQL serves); nothing here computes a measure.
 */
export interface Table {
  id: string;
  title: string;
  columns: string[];
  /** Columns holding numbers (right-aligned). */
  numeric: boolean[];
  rows: string[][];
}

const people = (p: ParticipantCount) => `${p.people} (${p.earlyCareer})`;

export function reportTables(report: CirculationReport, lang: Lang): Table[] {
  const m = messages(lang);
  const t = report.totals;
  const name = (g: Parameters<typeof groupLabel>[0]) => groupLabel(g, lang, report.groupBy);
  const pf = report.planFulfilment;
  return [
    {
      id: 'summary',
      title: m.summary,
      columns: [m.measure, m.value],
      numeric: [false, true],
      rows: [
        [m.stays, String(t.stays)],
        [m.crossBorderStays, String(t.crossBorderStays)],
        [m.domesticStays, String(t.domesticStays)],
        // Only a level that can leave a group unknown (a placeholder end at INSTITUTION level) has any.
        ...(report.groupBy !== 'COUNTRY' || t.unknownGroupStays > 0 ? [[m.unknownGroupStays, String(t.unknownGroupStays)]] : []),
        [m.personMonthsAbroad, formatNumber(t.personMonthsAbroad)],
        [m.participants, String(t.participants.people)],
        [m.earlyCareerParticipants, formatShare(t.participants.earlyCareer, t.participants.people)],
        [m.unknownStage, String(t.participants.unknownStage)],
        [m.earlyCareerStays, formatShare(t.earlyCareerStays, t.stays)],
        [m.returnees, String(t.returnees.people)],
        [m.newTies, String(t.newTies)],
        [m.uncertainDates, `${report.uncertainDateRecords} / ${report.placedRecords}`],
        [m.undated, String(report.undatedRecords)],
      ],
    },
    {
      id: 'flows',
      title: m.flowsTable,
      columns: [m.from, m.to, m.staysColumn, m.earlyCareerColumn, m.personMonthsColumn, m.uncertainColumn],
      numeric: [false, false, true, true, true, true],
      rows: [...report.pairs]
        .sort((a, b) => b.stays - a.stays || compare(a.from.id, b.from.id) || compare(a.to.id, b.to.id))
        .map((p) => [name(p.from), name(p.to), String(p.stays), String(p.earlyCareerStays), formatNumber(p.personMonths), String(p.uncertainDateStays)]),
    },
    {
      id: 'groups',
      title: m.groupsTable,
      columns: [m.group, m.outbound, m.inbound, m.outboundMonths, m.inboundMonths, m.outboundPeople, m.inboundPeople, m.returneesColumn],
      numeric: [false, true, true, true, true, true, true, true],
      rows: report.groups.map((g) => [
        name(g.group),
        String(g.outboundStays),
        String(g.inboundStays),
        formatNumber(g.outboundPersonMonthsAbroad),
        formatNumber(g.inboundPersonMonthsFromAbroad),
        people(g.outboundParticipants),
        people(g.inboundParticipants),
        String(g.returnees.people),
      ]),
    },
    {
      id: 'stay-classes',
      title: m.stayClassTable,
      columns: [m.stayClass, m.staysColumn, m.share, m.earlyCareerColumn, m.personMonthsColumn],
      numeric: [false, true, true, true, true],
      rows: report.stayClasses.map((c) => [
        m.stayClasses[c.stayClass],
        String(c.stays),
        c.share === null ? '–' : `${Math.round(c.share * 100)}%`,
        String(c.earlyCareerStays),
        formatNumber(personMonths(c.personDays)),
      ]),
    },
    {
      id: 'plan',
      title: m.planTable,
      columns: [m.items, m.completed, m.inProgress, m.planned, m.cancelled, m.postponed, m.advanced, m.completionRate],
      numeric: [true, true, true, true, true, true, true, true],
      rows: [
        [
          String(pf.items),
          String(pf.completed),
          String(pf.inProgress),
          String(pf.planned),
          String(pf.cancelled),
          String(pf.postponed),
          String(pf.advanced),
          pf.completionRate === null ? '–' : `${Math.round(pf.completionRate * 100)}%`,
        ],
      ],
    },
    {
      id: 'ties',
      title: m.tiesTable,
      columns: [m.group, m.group, m.firstEvidence],
      numeric: [false, false, false],
      rows: report.newTies.map((tie) => [name(tie.a), name(tie.b), statedDate(tie.firstEvidenceStated, lang)]),
    },
  ];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
