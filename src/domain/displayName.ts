import type { PersonRecord } from './model';

/** The name a person is shown by: Latin, else Japanese, else family name, else the cohort label. */
export function personDisplayName(p: Pick<PersonRecord, 'name' | 'nameJa' | 'familyName' | 'familyNameJa' | 'cohort' | 'id'>): string {
  return p.name ?? p.nameJa ?? p.familyName ?? p.familyNameJa ?? p.cohort ?? p.id;
}
