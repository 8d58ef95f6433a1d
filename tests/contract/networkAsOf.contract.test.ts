import type { Dataset } from '../../src/domain/model';
import { DEFAULT_EARLY_CAREER_RULE } from '../../src/domain/earlyCareer';
import { exportGraph } from '../../src/analytics/service';
import { loadDatasetFile } from '../../src/ingest/load';
import { DEFAULT_SEED_FILE } from '../../src/ingest/seed';
import { withSecondYear } from '../fixtures/secondYearDataset';
import { TestApi } from '../support/api';
import { forEachStore } from '../support/stores';

/**
 * The network as it stood on a day (docs/metrics.md, "The network as of a date"), on the seed's
 * FY2024 report and, for a second year, the seed plus the fictional FY2025 test data of
 * tests/fixtures/secondYearDataset.ts. Both stores give the same answers (forEachStore).
 *
 * As of 2024-10-01, by hand from the report (seed/source, §1-2): every tie of the report rests on
 * a visit with a host, and all but one are dated only "FY2024" (本年度), placed on 1 April 2024 —
 * so they count on 1 October, but their start could fall on either side of it: uncertain.
 * Nakanishi's stay in Germany is dated September 2024 (「PI の中西は 9 月に訪独し」): certainly started by then.
 * Leverick's visit of April 2024 (「4月に招聘し」) names no host in Japan, so it makes no tie.
 * The Schröder lab's student is tied to Schröder by the lab (no dates: always). 12 ties, 10 uncertain.
 * As of 2024-03-31, before the report's year, only the lab tie is left.
 */
let seed: Dataset;
beforeAll(async () => {
  seed = await loadDatasetFile(DEFAULT_SEED_FILE);
});

const SEED_TIES_2024_10_01 = [
  'person:de-volder-michael--person:nishihara-hirotomo v:nishihara-tohoku-to-cambridge-fy2024',
  'person:de-volder-michael--person:yu v:yu-tohoku-to-cambridge-fy2024',
  'person:henss-anja--person:nakanishi-shuji v:nakanishi-osaka-to-germany-2024-09',
  'person:henss-anja--person:osaka-grad-student-henss-lab v:osaka-grad-student-osaka-to-jlu-fy2024',
  'person:herbers-lukas--person:osaka-grad-student-with-herbers v:herbers-germany-to-japan-fy2024',
  'person:iwase--person:leverick-graham v:iwase-tohoku-to-tufts-fy2024',
  'person:iwase--person:schroder-daniel v:iwase-tohoku-to-germany-fy2024',
  'person:iwase-companions--person:leverick-graham v:iwase-companions-tohoku-to-tufts-fy2024',
  'person:johnson-lee--person:nishihara-hirotomo v:nishihara-tohoku-to-nottingham-fy2024',
  'person:johnson-lee--person:nishioka v:nishioka-kyoto-to-uk-fy2024',
  'person:johnson-lee--person:yu v:yu-tohoku-to-nottingham-fy2024',
  'person:schroder-daniel--person:schroder-lab-grad-student l:schroder-lab',
];

type Edge = { id: string; visits: string[]; papers: string[]; labs: string[] };
const describeEdges = (edges: Edge[]) =>
  edges.map((e) => `${e.id} ${[...e.visits.map((v) => `v:${v.slice(6)}`), ...e.papers.map((p) => `p:${p.slice(6)}`), ...e.labs.map((l) => `l:${l.slice(4)}`)].join(',')}`);

const GRAPH_AT = `query($asOf: LocalDate, $fiscalYear: Int, $includePlanned: Boolean! = false) {
  graph(filter: { asOf: $asOf, fiscalYear: $fiscalYear, includePlanned: $includePlanned, includeIsolated: false }) {
    edges { id visits papers labs }
    period { asOf fiscalYear ties uncertainTies uncertainExcludedTies undatedItems }
  }
}`;

forEachStore(
  'the network as of a date (seed)',
  (store) => {
    const api = () => new TestApi(store());

    it('as of 2024-10-01: the report’s ties, ten of twelve resting on a start stated only as FY2024', async () => {
      const { graph } = await api().data(GRAPH_AT, { asOf: '2024-10-01' });
      expect(describeEdges(graph.edges)).toEqual(SEED_TIES_2024_10_01);
      expect(graph.period).toEqual({ asOf: '2024-10-01', fiscalYear: null, ties: 12, uncertainTies: 10, uncertainExcludedTies: 0, undatedItems: 0 });
    });

    it('as of 2024-03-31, before the report’s year: only the lab tie', async () => {
      const { graph } = await api().data(GRAPH_AT, { asOf: '2024-03-31' });
      expect(describeEdges(graph.edges)).toEqual(['person:schroder-daniel--person:schroder-lab-grad-student l:schroder-lab']);
      expect(graph.period.uncertainTies).toBe(0);
    });

    it('fiscalYear 2024 is its last day, and on the seed it is the whole graph (every counted visit is in FY2024)', async () => {
      const { graph } = await api().data(GRAPH_AT, { fiscalYear: 2024 });
      const whole = await api().data(`{ graph(filter: { includeIsolated: false }) { edges { id visits papers labs } period { ties } } }`);
      expect(graph.edges).toEqual(whole.graph.edges);
      expect(whole.graph.period).toBeNull();
      expect(graph.period).toMatchObject({ asOf: '2025-03-31', fiscalYear: 2024, ties: 12, uncertainTies: 0 });
    });

    it('includePlanned counts the plans whose placed start is by the day: FY2025 plans only from 1 April 2025', async () => {
      const before = await api().data(GRAPH_AT, { fiscalYear: 2024, includePlanned: true });
      const after = await api().data(GRAPH_AT, { asOf: '2025-04-01', includePlanned: true });
      const planned = (edges: Edge[]) => edges.flatMap((e) => e.visits).filter((v) => /fy2025|2025/.test(v)).sort();
      expect(planned(before.graph.edges)).toEqual([]);
      // FY2025 and "2025-04" plans are placed on 1 April 2025; "2025" (a bare calendar year) too, on 1 April of FY2025.
      expect(planned(after.graph.edges)).toEqual([
        'visit:inoue-tohoku-to-us-2025',
        'visit:nishioka-kyoto-to-uk-fy2025',
        'visit:osaka-grad-student-osaka-to-uk-fy2025',
        'visit:yu-tohoku-to-cambridge-2025',
      ]);
    });

    it('bridges, brokerage, paths and neighbourhoods take the day too', async () => {
      const data = await api().data(`{
        early: bridges(level: INSTITUTION, asOf: "2024-03-31") { person { id } }
        late: bridges(level: INSTITUTION, asOf: "2024-10-01") { person { id } }
        brokerage(level: INSTITUTION, asOf: "2024-03-31", people: ["person:iwase"]) { degree constraint betweenness }
        before: collaborationPath(from: "person:iwase", to: "person:schroder-daniel", asOf: "2024-03-31") { hops }
        after: collaborationPath(from: "person:iwase", to: "person:schroder-daniel", asOf: "2024-10-01") { hops period { asOf uncertainTies } }
        neighborhood(id: "person:iwase", asOf: "2024-10-01") { nodes { id } period { ties } }
        networkPeriod(asOf: "2024-10-01") { ties uncertainTies }
      }`);
      expect(data.early).toEqual([]);
      expect(data.late.map((b: { person: { id: string } }) => b.person.id)).toContain('person:iwase');
      expect(data.brokerage).toEqual([{ degree: 0, constraint: null, betweenness: 0 }]);
      expect(data.before).toBeNull();
      expect(data.after).toEqual({ hops: 1, period: { asOf: '2024-10-01', uncertainTies: 10 } });
      expect(data.neighborhood.nodes.map((n: { id: string }) => n.id)).toEqual(['person:iwase', 'person:leverick-graham', 'person:schroder-daniel']);
      expect(data.networkPeriod).toEqual({ ties: 12, uncertainTies: 10 });
    });

    it('exports (HTTP /export and kizuna export share exportGraph) take the day', async () => {
      const exported = await exportGraph(store(), DEFAULT_EARLY_CAREER_RULE, { format: 'graphology', period: { asOf: '2024-03-31', fiscalYear: null } });
      const edges = (JSON.parse(exported.body) as { edges: Array<{ key: string }> }).edges.map((e) => e.key);
      expect(edges).toEqual(['person:schroder-daniel--person:schroder-lab-grad-student']);
    });

    it('asOf and fiscalYear together, or neither for networkPeriod, are BAD_USER_INPUT', async () => {
      for (const query of ['{ bridges(asOf: "2024-10-01", fiscalYear: 2024) { level } }', '{ networkPeriod { ties } }', '{ graph(filter: { fiscalYear: 99999 }) { level } }']) {
        const result = await api().query(query);
        expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      }
    });
  },
  () => seed,
);

forEachStore(
  'the network as of a date (seed + fictional FY2025)',
  (store) => {
    const api = () => new TestApi(store());

    it('FY2024 vs FY2025: new visits and the 2025 paper tie people; a lab membership that ended unties; one 2025 paper could have predated FY2024’s end', async () => {
      const fy2024 = (await api().data(GRAPH_AT, { fiscalYear: 2024 })).graph;
      const fy2025 = (await api().data(GRAPH_AT, { fiscalYear: 2025 })).graph;
      expect(describeEdges(fy2024.edges)).toEqual(SEED_TIES_2024_10_01);
      // The paper's year 2025 is placed on 1 April 2025 but could be 1 January: its two new ties are uncertain left-outs of FY2024.
      expect(fy2024.period).toMatchObject({ ties: 12, uncertainTies: 0, uncertainExcludedTies: 2 });
      const before = new Set(describeEdges(fy2024.edges));
      expect(describeEdges(fy2025.edges).filter((e) => !before.has(e))).toEqual([
        'person:dewar-daniel--person:yu v:test-fy2025-yu-oxford',
        'person:henss-anja--person:henss-grad-student l:henss-lab',
        'person:henss-anja--person:schroder-lab-grad-student v:test-fy2025-schroder-grad-jlu,l:henss-lab',
        'person:henss-grad-student--person:schroder-lab-grad-student l:henss-lab',
        'person:inoue--person:shao-horn-yang v:test-fy2025-inoue-mit',
        'person:iwase--person:nishioka p:test-fy2025-joint-paper',
        'person:iwase--person:schroder-daniel v:iwase-tohoku-to-germany-fy2024,p:test-fy2025-joint-paper',
        'person:johnson-lee--person:nishioka v:nishioka-kyoto-to-uk-fy2024,v:test-fy2025-nishioka-nottingham',
        'person:nishioka--person:schroder-daniel p:test-fy2025-joint-paper',
      ]);
      expect(fy2025.edges.map((e: Edge) => e.id)).not.toContain('person:schroder-daniel--person:schroder-lab-grad-student');
      expect(fy2025.period).toMatchObject({ ties: 18, uncertainTies: 0 });
    });

    it('a start stated as a month is uncertain inside the month, a paper’s year until the year ends', async () => {
      const at = async (asOf: string) => (await api().data(GRAPH_AT, { asOf })).graph;
      const yu = (g: { edges: Edge[] }) => g.edges.find((e) => e.id === 'person:dewar-daniel--person:yu');
      // 15 October 2025: Yu's "2025-10" stay, and the two ties resting only on the 2025 paper.
      const mid = await at('2025-10-15');
      expect(yu(mid)).toBeDefined();
      expect(mid.period.uncertainTies).toBe(3);
      expect((await at('2025-11-01')).period.uncertainTies).toBe(2);
      expect((await at('2026-01-01')).period.uncertainTies).toBe(0);
      expect(yu(await at('2025-09-30'))).toBeUndefined();
    });

    it('memberships hold by since/until: the student’s groups move from the Schröder lab to the Henss lab', async () => {
      const q = `query($asOf: LocalDate!) { graph(filter: { asOf: $asOf, people: ["person:schroder-lab-grad-student"] }) { nodes { id lab } } }`;
      const lab = async (asOf: string) => (await api().data(q, { asOf })).graph.nodes[0].lab;
      expect(await lab('2025-08-31')).toBe('lab:schroder-lab');
      expect(await lab('2025-09-15')).toBeNull();
      expect(await lab('2025-10-01')).toBe('lab:henss-lab');
    });
  },
  () => withSecondYear(seed),
);

const CHANGE = `query($from: NetworkPeriodInput!, $to: NetworkPeriodInput!) {
  networkChange(from: $from, to: $to, level: INSTITUTION) {
    level
    from { period { asOf fiscalYear ties uncertainTies } people ties density crossBorderTies crossBorderShare }
    to { period { asOf fiscalYear ties uncertainTies } people ties density crossBorderTies crossBorderShare }
    tiesFormed { id kinds visitIds paperIds labIds a { id } }
    tiesEnded { id labIds }
    newGroupPairs { level a { id } b { id } ties { id visitIds paperIds } }
    becameBridges { person { id } pairs { a { id } b { id } structuralHole } visitIds paperIds }
    stoppedBridging { person { id } pairs { a { id } b { id } } labIds }
    earlyCareer { person { id } degree { before after change } betweenness { before after change }
      constraint { before after change } effectiveSize { before after change } tiesFormed { id } tiesEnded { id } }
    density { before after change }
    crossBorderShare { before after change }
  }
}`;

forEachStore(
  'networkChange: FY2024 vs FY2025 (seed + fictional FY2025)',
  (store) => {
    const api = () => new TestApi(store());
    let change: any;
    beforeAll(async () => {
      change = (await api().data(CHANGE, { from: { fiscalYear: 2024 }, to: { fiscalYear: 2025 } })).networkChange;
    });

    it('shapes of the two years: people with a tie, ties, density, cross-border share', () => {
      // FY2024: 12 ties among 18 people; 10 cross-border (all visit ties but Schröder's lab tie and the
      // Herbers–Osaka student tie, whose ends are "Germany" and "Japan" — placeholders with a country: cross-border too).
      expect(change.from).toEqual({
        period: { asOf: '2025-03-31', fiscalYear: 2024, ties: 12, uncertainTies: 0 },
        people: change.from.people, ties: 12, density: (2 * 12) / (change.from.people * (change.from.people - 1)),
        crossBorderTies: change.from.crossBorderTies, crossBorderShare: change.from.crossBorderTies / 12,
      });
      expect(change.to.ties).toBe(18);
      expect(change.density.change).toBeCloseTo(change.to.density - change.from.density, 12);
      expect(change.crossBorderShare.change).toBeCloseTo(change.to.crossBorderShare - change.from.crossBorderShare, 12);
    });

    it('ties formed (with their evidence) and the one tie only in FY2024 (the lab membership that ended)', () => {
      expect(change.tiesFormed.map((t: any) => `${t.id} ${t.kinds.join('+')}`)).toEqual([
        'person:dewar-daniel--person:yu VISIT',
        'person:henss-anja--person:henss-grad-student SHARED_LAB',
        'person:henss-anja--person:schroder-lab-grad-student VISIT+SHARED_LAB',
        'person:henss-grad-student--person:schroder-lab-grad-student SHARED_LAB',
        'person:inoue--person:shao-horn-yang VISIT',
        'person:iwase--person:nishioka COAUTHORSHIP',
        'person:nishioka--person:schroder-daniel COAUTHORSHIP',
      ]);
      expect(change.tiesFormed.find((t: any) => t.id === 'person:inoue--person:shao-horn-yang').visitIds).toEqual(['visit:test-fy2025-inoue-mit']);
      expect(change.tiesEnded).toEqual([{ id: 'person:schroder-daniel--person:schroder-lab-grad-student', labIds: ['lab:schroder-lab'] }]);
    });

    it('new country, institution and lab pairs, each with the ties behind it', () => {
      const pairs = change.newGroupPairs.map((p: any) => `${p.level} ${p.a.id}~${p.b.id}: ${p.ties.map((t: any) => t.id).join(',')}`);
      // Inoue–Shao-Horn is a Japan–US tie, but Iwase's Tufts visit already linked Japan and the US:
      // no new country pair from it; Tohoku–MIT is a new institution pair.
      // The Schröder-lab student's move is within one group on the later day (the Henss lab): no lab pair from it.
      expect(pairs).toEqual([
        'INSTITUTION institution:kyoto-u~institution:tohoku-u: person:iwase--person:nishioka',
        'INSTITUTION institution:kyoto-u~institution:tu-braunschweig: person:nishioka--person:schroder-daniel',
        'INSTITUTION institution:mit~institution:tohoku-u: person:inoue--person:shao-horn-yang',
        'INSTITUTION institution:oxford~institution:tohoku-u: person:dewar-daniel--person:yu',
        'LAB institution:kyoto-u~institution:tohoku-u: person:iwase--person:nishioka',
        'LAB institution:kyoto-u~lab:schroder-lab: person:nishioka--person:schroder-daniel',
        'LAB institution:mit~institution:tohoku-u: person:inoue--person:shao-horn-yang',
        'LAB institution:oxford~institution:tohoku-u: person:dewar-daniel--person:yu',
      ]);
      expect(pairs.filter((p: string) => p.startsWith('COUNTRY'))).toEqual([]);
    });

    it('bridges gained and lost at INSTITUTION level, with evidence', () => {
      const became = change.becameBridges.map((b: any) => b.person.id);
      expect(became).toContain('person:inoue');
      const inoue = change.becameBridges.find((b: any) => b.person.id === 'person:inoue');
      expect(inoue.pairs).toEqual([{ a: { id: 'institution:mit' }, b: { id: 'institution:tohoku-u' }, structuralHole: true }]);
      expect(inoue.visitIds).toEqual(['visit:test-fy2025-inoue-mit']);
      // Nobody stops bridging at INSTITUTION level: ties accumulate, only a lab tie ended.
      expect(change.stoppedBridging).toEqual([]);
    });

    it('each early-career person’s betweenness, constraint and effective size before and after, with the ties that changed', () => {
      const nishioka = change.earlyCareer.find((p: any) => p.person.id === 'person:nishioka');
      expect(nishioka.degree).toEqual({ before: 1, after: 3, change: 2 });
      // FY2024: one tie → constraint 1, effective size 1. FY2025, by hand (docs/metrics.md): ties to Johnson (weight 2:
      // two visits), Iwase (1) and Schröder (1, the paper); Iwase–Schröder weight 2 (visit + paper), Iwase's strengths sum
      // to 4 (+ Leverick), Schröder's to 3. p = 1/2, 1/4, 1/4; constraint = (1/2)² + (1/4 + 1/4·2/3)² + (1/4 + 1/4·1/2)²
      // = 0.25 + 0.173611… + 0.140625; effective size = 1 + (1 − 1/4) + (1 − 1/4) = 2.5.
      expect(nishioka.constraint.before).toBeCloseTo(1, 12);
      expect(nishioka.effectiveSize.before).toBeCloseTo(1, 12);
      expect(nishioka.constraint.after).toBeCloseTo(0.25 + (1 / 4 + 1 / 6) ** 2 + 0.375 ** 2, 12);
      expect(nishioka.effectiveSize.after).toBeCloseTo(2.5, 12);
      expect(nishioka.constraint.change).toBeCloseTo(nishioka.constraint.after - 1, 12);
      expect(nishioka.tiesFormed.map((t: any) => t.id)).toEqual(['person:iwase--person:nishioka', 'person:nishioka--person:schroder-daniel']);
      const student = change.earlyCareer.find((p: any) => p.person.id === 'person:schroder-lab-grad-student');
      expect(student.tiesEnded).toEqual([{ id: 'person:schroder-daniel--person:schroder-lab-grad-student' }]);
      expect(change.earlyCareer.every((p: any) => p.betweenness.before !== null && p.betweenness.after !== null)).toBe(true);
    });

    it('from must come before to; each needs a day', async () => {
      for (const variables of [{ from: { fiscalYear: 2025 }, to: { fiscalYear: 2024 } }, { from: {}, to: { fiscalYear: 2024 } }]) {
        const result = await api().query(CHANGE, variables);
        expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      }
    });
  },
  () => withSecondYear(seed),
);
