import { fiscalYearsOf, groupedGraph, markPlanned, personGraph, tiePasses, toNetworkData } from '../../explorer/src/model';
import { parseState, serializeState } from '../../explorer/src/state';
import type { ExplorerNetworkQuery } from '../../explorer/src/gql/graphql';

/** The explorer's pure parts: the URL state and the views built from the API's answer. */
const person = (id: string, group: string, country: string, stage: 'POSTDOC' | 'PROFESSOR' = 'POSTDOC') =>
  ({ id, label: id, country, group, groupLabel: group, stage, earlyCareer: stage === 'POSTDOC', degree: 1, type: 'PERSON' as const });

const answer: ExplorerNetworkQuery = {
  graph: {
    nodes: [person('person:a', 'lab:x', 'JP'), person('person:b', 'lab:x', 'JP', 'PROFESSOR'), person('person:c', 'lab:y', 'DE'), person('person:d', 'lab:y', 'DE')],
    edges: [
      { source: 'person:a', target: 'person:c', kinds: ['VISIT'], weight: 1 },
      { source: 'person:b', target: 'person:d', kinds: ['VISIT'], weight: 1 },
      { source: 'person:a', target: 'person:b', kinds: ['SHARED_LAB'], weight: 1 },
    ],
  },
  countries: [],
};
const done = new Set(['person:a--person:c', 'person:a--person:b']);

describe('explorer view state in the URL', () => {
  it('round-trips every field', () => {
    const s = parseState('?level=LAB&mode=bridges&country=JP,DE&stage=POSTDOC&fy=2024&status=COMPLETED&early=1&planned=0&groups=1&sel=person%3Aiwase&from=person%3Aa&to=person%3Ab&lang=ja');
    expect(s).toMatchObject({ level: 'LAB', mode: 'bridges', countries: ['JP', 'DE'], stages: ['POSTDOC'], fiscalYear: 2024, statuses: ['COMPLETED'], earlyCareerOnly: true, planned: false, grouped: true, selected: 'person:iwase', lang: 'ja' });
    expect(parseState(serializeState(s))).toEqual(s);
  });

  it('falls back to the defaults on unknown values', () => {
    const s = parseState('?level=GALAXY&mode=zoom&fy=abc', 'ja-JP');
    expect(s).toMatchObject({ level: 'LAB', mode: 'network', fiscalYear: null, planned: true, grouped: null, lang: 'ja' });
  });
});

describe('explorer graphs', () => {
  const data = { ...toNetworkData(answer), doneEdges: done };

  it('draws planned-only ties dashed and the others solid, once known', () => {
    const before = personGraph(toNetworkData(answer));
    expect(before.getEdgeAttribute('person:b--person:d', 'type')).toBe('line');
    markPlanned(before, data);
    expect(before.getEdgeAttribute('person:b--person:d', 'type')).toBe('dashed');
    const g = personGraph(data);
    expect(g.order).toBe(4);
    expect(g.getEdgeAttribute('person:b--person:d', 'type')).toBe('dashed');
    expect(g.getEdgeAttribute('person:a--person:c', 'type')).toBe('line');
  });

  it('groups people into one node per group, merges the ties between groups and opens a group on demand', () => {
    const s = parseState('');
    const grouped = groupedGraph(data, s, new Set(), null);
    expect(grouped.nodes().sort()).toEqual(['lab:x', 'lab:y']);
    expect(grouped.getNodeAttribute('lab:x', 'members')).toBe(2);
    expect(grouped.getEdgeAttribute(grouped.edge('lab:x', 'lab:y')!, 'weight')).toBe(2);
    // One of the two ties is solid, so the merged link is.
    expect(grouped.getEdgeAttribute(grouped.edge('lab:x', 'lab:y')!, 'planned')).toBe(false);
    const opened = groupedGraph(data, s, new Set(['lab:x']), null);
    expect(opened.nodes().sort()).toEqual(['lab:y', 'person:a', 'person:b']);
    expect(opened.hasEdge('person:a', 'person:b')).toBe(true);
  });

  it('applies filters before grouping', () => {
    const grouped = groupedGraph(data, parseState('?stage=PROFESSOR'), new Set(), null);
    expect(grouped.getNodeAttribute('lab:x', 'members')).toBe(1);
    expect(grouped.hasNode('lab:y')).toBe(false);
  });

  it('keeps a tie in a fiscal year when one of its visits overlaps it (FY N = April N to March N+1)', () => {
    const s = { ...parseState(''), fiscalYear: 2024 };
    const edge = data.edges[0];
    const inFy = { id: edge.id, visits: ['visit:v'], intervals: [{ start: '2025-03-01', end: '2025-03-20' }] };
    const before = { id: edge.id, visits: ['visit:v'], intervals: [{ start: '2024-01-01', end: '2024-03-31' }] };
    expect(tiePasses(edge, false, s, inFy, null)).toBe(true);
    expect(tiePasses(edge, false, s, before, null)).toBe(false);
    expect(tiePasses(edge, false, s, { id: edge.id, visits: [], intervals: null }, null)).toBe(true);
    expect(tiePasses(edge, true, { ...s, planned: false }, inFy, null)).toBe(false);
    expect(fiscalYearsOf([inFy, before])).toEqual([2023, 2024]);
  });
});
