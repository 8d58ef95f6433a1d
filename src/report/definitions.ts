import type { CareerStage, GroupLevel, Lang } from '../domain/enums';
import { CAREER_STAGES } from '../domain/enums';
import { messages } from './i18n';

/**
 * The definitions a reader of the report needs, printed as its appendix (ja and en): every
 * measure the report shows, in words, with the rules behind it (fiscal year, early career,
 * placing partial dates, what "uncertain" means). One source for two places: the English text is
 * also the "Definitions as printed in the report" block of docs/metrics.md, which
 * `npm run docs:definitions` rewrites and a unit test keeps in step.
 */
export interface Definition {
  term: string;
  text: string;
}

/** What the definitions depend on: the report's own period, grouping and rules. */
export interface DefinitionContext {
  period: { start: string; end: string; fiscalYear: number | null };
  groupBy: GroupLevel;
  includePlanned: boolean;
  earlyCareerStages: readonly CareerStage[];
}

type Builder = (c: DefinitionContext) => Definition[];

const stagesIn = (lang: Lang, stages: readonly CareerStage[]) => {
  const m = messages(lang);
  const ordered = CAREER_STAGES.filter((s) => stages.includes(s)).map((s) => m.stages[s]);
  return lang === 'ja' ? ordered.join('・') : ordered.join(', ').toLowerCase();
};

const en: Builder = (c) => [
  {
    term: 'Period',
    text:
      (c.period.fiscalYear != null ? `Fiscal year ${c.period.fiscalYear}: ` : '') +
      `${c.period.start} to ${c.period.end}, both days included. A Japanese fiscal year N runs from 1 April N to 31 March N+1 (FY2024 = 2024-04-01 to 2025-03-31).`,
  },
  {
    term: 'Groups',
    text:
      {
        COUNTRY: 'Flows are counted between countries: the country of the institution a visit leaves from and of the one it goes to.',
        INSTITUTION:
          'Flows are counted between institutions: the institution a visit leaves from and the one it goes to. An unnamed institution is no group: a stay to or from one counts in the totals (across a border as a stay between groups; within one country apart, its group unknown) but in no institution\'s row, pair or new tie.',
        LAB: "Flows are counted between labs: the visitor's lab at home (a membership that holds on the visit's start) and the lab visited; where the source names no lab, the institution stands in for it, and where it names no institution either, the country. Each group shows the level it stands at.",
      }[c.groupBy] +
      ' Where the source gives only a country ("came to Japan"), the visit points at an unnamed institution of that country: it counts for the country, but two visits to it are never taken as a shared place.',
  },
  {
    term: 'Which visits count',
    text: `Visits done or in progress${c.includePlanned ? ', and (as asked for this report) planned ones' : '; planned visits only when a report is asked to include them'}; cancelled visits never. Plan fulfilment lists every visit placed in the period, whatever its status.`,
  },
  { term: 'Stays between groups', text: 'Counted visits from one group to another. A visit within one group is not a flow and is counted apart.' },
  {
    term: 'Cross-border stays; domestic moves',
    text: 'A stay is cross-border when its two institutions are in different countries, domestic when they are in the same country. Domestic moves are not counted as circulation.',
  },
  {
    term: 'Placing partial dates',
    text:
      'Sources give dates as a day, a month, a fiscal year or a calendar year, and lengths as a number of days, weeks, months or years. A stay starts on the first day its stated start allows (a month: its 1st; a fiscal year: 1 April). A bare calendar year straddles two fiscal years and is placed on 1 April of the later one, which holds nine of its twelve months. ' +
      'Its length is the stated length in whole days (a month = 365.25 / 12 days, rounded); when only an end is given, it runs to that end; otherwise the length is not stated. A stay belongs to every period it overlaps, its days split between them; a stay of unstated length belongs to the period its start falls in.',
  },
  {
    term: 'Uncertain dates',
    text: 'A visit\'s dates are certain only when the source gives its start to the day and either its end to the day or a length in days or weeks. A month, fiscal year or year as start or end, or a length in months or years (it rests on the 365.25 / 12 rule), makes the visit uncertain. The "uncertain dates" figures count these visits, so a reader sees how much of the result rests on the placing rule.',
  },
  {
    term: 'Person-months abroad',
    text: 'For each cross-border stay, its days inside the period times the number of people it stands for (a placeholder\'s stated headcount, else one); summed and divided by 365.25 / 12. A stay of unstated length adds no days: unknown days are not guessed.',
  },
  {
    term: 'Participants',
    text: 'Distinct people with at least one counted stay between groups in the period, each once however many stays they made. An unnamed person or group counts as its stated headcount, else as one.',
  },
  {
    term: 'Early career',
    text: `Career stages counted as early career in this report: ${stagesIn('en', c.earlyCareerStages)}. A person whose stage the source does not give is never guessed: counted among the participants but neither as early career nor as not, so the early-career share is a lower bound.`,
  },
  { term: 'Returnees', text: 'People with a cross-border stay that ended within the period (its length known, not still under way): they went abroad and came back. The departure may lie before the period.' },
  { term: 'Stays by length', text: 'Judged on the whole stated length: under 1 month, 1 to 6 months, 6 months or more (a month = 365.25 / 12 days); "unknown length" when the source states none.' },
  {
    term: 'Plan fulfilment',
    text: 'Every visit placed in the period, whatever its status: done, in progress, planned, cancelled; and, independently, postponed to the next year or brought forward into this year. Done rate = done / items.',
  },
  {
    term: 'New cross-border ties',
    text: 'A pair of groups in different countries whose earliest counted visit, in either direction and over all time up to the end of the period, falls in the period. Its date is shown as precisely as the source states it: "FY2024" means some day in fiscal year 2024.',
  },
  { term: 'Visits with no date', text: 'A visit with no start at all cannot be placed in any period: it is counted there and nowhere else.' },
  {
    term: 'Sources',
    text: 'The measures follow the OECD STI Scoreboard indicators of "scientists on the move" (inflows, outflows, returnees, bilateral flows). Every figure is computed from the records of the data set, each of which cites the sentence of the source it comes from.',
  },
];

const ja: Builder = (c) => [
  {
    term: '対象期間',
    text:
      (c.period.fiscalYear != null ? `${c.period.fiscalYear}年度：` : '') +
      `${c.period.start} から ${c.period.end} まで（両日を含む）。N 年度は N 年 4 月 1 日から N+1 年 3 月 31 日まで（2024年度 = 2024-04-01〜2025-03-31）。`,
  },
  {
    term: 'グループ',
    text:
      {
        COUNTRY: '流れは国の間で数える：訪問の出発機関の国と訪問先機関の国。',
        INSTITUTION:
          '流れは機関の間で数える：訪問の出発機関と訪問先機関。機関名の記載がない機関はグループとしない：その訪問は合計には数える（国をまたぐ場合はグループ間の滞在、国内の場合はグループ不明として別に数える）が、機関ごとの行・組・新しいつながりには入れない。',
        LAB: '流れは研究室の間で数える：訪問者の所属研究室（訪問開始日に在籍している研究室）と訪問先の研究室。資料に研究室の記載がない場合は機関で代え、機関の記載もない場合は国で代える。各グループにはどの水準で代えたかを示す。',
      }[c.groupBy] +
      '資料が国しか示さない訪問（「来日」など）は、その国の「機関名の記載なし」に結び付ける。国としては数えるが、同じ場所にいた根拠とは見なさない。',
  },
  {
    term: '集計対象の訪問',
    text: `完了または実施中の訪問${c.includePlanned ? '、および（このレポートの指定により）計画中の訪問' : '。計画中の訪問は指定がある場合のみ'}。中止した訪問は数えない。計画の達成状況には、状態を問わず期間内に配置したすべての訪問を載せる。`,
  },
  { term: 'グループ間の滞在', text: 'あるグループから別のグループへの、集計対象の訪問。同じグループ内の訪問は流れに含めず、別に数える。' },
  { term: '国境を越える滞在・国内の移動', text: '二つの機関の国が異なれば国境を越える滞在、同じなら国内の移動。国内の移動は頭脳循環に数えない。' },
  {
    term: '部分的な日付の配置',
    text:
      '資料は日付を日・月・年度・暦年で、期間を日・週・月・年で示す。滞在は、記載された開始があり得る最初の日に始まるものとする（月ならその 1 日、年度なら 4 月 1 日）。暦年だけの記載は二つの年度にまたがるため、12 か月のうち 9 か月を含む後の年度の 4 月 1 日に置く。' +
      '長さは記載された期間を日数に直したもの（1 か月 = 365.25 / 12 日、四捨五入）。終了だけが記載されていればその日まで。どちらもなければ期間は「記載なし」。滞在は重なるすべての期間に属し、日数はそれぞれに按分する。期間の記載がない滞在は、開始が属する期間に数える。',
  },
  {
    term: '不確かな日付',
    text: '開始が日まで記載され、かつ終了が日まで、または期間が日・週で記載されている場合に限り、日付は確かとする。開始・終了が月・年度・年のみの場合や、期間が月・年で記載された場合（365.25 / 12 日の規則による）は不確かとする。「日付が不確か」の数値はこうした訪問の件数で、結果がどれだけ配置の規則に依っているかを示す。',
  },
  {
    term: '海外滞在の人月',
    text: '国境を越える滞在ごとに、期間内の日数 × その記録が表す人数（無名の人・グループは記載された人数、なければ 1）を合計し、365.25 / 12 で割る。期間の記載がない滞在は日数を加えない（不明な日数は推測しない）。',
  },
  { term: '参加者', text: '期間内にグループ間の滞在が 1 件以上ある人の数。滞在が何件あっても 1 人と数える。無名の人・グループは記載された人数、なければ 1 人と数える。' },
  {
    term: '若手研究者',
    text: `このレポートで若手研究者とする職位：${stagesIn('ja', c.earlyCareerStages)}。職位が資料にない人は推測せず、参加者には数えるが若手にも若手以外にも数えない。そのため若手の割合は下限値である。`,
  },
  { term: '帰還者', text: '国境を越える滞在が期間内に終わった人（期間が判明し、実施中でないもの）。海外へ行き、戻った人。出発は期間より前でもよい。' },
  { term: '滞在期間の区分', text: '記載された期間全体で判断する：1 か月未満、1〜6 か月、6 か月以上（1 か月 = 365.25 / 12 日）。期間の記載がなければ「期間不明」。' },
  { term: '計画の達成状況', text: '期間内に配置したすべての訪問を、状態（完了・実施中・計画・中止）と、それとは別に次年度への後ろ倒し・本年度への前倒しで数える。完了率 = 完了 / 件数。' },
  {
    term: '新たな国際的つながり',
    text: '国の異なる二つのグループで、両者の間の最初の集計対象の訪問（向きを問わず、期間の終わりまでの全期間で）が期間内にあるもの。日付は資料の記載の精度で示す（「2024年度」は 2024 年度中のいずれかの日）。',
  },
  { term: '日付のない訪問', text: '開始の記載がまったくない訪問はどの期間にも配置できないため、ここでのみ数える。' },
  {
    term: '出典',
    text: '指標は OECD STI Scoreboard の「scientists on the move」（流入・流出・帰還・二国間の流れ）に準拠する。すべての数値はデータセットの記録から計算し、各記録は出典の文を引用している。',
  },
];

export function reportDefinitions(lang: Lang, context: DefinitionContext): Definition[] {
  return (lang === 'ja' ? ja : en)(context);
}

/** The context docs/metrics.md prints the definitions for: FY2024, by country, the default rule. */
export function documentedContext(earlyCareerStages: readonly CareerStage[]): DefinitionContext {
  return { period: { start: '2024-04-01', end: '2025-03-31', fiscalYear: 2024 }, groupBy: 'COUNTRY', includePlanned: false, earlyCareerStages };
}

export const DOCS_BEGIN = '<!-- report-definitions:begin (written by npm run docs:definitions from src/report/definitions.ts; do not edit) -->';
export const DOCS_END = '<!-- report-definitions:end -->';

/** The English definitions as the Markdown block docs/metrics.md holds. */
export function definitionsMarkdown(definitions: readonly Definition[]): string {
  return definitions.map((d) => `- **${d.term}.** ${d.text}`).join('\n');
}

/** docs/metrics.md with its definitions block replaced by `block`; throws when the markers are missing. */
export function withDefinitionsBlock(doc: string, block: string): string {
  const begin = doc.indexOf(DOCS_BEGIN);
  const end = doc.indexOf(DOCS_END);
  if (begin < 0 || end < begin) throw new Error(`docs/metrics.md lacks the markers ${DOCS_BEGIN} … ${DOCS_END}`);
  return `${doc.slice(0, begin)}${DOCS_BEGIN}\n${block}\n${doc.slice(end)}`;
}
