import type { ReportDocument } from './document';
import { messages } from './i18n';
import type { Table } from './tables';

/** Markdown with pipe tables; charts are SVG files beside it (charts/<id>.svg), linked by relative path. */
export function chartFile(id: string): string {
  return `charts/${id}.svg`;
}

function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function tableMd(table: Table, emptyText: string): string {
  const lines = [`## ${table.title}`, ''];
  if (!table.rows.length) return [...lines, emptyText, ''].join('\n');
  lines.push(`| ${table.columns.map(cell).join(' | ')} |`);
  lines.push(`| ${table.numeric.map((n) => (n ? '---:' : '---')).join(' | ')} |`);
  for (const row of table.rows) lines.push(`| ${row.map(cell).join(' | ')} |`);
  return [...lines, ''].join('\n');
}

export function renderMarkdown(doc: ReportDocument): string {
  const m = messages(doc.lang);
  // Notes apart (">" alone between them), or Markdown runs them into one paragraph.
  const parts = [`# ${doc.title}`, '', doc.notes.map((n) => `> ${n}`).join('\n>\n'), ''];
  if (doc.warnings.length) parts.push(`**${m.warnings}**`, '', ...doc.warnings.map((w) => `- ${w}`), '');
  for (const table of doc.tables) parts.push(tableMd(table, m.none));
  for (const { chart } of doc.charts) {
    parts.push(`## ${chart.title}`, '', `![${chart.title}](${chartFile(chart.id)})`, '');
    if (chart.caption) parts.push(chart.caption, '');
  }
  if (doc.yearOnYear) {
    const yoy = doc.yearOnYear;
    parts.push(`# ${yoy.title}`, '', yoy.notes.map((n) => `> ${n}`).join('\n>\n'), '');
    for (const table of yoy.tables) parts.push(tableMd(table, m.none));
    for (const { chart } of yoy.charts) parts.push(`## ${chart.title}`, '', `![${chart.title}](${chartFile(chart.id)})`, '');
  }
  parts.push(`## ${doc.appendix.title}`, '', ...doc.appendix.definitions.map((d) => `**${cell(d.term)}.** ${d.text}\n`), '');
  parts.push('---', '', doc.footer, '');
  return parts.join('\n');
}
