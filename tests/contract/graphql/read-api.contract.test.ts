import { syntheticDataset, personId } from '../../fixtures/syntheticDataset';
import { TestApi } from '../../support/api';
import { countingStore } from '../../support/countingStore';
import { forEachStore } from '../../support/stores';

const PEOPLE = 50;

forEachStore(
  'GraphQL read API',
  (store) => {
    const api = () => new TestApi(store());

    it('resolves nested fields both ways: person → visits → host → lab → institution → country → institutions', async () => {
      const data = await api().data(
        `query($id: ID!) { person(id: $id) { displayName careerStage earlyCareer
            visits { id status to { name countryCode } hosts { displayName labs { lab { name institution { name country { code institutions { id } } } } } } } } }`,
        { id: personId(2) },
      );
      const visit = data.person.visits[0];
      expect(data.person).toMatchObject({ displayName: 'Person 002', careerStage: 'POSTDOC', earlyCareer: true });
      expect(visit).toMatchObject({ id: 'visit:v002', status: 'PLANNED', to: { name: 'Justus Liebig University Giessen', countryCode: 'DE' } });
      expect(visit.hosts[0].labs[0].lab.institution.country).toEqual({ code: 'DE', institutions: [{ id: 'institution:jlu' }] });
    });

    it('pages people with Relay connections, totalCount and cursors, default page size 20', async () => {
      const q = `query($after: String) { people(after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`;
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const data: any = await api().data(q, { after });
        expect(data.people.totalCount).toBe(PEOPLE);
        expect(data.people.edges.length).toBeLessThanOrEqual(20);
        seen.push(...data.people.edges.map((e: any) => e.node.id));
        after = data.people.pageInfo.hasNextPage ? data.people.pageInfo.endCursor : null;
        pages += 1;
      } while (after);
      expect(pages).toBe(3);
      expect(seen).toEqual(Array.from({ length: PEOPLE }, (_, i) => personId(i)));
    });

    it('filters visits by status, fiscal year, countries, early career and person', async () => {
      const count = async (filter: object) =>
        (await api().data(`query($f: VisitFilter) { visits(filter: $f, first: 100) { totalCount } }`, { f: filter })).visits.totalCount;
      expect(await count({})).toBe(PEOPLE);
      expect(await count({ status: ['PLANNED'] })).toBe(16);
      expect(await count({ fiscalYear: 2025 })).toBe(16);
      expect(await count({ fiscalYear: 2024, fromCountry: 'JP', toCountry: 'DE' })).toBe(17);
      expect(await count({ person: personId(3) })).toBe(1);
      const early = await count({ earlyCareer: true });
      const notEarly = await count({ earlyCareer: false });
      expect(early + notEarly).toBeLessThan(PEOPLE); // UNKNOWN stages match neither
      expect(early).toBeGreaterThan(0);
    });

    it('batches: a nested query over 50 people makes one store call per nesting level', async () => {
      const counted = countingStore(store());
      const data = await new TestApi(counted.store).data(`{
        people(first: 50) { edges { node { id visits { id to { id country { code } } } } } } }`);
      expect(data.people.edges).toHaveLength(PEOPLE);
      // A store that reads whole selections (Neo4j) answers in one call; otherwise one call per
      // level, depth: people page → visits → to → country.
      const expected = store().readTree ? { readTree: 1 } : { page: 1, neighbours: 3 };
      expect(Object.fromEntries(counted.calls)).toEqual(expected);
    });

    it('resolves any record through node(id) and returns null for unknown ids', async () => {
      const data = await api().data(`{ a: node(id: "lab:l0") { id ... on Lab { name } } b: node(id: "person:nobody") { id } }`);
      expect(data).toEqual({ a: { id: 'lab:l0', name: 'Lab Zero' }, b: null });
    });

    it('lists themes, countries, materials, papers with their links and provenance', async () => {
      const data = await api().data(`{
        themes { nameJa leads { id } materials { id } }
        countries { code nameJa }
        materials { totalCount edges { node { name owner { id } transfers { to { id } } } } }
        papers { edges { node { title authors { id } } } }
        p0: person(id: "person:p000") { sources { source { quote } field reading canonical } } }`);
      expect(data.themes).toEqual([{ nameJa: '電解質の開発', leads: [{ id: personId(0) }], materials: [{ id: 'material:cathode' }] }]);
      expect(data.countries.map((c: any) => c.code)).toEqual(['DE', 'JP']);
      expect(data.materials.edges[0].node).toEqual({ name: 'Porous cathode', owner: { id: 'institution:osaka-u' }, transfers: [{ to: [{ id: 'institution:jlu' }] }] });
      expect(data.papers.edges[0].node.authors).toEqual([{ id: personId(1) }, { id: personId(0) }]);
      expect(data.p0.sources).toEqual(
        expect.arrayContaining([{ source: { quote: 'テスト' }, field: 'careerStage', reading: 'PROFESSOR', canonical: true }]),
      );
    });

    it.each([
      ['a malformed id', `{ person(id: "not an id") { id } }`],
      ['an id of another type', `{ person(id: "lab:l0") { id } }`],
      ['first above the bound', `{ people(first: 101) { totalCount } }`],
      ['first below the bound', `{ people(first: 0) { totalCount } }`],
      ['a forged cursor', `{ people(after: "bm90LWEtY3Vyc29y") { totalCount } }`],
      ['a bad country code', `{ visits(filter: { toCountry: "Germany" }) { totalCount } }`],
      ['an unknown field', `{ people { nope } }`],
    ])('answers %s with BAD_USER_INPUT', async (_what, query) => {
      const result = await api().query(query);
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });
  },
  () => syntheticDataset(PEOPLE),
);
