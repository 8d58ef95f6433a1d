/**
 * Colours readable with the common colour-vision deficiencies: Okabe & Ito (2008), "Color
 * Universal Design". Countries take them in order of how many people they have (black is kept
 * for text, yellow comes last because it is faint on white); further countries share grey.
 */
export const OKABE_ITO = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442'] as const;
export const OTHER = '#999999';

export function countryColours(countryOfEach: (string | null | undefined)[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const c of countryOfEach) if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
  const order = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c]) => c);
  return new Map(order.map((c, i) => [c, OKABE_ITO[i] ?? OTHER]));
}

/** Tie styles: one per kind; a tie with several kinds is drawn as the first of VISIT, COAUTHORSHIP, SHARED_LAB. */
export const TIE_STYLE = {
  VISIT: { colour: '#3b3b3b', size: 2.2 },
  COAUTHORSHIP: { colour: '#E69F00', size: 1.8 },
  SHARED_LAB: { colour: '#b8b8b8', size: 1 },
} as const;
export type TieKindName = keyof typeof TIE_STYLE;
export const TIE_ORDER: TieKindName[] = ['VISIT', 'COAUTHORSHIP', 'SHARED_LAB'];

/** The report's Gantt legend (src/report/charts.ts LEGEND_COLOURS): yellow stays, grey postponed, blue advanced. */
export const LEGEND = { stay: '#f5c400', postponed: '#9e9e9e', advanced: '#1f6fd1' } as const;

export const HIGHLIGHT = '#000000';
export const DIMMED = '#e4e4e4';
