import type { Dataset, InstitutionRecord, LabRecord, PersonRecord } from '../domain/model';
import { normalizeForSearch } from '../domain/searchText';

/**
 * What the extractor knows before reading: the institutions, labs and people already in the
 * graph (a data set exported from it, or the seed), so that a report's "東北大" or "Henss 研究室"
 * resolves to the records the graph has instead of new duplicates.
 */
export interface InstitutionEntry {
  record: InstitutionRecord;
  /** Every surface form, longest first: name, nameJa, shortName, aliases. */
  surfaces: string[];
}

export interface Gazetteer {
  institutions: InstitutionEntry[];
  labs: LabRecord[];
  people: PersonRecord[];
  placeholderOf(country: string): InstitutionRecord | undefined;
  institutionById(id: string): InstitutionRecord | undefined;
  /** Source dataset, for records the draft copies unchanged. */
  dataset: Dataset;
}

export function buildGazetteer(dataset: Dataset): Gazetteer {
  const institutions = dataset.institutions.map((record) => ({
    record,
    surfaces: [record.name, record.nameJa, record.shortName, ...record.aliases]
      .filter((s): s is string => Boolean(s) && !record.placeholder)
      .sort((a, b) => b.length - a.length),
  }));
  const byId = new Map(dataset.institutions.map((i) => [i.id, i]));
  return {
    institutions,
    labs: dataset.labs,
    people: dataset.people,
    placeholderOf: (country) => dataset.institutions.find((i) => i.placeholder && i.country === country),
    institutionById: (id) => byId.get(id),
    dataset,
  };
}

export interface InstitutionMention {
  id: string;
  start: number;
  end: number;
  surface: string;
}

/** Where a surface may not end: "JLU" inside "JLUX" is no mention, but "東北大" before "学" is checked by longest-first. */
const boundary = (ch: string | undefined) => !ch || !/[A-Za-z0-9]/.test(ch);

/**
 * Institutions named in a sentence, longest surface first so that "東北大学" wins over "東北大";
 * overlapping shorter matches are dropped. Latin surfaces match case-insensitively with spacing
 * folded ("Oxford 大学" = "Oxford大学").
 */
export function findInstitutions(text: string, gazetteer: Gazetteer): InstitutionMention[] {
  const found: InstitutionMention[] = [];
  const candidates = gazetteer.institutions.flatMap((entry) => entry.surfaces.map((surface) => ({ id: entry.record.id, surface })));
  candidates.sort((a, b) => b.surface.length - a.surface.length);
  for (const { id, surface } of candidates) {
    const pattern = new RegExp(escapeLoose(surface), 'gi');
    for (const m of text.matchAll(pattern)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (!boundary(text[start - 1]) || !boundary(text[end])) continue;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      found.push({ id, start, end, surface: m[0] });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** A regex for a surface where spaces may be absent or doubled and "-" may be followed by a space. */
function escapeLoose(surface: string): string {
  return surface
    .normalize('NFKC')
    .split('')
    .map((ch) => (ch === ' ' ? '\\s*' : ch === '-' ? '-\\s?' : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('')
    .replace(/(\\s\*)+/g, '\\s*');
}

/** People already in the graph whose family name (either script) is this one, optionally at this institution. */
export function matchPeople(gazetteer: Gazetteer, family: string, institution?: string): PersonRecord[] {
  const key = normalizeForSearch(family);
  const named = gazetteer.people.filter(
    (p) =>
      !p.placeholder &&
      [p.familyName, p.familyNameJa, ...(p.name ? [p.name.split(' ')[0]] : [])].some((n) => n && normalizeForSearch(n) === key),
  );
  if (!institution) return named;
  const here = named.filter((p) => p.memberships.some((m) => m.institution === institution || labInstitution(gazetteer, m.lab) === institution));
  return here.length ? here : named;
}

function labInstitution(gazetteer: Gazetteer, lab: string | undefined): string | undefined {
  return lab ? gazetteer.labs.find((l) => l.id === lab)?.institution : undefined;
}
