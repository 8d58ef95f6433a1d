import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { analyticsFor, exportGraph } from '../../../src/analytics/service';
import { DEFAULT_EARLY_CAREER_RULE, parseEarlyCareerRule } from '../../../src/domain/earlyCareer';
import type { GraphStore } from '../../../src/store/port';
import { smallWorld } from './world';

/** Just what the analytics read from a store. */
function fakeStore(): GraphStore {
  return {
    projection: async () => smallWorld(),
    version: async () => 1,
    nodesByIds: async (ids: readonly string[]) => ids.map((id) => (id === 'country:FR' ? { id, label: 'Country' as const, props: {} } : null)),
  } as unknown as GraphStore;
}

describe('analytics service (what GraphQL, HTTP export and the CLI call)', () => {
  test('one service per store and rule', () => {
    const store = fakeStore();
    expect(analyticsFor(store)).toBe(analyticsFor(store, DEFAULT_EARLY_CAREER_RULE));
    expect(analyticsFor(store, parseEarlyCareerRule('POSTDOC'))).not.toBe(analyticsFor(store));
  });

  test('exportGraph: an ego network as GEXF, the whole graph as Cytoscape JSON', async () => {
    const store = fakeStore();
    const gexf = await exportGraph(store, DEFAULT_EARLY_CAREER_RULE, { format: 'gexf', id: 'person:ks1', hops: 1 });
    expect(gexf.contentType).toMatch(/gexf/);
    expect(parseGexf(Graph, gexf.body).order).toBe(6);
    const cy = await exportGraph(store, DEFAULT_EARLY_CAREER_RULE, { format: 'cytoscape', filter: { countries: ['country:GB'] }, includeLabs: true });
    const doc = JSON.parse(cy.body);
    expect(doc.elements.nodes.map((n: { data: { id: string } }) => n.data.id)).toEqual(['lab:kyoto-b', 'lab:nott', 'person:dual', 'person:na', 'person:nd']);
  });

  test('a country the store has but no institution is in matches nobody; an unknown one is NOT_FOUND', async () => {
    const service = analyticsFor(fakeStore());
    expect((await service.graph({ countries: ['country:FR'] })).nodes).toEqual([]);
    expect(await service.bridges({ level: 'COUNTRY', earlyCareerOnly: true, includePlanned: false, between: ['country:FR'] })).toEqual([]);
    await expect(service.graph({ countries: ['country:ZZ'] })).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });

  test('brokerage answers a bad person id at once and reports the betweenness method', async () => {
    const service = analyticsFor(fakeStore());
    await expect(service.brokerage({ level: 'LAB', earlyCareerOnly: true, includePlanned: false, people: ['person:nobody'] })).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
    const result = await service.brokerage({ level: 'LAB', earlyCareerOnly: true, includePlanned: false });
    expect(result.betweenness).toMatchObject({ method: 'EXACT', k: 12 });
    expect(result.profiles.every((p) => p.betweenness !== null)).toBe(true);
  });

  test('brokerage is computed once per network and options, ordered; a new store version computes it again', async () => {
    let version = 1;
    const store = { ...fakeStore(), version: async () => version } as unknown as GraphStore;
    const service = analyticsFor(store);
    const ask = (orderBy?: 'PERSON' | 'OPEN_TWO_PATHS') => service.brokerage({ level: 'INSTITUTION', earlyCareerOnly: false, includePlanned: false, withBetweenness: false, orderBy });
    const byPaths = await ask('OPEN_TWO_PATHS');
    expect(await ask('OPEN_TWO_PATHS')).toBe(byPaths);
    const byPerson = await ask();
    expect(byPerson).not.toBe(byPaths);
    expect(byPerson.profiles.map((p) => p.person)).toEqual(byPerson.profiles.map((p) => p.person).sort());
    const totals = byPaths.profiles.map((p) => p.total);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    expect([...byPaths.profiles].sort((a, b) => (a.person < b.person ? -1 : 1))).toEqual(byPerson.profiles);
    version = 2;
    const again = await ask('OPEN_TWO_PATHS');
    expect(again).not.toBe(byPaths);
    expect(again).toEqual(byPaths);
  });
});
