import type { ReportDocument } from './document';
import { messages } from './i18n';
import type { Table } from './tables';

/**
 * One self-contained HTML file: inline CSS, charts as inline SVG, no script, no external URL of
 * any kind (the SVGs' namespace attributes are dropped: inline SVG in HTML does not need them),
 * so it opens offline and prints as it shows.
 */
const CSS = `
body { font-family: sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #222; line-height: 1.5; }
h1 { font-size: 1.5rem; margin-bottom: 0.25rem; } h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; margin: 0.5rem 0; } th, td { border: 1px solid #ccc; padding: 0.25rem 0.6rem; vertical-align: top; }
th { background: #f3f3f3; text-align: left; } td:first-child { white-space: nowrap; } td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.notes { color: #555; font-size: 0.9rem; } .warning { background: #fff4d6; border-left: 4px solid #f5c400; padding: 0.5rem 1rem; }
figure { margin: 1.5rem 0; } figcaption { font-size: 0.9rem; color: #444; } svg { max-width: 100%; height: auto; }
#year-on-year td:first-child { white-space: normal; }
h2.part { font-size: 1.3rem; margin-top: 3rem; border-bottom: 2px solid #1f6fd1; }
footer { margin-top: 3rem; font-size: 0.8rem; color: #777; }
#appendix { margin-top: 3rem; font-size: 0.9rem; } dt { font-weight: bold; margin-top: 0.6rem; } dd { margin: 0.1rem 0 0 1.5rem; }
@media print { body { margin: 0 auto; } h2, dt { break-after: avoid; } section[id^="table-"], figure, dd { break-inside: avoid; } }
`;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export function inlineSvg(svg: string): string {
  return svg.replace(/^<\?xml[^>]*>\s*/, '').replace(/\s+xmlns(:\w+)?="[^"]*"/g, '');
}

function tableHtml(table: Table, emptyText: string): string {
  const head = `<tr>${table.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr>`;
  const body = table.rows.length
    ? table.rows.map((row) => `<tr>${row.map((cell, i) => `<td${table.numeric[i] ? ' class="num"' : ''}>${escapeHtml(cell)}</td>`).join('')}</tr>`).join('\n')
    : `<tr><td colspan="${table.columns.length}">${escapeHtml(emptyText)}</td></tr>`;
  return `<section id="table-${table.id}">\n<h2>${escapeHtml(table.title)}</h2>\n<table>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table>\n</section>`;
}

export function renderHtml(doc: ReportDocument): string {
  const m = messages(doc.lang);
  const warnings = doc.warnings.length
    ? `<div class="warning" role="alert"><strong>${escapeHtml(m.warnings)}</strong><ul>${doc.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul></div>`
    : '';
  const figures = (charts: ReportDocument['charts']) =>
    charts
      .map(
        ({ chart, svg }) =>
          // The chart's title is drawn in the SVG; the caption only adds what the chart cannot say.
          `<figure id="chart-${chart.id}" aria-label="${escapeHtml(chart.title)}">\n${inlineSvg(svg)}\n${chart.caption ? `<figcaption>${escapeHtml(chart.caption)}</figcaption>\n` : ''}</figure>`,
      )
      .join('\n');
  const charts = figures(doc.charts);
  const yoy = doc.yearOnYear;
  const yearOnYear = yoy
    ? `<section id="year-on-year">\n<h2 class="part">${escapeHtml(yoy.title)}</h2>\n<div class="notes">${yoy.notes.map((n) => `<p>${escapeHtml(n)}</p>`).join('')}</div>\n${yoy.tables.map((t) => tableHtml(t, m.none)).join('\n')}\n${figures(yoy.charts)}\n</section>`
    : '';
  return `<!doctype html>
<html lang="${doc.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${escapeHtml(doc.title)}</h1>
<div class="notes">${doc.notes.map((n) => `<p>${escapeHtml(n)}</p>`).join('')}</div>
${warnings}
</header>
<main>
${doc.tables.map((t) => tableHtml(t, m.none)).join('\n')}
${charts}
${yearOnYear}
</main>
<section id="appendix">
<h2>${escapeHtml(doc.appendix.title)}</h2>
<dl>
${doc.appendix.definitions.map((d) => `<dt>${escapeHtml(d.term)}</dt><dd>${escapeHtml(d.text)}</dd>`).join('\n')}
</dl>
</section>
<footer>${escapeHtml(doc.footer)}</footer>
</body>
</html>
`;
}
