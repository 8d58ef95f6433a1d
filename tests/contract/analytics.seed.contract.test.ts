import { loadDatasetFile } from '../../src/ingest/load';
import { DEFAULT_SEED_FILE } from '../../src/ingest/seed';
import type { Dataset } from '../../src/domain/model';
import { TestApi } from '../support/api';
import { forEachStore } from '../support/stores';

/**
 * "Which young researchers bridge which labs?" on the FY2024 report. The report names only two
 * labs (Henss, Schröder), so the default LAB level falls back, for everyone else, to their
 * institution, and for someone whose institution the report does not name (Herbers, 「ドイツ側」)
 * to the country; each group says the level it resolved at. The same question is also read at
 * INSTITUTION and COUNTRY level. Each expectation names the report's sentence it rests on.
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

const DEFAULT_BRIDGES = `{
  bridges {
    person { id } careerStage level
    pairs {
      a { group { id resolvedLevel } ties { person { id } visits { id } papers { id } } }
      b { group { id resolvedLevel } ties { person { id } visits { id } papers { id } } }
      structuralHole
    }
  }
}`;

type Side = { group: { id: string; resolvedLevel: string }; ties: Array<{ person: { id: string }; visits: Array<{ id: string }>; papers: Array<{ id: string }> }> };
type DefaultRow = { person: { id: string }; careerStage: string; level: string; pairs: Array<{ a: Side; b: Side; structuralHole: boolean }> };

/** "groupA (LEVEL) ~ groupB (LEVEL): person via evidence; …" — one line per pair, evidence included. */
const describePairs = (rows: DefaultRow[]) =>
  Object.fromEntries(
    rows.map((r) => [
      r.person.id,
      r.pairs.map((p) => {
        const side = (s: Side) => `${s.group.id} (${s.group.resolvedLevel})`;
        const evidence = [...p.a.ties, ...p.b.ties].map((t) => `${t.person.id} via ${[...t.visits, ...t.papers].map((x) => x.id).join(',')}`);
        return `${side(p.a)} ~ ${side(p.b)}: ${evidence.join('; ')}${p.structuralHole ? ' [hole]' : ''}`;
      }),
    ]),
  );

forEachStore(
  'bridges on the seed',
  (store) => {
    it('LAB, the default: the early-career bridges of the report, each group with the level it resolved at and each pair with its evidence', async () => {
      const { bridges } = await new TestApi(store()).data<{ bridges: DefaultRow[] }>(DEFAULT_BRIDGES);
      expect(bridges.every((b) => b.level === 'LAB')).toBe(true);
      expect(describePairs(bridges)).toEqual({
        // ドイツ側博士研究員の Dr. Lukas Herbers も来日し、大阪大学に所属する大学院生と共同で実験を実施
        // (s1-2-p1-2). His institution is not named (「ドイツ側」): his group is Germany, not a lab or an
        // institution; the student has no lab named, so Osaka University stands in.
        'person:herbers-lukas': [
          'country:DE (COUNTRY) ~ institution:osaka-u (INSTITUTION): person:osaka-grad-student-with-herbers via visit:herbers-germany-to-japan-fy2024 [hole]',
        ],
        'person:osaka-grad-student-with-herbers': [
          'country:DE (COUNTRY) ~ institution:osaka-u (INSTITUTION): person:herbers-lukas via visit:herbers-germany-to-japan-fy2024 [hole]',
        ],
        // この流れを受けて、東北大学の岩瀬講師がドイツに 1 ヶ月間滞在 (s1-2-p1-5; following the invitation of
        // Schröder and his lab, s1-2-p1-4) / 東北大の岩瀬講師らがそれぞれ Tufts大学を訪問 (s1-2-p3-6; Leverick, Tufts).
        // Tohoku–Tufts is also linked by the companions (ら), so it is no hole.
        'person:iwase': [
          'institution:tohoku-u (INSTITUTION) ~ institution:tufts (INSTITUTION): person:leverick-graham via visit:iwase-tohoku-to-tufts-fy2024',
          'institution:tohoku-u (INSTITUTION) ~ lab:schroder-lab (LAB): person:schroder-daniel via visit:iwase-tohoku-to-germany-fy2024 [hole]',
          'institution:tufts (INSTITUTION) ~ lab:schroder-lab (LAB): person:leverick-graham via visit:iwase-tohoku-to-tufts-fy2024; person:schroder-daniel via visit:iwase-tohoku-to-germany-fy2024 [hole]',
        ],
        // 京都大学の西岡助教が 3 ヶ月にわたって渡英し (s1-2-p2-2), after イギリス側 PI の Dr. Lee Johnson が…来日 (s1-2-p2-1).
        'person:nishioka': ['institution:kyoto-u (INSTITUTION) ~ institution:nottingham (INSTITUTION): person:johnson-lee via visit:nishioka-kyoto-to-uk-fy2024 [hole]'],
        // 大阪大学・大学院生が Henss 研究室に 3 ヶ月滞在 (s1-2-p1-7): the one lab-to-institution bridge into a named lab.
        // Osaka–Henss lab is also linked by 中西's discussion with Henss (s1-2-p1-6), so it is no hole.
        'person:osaka-grad-student-henss-lab': ['institution:osaka-u (INSTITUTION) ~ lab:henss-lab (LAB): person:henss-anja via visit:osaka-grad-student-osaka-to-jlu-fy2024'],
        // 東北大学の西原 Co-PI および Yu 助教は…渡英し、Nottingham 大学 (Dr. Lee Johnson)、Cambridge 大学 (Dr. Michael De Volder) と議論 (s1-2-p2-6).
        'person:yu': [
          'institution:cambridge (INSTITUTION) ~ institution:nottingham (INSTITUTION): person:de-volder-michael via visit:yu-tohoku-to-cambridge-fy2024; person:johnson-lee via visit:yu-tohoku-to-nottingham-fy2024 [hole]',
          'institution:cambridge (INSTITUTION) ~ institution:tohoku-u (INSTITUTION): person:de-volder-michael via visit:yu-tohoku-to-cambridge-fy2024',
          'institution:nottingham (INSTITUTION) ~ institution:tohoku-u (INSTITUTION): person:johnson-lee via visit:yu-tohoku-to-nottingham-fy2024',
        ],
      });
    });

    it('LAB: no lab is invented — every LAB-level group is one of the two named labs, a named institution or a country', async () => {
      const { bridges } = await new TestApi(store()).data<{ bridges: DefaultRow[] }>(DEFAULT_BRIDGES);
      const groups = new Set(bridges.flatMap((b) => b.pairs.flatMap((p) => [p.a.group, p.b.group])).map((g) => `${g.id} ${g.resolvedLevel}`));
      const named = new Set(dataset.institutions.filter((i) => !i.placeholder).map((i) => i.id));
      for (const g of groups) {
        const [id, level] = g.split(' ');
        if (level === 'LAB') expect(dataset.labs.map((l) => l.id)).toContain(id);
        else if (level === 'INSTITUTION') expect(named.has(id)).toBe(true);
        else expect(id).toMatch(/^country:[A-Z]{2}$/);
      }
    });

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
