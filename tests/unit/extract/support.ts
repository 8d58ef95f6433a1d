import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { datasetSchema, type Dataset } from '../../../src/domain/model';
import { buildGazetteer } from '../../../src/extract/gazetteer';
import type { Tokenizer } from '../../../src/extract/tokenizer';

export const root = join(__dirname, '..', '..', '..');
export const loadDataset = (file: string): Dataset => datasetSchema.parse(parse(readFileSync(join(root, file), 'utf8')));
export const seed = loadDataset('seed/kizuna-seed.yaml');
/** The seed's places without its people: what a programme's first report is read against. */
export const coldGraph: Dataset = { ...seed, people: [], labs: [], visits: [], papers: [], transfers: [], themes: [], materials: [], events: [] };
export const gazetteer = buildGazetteer(coldGraph);

/** A dictionary of a few family names, so pattern tests need not load kuromoji's 17 MB. */
export const fakeTokenizer = (names: string[] = ['岩瀬', '西岡', '中西', '井上', '松田', '西原', '佐藤', '田中', '小林']): Tokenizer => ({
  isFamilyName: async (run) => names.includes(run),
  romanize: async () => undefined,
});
