import { projectionOfDataset } from '../../bench/generate';
import { betweenness } from '../../src/analytics/betweenness';
import { bridges as coreBridges } from '../../src/analytics/bridges';
import { brokerage as coreBrokerage, orderBrokerageProfiles } from '../../src/analytics/brokerage';
import { buildCollaborationNetwork } from '../../src/analytics/collaborationGraph';
import { csrOf } from '../../src/analytics/csr';
import { graphView } from '../../src/analytics/graphView';
import type { CareerStage, VisitStatus } from '../../src/domain/enums';
import type { Dataset, DatasetInput } from '../../src/domain/model';
import { validateDataset } from '../../src/ingest/validate';
import { TestApi } from '../support/api';
import { forEachStore } from '../support/stores';

/**
 * The network analytics through GraphQL on every store. Two kinds of expectations: hand-worked
 * values on a small world (header of tests/unit/analytics/world.ts, same people and facts), and
 * "the store does not matter": every answer equals the pure analytics run on the projection the
 * data set implies (bench/generate.ts `projectionOfDataset`), whichever store served it.
 */
const S = ['source:test'];
const person = (local: string, careerStage: CareerStage, labs: string[], extra: Record<string, unknown> = {}) => ({
  id: `person:${local}`,
  name: local.toUpperCase(),
  careerStage,
  memberships: labs.map((l) => (l.startsWith('@') ? { institution: `institution:${l.slice(1)}` } : { lab: `lab:${l}` })),
  sources: S,
  ...extra,
});
const visit = (local: string, visitor: string, to: string, lab: string | null, hosts: string[], status: VisitStatus, start: string, end?: string) => ({
  id: `visit:${local}`,
  visitor: `person:${visitor}`,
  from: 'institution:kyoto',
  to: `institution:${to}`,
  ...(lab ? { lab: `lab:${lab}` } : {}),
  hosts: hosts.map((h) => `person:${h}`),
  kind: 'STAY' as const,
  status,
  start,
  ...(end ? { end } : {}),
  purpose: 'joint work',
  sources: S,
});

const INPUT: DatasetInput = {
  format: 'kizuna-dataset',
  version: 1,
  meta: { title: 'analytics contract world' },
  sources: [{ id: 'source:test', document: 'test', section: 'analytics', quote: 'test', lang: 'en' }],
  countries: ['JP', 'GB', 'DE', 'FR'].map((code) => ({ id: `country:${code}`, code, name: code, sources: S })),
  institutions: [
    { id: 'institution:kyoto', name: 'Kyoto University', country: 'JP', kind: 'UNIVERSITY', sources: S },
    { id: 'institution:osaka', name: 'Osaka University', country: 'JP', kind: 'UNIVERSITY', sources: S },
    { id: 'institution:nott', name: 'University of Nottingham', country: 'GB', kind: 'UNIVERSITY', sources: S },
    { id: 'institution:giessen', name: 'JLU Giessen', country: 'DE', kind: 'UNIVERSITY', sources: S },
  ],
  labs: [
    { id: 'lab:kyoto-a', name: 'Kyoto A', institution: 'institution:kyoto', head: 'person:ka', sources: S },
    { id: 'lab:kyoto-b', name: 'Kyoto B', institution: 'institution:kyoto', head: 'person:kb', sources: S },
    { id: 'lab:nott', name: 'Nottingham lab', institution: 'institution:nott', head: 'person:na', sources: S },
    { id: 'lab:giessen', name: 'Giessen lab', institution: 'institution:giessen', head: 'person:ga', sources: S },
  ],
  people: [
    person('ka', 'PROFESSOR', ['kyoto-a']),
    person('ks1', 'GRADUATE_STUDENT', ['kyoto-a']),
    person('ks2', 'POSTDOC', ['kyoto-a']),
    person('kb', 'PROFESSOR', ['kyoto-b']),
    person('kbs', 'ASSISTANT_PROFESSOR', ['kyoto-b']),
    person('na', 'PROFESSOR', ['nott']),
    person('nd', 'POSTDOC', ['nott']),
    person('ga', 'PROFESSOR', ['giessen']),
    person('gs', 'GRADUATE_STUDENT', ['giessen']),
    person('dual', 'LECTURER', ['kyoto-b', 'nott']),
    person('free', 'UNKNOWN', ['@osaka']),
    person('iso', 'GRADUATE_STUDENT', []),
  ],
  visits: [
    visit('v1', 'ks1', 'nott', 'nott', ['nd'], 'COMPLETED', '2024-09-01', '2024-11-30'),
    visit('v2', 'ks1', 'giessen', 'giessen', [], 'COMPLETED', '2025-01-10', '2025-01-20'),
    visit('v3', 'gs', 'kyoto', 'kyoto-a', ['ka'], 'PLANNED', '2025-06-01', '2025-06-30'),
    visit('v4', 'kbs', 'nott', null, ['nd'], 'CANCELLED', '2024-10-01', '2024-10-10'),
    visit('v5', 'ks2', 'osaka', null, ['free'], 'IN_PROGRESS', '2025-03-01'),
    visit('v6', 'ks1', 'nott', 'nott', ['nd'], 'COMPLETED', '2024-11-15', '2024-12-20'),
  ],
  papers: [
    { id: 'paper:a1', title: 'Paper one', status: 'PUBLISHED', year: 2025, authors: ['person:ks1', 'person:nd', 'person:ga'], sources: S },
    { id: 'paper:a2', title: 'Paper two', status: 'PLANNED', authors: ['person:kb', 'person:kbs'], sources: S },
    { id: 'paper:a3', title: 'Paper three', status: 'IN_PREPARATION', authors: ['person:ka', 'person:ks2'], sources: S },
  ],
};

function dataset(): Dataset {
  const result = validateDataset(INPUT);
  if (!result.ok) throw new Error(`invalid contract data set: ${JSON.stringify(result.problems)}`);
  return result.dataset;
}

/** The analytics on the projection the data set implies, without any store. */
const reference = (includePlanned = false) => buildCollaborationNetwork(projectionOfDataset(INPUT), { includePlanned });

forEachStore(
  'network analytics',
  (store) => {
    const api = () => new TestApi(store());
    const errorCode = async (query: string, variables: Record<string, unknown> = {}) => (await api().query(query, variables)).errors?.[0]?.extensions?.code;

    it('bridges: who bridges which labs, each side’s evidence, structural holes', async () => {
      const data = await api().data(`{ bridges {
        person { id displayName } careerStage earlyCareer level
        pairs { a { group { id name } member ties { person { id } weight kinds visits { id status } papers { id } } } b { group { id } } otherTies sharedMembers structuralHole }
      } }`);
      // ks2 (kyoto-a) is tied to free, who has no lab but is at Osaka: at LAB level Osaka stands in.
      expect(data.bridges.map((b: any) => b.person.id)).toEqual(['person:dual', 'person:kbs', 'person:ks1', 'person:ks2', 'person:nd']);
      const ks1 = data.bridges.find((b: any) => b.person.id === 'person:ks1');
      expect(ks1).toMatchObject({ person: { displayName: 'KS1' }, careerStage: 'GRADUATE_STUDENT', earlyCareer: true, level: 'LAB' });
      expect(ks1.pairs.map((p: any) => [p.a.group.id, p.b.group.id, p.otherTies, p.structuralHole])).toEqual([
        ['lab:giessen', 'lab:kyoto-a', 0, true],
        ['lab:giessen', 'lab:nott', 1, false],
        ['lab:kyoto-a', 'lab:nott', 0, true],
      ]);
      expect(ks1.pairs[0].a).toEqual({
        group: { id: 'lab:giessen', name: 'Giessen lab' },
        member: false,
        ties: [{ person: { id: 'person:ga' }, weight: 2, kinds: ['VISIT', 'COAUTHORSHIP'], visits: [{ id: 'visit:v2', status: 'COMPLETED' }], papers: [{ id: 'paper:a1' }] }],
      });
    });

    it('bridges equal the store-free analytics at every level, with and without planned items', async () => {
      for (const level of ['LAB', 'INSTITUTION', 'COUNTRY'] as const) {
        for (const includePlanned of [false, true]) {
          const data = await api().data(
            `query($level: GroupLevel!, $p: Boolean!) { bridges(level: $level, includePlanned: $p, earlyCareerOnly: false) {
              person { id } pairs { a { group { id } ties { person { id } } } b { group { id } } otherTies sharedMembers } } }`,
            { level, p: includePlanned },
          );
          const expected = coreBridges(reference(includePlanned), { level, earlyCareerOnly: false }).map((b) => ({
            person: { id: b.person },
            pairs: b.pairs.map((p) => ({
              a: { group: { id: p.a.group }, ties: p.a.ties.map((t) => ({ person: { id: t.person } })) },
              b: { group: { id: p.b.group } },
              otherTies: p.otherTies,
              sharedMembers: p.sharedMembers,
            })),
          }));
          expect(data.bridges).toEqual(expected);
        }
      }
    });

    it('bridges between two countries; a country nobody is in matches nothing', async () => {
      const data = await api().data(`{ jpGb: bridges(level: COUNTRY, between: ["country:JP", "country:GB"]) { person { id } pairs { a { group { id } } b { group { id } } } }
        fr: bridges(level: COUNTRY, between: ["country:FR"]) { person { id } } }`);
      expect(data.jpGb.map((b: any) => b.person.id)).toEqual(['person:dual', 'person:kbs', 'person:ks1', 'person:nd']);
      expect(data.jpGb.every((b: any) => b.pairs.every((p: any) => p.a.group.id === 'country:GB' && p.b.group.id === 'country:JP'))).toBe(true);
      expect(data.fr).toEqual([]);
    });

    it('brokerage: Gould–Fernandez roles, constraint, effective size, betweenness and its method', async () => {
      const data = await api().data(`{ brokerage(earlyCareerOnly: false, orderBy: BETWEENNESS, first: 3) {
        person { id } group { id } degree coordinator itinerant gatekeeperRepresentative liaison unclassified openTwoPaths
        constraint effectiveSize betweenness betweennessMethod betweennessSources } }`);
      const net = reference();
      const bc = betweenness(csrOf(net.graph));
      const expected = coreBrokerage(net, { level: 'LAB' }, bc).profiles;
      const top = [...expected].sort((a, b) => b.betweenness! - a.betweenness! || (a.person < b.person ? -1 : 1)).slice(0, 3);
      expect(data.brokerage.map((p: any) => p.person.id)).toEqual(top.map((p) => p.person));
      expect(data.brokerage[0].person.id).toBe('person:ks1');
      for (const [i, p] of data.brokerage.entries()) {
        const e = top[i];
        expect(p).toMatchObject({
          group: e.group ? { id: e.group } : null,
          degree: e.degree,
          gatekeeperRepresentative: e.gatekeeperRepresentative,
          liaison: e.liaison,
          openTwoPaths: e.total,
          betweennessMethod: 'EXACT',
          betweennessSources: 12,
        });
        expect(p.betweenness).toBeCloseTo(e.betweenness!, 12);
        expect(p.constraint).toBeCloseTo(e.constraint!, 12);
        expect(p.effectiveSize).toBeCloseTo(e.effectiveSize!, 12);
      }
      expect(data.brokerage[0]).toMatchObject({ degree: 5, gatekeeperRepresentative: 6, liaison: 1, openTwoPaths: 7, coordinator: 0, itinerant: 0 });
    });

    it('collaborationPath between people and between labs, evidence on every hop', async () => {
      const data = await api().data(`{
        p: collaborationPath(from: "person:ks1", to: "person:kb") { hops people { id } steps { from { id } to { id } tie { weight kinds visits { id } labs { id } } } }
        l: collaborationPath(from: "lab:giessen", to: "lab:kyoto-a") { from to hops people { id } }
        none: collaborationPath(from: "person:ks1", to: "person:iso") { hops } }`);
      expect(data.p.hops).toBe(3);
      expect(data.p.people.map((x: any) => x.id)).toEqual(['person:ks1', 'person:na', 'person:dual', 'person:kb']);
      expect(data.p.steps[0]).toEqual({ from: { id: 'person:ks1' }, to: { id: 'person:na' }, tie: { weight: 2, kinds: ['VISIT'], visits: [{ id: 'visit:v1' }, { id: 'visit:v6' }], labs: [] } });
      expect(data.p.steps[2].tie.labs).toEqual([{ id: 'lab:kyoto-b' }]);
      expect(data.l).toEqual({ from: 'lab:giessen', to: 'lab:kyoto-a', hops: 1, people: [{ id: 'person:ga' }, { id: 'person:ks1' }] });
      expect(data.none).toBeNull();
    });

    it('neighborhood and graph views equal the store-free views', async () => {
      const fields = `level includePlanned nodes { id type label group groupResolvedLevel groupLabel stage earlyCareer country institution lab weight degree }
        edges { id source target type weight kinds visits papers labs intervals { visit start end } start end }`;
      const data = await api().data(`{ n: neighborhood(id: "lab:nott", hops: 1, includeLabs: true) { ${fields} }
        g: graph(filter: { countries: ["country:GB", "country:DE"], level: COUNTRY }) { ${fields} } }`);
      const net = reference();
      const { neighborhood } = await import('../../src/analytics/graphView');
      expect(data.n).toEqual(JSON.parse(JSON.stringify(neighborhood(net, 'lab:nott', 1, { includeLabs: true }))));
      expect(data.g).toEqual(JSON.parse(JSON.stringify(graphView(net, { countries: ['country:GB', 'country:DE'], level: 'COUNTRY' }))));
      expect(data.n.nodes.some((x: any) => x.type === 'LAB')).toBe(true);
    });

    it('bad input and unknown ids', async () => {
      expect(await errorCode(`{ neighborhood(id: "person:nobody") { level } }`)).toBe('NOT_FOUND');
      expect(await errorCode(`{ neighborhood(id: "person:ks1", hops: 4) { level } }`)).toBe('BAD_USER_INPUT');
      expect(await errorCode(`{ collaborationPath(from: "person:ks1", to: "person:kb", maxHops: 0) { hops } }`)).toBe('BAD_USER_INPUT');
      expect(await errorCode(`{ collaborationPath(from: "person:ks1", to: "lab:nowhere") { hops } }`)).toBe('NOT_FOUND');
      expect(await errorCode(`{ collaborationPath(from: "visit:v1", to: "person:kb") { hops } }`)).toBe('BAD_USER_INPUT');
      expect(await errorCode(`{ bridges(between: ["person:ks1"]) { level } }`)).toBe('BAD_USER_INPUT');
      expect(await errorCode(`{ bridges(level: INSTITUTION, between: ["lab:nott"]) { level } }`)).toBe('BAD_USER_INPUT');
      expect(await errorCode(`{ bridges(level: COUNTRY, between: ["country:ZZ"]) { level } }`)).toBe('NOT_FOUND');
      expect(await errorCode(`{ brokerage(people: ["person:nobody"]) { degree } }`)).toBe('NOT_FOUND');
      expect(await errorCode(`{ brokerage(first: 0) { degree } }`)).toBe('BAD_USER_INPUT');
      expect(await errorCode(`{ graph(filter: { labs: ["lab:nowhere"] }) { level } }`)).toBe('NOT_FOUND');
    });

    it('includePlanned adds planned ties; a write to the store is seen by the next query', async () => {
      const planned = await api().data(`{ bridges(includePlanned: true, people: ["person:gs"]) { pairs { a { group { id } } b { group { id } } otherTies } } }`);
      expect(planned.bridges).toEqual([{ pairs: [{ a: { group: { id: 'lab:giessen' } }, b: { group: { id: 'lab:kyoto-a' } }, otherTies: 1 }] }]);
      const before = await api().data(`{ collaborationPath(from: "person:iso", to: "person:ks1") { hops } }`);
      expect(before.collaborationPath).toBeNull();
      await store().write({
        nodes: [{ id: 'paper:late', label: 'Paper', props: { title: 'Late paper', titleJa: null, status: 'PUBLISHED', year: 2025, doi: null, sortKey: 'late paper', searchText: 'late paper' } }],
        rels: [
          { type: 'AUTHORED', from: 'person:iso', to: 'paper:late', props: { position: 0 } },
          { type: 'AUTHORED', from: 'person:ks1', to: 'paper:late', props: { position: 1 } },
        ],
      });
      const after = await api().data(`{ collaborationPath(from: "person:iso", to: "person:ks1") { hops steps { tie { papers { id } } } } }`);
      expect(after.collaborationPath).toEqual({ hops: 1, steps: [{ tie: { papers: [{ id: 'paper:late' }] } }] });
    });

    it('brokerage keeps its ordered profiles per store version: another `first` only cuts them; a write changes the next answer', async () => {
      const query = (first: number) => `{ brokerage(level: INSTITUTION, earlyCareerOnly: false, orderBy: OPEN_TWO_PATHS, first: ${first}) { person { id } degree openTwoPaths constraint } }`;
      const expected = async () => {
        const net = buildCollaborationNetwork(await store().projection());
        return orderBrokerageProfiles(coreBrokerage(net, { level: 'INSTITUTION' }).profiles, 'OPEN_TWO_PATHS').map((p) => ({ person: { id: p.person }, degree: p.degree, openTwoPaths: p.total, constraint: p.constraint }));
      };
      const before = (await api().data(query(20))).brokerage;
      expect(before).toEqual(await expected());
      expect((await api().data(query(3))).brokerage).toEqual(before.slice(0, 3));

      // person:free (UNKNOWN stage, Osaka) gains a co-author: a new tie for both.
      await store().write({
        nodes: [{ id: 'paper:cached', label: 'Paper', props: { title: 'After the cache', titleJa: null, status: 'PUBLISHED', year: 2025, doi: null, sortKey: 'after the cache', searchText: 'after the cache' } }],
        rels: [
          { type: 'AUTHORED', from: 'person:free', to: 'paper:cached', props: { position: 0 } },
          { type: 'AUTHORED', from: 'person:gs', to: 'paper:cached', props: { position: 1 } },
        ],
      });
      const after = (await api().data(query(20))).brokerage;
      expect(after).toEqual(await expected());
      const degree = (list: any[]) => list.find((p) => p.person.id === 'person:free').degree;
      expect(degree(after)).toBe(degree(before) + 1);
      expect((await api().data(query(3))).brokerage).toEqual(after.slice(0, 3));
    });
  },
  dataset,
);
