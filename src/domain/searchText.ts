/**
 * Normalisation for bilingual search: "ＪＬＵ", "jlu" and "J L U" are one key, as are
 * "Schröder" and "Schroder", "Gießen" and "Giessen". NFKC folds full/half width; Latin
 * diacritics are stripped, but Japanese voiced marks (゛゜, U+3099/U+309A) are kept, since
 * removing them would turn が into か.
 */
const LATIN_COMBINING_MARKS = /[\u0300-\u036f]/g;
const SPACES_AND_PUNCTUATION = /[|\s\u3000・,.'’()（）\-‐–—_/:：]+/g;

export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(LATIN_COMBINING_MARKS, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(SPACES_AND_PUNCTUATION, '');
}

/** The searchable key of a record: its names joined by a separator no query can span. */
export function searchKeyOf(names: ReadonlyArray<string | null | undefined>): string {
  return names
    .filter((n): n is string => Boolean(n))
    .map(normalizeForSearch)
    .filter(Boolean)
    .join('|');
}
