import { findInstitutions, type Gazetteer, type InstitutionMention } from './gazetteer';
import type { PersonMention } from './people';
import type { Sentence } from './text';
import { COUNTRIES, RELATIVE_TIME } from './vocabulary';
import { findDates, findLengths, isFuture, readStatus, resolveDate, type StatusReading } from './when';

/** Where a movement went: an institution the text names, or only a country (its placeholder). */
export interface Destination {
  institution?: string;
  lab?: string;
  country?: string;
  /** An institution the sentence links to the trip without saying it was visited (kept as a non-canonical reading). */
  probable?: string;
  /** "Henss 研究室" with no lab record yet: the head's family name, for a lab proposal. */
  labOf?: string;
  surface: string;
}

export interface MovementProposal {
  sentence: Sentence;
  visitors: PersonMention[];
  destinations: Destination[];
  start?: string;
  duration?: string;
  durationText?: string;
  times: number;
  status: StatusReading;
  /** "その後": dated after the previous movement; flagged for review. */
  relative: boolean;
  trigger: string;
  confidence: number;
}

interface Trigger {
  kind: 'come' | 'go' | 'invite' | 'stay' | 'visit';
  start: number;
  end: number;
  surface: string;
  country?: string;
}

const HOME_VERB = /来日/g;
// 渡独, 訪英, 渡瑞 …: the country's one-kanji form from the vocabulary.
const GO_VERB = new RegExp(`(渡|訪)([${COUNTRIES.map((c) => c.kanji).join('')}])`, 'g');
const INVITE_VERB = /(招聘|招へい|招き|招いた)/g;
const STAY_VERB = /(滞在(?!期間)|派遣)/g;
const VISIT_VERB = /を\s*訪問/g;

function findTriggers(text: string): Trigger[] {
  const out: Trigger[] = [];
  const push = (kind: Trigger['kind'], m: RegExpMatchArray, country?: string) =>
    out.push({ kind, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, surface: m[0], country });
  for (const m of text.matchAll(HOME_VERB)) push('come', m);
  for (const m of text.matchAll(GO_VERB)) push('go', m, COUNTRIES.find((c) => c.kanji === m[2])?.code);
  for (const m of text.matchAll(INVITE_VERB)) push('invite', m);
  for (const m of text.matchAll(STAY_VERB)) push('stay', m);
  for (const m of text.matchAll(VISIT_VERB)) push('visit', m);
  out.sort((a, b) => a.start - b.start);
  // "滞在期間中に…来日し" is no stay; a stay right after a go verb in one clause is the same movement.
  return out.filter((t, i) => !(t.kind === 'stay' && out.slice(0, i).some((p) => p.kind === 'go' && !/[、。]/.test(text.slice(p.end, t.start)))));
}

const SUBJECT_AFTER = /^\s*(?:[(（][^)）]*[)）])?\s*(?:\d+\s*名)?\s*(が|は|も|ら|および|、\s*および|と\s*その|自身|とは)/;
const OBJECT_AFTER = /^\s*(?:[(（][^)）]*[)）])?\s*(を|と\s*その)/;

export interface ParagraphContext {
  /** The country the paragraph is about ("アメリカ側との共同研究"), for "現地". */
  country?: string;
  /** Where a person already in the draft works ("Henss 研究室" → Henss's institution). */
  institutionOfPerson?: (familyName: string) => string | undefined;
  lastStart?: string;
}

export function proposeMovements(
  sentence: Sentence,
  people: PersonMention[],
  gazetteer: Gazetteer,
  context: ParagraphContext,
  options: { fiscalYear: number; homeCountry: string },
): MovementProposal[] {
  const text = sentence.text;
  const institutions = findInstitutions(text, gazetteer);
  const side = /(ドイツ|イギリス|アメリカ|フランス|韓国|中国|カナダ|英国|米国)側/.exec(text);
  if (side) context.country = COUNTRIES.find((c) => c.words.includes(side[1]))?.code ?? context.country;
  const triggers = findTriggers(text);
  const proposals: MovementProposal[] = [];
  let clauseStart = 0;
  let previousVisitors: PersonMention[] = [];
  for (const trigger of triggers) {
    const clause = text.slice(clauseStart, trigger.start);
    const inClause = people.filter((p) => p.start >= clauseStart && p.end <= trigger.start + 1);
    let visitors = inClause.filter((p) => (trigger.kind === 'invite' ? OBJECT_AFTER : SUBJECT_AFTER).test(text.slice(p.end)));
    visitors = withCompanions(visitors, inClause);
    if (!visitors.length && /(彼女|彼)の\s*$/.test(clause)) visitors = lastNamed(people, trigger.start);
    if (!visitors.length) visitors = previousVisitors;
    if (!visitors.length) {
      clauseStart = trigger.end;
      continue;
    }
    const destinations = destinationsOf(trigger, text, clauseStart, institutions, visitors, gazetteer, context, options.homeCountry);
    if (!destinations.length) {
      clauseStart = trigger.end;
      continue;
    }
    const tailText = text.slice(trigger.end, tailEnd(text, trigger, triggers, people));
    const dates = findDates(text.slice(0, trigger.start)).filter((d) => d.start >= lastBreak(text, clauseStart));
    // A date after the verb counts when the clause has none before it ("…前倒しされ、本年度 2 月に実施した"),
    // and a new time a postponement names replaces the old one ("10 月に予定していた来日は…次年度へ延期").
    const later = findDates(tailText)
      .filter((d) => /^\s*に/.test(tailText.slice(d.start + d.surface.length)) || /延期|後ろ倒し/.test(tailText))
      .map((d) => ({ ...d, start: d.start + trigger.end }));
    const postponedTo = /延期|後ろ倒し/.test(tailText) ? later.find((d) => d.value === 'NEXT_FY' || /^FY/.test(d.value)) : undefined;
    const date = postponedTo ?? dates[dates.length - 1] ?? later[0];
    const lengths = findLengths(text.slice(clauseStart, nextClauseEnd(text, trigger.end)));
    const tail = tailText;
    const future = Boolean(date && isFuture(date, options.fiscalYear));
    const status = readStatus(tail, future, trigger.kind === 'stay' || /滞在/.test(tail.split('、')[0] ?? ''));
    const times = Number(/(\d+)\s*(度|回)(にわたり|にわたって)?\s*$/.exec(clause.replace(/\s*(来日|渡|訪).*$/, ''))?.[1] ?? /(\d+)\s*(度|回)/.exec(clause)?.[1] ?? 1);
    const relative = RELATIVE_TIME.test(text);
    const start = date ? resolveDate(date, options.fiscalYear, status.status === 'PLANNED') : relative ? fiscalYearOf(context.lastStart) : undefined;
    const length = lengths[0];
    proposals.push({
      sentence,
      visitors,
      destinations,
      start,
      duration: length?.duration,
      durationText: length?.durationText,
      times,
      status,
      relative,
      trigger: trigger.surface,
      confidence: Math.min(...visitors.map((v) => v.confidence), destinations.some((d) => d.institution) ? 0.9 : 0.75),
    });
    if (start) context.lastStart = start;
    previousVisitors = visitors;
    clauseStart = trigger.end;
  }
  return proposals;
}

/** "岩瀬講師らが": the named person and the unnamed people with them both travel. */
function withCompanions(visitors: PersonMention[], inClause: PersonMention[]): PersonMention[] {
  const companions = inClause.filter((p) => p.kind === 'companions' && visitors.some((v) => v.end === p.start));
  return [...visitors, ...companions.filter((c) => !visitors.includes(c))];
}

function lastNamed(people: PersonMention[], before: number): PersonMention[] {
  const named = people.filter((p) => p.kind === 'named' && p.end <= before);
  return named.length ? [named[named.length - 1]] : [];
}

/** A date dates the movements of its own clause only: "2025 年に Yu 助教が…滞在" is not the date of the trip before it. */
function lastBreak(_text: string, clauseStart: number): number {
  return clauseStart;
}

function nextClauseEnd(text: string, from: number): number {
  const m = /[、。]/.exec(text.slice(from));
  return m ? from + (m.index ?? 0) + 20 : text.length;
}

function destinationsOf(
  trigger: Trigger,
  text: string,
  clauseStart: number,
  institutions: InstitutionMention[],
  visitors: PersonMention[],
  gazetteer: Gazetteer,
  context: ParagraphContext,
  home: string,
): Destination[] {
  const clause = text.slice(clauseStart, trigger.start);
  const visitorSpan = (i: InstitutionMention) =>
    visitors.some((v) => (i.start >= v.start && i.end <= v.end) || (i.start >= v.start - 30 && i.end <= v.end + 2 && /^\s*(の|・|に所属する|大学院生|グループ|\s)/.test(text.slice(i.end))));
  if (trigger.kind === 'come' || trigger.kind === 'invite') {
    // "来日し、名古屋大学で…実施した": the place of the stay, when the next clause names it.
    const where = institutions.find((i) => i.start > trigger.end && i.start - trigger.end < 8 && /^\s*で/.test(text.slice(i.end)));
    return [where ? { institution: where.id, surface: where.surface } : { country: home, surface: trigger.surface }];
  }
  if (trigger.kind === 'go') {
    const partners = institutions.filter((i) => i.start > trigger.end && /^\s*(?:[(（][^)）]*[)）])?\s*(、|と\s*議論|と\s*の)/.test(text.slice(i.end)));
    if (partners.length) return partners.map((p) => ({ institution: p.id, surface: p.surface }));
    const probable = institutions.find((i) => i.start > trigger.end && /^\s*(?:[(（][^)）]*[)）])?\s*の/.test(text.slice(i.end)));
    context.country = trigger.country;
    return [{ country: trigger.country, probable: probable?.id, surface: trigger.surface }];
  }
  if (trigger.kind === 'visit') {
    const targets = institutions.filter((i) => i.start >= clauseStart && i.end <= trigger.start && !visitorSpan(i));
    return targets.map((t) => ({ institution: t.id, surface: t.surface }));
  }
  // A stay: "<place>に … 滞在".
  const place = /([^、。\s]+?(?:\s*[(（][^)）]*[)）])?)\s*に(?:\s*\d+\s*(?:ヶ月|か月|年|週|日)間?|\s*長期|\s*短期|\s*数ヶ月)?\s*$/.exec(clause);
  if (!place) return [];
  const at = clauseStart + (place.index ?? 0);
  const lab = /(\S+?)\s*研究室\s*に[^、。]*$/.exec(clause);
  if (lab) {
    const known = gazetteer.labs.find((l) => l.nameJa?.replace(/\s/g, '') === `${lab[1]}研究室` || l.name.startsWith(`${lab[1]} `));
    if (known) return [{ institution: known.institution, lab: known.id, surface: place[1] }];
    const head = context.institutionOfPerson?.(lab[1]);
    if (head) return [{ institution: head, surface: place[1], labOf: lab[1] }];
  }
  const inst = [...institutions].reverse().find((i) => i.start >= clauseStart && i.end <= at + place[0].length && !visitorSpan(i) && /^\s*(?:[(（][^)）]*[)）])?\s*に/.test(text.slice(i.end)));
  if (inst) return [{ institution: inst.id, surface: inst.surface }];
  if (/現地/.test(place[1]) && context.country) return [{ country: context.country, surface: place[1] }];
  const country = COUNTRIES.find((c) => c.words.some((w) => place[1].includes(w)));
  if (country) {
    context.country = country.code;
    return [{ country: country.code, surface: place[1] }];
  }
  return [];
}

/**
 * A movement's status is read up to where the next movement of the sentence starts (its own date or
 * visitor), so "…渡英し、…議論を行い、2025 年に Yu 助教が…滞在…こととした" plans only the second.
 */
function tailEnd(text: string, trigger: Trigger, triggers: Trigger[], people: PersonMention[]): number {
  const next = triggers.find((t) => t.start > trigger.end);
  if (!next) return text.length;
  const between = text.slice(trigger.end, next.start);
  const dates = findDates(between);
  const subject = people.find((p) => p.start >= trigger.end && p.end <= next.start && SUBJECT_AFTER.test(text.slice(p.end)));
  const cut = Math.min(dates[0]?.start ?? Infinity, subject ? subject.start - trigger.end : Infinity);
  return cut === Infinity ? text.length : trigger.end + cut;
}

/** "その後" after a dated movement: the same fiscal year, not the same month. */
function fiscalYearOf(date: string | undefined): string | undefined {
  if (!date) return undefined;
  const m = /^(\d{4})(?:-(\d{2}))?/.exec(date);
  if (!m) return date;
  const month = m[2] ? Number(m[2]) : undefined;
  return month ? `FY${month >= 4 ? m[1] : Number(m[1]) - 1}` : date;
}
