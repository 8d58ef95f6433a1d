import type { PersonRecord } from './model';

/** The name a person is shown by: Latin, else Japanese, else family name, else the cohort label. */
export function personDisplayName(p: Pick<PersonRecord, 'name' | 'nameJa' | 'familyName' | 'familyNameJa' | 'cohort' | 'id'>): string {
  return p.name ?? p.nameJa ?? p.familyName ?? p.familyNameJa ?? p.cohort ?? p.id;
}

type NameFields = Pick<PersonRecord, 'name' | 'nameJa' | 'familyName' | 'familyNameJa' | 'cohort' | 'cohortEn' | 'id'>;

/**
 * The name a person is shown by in output of one language (the report): in English the Latin
 * forms first and a placeholder's English cohort label; in Japanese the Japanese forms first
 * (岩瀬 rather than Iwase) and the cohort as the source words it. A person the source names in
 * one script only is shown in that script in both.
 */
export function personNameIn(p: NameFields, lang: 'ja' | 'en'): string {
  const order =
    lang === 'en'
      ? [p.name, p.familyName, p.cohortEn, p.nameJa, p.familyNameJa, p.cohort]
      : [p.nameJa, p.familyNameJa, p.cohort, p.name, p.familyName, p.cohortEn];
  return order.find((n): n is string => typeof n === 'string' && n.length > 0) ?? p.id;
}
