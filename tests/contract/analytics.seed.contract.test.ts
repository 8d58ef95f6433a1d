import { loadDatasetFile } from '../../src/ingest/load';
import { DEFAULT_SEED_FILE } from '../../src/ingest/seed';
import type { Dataset } from '../../src/domain/model';
import { TestApi } from '../support/api';
import { forEachStore } from '../support/stores';

/**
 * "Which young researchers bridge which labs?" on the FY2024 report. The report records only two
 * labs (Henss, Schröder), so the answer is read at INSTITUTION and COUNTRY level: the early-career
 * researchers whose stays connect Japan with Germany, the UK and the US. Each expectation names the
 * report's sentence it rests on.
 */
let dataset: Dataset;
beforeAll(async () => {
  dataset = await loadDatasetFile(DEFAULT_SEED_FILE);
});

const BRIDGES = `query($level: GroupLevel!) {
  bridges(level: $level, first: 100) { person { id } careerStage pairs { a { group { id } } b { group { id } } structuralHole } } }`;

type BridgeRow = { person: { id: string }; careerStage: string; pairs: Array<{ a: { group: { id: string } }; b: { group: { id: string } }; structuralHole: boolean }> };
const pairsOf = (rows: BridgeRow[]) =>
  Object.fromEntries(rows.map((r) => [r.person.id, r.pairs.map((p) => `${p.a.group.id} ~ ${p.b.group.id}`).sort()]));

forEachStore(
  'bridges on the seed',
  (store) => {
    it('COUNTRY: early-career researchers tie Japan to Germany, the UK and the US', async () => {
      const { bridges } = await new TestApi(store()).data<{ bridges: BridgeRow[] }>(BRIDGES, { level: 'COUNTRY' });
      expect(pairsOf(bridges)).toEqual({
        // 東北大学の岩瀬講師がドイツに 1 ヶ月滞在… / 東北大の岩瀬講師らがそれぞれ Tufts大学を訪問
        'person:iwase': ['country:DE ~ country:JP', 'country:DE ~ country:US', 'country:JP ~ country:US'],
        // ドイツ側博士研究員の Dr. Lukas Herbers も来日し、大阪大学に所属する大学院生と共同で実験を実施
        'person:herbers-lukas': ['country:DE ~ country:JP'],
        'person:osaka-grad-student-with-herbers': ['country:DE ~ country:JP'],
        // 大阪大学・大学院生が Henss 研究室に 3 ヶ月滞在
        'person:osaka-grad-student-henss-lab': ['country:DE ~ country:JP'],
        // 京都大学の西岡助教が 3 ヶ月にわたって渡英
        'person:nishioka': ['country:GB ~ country:JP'],
        // 西原 Co-PI および Yu 助教は…渡英し、Nottingham 大学…Cambridge 大学…と議論
        'person:yu': ['country:GB ~ country:JP'],
      });
      expect(bridges.every((b) => ['LECTURER', 'ASSISTANT_PROFESSOR', 'POSTDOC', 'GRADUATE_STUDENT'].includes(b.careerStage))).toBe(true);
    });

    it('INSTITUTION: the Tohoku–Braunschweig and Kyoto–Nottingham ties run through one person each (structural holes)', async () => {
      const { bridges } = await new TestApi(store()).data<{ bridges: BridgeRow[] }>(BRIDGES, { level: 'INSTITUTION' });
      const holes = bridges.flatMap((b) => b.pairs.filter((p) => p.structuralHole).map((p) => `${b.person.id}: ${p.a.group.id} ~ ${p.b.group.id}`));
      expect(holes).toEqual(
        expect.arrayContaining(['person:iwase: institution:tohoku-u ~ institution:tu-braunschweig', 'person:nishioka: institution:kyoto-u ~ institution:nottingham']),
      );
    });

    it('names only people of the data set, none of them PLANNED-only travellers', async () => {
      const { bridges } = await new TestApi(store()).data<{ bridges: BridgeRow[] }>(BRIDGES, { level: 'COUNTRY' });
      const planners = new Set(dataset.visits.filter((v) => v.status === 'PLANNED').map((v) => v.visitor));
      const travellers = new Set(dataset.visits.filter((v) => v.status !== 'PLANNED').map((v) => v.visitor));
      for (const b of bridges) expect(planners.has(b.person.id) && !travellers.has(b.person.id)).toBe(false);
    });
  },
  () => dataset,
);
