import type { CareerStage } from '../domain/enums';
import { findInstitutions, type Gazetteer } from './gazetteer';
import { splitLatinName } from './people';
import { ENGLISH_POSITIONS, TITLES } from './vocabulary';

/** One row of 研究実施体制: a theme, its central researchers and their affiliations, in printed order. */
export interface TableRow {
  index: number;
  theme: string;
  themeEn?: string;
  quote: string;
  leads: Array<{
    name: string;
    nameJa?: string;
    familyName?: string;
    familyNameJa?: string;
    /** Latin form from the dictionary reading, when the table gives only kanji. */
    romanized?: string;
    romanizedFamily?: string;
    institution?: string;
    position?: string;
    stage: CareerStage;
    country?: string;
  }>;
}

interface Item {
  bullet: boolean;
  text: string;
}

/** Cells come as printed lines: a bullet (・) starts a cell, a bullet inside a cell ("大阪大学・教授") has no space before it. */
function items(lines: string[]): Item[] {
  const out: Item[] = [];
  for (const line of lines) {
    const parts = line.split(/(?:^|\s+)・/);
    parts.forEach((part, i) => {
      const text = part.trim();
      if (!text) return;
      const bullet = i > 0;
      const previous = out[out.length - 1];
      // A Latin line without a bullet continues the cell above ("Science, Professor").
      if (!bullet && previous?.bullet && !/[\u3040-\u9fff]/.test(text)) previous.text = `${previous.text} ${text}`;
      else out.push({ bullet, text });
    });
  }
  return out;
}

const isPersonCell = (text: string) => /^[\u4e00-\u9fff々]{1,4}\s+[\u4e00-\u9fff々]{1,4}$/.test(text) || /^[A-Z][A-Za-z'’-]+(\s+[A-Z][A-Za-z'’-]+)+(\s*\([A-Z]{2}\))?$/.test(text);

export function readTable(lines: string[], gazetteer: Gazetteer): TableRow[] {
  const body = lines.filter((l) => !/研究テーマ|中心となる研究者/.test(l));
  const rows: Array<{ theme: string; people: string[]; affiliations: string[]; quote: string[] }> = [];
  for (const item of items(body)) {
    const current = rows[rows.length - 1];
    if (!item.bullet) {
      if (current && !current.people.length) current.theme += item.text;
      else rows.push({ theme: item.text, people: [], affiliations: [], quote: [item.text] });
      continue;
    }
    if (!current) continue;
    current.quote.push(`・${item.text}`);
    (isPersonCell(item.text) && !current.affiliations.length ? current.people : current.affiliations).push(item.text);
  }
  return rows.map((row, i) => ({
    index: i + 1,
    theme: row.theme,
    quote: row.quote.join(' '),
    leads: row.people.map((cell, k) => lead(cell, row.affiliations[k], gazetteer)),
  }));
}

function lead(cell: string, affiliation: string | undefined, gazetteer: Gazetteer): TableRow['leads'][number] {
  const country = /\(([A-Z]{2})\)$/.exec(cell)?.[1];
  const name = cell.replace(/\s*\([A-Z]{2}\)$/, '').trim();
  const latin = /[A-Za-z]/.test(name);
  const institution = affiliation ? findInstitutions(affiliation, gazetteer)[0]?.id : undefined;
  const position = affiliation ? positionOf(affiliation) : undefined;
  return {
    name,
    ...(latin ? { familyName: splitLatinName(name).family } : { nameJa: name, familyNameJa: name.split(/\s+/)[0] }),
    institution,
    position: position?.surface,
    stage: position?.stage ?? 'UNKNOWN',
    country: country === 'UK' ? 'GB' : country,
  };
}

function positionOf(affiliation: string): { surface: string; stage: CareerStage } | undefined {
  const last = affiliation.split(/[・,]/).pop()?.trim() ?? '';
  const ja = TITLES.find((t) => last === t.surface);
  if (ja) return { surface: ja.surface, stage: ja.stage };
  const en = ENGLISH_POSITIONS.find((p) => p.pattern.test(last));
  return en ? { surface: last, stage: en.stage } : undefined;
}
