import type { GroupRef, PersonRef } from '../circulation/report';
import type { StayClass } from '../domain/duration';
import type { CareerStage, GroupLevel, Lang, VisitStatus } from '../domain/enums';
import { parsePartialDate } from '../domain/partialDate';

/**
 * The report's words in Japanese and English. One dictionary per language with the same keys
 * (the type makes a missing translation a compile error), plus the enum labels.
 */
const en = {
  title: 'Brain circulation report',
  periodFiscalYear: (fy: number, start: string, end: string) => `Fiscal year ${fy} (${start} – ${end})`,
  periodRange: (start: string, end: string) => `${start} – ${end}`,
  groupedBy: (level: string) => `Grouped by ${level}`,
  plannedIncluded: 'Planned visits are counted as if they happened.',
  plannedExcluded: 'Planned and cancelled visits are not counted in the flows (plan fulfilment lists them).',
  warnings: 'Warnings',
  emptyPeriod: (period: string) => `No visit falls in ${period}: the report is empty.`,
  definitions: 'Every figure is defined in the appendix at the end of this report (after the OECD STI Scoreboard “scientists on the move”).',
  appendix: 'Appendix: definitions',
  generated: (at: string) => `Generated ${at} by kizuna report.`,
  summary: 'Key figures',
  measure: 'Measure',
  value: 'Value',
  stays: 'Stays between groups',
  crossBorderStays: 'Cross-border stays',
  domesticStays: 'Domestic moves (not counted as circulation)',
  unknownGroupStays: 'Domestic stays with an unnamed institution at one end (group unknown)',
  personMonthsAbroad: 'Person-months abroad (prorated to the period)',
  participants: 'Participants (people)',
  earlyCareerParticipants: 'Early-career participants',
  earlyCareerStays: 'Stays by early-career researchers',
  unknownStage: 'Participants of unknown career stage',
  returnees: 'Returnees (went abroad and came back within the period)',
  newTies: 'New cross-border ties',
  uncertainDates: 'Visits with uncertain dates (placed by the rule in the appendix)',
  undated: 'Visits with no date (not placed, not counted)',
  flowsTable: 'Flows between groups',
  from: 'From',
  to: 'To',
  staysColumn: 'Stays',
  earlyCareerColumn: 'Early-career stays',
  personMonthsColumn: 'Person-months',
  uncertainColumn: 'Uncertain dates',
  groupsTable: 'Inbound and outbound by group',
  group: 'Group',
  outbound: 'Outbound stays',
  inbound: 'Inbound stays',
  outboundMonths: 'Person-months abroad (out)',
  inboundMonths: 'Person-months from abroad (in)',
  outboundPeople: 'Outbound people (early-career)',
  inboundPeople: 'Inbound people (early-career)',
  returneesColumn: 'Returnees',
  stayClassTable: 'Stays by length',
  stayClass: 'Length',
  share: 'Share',
  planTable: 'Plan fulfilment (every visit placed in the period)',
  items: 'Items',
  completed: 'Done',
  inProgress: 'In progress',
  planned: 'Planned',
  cancelled: 'Cancelled',
  postponed: 'Postponed to next year',
  advanced: 'Brought forward',
  completionRate: 'Done rate',
  tiesTable: 'New cross-border ties (first evidence in the period)',
  firstEvidence: 'First evidence',
  none: 'None.',
  flowsChart: 'Flows between groups (stays)',
  stageChart: 'Person-months abroad by group and career stage',
  ganttChart: 'Visit timeline',
  /** d3 time format of the timeline's month labels. */
  monthFormat: '%b %Y',
  /** The widest month label, to space the labels. */
  monthExample: 'May 2024',
  direction: { OUTBOUND: 'Outbound (abroad)', INBOUND: 'Inbound (from abroad)' },
  legend: { stay: 'Stay period', postponed: 'Postponed to next year', advanced: 'Brought forward into this year', lengthNotStated: 'Length not stated (start within the span)' },
  legendCaption:
    'Yellow: stay period · Grey: postponed to the next year · Blue: brought forward into this year. Hatched: the source does not state how long the stay was; the band covers only the days its start may fall on (a whole fiscal year when only the year is stated), not the stay itself. ▶: started that day, length not stated.',
  timelineTruncated: (shown: number, total: number) => `Showing the first ${shown} of ${total} visits.`,
  visitor: 'Visitor',
  periodStart: 'Start',
  periodEnd: 'End',
  careerStage: 'Career stage',
  count: 'Count',
  yoyTitle: (from: number, to: number) => `Year on year: the collaboration network, FY${from} → FY${to}`,
  yoyNote:
    'The collaboration network as it stood at the end of each fiscal year (31 March): ties from visits started by then, papers by their year, lab memberships holding then; planned items not counted. Constraint and effective size are Burt’s (lower constraint, larger effective size: more brokerage); betweenness is normalized.',
  yoySummary: 'The network at the end of each year',
  fyColumn: (fy: number) => `End of FY${fy}`,
  changeColumn: 'Change',
  yoyTies: 'Ties',
  yoyPeople: 'People with a tie',
  yoyDensity: 'Density (among people with a tie)',
  yoyCrossBorder: 'Share of cross-border ties',
  yoyTiesFormed: 'Ties formed during the year',
  yoyTiesEnded: 'Ties only in the earlier year (membership ended)',
  yoyNewPairs: (level: string) => `New ${level} pairs`,
  yoyBecameBridges: 'Became bridges (early career)',
  yoyStoppedBridging: 'Stopped bridging (early career)',
  yoyTiesTable: 'Ties formed during the year',
  person: 'Person',
  kinds: 'Kind',
  evidence: 'Evidence (record ids)',
  tieKinds: { VISIT: 'visit', COAUTHORSHIP: 'co-authorship', SHARED_LAB: 'shared lab' },
  yoyPeopleTable: 'Early-career researchers: position before and after',
  constraint: 'Constraint',
  effectiveSize: 'Effective size',
  betweenness: 'Betweenness',
  yoyTiesChart: 'Ties formed per country pair',
  yoyConstraintChart: 'Constraint of early-career researchers, end of the previous year → end of this year',
  countryPair: 'Country pair',
  tiesColumn: 'Ties',
  newTiesColumn: 'New ties',
  yearEnd: (fy: number) => `End of FY${fy}`,
  levels: { LAB: 'lab', INSTITUTION: 'institution', COUNTRY: 'country' } satisfies Record<GroupLevel, string>,
  stages: {
    PROFESSOR: 'Professor',
    ASSOCIATE_PROFESSOR: 'Associate professor',
    LECTURER: 'Lecturer',
    ASSISTANT_PROFESSOR: 'Assistant professor',
    SENIOR_RESEARCHER: 'Senior researcher',
    RESEARCHER: 'Researcher',
    POSTDOC: 'Postdoc',
    GRADUATE_STUDENT: 'Graduate student',
    UNKNOWN: 'Unknown',
  } satisfies Record<CareerStage, string>,
  stayClasses: {
    UNDER_1_MONTH: '< 1 month',
    MONTHS_1_TO_6: '1–6 months',
    MONTHS_6_PLUS: '≥ 6 months',
    UNKNOWN: 'Unknown length',
  } satisfies Record<StayClass, string>,
  statuses: { PLANNED: 'planned', IN_PROGRESS: 'in progress', COMPLETED: 'done', CANCELLED: 'cancelled' } satisfies Record<VisitStatus, string>,
};

export type Messages = typeof en;

const ja: Messages = {
  title: '国際頭脳循環レポート',
  periodFiscalYear: (fy, start, end) => `${fy}年度（${start} 〜 ${end}）`,
  periodRange: (start, end) => `${start} 〜 ${end}`,
  groupedBy: (level) => `集計単位：${level}`,
  plannedIncluded: '計画中の訪問も実施済みとして数えています。',
  plannedExcluded: '計画中・中止の訪問は流れの集計に含めていません（計画の達成状況の表に記載）。',
  warnings: '警告',
  emptyPeriod: (period) => `${period}に配置される訪問はありません。このレポートは空です。`,
  definitions: '各数値の定義は巻末の付録に記載（OECD STI Scoreboard「scientists on the move」に準拠）。',
  appendix: '付録：定義',
  generated: (at) => `${at} に kizuna report で作成。`,
  summary: '主な数値',
  measure: '指標',
  value: '値',
  stays: 'グループ間の滞在（件）',
  crossBorderStays: '国境を越える滞在（件）',
  domesticStays: '国内の移動（件、循環には含めない）',
  unknownGroupStays: '一方の機関名の記載がない国内の滞在（グループ不明）',
  personMonthsAbroad: '海外滞在の人月（期間内に按分）',
  participants: '参加者（人）',
  earlyCareerParticipants: '若手研究者の参加者',
  earlyCareerStays: '若手研究者による滞在',
  unknownStage: '職位不明の参加者',
  returnees: '帰還者（海外へ行き、期間内に戻った人）',
  newTies: '新たな国際的つながり',
  uncertainDates: '日付が不確かな訪問（付録の規則で配置）',
  undated: '日付のない訪問（配置・集計の対象外）',
  flowsTable: 'グループ間の流れ',
  from: '出発',
  to: '訪問先',
  staysColumn: '滞在（件）',
  earlyCareerColumn: '若手の滞在',
  personMonthsColumn: '人月',
  uncertainColumn: '日付が不確か',
  groupsTable: 'グループ別の派遣と受入',
  group: 'グループ',
  outbound: '派遣（件）',
  inbound: '受入（件）',
  outboundMonths: '海外滞在の人月（派遣）',
  inboundMonths: '海外からの人月（受入）',
  outboundPeople: '派遣人数（うち若手）',
  inboundPeople: '受入人数（うち若手）',
  returneesColumn: '帰還者',
  stayClassTable: '滞在期間の区分',
  stayClass: '期間',
  share: '割合',
  planTable: '計画の達成状況（期間内に配置した全訪問）',
  items: '件数',
  completed: '完了',
  inProgress: '実施中',
  planned: '計画',
  cancelled: '中止',
  postponed: '次年度へ後ろ倒し',
  advanced: '本年度へ前倒し',
  completionRate: '完了率',
  tiesTable: '新たな国際的つながり（期間内に初めて確認）',
  firstEvidence: '初めての記録',
  none: 'なし。',
  flowsChart: 'グループ間の流れ（滞在件数）',
  stageChart: 'グループ別・職位別の海外滞在人月',
  ganttChart: '訪問のタイムライン',
  monthFormat: '%Y年%-m月',
  monthExample: '2024年12月',
  direction: { OUTBOUND: '派遣（海外へ）', INBOUND: '受入（海外から）' },
  legend: { stay: '訪問期間', postponed: '次年度へ後ろ倒し', advanced: '本年度へ前倒し', lengthNotStated: '期間の記載なし（斜線内に開始）' },
  legendCaption:
    '・黄色：訪問期間　・灰色：次年度へ後ろ倒し　・青色：本年度へ前倒し　・斜線：滞在期間の記載がない訪問。帯は開始日があり得る範囲（年度のみ記載なら年度全体）を示し、滞在そのものの長さではない　・▶：その日に開始、期間の記載なし',
  timelineTruncated: (shown, total) => `全 ${total} 件のうち最初の ${shown} 件を表示。`,
  visitor: '訪問者',
  periodStart: '開始',
  periodEnd: '終了',
  careerStage: '職位',
  count: '件数',
  yoyTitle: (from, to) => `前年度との比較：協働ネットワーク（${from}年度 → ${to}年度）`,
  yoyNote:
    '各年度末（3月31日）時点の協働ネットワーク：それまでに開始した訪問、刊行年による論文、その時点で有効な研究室所属によるつながり。計画中の項目は数えない。制約度・実効規模は Burt の指標（制約度が低く実効規模が大きいほど仲介的）、媒介中心性は正規化値。',
  yoySummary: '各年度末時点のネットワーク',
  fyColumn: (fy) => `${fy}年度末`,
  changeColumn: '増減',
  yoyTies: 'つながり',
  yoyPeople: 'つながりのある人数',
  yoyDensity: '密度（つながりのある人の間）',
  yoyCrossBorder: '国際的なつながりの割合',
  yoyTiesFormed: '年度中に生まれたつながり',
  yoyTiesEnded: '前年度末のみのつながり（所属の終了）',
  yoyNewPairs: (level) => `新たな${level}の組み合わせ`,
  yoyBecameBridges: '新たに橋渡し役となった若手',
  yoyStoppedBridging: '橋渡し役でなくなった若手',
  yoyTiesTable: '年度中に生まれたつながり',
  person: '人',
  kinds: '種類',
  evidence: '根拠（記録ID）',
  tieKinds: { VISIT: '訪問', COAUTHORSHIP: '共著', SHARED_LAB: '同じ研究室' },
  yoyPeopleTable: '若手研究者の位置の変化',
  constraint: '制約度',
  effectiveSize: '実効規模',
  betweenness: '媒介中心性',
  yoyTiesChart: '国の組み合わせ別・新たなつながり',
  yoyConstraintChart: '若手研究者の制約度（前年度末 → 本年度末）',
  countryPair: '国の組み合わせ',
  tiesColumn: 'つながり',
  newTiesColumn: '新たなつながり',
  yearEnd: (fy) => `${fy}年度末`,
  levels: { LAB: '研究室', INSTITUTION: '機関', COUNTRY: '国' },
  stages: {
    PROFESSOR: '教授',
    ASSOCIATE_PROFESSOR: '准教授',
    LECTURER: '講師',
    ASSISTANT_PROFESSOR: '助教',
    SENIOR_RESEARCHER: '上級研究員',
    RESEARCHER: '研究員',
    POSTDOC: '博士研究員',
    GRADUATE_STUDENT: '大学院生',
    UNKNOWN: '不明',
  },
  stayClasses: { UNDER_1_MONTH: '1か月未満', MONTHS_1_TO_6: '1〜6か月', MONTHS_6_PLUS: '6か月以上', UNKNOWN: '期間不明' },
  statuses: { PLANNED: '計画', IN_PROGRESS: '実施中', COMPLETED: '完了', CANCELLED: '中止' },
};

export const MESSAGES: Record<Lang, Messages> = { en, ja };

export function messages(lang: Lang): Messages {
  return MESSAGES[lang];
}

/** A group's name in the language: Japanese name when asked for and known, else the short or full name. */
export function groupName(group: GroupRef, lang: Lang): string {
  if (lang === 'ja' && group.nameJa) return group.nameJa;
  return group.shortName ?? group.name;
}

/**
 * A group as a flow table or chart names it: with the level it resolved at when that is not the
 * level asked for ("Japan (country)" among labs), so a lab, an institution standing in for an
 * unknown lab and a country are never read as groups of one kind.
 */
export function groupLabel(group: GroupRef, lang: Lang, level: GroupLevel): string {
  const name = groupName(group, lang);
  if (group.kind === level) return name;
  const kind = messages(lang).levels[group.kind];
  return lang === 'ja' ? `${name}（${kind}）` : `${name} (${kind})`;
}

export function personName(person: PersonRef, lang: Lang): string {
  return lang === 'ja' && person.nameJa ? person.nameJa : person.name;
}

/**
 * A date as precise as the source states it, never more: `FY2024` is "FY2024" / "2024年度" (not
 * 2024-04-01, a day the source never gave), a month "2024-09" / "2024年9月", a year "2025" /
 * "2025年", a day as it is.
 */
export function statedDate(stated: string, lang: Lang): string {
  const date = parsePartialDate(stated);
  if (!date) return stated;
  const [y, mo] = stated.replace(/^FY/, '').split('-').map(Number);
  switch (date.precision) {
    case 'FISCAL_YEAR':
      return lang === 'ja' ? `${y}年度` : `FY${y}`;
    case 'YEAR':
      return lang === 'ja' ? `${y}年` : String(y);
    case 'MONTH':
      return lang === 'ja' ? `${y}年${mo}月` : stated;
    case 'DAY':
      return stated;
  }
}

export function formatNumber(value: number, digits = 1): string {
  return value.toFixed(digits);
}

export function formatShare(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((100 * part) / whole)}% (${part}/${whole})` : '–';
}
