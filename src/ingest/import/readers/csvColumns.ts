import type { Collection } from '../records';

/**
 * The CSV header of each record type (docs/dataset-format.md, "CSV files"): one column per field
 * of the data-set format, lists separated by `;`, an empty cell meaning "not stated". Two extra
 * files attach to records of other files: memberships.csv (a person's lab or institution with
 * role and dates) and citations.csv (a citation with field, reading, canonical, note).
 */
export type ColumnKind = 'text' | 'integer' | 'boolean' | 'list';
export type Columns = Readonly<Record<string, ColumnKind>>;

const cited = { sources: 'list' } as const;

export const CSV_COLUMNS: Record<Collection, Columns> = {
  sources: { id: 'text', document: 'text', section: 'text', quote: 'text', lang: 'text' },
  countries: { id: 'text', code: 'text', name: 'text', nameJa: 'text', ...cited },
  institutions: { id: 'text', name: 'text', nameJa: 'text', shortName: 'text', aliases: 'list', country: 'text', kind: 'text', placeholder: 'boolean', ...cited },
  labs: { id: 'text', name: 'text', nameJa: 'text', institution: 'text', head: 'text', ...cited },
  people: {
    id: 'text', name: 'text', nameJa: 'text', familyName: 'text', familyNameJa: 'text', title: 'text', careerStage: 'text',
    programRole: 'text', placeholder: 'boolean', cohort: 'text', headcount: 'integer', orcid: 'text',
    /** Memberships without role or dates; memberships.csv has the full form. */
    labs: 'list', institutions: 'list', ...cited,
  },
  themes: { id: 'text', name: 'text', nameJa: 'text', leads: 'list', members: 'list', ...cited },
  materials: { id: 'text', name: 'text', nameJa: 'text', kind: 'text', owner: 'text', themes: 'list', ...cited },
  events: { id: 'text', name: 'text', nameJa: 'text', kind: 'text', status: 'text', place: 'text', country: 'text', start: 'text', end: 'text', ...cited },
  visits: {
    id: 'text', visitor: 'text', from: 'text', to: 'text', lab: 'text', hosts: 'list', kind: 'text', status: 'text', scheduleChange: 'text',
    start: 'text', end: 'text', duration: 'text', durationText: 'text', purpose: 'text', purposeJa: 'text', themes: 'list', materials: 'list',
    event: 'text', trip: 'text', ...cited,
  },
  papers: { id: 'text', title: 'text', titleJa: 'text', status: 'text', year: 'integer', doi: 'text', authors: 'list', themes: 'list', ...cited },
  transfers: { id: 'text', material: 'text', from: 'text', to: 'list', recipients: 'list', date: 'text', status: 'text', description: 'text', ...cited },
};

export const MEMBERSHIP_COLUMNS: Columns = { person: 'text', lab: 'text', institution: 'text', role: 'text', roleJa: 'text', department: 'text', since: 'text', until: 'text' };
export const CITATION_COLUMNS: Columns = { record: 'text', source: 'text', field: 'text', reading: 'text', canonical: 'boolean', note: 'text' };

/** Columns a file must have: the record's id (or, for the attachment files, whose record it is). */
export const REQUIRED_COLUMN = { record: 'id', memberships: 'person', citations: 'record' } as const;

export type CsvKind = { kind: 'records'; collection: Collection } | { kind: 'memberships' } | { kind: 'citations' };

/** `people.csv`, `fy2025-people.csv`, `2025_visits.csv`: the last word of the name says the record type. */
export function csvKindOf(fileName: string): CsvKind | null {
  const match = /(?:^|[._-])([a-z]+)\.csv$/i.exec(fileName.split(/[\\/]/).pop() ?? '');
  const word = match?.[1].toLowerCase();
  if (!word) return null;
  if (word === 'memberships' || word === 'citations') return { kind: word };
  return word in CSV_COLUMNS ? { kind: 'records', collection: word as Collection } : null;
}

/** A cell as the field's value: undefined when empty (the field is then absent, as in YAML). */
export function cellValue(kind: ColumnKind, cell: string): unknown {
  const text = cell.trim();
  if (text === '') return undefined;
  switch (kind) {
    case 'list':
      return text.split(';').map((s) => s.trim()).filter(Boolean);
    case 'integer':
      return /^-?\d+$/.test(text) ? Number(text) : text;
    case 'boolean':
      if (/^(true|yes|1)$/i.test(text)) return true;
      if (/^(false|no|0)$/i.test(text)) return false;
      return text;
    default:
      return text;
  }
}
