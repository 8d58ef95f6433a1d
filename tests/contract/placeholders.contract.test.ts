import { circulationReport } from '../../src/circulation/service';
import type { CirculationReport } from '../../src/circulation/report';
import { DEFAULT_EARLY_CAREER_RULE } from '../../src/domain/earlyCareer';
import type { GroupLevel } from '../../src/domain/enums';
import { fiscalYearRange } from '../../src/domain/fiscalYear';
import { placeholderDataset } from '../fixtures/placeholderDataset';
import { TestApi } from '../support/api';
import { forEachStore } from '../support/stores';

/**
 * A placeholder institution is never a group and never evidence of a shared place, in every
 * measure (docs/metrics.md, "Groups"): two people at "an institution in Japan"
 * (tests/fixtures/placeholderDataset.ts) are not tied, grouped or counted together by it. The
 * country, which the source does state, still counts.
 */
forEachStore(
  'placeholder institutions',
  (store) => {
    const api = () => new TestApi(store());
    const code = async (query: string) => (await api().query(query)).errors?.[0]?.extensions?.code;
    const circulation = (groupBy: GroupLevel): Promise<CirculationReport> =>
      circulationReport(store(), { period: fiscalYearRange(2024), fiscalYear: 2024, groupBy, includePlanned: false, earlyCareer: DEFAULT_EARLY_CAREER_RULE });

    it('ties: the two people at the placeholder are not tied by it', async () => {
      const { graph } = await api().data(`{ graph { edges { id } } }`);
      expect(graph.edges.map((e: { id: string }) => e.id)).toEqual(['person:a--person:k', 'person:a--person:n', 'person:b--person:n']);
    });

    it('bridges at INSTITUTION level: the placeholder is no side; a bridges Kyoto and Nottingham through its own ties', async () => {
      const { bridges } = await api().data(`{ bridges(level: INSTITUTION, earlyCareerOnly: false) {
        person { id } pairs { a { group { id } } b { group { id } } structuralHole } } }`);
      expect(bridges).toEqual([{ person: { id: 'person:a' }, pairs: [{ a: { group: { id: 'institution:kyoto' } }, b: { group: { id: 'institution:nott' } }, structuralHole: true }] }]);
    });

    it('bridges at LAB level: people at a placeholder fall back to its country, and say so', async () => {
      const { bridges } = await api().data(`{ bridges(earlyCareerOnly: false) {
        person { id } sides { member group { id resolvedLevel } } } }`);
      const own = Object.fromEntries(
        bridges.map((b: { person: { id: string }; sides: Array<{ member: boolean; group: { id: string; resolvedLevel: string } }> }) => [
          b.person.id,
          b.sides.filter((s) => s.member).map((s) => `${s.group.id} ${s.group.resolvedLevel}`),
        ]),
      );
      expect(own).toEqual({
        'person:a': ['country:JP COUNTRY'],
        'person:b': ['country:JP COUNTRY'],
        'person:k': ['institution:kyoto INSTITUTION'],
        'person:n': ['institution:nott INSTITUTION'],
      });
      const groups = bridges.flatMap((b: { sides: Array<{ group: { id: string } }> }) => b.sides.map((s) => s.group.id));
      expect(groups.some((g: string) => g.startsWith('institution:unnamed'))).toBe(false);
    });

    it('bridges at COUNTRY level: the placeholder counts for its country', async () => {
      const { bridges } = await api().data(`{ bridges(level: COUNTRY, earlyCareerOnly: false, people: ["person:n"]) { pairs { a { group { id } } b { group { id } } } } }`);
      expect(bridges).toEqual([{ pairs: [{ a: { group: { id: 'country:GB' } }, b: { group: { id: 'country:JP' } } }] }]);
    });

    it('brokerage: a two-path between the two is unclassified at INSTITUTION level, not one group (itinerant)', async () => {
      const { brokerage } = await api().data(`{ brokerage(level: INSTITUTION, earlyCareerOnly: false, people: ["person:a", "person:b", "person:n"]) {
        person { id } group { id } itinerant unclassified openTwoPaths } }`);
      expect(brokerage).toEqual([
        { person: { id: 'person:a' }, group: null, itinerant: 0, unclassified: 1, openTwoPaths: 1 },
        { person: { id: 'person:b' }, group: null, itinerant: 0, unclassified: 0, openTwoPaths: 0 },
        { person: { id: 'person:n' }, group: { id: 'institution:nott' }, itinerant: 0, unclassified: 1, openTwoPaths: 1 },
      ]);
    });

    it('graph views: no institution, the country known, the LAB-level group the country', async () => {
      const { graph } = await api().data(`{ graph(filter: { people: ["person:a", "person:b"] }) { nodes { id group groupResolvedLevel institution country lab } } }`);
      expect(graph.nodes).toEqual([
        { id: 'person:a', group: 'country:JP', groupResolvedLevel: 'COUNTRY', institution: null, country: 'JP', lab: null },
        { id: 'person:b', group: 'country:JP', groupResolvedLevel: 'COUNTRY', institution: null, country: 'JP', lab: null },
      ]);
      const byInstitution = await api().data(`{ graph(filter: { level: INSTITUTION, people: ["person:a"] }) { nodes { group } } }`);
      expect(byInstitution.graph.nodes).toEqual([{ group: null }]);
    });

    it('naming a placeholder as a group is BAD_USER_INPUT', async () => {
      expect(await code(`{ bridges(level: INSTITUTION, between: ["institution:unnamed-jp"]) { level } }`)).toBe('BAD_USER_INPUT');
      expect(await code(`{ bridges(between: ["institution:unnamed-jp"]) { level } }`)).toBe('BAD_USER_INPUT');
      expect(await code(`{ graph(filter: { institutions: ["institution:unnamed-jp"] }) { level } }`)).toBe('BAD_USER_INPUT');
      expect(await code(`{ collaborationPath(from: "institution:unnamed-jp", to: "person:n") { hops } }`)).toBe('BAD_USER_INPUT');
      expect(await code(`{ neighborhood(id: "institution:unnamed-jp") { level } }`)).toBe('BAD_USER_INPUT');
    });

    it('circulation by INSTITUTION: a placeholder end is unknown — no row, no pair, no tie; a domestic stay with one is unknownGroupStays', async () => {
      const r = await circulation('INSTITUTION');
      expect(r.totals).toMatchObject({ stays: 3, crossBorderStays: 3, domesticStays: 1, withinGroupStays: 0, unknownGroupStays: 1, newTies: 0 });
      expect(r.pairs).toEqual([]);
      expect(r.groups.map((g) => [g.group.id, g.outboundStays, g.inboundStays])).toEqual([
        ['institution:kyoto', 0, 0],
        ['institution:nott', 0, 2],
      ]);
      expect(r.totals.participants.people).toBe(2); // a and b went abroad; k's stay may not have left Kyoto
    });

    it('circulation by COUNTRY: the placeholder counts for its country', async () => {
      const r = await circulation('COUNTRY');
      expect(r.totals).toMatchObject({ stays: 3, withinGroupStays: 1, unknownGroupStays: 0, newTies: 2 });
      expect(r.pairs.map((p) => [p.from.id, p.to.id, p.stays])).toEqual([
        ['country:JP', 'country:DE', 1],
        ['country:JP', 'country:GB', 2],
      ]);
    });

    it('circulation by LAB: a placeholder end falls back to its country, with the level it resolved at', async () => {
      const r = await circulation('LAB');
      expect(r.totals).toMatchObject({ stays: 4, withinGroupStays: 0, unknownGroupStays: 0 });
      expect(r.pairs.map((p) => [`${p.from.id} ${p.from.resolvedLevel}`, `${p.to.id} ${p.to.resolvedLevel}`, p.stays])).toEqual([
        ['country:JP COUNTRY', 'country:DE COUNTRY', 1],
        ['country:JP COUNTRY', 'institution:nott INSTITUTION', 2],
        ['institution:kyoto INSTITUTION', 'country:JP COUNTRY', 1],
      ]);
    });
  },
  placeholderDataset,
);
