import type { CareerStage, GroupLevel, VisitStatus } from './gql/graphql';

export type Mode = 'network' | 'bridges' | 'path' | 'timeline';
export type Lang = 'en' | 'ja';

/**
 * Everything a shared link must restore: filters, level, mode, selection, path ends, language.
 * It lives in the URL's query string (replaceState on each change), so reload and copy-paste
 * give the same view.
 */
export interface ViewState {
  level: GroupLevel;
  mode: Mode;
  countries: string[];
  stages: CareerStage[];
  fiscalYear: number | null;
  statuses: VisitStatus[];
  earlyCareerOnly: boolean;
  planned: boolean;
  /** null: decide by size (group view above the threshold); true/false: the user chose. */
  grouped: boolean | null;
  selected: string | null;
  from: string | null;
  to: string | null;
  lang: Lang;
}

const LEVELS: GroupLevel[] = ['LAB', 'INSTITUTION', 'COUNTRY'];
const MODES: Mode[] = ['network', 'bridges', 'path', 'timeline'];

/**
 * Labs, as the program's questions mean them ("which young researchers bridge which labs"); the
 * API falls back to the institution where the data names no lab, and each group says so.
 */
export const DEFAULT_LEVEL: GroupLevel = 'LAB';

const list = (v: string | null) => (v ? v.split(',').filter(Boolean) : []);
const flag = (v: string | null, fallback: boolean) => (v === null ? fallback : v === '1');

export function parseState(search: string, navigatorLang = 'en'): ViewState {
  const q = new URLSearchParams(search);
  const level = q.get('level') as GroupLevel | null;
  const mode = q.get('mode') as Mode | null;
  const fy = Number(q.get('fy'));
  const lang = q.get('lang');
  return {
    level: level && LEVELS.includes(level) ? level : DEFAULT_LEVEL,
    mode: mode && MODES.includes(mode) ? mode : 'network',
    countries: list(q.get('country')),
    stages: list(q.get('stage')) as CareerStage[],
    fiscalYear: Number.isInteger(fy) && fy > 1900 ? fy : null,
    statuses: list(q.get('status')) as VisitStatus[],
    earlyCareerOnly: flag(q.get('early'), false),
    planned: flag(q.get('planned'), true),
    grouped: q.get('groups') === null ? null : q.get('groups') === '1',
    selected: q.get('sel'),
    from: q.get('from'),
    to: q.get('to'),
    lang: lang === 'ja' || lang === 'en' ? lang : navigatorLang.startsWith('ja') ? 'ja' : 'en',
  };
}

export function serializeState(s: ViewState): string {
  const q = new URLSearchParams();
  if (s.level !== DEFAULT_LEVEL) q.set('level', s.level);
  if (s.mode !== 'network') q.set('mode', s.mode);
  if (s.countries.length) q.set('country', s.countries.join(','));
  if (s.stages.length) q.set('stage', s.stages.join(','));
  if (s.fiscalYear !== null) q.set('fy', String(s.fiscalYear));
  if (s.statuses.length) q.set('status', s.statuses.join(','));
  if (s.earlyCareerOnly) q.set('early', '1');
  if (!s.planned) q.set('planned', '0');
  if (s.grouped !== null) q.set('groups', s.grouped ? '1' : '0');
  if (s.selected) q.set('sel', s.selected);
  if (s.from) q.set('from', s.from);
  if (s.to) q.set('to', s.to);
  q.set('lang', s.lang);
  const text = q.toString();
  return text ? `?${text}` : '';
}
