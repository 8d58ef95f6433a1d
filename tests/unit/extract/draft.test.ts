import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { datasetSchema, type Dataset } from '../../../src/domain/model';
import { extractDraft } from '../../../src/extract/draft';
import { evaluateDraft } from '../../../src/extract/evaluate';
import { kuromojiTokenizer } from '../../../src/extract/tokenizer';
import { coldGraph, loadDataset, root, seed } from './support';

/** The whole extractor on the seed report, with the real morphological analyser. */
describe('kizuna extract on the seed report', () => {
  const report = readFileSync(join(root, 'seed/source/fy2024-progress-report.ja.txt'), 'utf8');
  const tokenizer = kuromojiTokenizer();
  const options = { fiscalYear: 2024, homeCountry: 'JP', document: 'seed report', tokenizer };
  let cold: Dataset;
  let warm: Dataset;
  // One extraction per graph, shared: building the analyser reads its dictionary once (seconds on a busy machine).
  beforeAll(async () => {
    cold = (await extractDraft(report, { ...options, graph: coldGraph })).dataset;
    warm = (await extractDraft(report, { ...options, graph: seed })).dataset;
  }, 120_000);

  it('proposes a valid data set whose every record cites a sentence of the report', async () => {
    const dataset = cold;
    expect(datasetSchema.safeParse(dataset).success).toBe(true);
    const quotes = new Set(dataset.sources.map((s) => s.id));
    for (const v of dataset.visits) expect(v.sources.every((c) => quotes.has(typeof c === 'string' ? c : c.source))).toBe(true);
  }, 60_000);

  it('reaches the targets against the curated seed without knowing its people (cold)', async () => {
    const result = evaluateDraft(cold, seed);
    expect(result.people.precision).toBeGreaterThanOrEqual(0.9);
    expect(result.people.recall).toBeGreaterThanOrEqual(0.9);
    expect(result.movements.precision).toBeGreaterThanOrEqual(0.8);
    expect(result.movements.recall).toBeGreaterThanOrEqual(0.8);
  }, 60_000);

  it('reads names the dictionary knows in kanji to Latin letters, marked as ours', async () => {
    expect(cold.people.find((p) => p.familyNameJa === '岩瀬')?.familyName).toBe('Iwase');
  }, 60_000);

  it('against the graph that holds the seed, reuses its people, unnamed groups and movements: the draft adds nothing new', async () => {
    const dataset = warm;
    const seedPeople = new Set(seed.people.map((p) => p.id));
    const seedVisits = new Map(seed.visits.map((v) => [v.id, v]));
    expect(dataset.people.filter((p) => !seedPeople.has(p.id))).toEqual([]);
    expect(dataset.visits).toHaveLength(seed.visits.length);
    for (const v of dataset.visits) {
      const curated = seedVisits.get(v.id);
      expect(curated && [curated.visitor, curated.from, curated.to, curated.status, curated.start, curated.duration]).toEqual([v.visitor, v.from, v.to, v.status, v.start, v.duration]);
    }
  }, 60_000);

  it('reads a report of another programme year (fictional, other countries)', async () => {
    const key = loadDataset('bench/extract/fy2031-answer-key.yaml');
    const text = readFileSync(join(root, 'bench/extract/fy2031-fictional-report.ja.txt'), 'utf8');
    const { dataset } = await extractDraft(text, { ...options, fiscalYear: 2031, graph: { ...key, people: [], visits: [], events: [] } });
    const result = evaluateDraft(dataset, key);
    expect(result.movements.recall).toBeGreaterThanOrEqual(0.8);
    expect(result.people.recall).toBeGreaterThanOrEqual(0.9);
  }, 60_000);
});

describe('conflicting readings', () => {
  it('keeps an institution written otherwise (BTU, NAL, 東北大) as a non-canonical reading, and a title against the table', async () => {
    const report = readFileSync(join(root, 'seed/source/fy2024-progress-report.ja.txt'), 'utf8');
    const { dataset } = await extractDraft(report, { fiscalYear: 2024, homeCountry: 'JP', document: 'r', graph: coldGraph, tokenizer: kuromojiTokenizer() });
    const readings = (id: string) => dataset.institutions.find((i) => i.id === id)?.sources.flatMap((c) => (typeof c === 'string' ? [] : [[c.reading, c.canonical]]));
    expect(readings('institution:tu-braunschweig')).toEqual(expect.arrayContaining([['BTU', false]]));
    expect(readings('institution:argonne')).toEqual(expect.arrayContaining([['NAL', false]]));
    expect(readings('institution:tohoku-u')?.some(([reading, canonical]) => reading === '東北大' && canonical !== true)).toBe(true);
    expect(datasetSchema.safeParse(dataset).success).toBe(true);
  }, 120_000);
});
