import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { loadDatasetFile } from '../ingest/load';
import { DEFAULT_SEED_FILE } from '../ingest/seed';
import { extractDraft, type ReviewItem } from './draft';

interface ExtractCommandOptions {
  out: string;
  graph?: string;
  fiscalYear: string;
  home: string;
}

/**
 * `kizuna extract REPORT.txt --out draft.yaml`: proposes the facts a progress report states, in the
 * data-set format, for a person to review (draft.review.md, lowest confidence first) and then import.
 */
export function registerExtractCommand(program: Command): Command {
  return program
    .command('extract')
    .description('Propose the people, movements, plans and papers a progress report (Japanese text) states, as a data-set draft for review')
    .argument('<report>', 'the report as text (UTF-8, as extracted from the PDF)')
    .requiredOption('--out <file>', 'where to write the draft data set (YAML); the review summary goes beside it (.review.md)')
    .option('--graph <file>', 'a data set of the graph as it stands, to match people and places against (default: the seed data set)')
    .option('--fiscal-year <year>', 'the fiscal year the report covers (April–March)', '2024')
    .option('--home <code>', 'the programme country that 来日/招聘 lead to (ISO 3166-1 alpha-2)', 'JP')
    .action(async (report: string, opts: ExtractCommandOptions) => {
      process.exitCode = await runExtract(report, opts);
    });
}

async function runExtract(report: string, opts: ExtractCommandOptions): Promise<number> {
  const fiscalYear = Number(opts.fiscalYear);
  if (!Number.isInteger(fiscalYear) || fiscalYear < 1900 || fiscalYear > 2100) {
    process.stderr.write(`kizuna extract: --fiscal-year must be a year such as 2024, not "${opts.fiscalYear}"\n`);
    return 2;
  }
  const text = await readFile(report, 'utf8');
  const graph = await loadDatasetFile(opts.graph ?? DEFAULT_SEED_FILE);
  const draft = await extractDraft(text, { fiscalYear, homeCountry: opts.home.toUpperCase(), document: report, graph });
  const header = `# Draft proposed by \`kizuna extract ${report}\`: review it (see ${reviewPath(opts.out)}), then\n# \`kizuna seed --check --file ${opts.out}\` and import it. Every record cites the sentence it came from.\n`;
  await mkdir(dirname(opts.out), { recursive: true });
  await writeFile(opts.out, header + stringify(draft.dataset, { lineWidth: 0 }));
  await writeFile(reviewPath(opts.out), reviewMarkdown(report, draft.review));
  const d = draft.dataset;
  process.stderr.write(
    `kizuna extract: ${d.people.length} people, ${d.visits.length} movements, ${d.papers.length} papers, ${d.events.length} events, ${d.transfers.length} transfers, ${d.themes.length} themes → ${opts.out}\n` +
      `${draft.review.length} items to review, lowest confidence first → ${reviewPath(opts.out)}\n`,
  );
  for (const item of draft.review.slice(0, 5)) process.stderr.write(`  ${item.confidence.toFixed(2)}  ${item.record} ${item.field}: ${item.reason}\n`);
  return 0;
}

const reviewPath = (out: string) => out.replace(/\.(ya?ml|json)$/i, '') + '.review.md';

export function reviewMarkdown(report: string, items: ReviewItem[]): string {
  const rows = items.map((i) => `| ${i.confidence.toFixed(2)} | ${i.record} | ${i.field} | ${i.value.replace(/\|/g, '\\|')} | ${i.reason.replace(/\|/g, '\\|')} | ${i.quote.replace(/\|/g, '\\|')} |`);
  return [
    `# Review of the draft extracted from ${report}`,
    '',
    'Lowest confidence first. Check each against its sentence; edit the draft, then import it.',
    '',
    '| confidence | record | field | proposed | why it needs a look | sentence |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
