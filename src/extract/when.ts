import type { VisitStatus } from '../domain/enums';
import { ADVANCED, CANCELLED, PLANNED_ENDINGS, POSTPONED } from './vocabulary';

/** Dates, lengths and status phrases of one clause, resolved against the report's fiscal year. */
export interface DatePhrase {
  value: string;
  surface: string;
  start: number;
  /** The month's year depends on whether the movement is done or planned; resolved later. */
  month?: number;
}

export function findDates(text: string): DatePhrase[] {
  const out: DatePhrase[] = [];
  for (const m of text.matchAll(/(\d{4})\s*年度/g)) out.push({ value: `FY${m[1]}`, surface: m[0], start: m.index ?? 0 });
  for (const m of text.matchAll(/(\d{4})\s*年\s*(\d{1,2})\s*月/g)) out.push({ value: `${m[1]}-${m[2].padStart(2, '0')}`, surface: m[0], start: m.index ?? 0 });
  for (const m of text.matchAll(/(\d{4})\s*年(?!\s*(度|間|\d{1,2}\s*月))/g)) out.push({ value: m[1], surface: m[0], start: m.index ?? 0 });
  for (const m of text.matchAll(/(?<![\d年])(\d{1,2})\s*月(?!間)/g)) {
    if (out.some((d) => (m.index ?? 0) >= d.start && (m.index ?? 0) < d.start + d.surface.length)) continue;
    out.push({ value: '', month: Number(m[1]), surface: m[0], start: m.index ?? 0 });
  }
  for (const m of text.matchAll(/(次年度|来年度)/g)) out.push({ value: 'NEXT_FY', surface: m[0], start: m.index ?? 0 });
  return out.sort((a, b) => a.start - b.start);
}

/** A bare month is in the report's fiscal year when the movement is done, in the next one when planned. */
export function resolveDate(date: DatePhrase, fiscalYear: number, planned: boolean): string {
  if (date.value === 'NEXT_FY') return `FY${fiscalYear + 1}`;
  if (!date.month) return date.value;
  const fy = planned ? fiscalYear + 1 : fiscalYear;
  const year = date.month >= 4 ? fy : fy + 1;
  return `${year}-${String(date.month).padStart(2, '0')}`;
}

/** Is this date after the report's fiscal year (so the movement it dates is a plan)? */
export function isFuture(date: DatePhrase, fiscalYear: number): boolean {
  if (date.value === 'NEXT_FY') return true;
  const fy = /^FY(\d{4})$/.exec(date.value);
  if (fy) return Number(fy[1]) > fiscalYear;
  const year = /^(\d{4})(?:-(\d{2}))?$/.exec(date.value);
  if (!year) return false;
  const y = Number(year[1]);
  const month = year[2] ? Number(year[2]) : undefined;
  return month ? y * 12 + month > (fiscalYear + 1) * 12 + 3 : y > fiscalYear;
}

export interface LengthPhrase {
  duration?: string;
  durationText?: string;
  surface: string;
  start: number;
}

const UNIT: Record<string, string> = { 'ヶ月': 'M', 'か月': 'M', 'カ月': 'M', 'ケ月': 'M', '年': 'Y', '週': 'W', '日': 'D' };

export function findLengths(text: string): LengthPhrase[] {
  const out: LengthPhrase[] = [];
  for (const m of text.matchAll(/(\d+)\s*(ヶ月|か月|カ月|ケ月|週|日)間?|(\d+)\s*年間/g)) {
    if (m[3]) out.push({ duration: `P${m[3]}Y`, surface: m[0], start: m.index ?? 0 });
    else out.push({ duration: `P${m[1]}${UNIT[m[2]]}`, surface: m[0], start: m.index ?? 0 });
  }
  for (const m of text.matchAll(/(数ヶ月|数か月|数週間|数日|長期|短期|中期)/g)) out.push({ durationText: m[0] === '長期' || m[0] === '短期' || m[0] === '中期' ? `${m[0]}滞在` : m[0], surface: m[0], start: m.index ?? 0 });
  return out.sort((a, b) => a.start - b.start);
}

export interface StatusReading {
  status: VisitStatus;
  scheduleChange: 'NONE' | 'POSTPONED' | 'ADVANCED';
  /** The words that decided it, for the reviewer. */
  cue: string;
}

/**
 * The status of a movement from the rest of its sentence. A future date makes it a plan whatever
 * the verb ("2025 年度に…渡独し…計画を立案した": the plan was made, the visit was not); a plan
 * ending ("…計画となっている") does too; a stay whose sentence is still going on ("…滞在し、…
 * 実施している") is in progress; anything else stated in the past is done.
 */
export function readStatus(tail: string, future: boolean, isStay: boolean): StatusReading {
  const change = POSTPONED.test(tail) ? 'POSTPONED' : ADVANCED.test(tail) ? 'ADVANCED' : 'NONE';
  if (CANCELLED.test(tail)) return { status: 'CANCELLED', scheduleChange: change, cue: CANCELLED.exec(tail)![0] };
  // Postponed means not done yet: the movement is planned again for the later time.
  if (change === 'POSTPONED') return { status: 'PLANNED', scheduleChange: change, cue: POSTPONED.exec(tail)![0] };
  if (future) return { status: 'PLANNED', scheduleChange: change, cue: 'future date' };
  const ending = PLANNED_ENDINGS.exec(tail);
  if (ending) return { status: 'PLANNED', scheduleChange: change, cue: ending[0] };
  if (/滞在中/.test(tail) || (isStay && /(ている|ています)。?$/.test(tail))) return { status: 'IN_PROGRESS', scheduleChange: change, cue: '滞在…ている' };
  return { status: 'COMPLETED', scheduleChange: change, cue: 'past tense' };
}
