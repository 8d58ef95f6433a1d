import type { CareerStage, ProgramRole } from '../domain/enums';
import { findInstitutions, type Gazetteer, type InstitutionMention } from './gazetteer';
import type { Tokenizer } from './tokenizer';
import { COUNTRIES, TITLES, type Title } from './vocabulary';

/** One person or unnamed group named in a sentence, with what the sentence says about them. */
export interface PersonMention {
  kind: 'named' | 'cohort' | 'companions';
  start: number;
  end: number;
  surface: string;
  name?: string;
  familyName?: string;
  familyNameJa?: string;
  titleSurface?: string;
  title?: string;
  stage: CareerStage;
  role?: ProgramRole;
  institution?: string;
  /** The country side ("ドイツ側") when no institution is named. */
  country?: string;
  cohortLabel?: string;
  /** "大学院生 2 名": how many people an unnamed group stands for, when stated. */
  headcount?: number;
  /** For "その研究室の学生": the person whose lab it is. */
  head?: PersonMention;
  /** How sure the rule is that this span is a person (0..1). */
  confidence: number;
}

const LATIN_NAME = "[A-Z][A-Za-zÀ-ÿ'’-]+(?:\\s+(?:(?:de|De|van|Van|von|Von|der|Der|da|Da)\\s+)?[A-Z][A-Za-zÀ-ÿ'’-]+)*";
const JA_TITLES = TITLES.filter((t) => /[^\x00-\x7f]/.test(t.surface) && t.stage !== 'GRADUATE_STUDENT');
const titleAlternation = (titles: Title[]) => titles.map((t) => t.surface.replace(/[-]/g, '\\-')).join('|');
const PERSON_TITLE = `(${titleAlternation([...JA_TITLES, ...TITLES.filter((t) => t.role)])})`;

const titleOf = (surface: string | undefined): Title | undefined => TITLES.find((t) => t.surface === surface);

/** Splits "Michael De Volder" into given and family name, keeping nobiliary particles with the family name. */
export function splitLatinName(name: string): { given?: string; family: string } {
  const parts = name.trim().split(/\s+/);
  if (parts.length === 1) return { family: parts[0] };
  const particle = parts.findIndex((p, i) => i > 0 && /^(de|van|von|der|da)$/i.test(p));
  const cut = particle > 0 ? particle : parts.length - 1;
  return { given: parts.slice(0, cut).join(' '), family: parts.slice(cut).join(' ') };
}

export async function findPeople(text: string, gazetteer: Gazetteer, tokenizer: Tokenizer): Promise<PersonMention[]> {
  const institutions = findInstitutions(text, gazetteer);
  const mentions: PersonMention[] = [];
  const add = (m: PersonMention) => {
    if (mentions.some((o) => m.start < o.end && m.end > o.start)) return;
    mentions.push(m);
  };
  for (const m of latinWithHonorific(text)) add(m);
  for (const m of roleThenName(text)) add(m);
  for (const m of latinWithJapaneseTitle(text)) add(m);
  for (const m of await japaneseWithTitle(text, institutions, tokenizer)) add(m);
  for (const m of cohorts(text, institutions)) add(m);
  mentions.sort((a, b) => a.start - b.start);
  for (const m of mentions) attachAffiliation(text, m, institutions, mentions);
  return mentions;
}

/** "Dr. Peter Bieker", "Prof. Anja Henss": the honorific is a title, not a career stage. */
function latinWithHonorific(text: string): PersonMention[] {
  return [...text.matchAll(new RegExp(`\\b(Dr|Prof)\\.\\s*(${LATIN_NAME})`, 'g'))].map((m) => {
    const { family } = splitLatinName(m[2]);
    const professor = m[1] === 'Prof';
    return {
      kind: 'named',
      start: m.index ?? 0,
      end: (m.index ?? 0) + m[0].length,
      surface: m[0],
      name: m[2],
      familyName: family,
      title: `${m[1]}.`,
      titleSurface: `${m[1]}.`,
      stage: professor ? 'PROFESSOR' : 'UNKNOWN',
      confidence: 0.9,
    } satisfies PersonMention;
  });
}

/** "PI の中西", "PI の Yang Shao-Horn": the programme role before the name. */
function roleThenName(text: string): PersonMention[] {
  const pattern = new RegExp(`(Co-PI|PI)\\s*の\\s*(${LATIN_NAME}|[\\u4e00-\\u9fff々]{1,3}(?=[はがもを\\s]))`, 'g');
  return [...text.matchAll(pattern)]
    .filter((m) => !/^(Dr|Prof)$/.test(m[2]))
    .map((m) => {
      const latin = /^[A-Z]/.test(m[2]);
      const start = (m.index ?? 0) + m[0].indexOf(m[2], m[1].length);
      return {
        kind: 'named',
        start,
        end: start + m[2].length,
        surface: m[2],
        ...(latin ? { name: m[2].includes(' ') ? m[2] : undefined, familyName: splitLatinName(m[2]).family } : { familyNameJa: m[2] }),
        role: m[1] === 'PI' ? 'PI' : 'CO_PI',
        stage: 'UNKNOWN',
        confidence: 0.8,
      } satisfies PersonMention;
    });
}

/** "Daniel Schroder教授", "Yu 助教", "Henss教授自身". */
function latinWithJapaneseTitle(text: string): PersonMention[] {
  return [...text.matchAll(new RegExp(`(${LATIN_NAME})\\s*${PERSON_TITLE}`, 'g'))]
    .filter((m) => !/^(PI|Co-?|NIMS|MIT)$/.test(m[1]) && !m[1].endsWith('-'))
    .map((m) => {
      const title = titleOf(m[2]);
      const { family } = splitLatinName(m[1]);
      return {
        kind: 'named',
        start: m.index ?? 0,
        end: (m.index ?? 0) + m[0].length,
        surface: m[0],
        name: m[1].includes(' ') ? m[1] : undefined,
        familyName: family,
        titleSurface: m[2],
        title: title?.en,
        stage: title?.stage ?? 'UNKNOWN',
        role: title?.role,
        confidence: 0.85,
      } satisfies PersonMention;
    });
}

/**
 * "岩瀬講師", "松田 Co-PI": a run of kanji right before a title. The morphological analyser says
 * whether the run is a known family name (人名); an unknown run before a title is still taken, with
 * less confidence (邑瀬 is not in the dictionary). Runs that are institutions are never names.
 */
async function japaneseWithTitle(text: string, institutions: InstitutionMention[], tokenizer: Tokenizer): Promise<PersonMention[]> {
  const out: PersonMention[] = [];
  // The run is lazy so that 准 stays with 教授 ("佐藤准教授" is 佐藤, an associate professor).
  for (const m of text.matchAll(new RegExp(`([\\u4e00-\\u9fff々]{1,3}?)\\s*${PERSON_TITLE}`, 'g'))) {
    const start = m.index ?? 0;
    if (institutions.some((i) => start < i.end && start + m[1].length > i.start)) continue;
    if (/(大学|大|研究所|機構|研究科|グループ|自身)$/.test(m[1]) || /(側|博士|上級|主任|特任)/.test(m[1])) continue;
    const title = titleOf(m[2]);
    const { family, known, offset } = await familyNameIn(m[1], tokenizer);
    out.push({
      kind: 'named',
      start: start + offset,
      end: start + m[0].length,
      surface: m[0].slice(offset),
      familyNameJa: family,
      titleSurface: m[2],
      title: title?.en,
      stage: title?.stage ?? 'UNKNOWN',
      role: title?.role,
      confidence: known ? 0.9 : 0.6,
    });
  }
  return out;
}

/**
 * The family name at the end of a kanji run: "再度西岡" is 西岡 after the adverb 再度. The longest
 * suffix the dictionary knows as a family name wins; an unknown run is kept whole.
 */
async function familyNameIn(run: string, tokenizer: Tokenizer): Promise<{ family: string; known: boolean; offset: number }> {
  for (let offset = 0; offset < run.length - 1; offset += 1) {
    if (await tokenizer.isFamilyName(run.slice(offset))) return { family: run.slice(offset), known: true, offset };
  }
  return { family: run, known: false, offset: 0 };
}

/**
 * Unnamed people: "大阪大学の大学院生", "その研究室に所属する大学院生", "東北大グループ", "岩瀬講師ら".
 * Each is a placeholder of its own; the rules never merge two of them.
 */
function cohorts(text: string, institutions: InstitutionMention[]): PersonMention[] {
  const out: PersonMention[] = [];
  for (const m of text.matchAll(/(大学院生|博士課程学生|学生|(?<![\u4e00-\u9fff])研究員)/g)) {
    const start = m.index ?? 0;
    const before = text.slice(0, start);
    const inst = [...institutions].reverse().find((i) => /^(の|・|に所属する|\s)*$/.test(text.slice(i.end, start)));
    const ownLab = /その研究室に所属する$/.test(before);
    if (m[1] === '研究員' && !inst) continue;
    const headcount = /^\s*(\d+)\s*名/.exec(text.slice(start + m[0].length));
    const from = inst ? inst.start : ownLab ? start - 'その研究室に所属する'.length : start;
    out.push({
      kind: 'cohort',
      start: from,
      end: start + m[0].length,
      surface: text.slice(from, start + m[0].length),
      cohortLabel: text.slice(from, start + m[0].length + (headcount?.[0].length ?? 0)).trim(),
      institution: inst?.id,
      stage: m[1] === '研究員' ? 'RESEARCHER' : 'GRADUATE_STUDENT',
      ...(headcount ? { headcount: Number(headcount[1]), end: start + m[0].length + headcount[0].length } : {}),
      confidence: inst ? 0.8 : 0.5,
    });
  }
  for (const m of text.matchAll(/グループ/g)) {
    const at = m.index ?? 0;
    const inst = institutions.find((i) => /^\s*$/.test(text.slice(i.end, at)));
    const word = COUNTRIES.flatMap((c) => c.words.map((w) => ({ c, w }))).find(({ w }) => text.slice(0, at).trimEnd().endsWith(w));
    const country = word?.c;
    if (!inst && !country) continue;
    const start = inst?.start ?? at - (word?.w.length ?? 0);
    out.push({
      kind: 'cohort',
      start,
      end: at + m[0].length,
      surface: text.slice(start, at + m[0].length),
      cohortLabel: text.slice(start, at + m[0].length).trim(),
      institution: inst?.id,
      country: country?.code,
      stage: 'UNKNOWN',
      confidence: 0.7,
    });
  }
  return out;
}

/**
 * Where the sentence places a person: "東北大学の岩瀬講師" (institution の name), "Dr. Graham Leverick
 * (Tufts大学)" (a parenthesis after the name), "ドイツ側博士研究員の Dr. Lukas Herbers" (a country side).
 */
function attachAffiliation(text: string, m: PersonMention, institutions: InstitutionMention[], all: PersonMention[]): void {
  if (m.kind === 'cohort' && m.surface.startsWith('その研究室')) {
    // "X 教授とその研究室に所属する大学院生": X's students, at X's institution.
    const head = [...all].reverse().find((p) => p.kind === 'named' && p.end <= m.start);
    m.institution = head?.institution;
    m.head = head;
  }
  if (m.kind !== 'named') return;
  // "東北大学の西原 Co-PI および Yu 助教": coordinated names share the institution before the first.
  const partner = [...all].reverse().find((p) => p.kind === 'named' && p.end <= m.start && /^\s*(および|及び|と|、)\s*$/.test(text.slice(p.end, m.start)));
  const before = text.slice(Math.max(0, m.start - 40), m.start);
  const prefixed = [...institutions].reverse().find((i) => i.end <= m.start && /^\s*(\([^)]*\))?\)?\s*(の|・)?\s*(PI|Co-PI)?\s*(の)?\s*$/.test(text.slice(i.end, m.start)));
  if (prefixed) m.institution = prefixed.id;
  const paren = /^\s*[(（]([^)）]*)[)）]/.exec(text.slice(m.end));
  if (!m.institution && partner?.institution) m.institution = partner.institution;
  if (paren && !m.institution) {
    const inside = institutions.find((i) => i.start > m.end && i.end <= m.end + paren[0].length);
    if (inside) m.institution = inside.id;
  }
  const side = /(ドイツ|イギリス|アメリカ|フランス|韓国|中国|カナダ|英国|米国)側\s*(\S{0,8}?)\s*の?\s*$/.exec(before);
  if (side && !m.institution) m.country = COUNTRIES.find((c) => c.words.includes(side[1]))?.code;
  if (side) {
    const sideTitle = TITLES.find((t) => side[2].includes(t.surface));
    if (sideTitle?.role && !m.role) m.role = sideTitle.role;
    if (sideTitle && !sideTitle.role && m.stage === 'UNKNOWN') {
      m.stage = sideTitle.stage;
      m.title = m.title ?? sideTitle.en;
    }
  }
  if (/(Co-PI|PI)\s*の\s*$/.test(before) && !m.role) m.role = /Co-PI\s*の\s*$/.test(before) ? 'CO_PI' : 'PI';
  if (/^\s*ら/.test(text.slice(m.end))) {
    all.push({
      kind: 'companions',
      start: m.end,
      end: m.end + 1,
      surface: `${m.surface}ら`,
      cohortLabel: `${m.surface}ら（同行者）`,
      institution: m.institution,
      stage: 'UNKNOWN',
      confidence: 0.6,
    });
  }
}
