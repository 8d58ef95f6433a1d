import type { CareerStage, ProgramRole } from '../domain/enums';

/**
 * Words of Japanese progress reports that carry facts: titles, countries, travel verbs, status
 * and time phrases. Kept here, apart from the rules, so a new report style adds words, not code.
 */
export interface Title {
  surface: string;
  stage: CareerStage;
  role?: ProgramRole;
  en: string;
}

/** Longest first: 准教授 before 教授, 上級研究員 before 研究員. "Dr." is a title, not a stage. */
export const TITLES: Title[] = [
  { surface: '准教授', stage: 'ASSOCIATE_PROFESSOR', en: 'Associate Professor' },
  { surface: '教授', stage: 'PROFESSOR', en: 'Professor' },
  { surface: '講師', stage: 'LECTURER', en: 'Lecturer' },
  { surface: '助教', stage: 'ASSISTANT_PROFESSOR', en: 'Assistant Professor' },
  { surface: '博士研究員', stage: 'POSTDOC', en: 'Postdoctoral researcher' },
  { surface: '特任研究員', stage: 'POSTDOC', en: 'Project researcher' },
  { surface: '上級研究員', stage: 'SENIOR_RESEARCHER', en: 'Senior Researcher' },
  { surface: '主任研究員', stage: 'SENIOR_RESEARCHER', en: 'Senior Researcher' },
  { surface: '研究員', stage: 'RESEARCHER', en: 'Researcher' },
  { surface: '大学院生', stage: 'GRADUATE_STUDENT', en: 'Graduate student' },
  { surface: '博士課程学生', stage: 'GRADUATE_STUDENT', en: 'Doctoral student' },
  { surface: '学生', stage: 'GRADUATE_STUDENT', en: 'Student' },
  { surface: 'Co-PI', stage: 'UNKNOWN', role: 'CO_PI', en: 'Co-PI' },
  { surface: 'PI', stage: 'UNKNOWN', role: 'PI', en: 'PI' },
];

/** English positions in the 研究実施体制 table ("…, Professor"). */
export const ENGLISH_POSITIONS: Array<{ pattern: RegExp; stage: CareerStage }> = [
  { pattern: /associate professor/i, stage: 'ASSOCIATE_PROFESSOR' },
  { pattern: /assistant professor/i, stage: 'ASSISTANT_PROFESSOR' },
  { pattern: /professor/i, stage: 'PROFESSOR' },
  { pattern: /senior researcher|senior scientist/i, stage: 'SENIOR_RESEARCHER' },
  { pattern: /lecturer/i, stage: 'LECTURER' },
  { pattern: /postdoc/i, stage: 'POSTDOC' },
  { pattern: /researcher|scientist/i, stage: 'RESEARCHER' },
];

export interface CountryWord {
  code: string;
  name: string;
  nameJa: string;
  /** Words that name the country in prose (ドイツ, 英国) and the one-kanji form of travel verbs (独 in 渡独). */
  words: string[];
  kanji: string;
}

export const COUNTRIES: CountryWord[] = [
  { code: 'JP', name: 'Japan', nameJa: '日本', words: ['日本'], kanji: '日' },
  { code: 'DE', name: 'Germany', nameJa: 'ドイツ', words: ['ドイツ', '独国'], kanji: '独' },
  { code: 'GB', name: 'United Kingdom', nameJa: 'イギリス', words: ['イギリス', '英国'], kanji: '英' },
  { code: 'US', name: 'United States', nameJa: 'アメリカ', words: ['アメリカ', '米国'], kanji: '米' },
  { code: 'FR', name: 'France', nameJa: 'フランス', words: ['フランス', '仏国'], kanji: '仏' },
  { code: 'KR', name: 'South Korea', nameJa: '韓国', words: ['韓国'], kanji: '韓' },
  { code: 'CN', name: 'China', nameJa: '中国', words: ['中国'], kanji: '中' },
  { code: 'CA', name: 'Canada', nameJa: 'カナダ', words: ['カナダ'], kanji: '加' },
  { code: 'AU', name: 'Australia', nameJa: 'オーストラリア', words: ['オーストラリア', '豪州'], kanji: '豪' },
  { code: 'IT', name: 'Italy', nameJa: 'イタリア', words: ['イタリア'], kanji: '伊' },
  { code: 'NL', name: 'Netherlands', nameJa: 'オランダ', words: ['オランダ'], kanji: '蘭' },
  { code: 'SE', name: 'Sweden', nameJa: 'スウェーデン', words: ['スウェーデン'], kanji: '瑞' },
  { code: 'CH', name: 'Switzerland', nameJa: 'スイス', words: ['スイス'], kanji: '' },
  { code: 'ES', name: 'Spain', nameJa: 'スペイン', words: ['スペイン'], kanji: '西' },
  { code: 'SG', name: 'Singapore', nameJa: 'シンガポール', words: ['シンガポール'], kanji: '' },
  { code: 'IN', name: 'India', nameJa: 'インド', words: ['インド'], kanji: '印' },
  { code: 'TW', name: 'Taiwan', nameJa: '台湾', words: ['台湾'], kanji: '台' },
];

export const countryByCode = new Map(COUNTRIES.map((c) => [c.code, c]));

/** Phrases that end a sentence whose movement is planned, not done. */
export const PLANNED_ENDINGS = /(計画(と|に)なっている|計画としている|計画している|計画中|予定(である|だ|としている|となっている|です)?|方向で調整中|こととした|こととしている|見込み|検討中)/;
/** A sentence that plans the movement itself ("…渡独し…実験をする計画を立案した"), once a future date is known. */
export const PLAN_WORDS = /(計画|予定|調整中)/;
export const CANCELLED = /(中止|取りやめ|見送)/;
export const POSTPONED = /(延期|後ろ倒し|次年度へ繰り越|繰越)/;
export const ADVANCED = /(前倒し)/;
/** Relative time that depends on the previous movement. */
export const RELATIVE_TIME = /^(その後|この後|続いて|引き続き)[、,]/;
