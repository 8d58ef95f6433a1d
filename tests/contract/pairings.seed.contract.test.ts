import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDatasetFile } from '../../src/ingest/load';
import { DEFAULT_SEED_FILE } from '../../src/ingest/seed';
import type { Dataset } from '../../src/domain/model';
import { TestApi } from '../support/api';
import { forEachStore } from '../support/stores';

/**
 * suggestPairings on the FY2024 report, on both stores. Each expectation is worked out by hand
 * from the report's sentences and the definitions of docs/metrics.md ("Suggested pairings"):
 * the weights are 0.35 closure + 0.35 topics + 0.30 hole, the new tie weighs 1.
 */
let dataset: Dataset;
beforeAll(async () => {
  dataset = await loadDatasetFile(DEFAULT_SEED_FILE);
});

const SUGGEST = `query($person: ID, $between: [ID!], $first: Int, $level: GroupLevel) {
  suggestPairings(person: $person, between: $between, first: $first, level: $level) {
    level candidates weights { closure topics hole }
    suggestions {
      person { id } candidate { id placeholder }
      score parts { closure topics hole }
      personGroups { id resolvedLevel } candidateGroups { id resolvedLevel }
      personChange { constraintBefore constraintAfter effectiveSizeBefore effectiveSizeAfter }
      candidateChange { constraintBefore constraintAfter effectiveSizeBefore effectiveSizeAfter }
      commonNeighbours adamicAdar resourceAllocation
      sharedNeighbours { person { id } personTie { visitIds paperIds labIds } candidateTie { visitIds paperIds labIds } }
      sharedThemes { id theme { id name } personEvidence candidateEvidence }
      sharedMaterials { id material { id } personEvidence candidateEvidence }
    }
  }
}`;

/** What the rule checks need, small enough for first: 100 under the cost limit. */
const CANDIDATES = `query($person: ID, $first: Int, $level: GroupLevel) {
  suggestPairings(person: $person, first: $first, level: $level) {
    candidates
    suggestions { candidate { id placeholder } personGroups { id } candidateGroups { id } personChange { constraintAfter } }
  }
}`;

/** For the errors: the argument checks come before any work. */
const COUNT = `query($person: ID, $between: [ID!], $first: Int, $level: GroupLevel) {
  suggestPairings(person: $person, between: $between, first: $first, level: $level) { candidates }
}`;

type Change = { constraintBefore: number | null; constraintAfter: number | null; effectiveSizeBefore: number | null; effectiveSizeAfter: number | null };
type Suggestion = {
  person: { id: string };
  candidate: { id: string; placeholder: boolean };
  score: number;
  parts: { closure: number; topics: number; hole: number };
  personGroups: Array<{ id: string; resolvedLevel: string }>;
  candidateGroups: Array<{ id: string; resolvedLevel: string }>;
  personChange: Change;
  candidateChange: Change;
  commonNeighbours: number;
  adamicAdar: number;
  resourceAllocation: number;
  sharedNeighbours: Array<{ person: { id: string }; personTie: { visitIds: string[] }; candidateTie: { visitIds: string[] } }>;
  sharedThemes: Array<{ id: string; theme: { id: string; name: string } | null; personEvidence: string[]; candidateEvidence: string[] }>;
  sharedMaterials: Array<{ id: string }>;
};
type Answer = { suggestPairings: { level: string; candidates: number; weights: { closure: number; topics: number; hole: number }; suggestions: Suggestion[] } };

forEachStore(
  'suggestPairings on the seed',
  (store) => {
    const api = () => new TestApi(store());
    const suggest = async (variables: Record<string, unknown>) => (await api().data<Answer>(SUGGEST, variables)).suggestPairings;
    const errorOf = async (variables: Record<string, unknown>) => (await api().query(COUNT, variables)).errors?.[0];
    const candidates = async (variables: Record<string, unknown>) => (await api().data<Answer>(CANDIDATES, variables)).suggestPairings;

    it('the Osaka student who worked with Herbers: Bieker and Murase first, through the anode theme of the film technology', async () => {
      // ドイツ側博士研究員の Dr. Lukas Herbers も来日し、大阪大学に所属する大学院生と共同で実験を実施し、ドイツ側の
      // Li 負極保護膜技術の導入を進めた (s1-2-p1-2): the student hosted Herbers's visit, which is about the
      // Li-anode protective film; that material is about 負極反応の分析, the theme Murase (Kyoto) and Bieker
      // (JHIM) lead (s2-r3). So both share one of the student's two interests: topics = 1/2.
      // The student's one tie is Herbers: constraint 1, effective size 1; a second, unrelated contact
      // halves the constraint (hole = 1/2) and makes effective size 2. No common contact: closure 0.
      // score = 0.35·0 + 0.35·0.5 + 0.30·0.5 = 0.325.
      const answer = await suggest({ person: 'person:osaka-grad-student-with-herbers', first: 3 });
      expect(answer.level).toBe('LAB');
      expect(answer.weights).toEqual({ closure: 0.35, topics: 0.35, hole: 0.3 });
      const [bieker, murase, third] = answer.suggestions;
      expect([bieker.candidate.id, murase.candidate.id]).toEqual(['person:bieker-peter', 'person:murase-kuniaki']);
      for (const s of [bieker, murase]) {
        expect(s.score).toBeCloseTo(0.325, 12);
        expect(s.parts).toEqual({ closure: 0, topics: 0.5, hole: 0.5 });
        expect(s.personChange).toEqual({ constraintBefore: 1, constraintAfter: 0.5, effectiveSizeBefore: 1, effectiveSizeAfter: 2 });
        expect(s.sharedThemes).toEqual([
          {
            id: 'theme:anode-reaction-analysis',
            theme: { id: 'theme:anode-reaction-analysis', name: 'Analysis of anode reactions' },
            personEvidence: ['material:li-anode-protective-film'],
            candidateEvidence: ['theme:anode-reaction-analysis'],
          },
        ]);
        expect(s.commonNeighbours).toBe(0);
        expect(s.sharedNeighbours).toEqual([]);
      }
      // The student has no lab named: Osaka University stands in (INSTITUTION).
      expect(bieker.personGroups).toEqual([{ id: 'institution:osaka-u', resolvedLevel: 'INSTITUTION' }]);
      expect(bieker.candidateGroups).toEqual([{ id: 'institution:jhim', resolvedLevel: 'INSTITUTION' }]);
      // Bieker has no tie without planned items (his stay in Japan names no host): one tie gives 1 and 1.
      expect(bieker.candidateChange).toEqual({ constraintBefore: null, constraintAfter: 1, effectiveSizeBefore: null, effectiveSizeAfter: 1 });
      // Then people with nothing in common: the structural part alone (0.30 · 0.5).
      expect(third.score).toBeCloseTo(0.15, 12);
      expect(third.sharedThemes).toEqual([]);
    });

    it('Nishioka (Kyoto): Nishihara and Yu first, who were hosted by Johnson in Nottingham as he was', async () => {
      // 京都大学の西岡助教が 3 ヶ月にわたって渡英 (s1-2-p2-2, host Johnson); 西原 Co-PI および Yu 助教が
      // Nottingham 大学 (Dr. Lee Johnson) … を訪問 (s1-2-p2-6). Johnson has three ties (Nishioka,
      // Nishihara, Yu), so CN = 1, AA = 1/ln 3, RA = 1/3, closure = 1 − e^(−1/ln 3).
      // Nishioka's constraint: one tie, 1. With Yu (weight 1): p = 1/2 to each; Johnson and Yu are
      // tied, p(Yu→Johnson) = 1/3 (Yu: Johnson, De Volder, Nishioka), p(Johnson→Yu) = 1/3, so
      // c = 2 · (1/2 + 1/2 · 1/3)² = 8/9; effective size stays 1 (each contact redundant by half).
      const answer = await suggest({ person: 'person:nishioka', first: 2 });
      expect(answer.suggestions.map((s) => s.candidate.id)).toEqual(['person:nishihara-hirotomo', 'person:yu']);
      const yu = answer.suggestions[1];
      expect(yu.commonNeighbours).toBe(1);
      expect(yu.adamicAdar).toBeCloseTo(1 / Math.log(3), 12);
      expect(yu.resourceAllocation).toBeCloseTo(1 / 3, 12);
      expect(yu.parts.closure).toBeCloseTo(1 - Math.exp(-1 / Math.log(3)), 12);
      expect(yu.personChange.constraintBefore).toBe(1);
      expect(yu.personChange.constraintAfter).toBeCloseTo(8 / 9, 12);
      expect(yu.personChange.effectiveSizeAfter).toBeCloseTo(1, 12);
      expect(yu.parts.hole).toBeCloseTo(1 / 9, 12);
      expect(yu.sharedNeighbours).toEqual([
        {
          person: { id: 'person:johnson-lee' },
          personTie: { visitIds: ['visit:nishioka-kyoto-to-uk-fy2024'], paperIds: [], labIds: [] },
          candidateTie: { visitIds: ['visit:yu-tohoku-to-nottingham-fy2024'], paperIds: [], labIds: [] },
        },
      ]);
    });

    it('Yu → Nishioka: a tie into Johnson’s circle raises Yu’s constraint, so the hole part is 0', async () => {
      // Yu's contacts Johnson and De Volder are not tied: constraint 1/2. Nishioka is tied to Johnson,
      // so the new contact is redundant and constraint rises (to 0.5586…): hole = 0, closure only.
      const answer = await suggest({ person: 'person:yu', first: 1 });
      const [s] = answer.suggestions;
      expect(s.candidate.id).toBe('person:nishioka');
      expect(s.personChange.constraintBefore).toBeCloseTo(0.5, 12);
      expect(s.personChange.constraintAfter!).toBeGreaterThan(0.5);
      expect(s.parts.hole).toBe(0);
      expect(s.score).toBeCloseTo(0.35 * (1 - Math.exp(-1 / Math.log(3))), 12);
    });

    it('themes and materials from transfers and hosted visits; planned visits only with includePlanned', async () => {
      // 東北大の正極を英国グループに提供済み (s1-2-p2-7): the UK group (a placeholder with no membership, so no
      // group: every grouped person is in another group) received the porous cathode, which is about 正極の開発,
      // the theme Nishihara leads (s2-r2). Topics 1/2 (one of the group's two interests), hole 1 (no tie yet).
      const SHARED = `query($planned: Boolean!) { suggestPairings(person: "person:uk-group", first: 3, includePlanned: $planned) {
        suggestions { candidate { id } score sharedThemes { id personEvidence candidateEvidence } sharedMaterials { id personEvidence candidateEvidence } } } }`;
      type Shared = { suggestPairings: { suggestions: Array<{ candidate: { id: string }; score: number; sharedThemes: unknown[]; sharedMaterials: unknown[] }> } };
      const done = (await api().data<Shared>(SHARED, { planned: false })).suggestPairings.suggestions;
      expect(done[0].candidate.id).toBe('person:nishihara-hirotomo');
      expect(done[0].score).toBeCloseTo(0.35 * 0.5 + 0.3, 12);
      expect(done[0].sharedThemes).toEqual([{ id: 'theme:cathode-development', personEvidence: ['material:tohoku-porous-cathode'], candidateEvidence: ['theme:cathode-development'] }]);
      expect(done.some((s) => s.candidate.id === 'person:yu' && s.sharedMaterials.length > 0)).toBe(false);
      // Yu's PLANNED one-year stay at Cambridge with the porous cathode (s1-2-p2-6, 2025) counts only with
      // includePlanned: then Yu (visitor) and De Volder (host) share the cathode and its theme with the group.
      const planned = (await api().data<Shared>(SHARED, { planned: true })).suggestPairings.suggestions;
      expect(planned.map((s) => s.candidate.id)).toEqual(['person:de-volder-michael', 'person:yu', 'person:nishihara-hirotomo']);
      expect(planned[1].sharedMaterials).toEqual([
        { id: 'material:tohoku-porous-cathode', personEvidence: ['transfer:cathode-tohoku-to-uk-group'], candidateEvidence: ['visit:yu-tohoku-to-cambridge-2025'] },
      ]);
      expect(planned[1].score).toBeCloseTo(0.35 * 1 + 0.3, 12);
    });

    it('never suggests a placeholder, someone already tied, or someone in one of the person’s groups', async () => {
      const placeholders = new Set(dataset.people.filter((p) => p.placeholder).map((p) => p.id));
      let checked = 0;
      for (const p of dataset.people) {
        for (const level of ['LAB', 'INSTITUTION', 'COUNTRY']) {
          const answer = await candidates({ person: p.id, first: 100, level });
          expect(answer.candidates).toBe(answer.suggestions.length);
          for (const s of answer.suggestions) {
            expect(placeholders.has(s.candidate.id)).toBe(false);
            expect(s.candidate.placeholder).toBe(false);
            expect(s.candidateGroups.length).toBeGreaterThan(0);
            const mine = new Set(s.personGroups.map((g) => g.id));
            expect(s.candidateGroups.some((g) => mine.has(g.id))).toBe(false);
            // Untied: the "before" of the candidate never counts the person.
            expect(s.personChange.constraintAfter).not.toBeNull();
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(100);
      // Placeholder institutions are never places: at INSTITUTION level Herbers (「ドイツ側」) has no group,
      // and nobody is ever grouped at institution:unnamed-*.
      const herbers = await candidates({ person: 'person:herbers-lukas', level: 'INSTITUTION', first: 100 });
      expect(herbers.suggestions.every((s) => s.personGroups.length === 0)).toBe(true);
      expect(herbers.suggestions.flatMap((s) => s.candidateGroups.map((g) => g.id)).some((id) => id.startsWith('institution:unnamed'))).toBe(false);
    });

    it('between two groups: pairs of their named members with one early-career person at least', async () => {
      // Tohoku: Iwase, Yu, Inoue (early career), Nishihara; Cambridge: De Volder. Yu and Nishihara
      // visited De Volder (s1-2-p2-6), so only Inoue and Iwase remain. De Volder's two contacts (Yu,
      // Nishihara) are not tied to each other: constraint 2·(1/2)² = 1/2, with a third 3·(1/3)² = 1/3,
      // a relative fall of 1/3. Inoue has no tie yet (hole 1): mean (1 + 1/3)/2 = 2/3, score 0.30 · 2/3.
      // Iwase's two contacts (Schröder, Leverick) are not tied either: 1/3 too, mean 1/3, score 0.30 · 1/3.
      const answer = await suggest({ between: ['institution:tohoku-u', 'institution:cambridge'], first: 10 });
      expect(answer.suggestions.map((s) => `${s.person.id} ~ ${s.candidate.id}`)).toEqual([
        'person:inoue ~ person:de-volder-michael',
        'person:iwase ~ person:de-volder-michael',
      ]);
      const [inoue, iwase] = answer.suggestions;
      expect(inoue.parts.hole).toBeCloseTo(2 / 3, 12);
      expect(inoue.score).toBeCloseTo(0.2, 12);
      expect(inoue.personChange.constraintBefore).toBeNull();
      expect(inoue.candidateChange.constraintBefore).toBeCloseTo(0.5, 12);
      expect(inoue.candidateChange.constraintAfter).toBeCloseTo(1 / 3, 12);
      expect(iwase.parts.hole).toBeCloseTo(1 / 3, 12);
      expect(iwase.score).toBeCloseTo(0.1, 12);
    });

    it('as of a day: ties, constraint and shared themes as they stood then', async () => {
      // The day before FY2024 nothing of the report had happened (its FY2024 items are placed on 1 April
      // 2024, the April 2024 Leverick visit on 1 April too); the one tie is Schröder and his lab's student,
      // whose membership has no dates. The student has no tie, so Herbers is still a
      // candidate, every candidate scores the structural part alone (0.30 · 1), and the anode theme the
      // student shares with Bieker and Murase through Herbers's visit is not known yet.
      const AS_OF = `query($asOf: LocalDate, $fiscalYear: Int) {
        suggestPairings(person: "person:osaka-grad-student-with-herbers", first: 100, asOf: $asOf, fiscalYear: $fiscalYear) {
          period { asOf fiscalYear ties } candidates
          suggestions { candidate { id } score personChange { constraintBefore constraintAfter } sharedThemes { id } } } }`;
      type AsOf = { suggestPairings: { period: { asOf: string; fiscalYear: number | null; ties: number } | null; candidates: number; suggestions: Array<{ candidate: { id: string }; score: number; personChange: Change; sharedThemes: unknown[] }> } };
      const before = (await api().data<AsOf>(AS_OF, { asOf: '2024-03-31' })).suggestPairings;
      expect(before.period).toEqual({ asOf: '2024-03-31', fiscalYear: null, ties: 1 });
      expect(before.suggestions.map((s) => s.candidate.id)).toContain('person:herbers-lukas');
      for (const s of before.suggestions) {
        expect(s.score).toBeCloseTo(0.3, 12);
        expect(s.personChange).toEqual({ constraintBefore: null, constraintAfter: 1 });
        expect(s.sharedThemes).toEqual([]);
      }
      // At the end of FY2024 the student has worked with Herbers: the answer of the whole graph, with its day.
      const fy = (await api().data<AsOf>(AS_OF, { fiscalYear: 2024 })).suggestPairings;
      expect(fy.period).toMatchObject({ asOf: '2025-03-31', fiscalYear: 2024 });
      expect(fy.candidates).toBe(before.candidates - 1);
      expect(fy.suggestions.slice(0, 2).map((s) => [s.candidate.id, s.score.toFixed(3)])).toEqual([
        ['person:bieker-peter', '0.325'],
        ['person:murase-kuniaki', '0.325'],
      ]);
      expect((await api().query(AS_OF, { asOf: '2024-03-31', fiscalYear: 2024 })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('the README’s suggestPairings query runs as printed', async () => {
      const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
      const block = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]).find((q) => q.includes('suggestPairings'));
      expect(block).toBeDefined();
      const data = await api().data<{ suggestPairings: { suggestions: Array<{ candidate: { displayName: string } }> } }>(block!);
      expect(data.suggestPairings.suggestions.map((s) => s.candidate.displayName).slice(0, 2)).toEqual(['Peter Bieker', 'Kuniaki Murase']);
    });

    it('answers mistakes with coded errors', async () => {
      expect((await errorOf({ person: 'person:nishioka', between: ['institution:kyoto-u', 'institution:tohoku-u'] }))?.extensions?.code).toBe('BAD_USER_INPUT');
      expect((await errorOf({}))?.extensions?.code).toBe('BAD_USER_INPUT');
      const one = await errorOf({ between: ['institution:kyoto-u'] });
      expect(one?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(one?.message).toMatch(/exactly two/);
      expect((await errorOf({ between: ['institution:kyoto-u', 'institution:kyoto-u'] }))?.extensions?.code).toBe('BAD_USER_INPUT');
      expect((await errorOf({ between: ['person:nishioka', 'institution:kyoto-u'] }))?.extensions?.code).toBe('BAD_USER_INPUT');
      expect((await errorOf({ between: ['institution:unnamed-jp', 'institution:kyoto-u'], level: 'INSTITUTION' }))?.extensions?.code).toBe('BAD_USER_INPUT');
      expect((await errorOf({ person: 'institution:kyoto-u' }))?.extensions?.code).toBe('BAD_USER_INPUT');
      expect((await errorOf({ person: 'person:nobody' }))?.extensions?.code).toBe('NOT_FOUND');
      expect((await errorOf({ person: 'person:nishioka', first: 0 }))?.extensions?.code).toBe('BAD_USER_INPUT');
      expect((await errorOf({ person: 'person:nishioka', first: 101 }))?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  },
  () => dataset,
);
