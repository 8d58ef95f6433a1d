/**
 * Report text → sections, paragraphs and sentences. Progress reports reach us as text extracted
 * from PDF: every printed line is its own line (often followed by a blank one), sentences break
 * mid-word, and a page break may fall inside a sentence. Nothing here knows the report's content.
 */
export interface Sentence {
  /** e.g. "s1-2-p1-3": section 1.②, paragraph 1, sentence 3 (the seed's own source-id scheme). */
  key: string;
  section: string;
  paragraph: number;
  index: number;
  text: string;
}

export interface ReportText {
  sentences: Sentence[];
  /** The lines of the 研究実施体制 table, joined where a cell continues on the next line. */
  tableLines: string[];
  /** Legend lines of charts (・ 黄色：訪問期間 …), kept apart from prose. */
  legend: string[];
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩';
const TOP_HEADING = /^(\d+)[.．]\s*(\S.*)$/;
const SUB_HEADING = new RegExp(`^([${CIRCLED}])\\s*(\\S.*)$`);
const TABLE_HEADING = /研究実施体制/;
const IGNORED = /^<[^>]*>.*$/;

const isCjk = (ch: string | undefined): boolean => Boolean(ch && /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/.test(ch));

/** Joins two printed lines of one sentence: no space around Japanese or after a hyphen, else one space. */
export function joinLines(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  const last = a[a.length - 1];
  if (last === '-' || isCjk(last) || isCjk(b[0])) return a + b;
  return `${a} ${b}`;
}

/** Splits on 。 keeping it, and collapses runs of spaces the PDF left between words. */
export function splitSentences(paragraph: string): string[] {
  return (paragraph.match(/[^。]+。?/g) ?? []).map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s.length > 1);
}

interface Cursor {
  top: string;
  sub: string;
  title: string;
  paragraph: number;
  buffer: string;
}

export function readReport(raw: string): ReportText {
  // Circled numbers (①②) head sub-sections; NFKC would turn them into plain digits, so each line is
  // matched as printed first and normalised after.
  const lines = raw.split(/\r?\n/);
  const sentences: Sentence[] = [];
  const tableLines: string[] = [];
  const legend: string[] = [];
  const cur: Cursor = { top: '', sub: '', title: '', paragraph: 0, buffer: '' };
  let inTable = false;

  const flush = () => {
    if (!cur.buffer.trim()) return void (cur.buffer = '');
    const base = `s${cur.top}${cur.sub ? `-${CIRCLED.indexOf(cur.sub) + 1}` : ''}-p${cur.paragraph}`;
    splitSentences(cur.buffer).forEach((text, i) =>
      sentences.push({ key: `${base}-${i + 1}`, section: cur.title, paragraph: cur.paragraph, index: i + 1, text }),
    );
    cur.buffer = '';
  };

  for (const rawLine of lines) {
    if (!rawLine.trim()) continue;
    const sub = SUB_HEADING.exec(rawLine.trim());
    const line = rawLine.normalize('NFKC').trim();
    const top = TOP_HEADING.exec(line);
    if (top && line.length < 40 && !/。/.test(line)) {
      flush();
      cur.top = top[1];
      cur.sub = '';
      cur.title = `${top[1]}. ${top[2].trim()}`;
      cur.paragraph = 0;
      inTable = TABLE_HEADING.test(line);
      continue;
    }
    if (inTable) {
      tableLines.push(line);
      continue;
    }
    if (sub && line.length < 60) {
      flush();
      cur.sub = sub[1];
      cur.title = `${cur.top}.${sub[1]} ${sub[2].normalize('NFKC').trim()}`;
      cur.paragraph = 0;
      continue;
    }
    if (IGNORED.test(line)) continue;
    if (/^・/.test(line)) {
      flush();
      legend.push(line);
      continue;
    }
    // An indented line after a finished sentence starts a new paragraph.
    const indented = /^[ \u3000]/.test(rawLine) && !/^[ \u3000]*$/.test(rawLine);
    if (cur.paragraph === 0 || (indented && /。\s*$/.test(cur.buffer))) {
      flush();
      cur.paragraph += 1;
    }
    cur.buffer = joinLines(cur.buffer, line);
  }
  flush();
  return { sentences, tableLines, legend };
}
