import { buildCollaborationNetwork } from '../../../src/analytics/collaborationGraph';
import { graphView, neighborhood } from '../../../src/analytics/graphView';
import { smallWorld } from './world';

const net = buildCollaborationNetwork(smallWorld());
const code = (code: string) => expect.objectContaining({ extensions: expect.objectContaining({ code }) });

describe('neighborhood', () => {
  test('a person, one hop: the person, their contacts and every tie among them', () => {
    const view = neighborhood(net, 'person:ks1', 1);
    expect(view.nodes.map((n) => n.id)).toEqual(['person:ga', 'person:ka', 'person:ks1', 'person:ks2', 'person:na', 'person:nd']);
    expect(view.edges.map((e) => e.id)).toEqual([
      'person:ga--person:ks1',
      'person:ga--person:nd',
      'person:ka--person:ks1',
      'person:ka--person:ks2',
      'person:ks1--person:ks2',
      'person:ks1--person:na',
      'person:ks1--person:nd',
      'person:na--person:nd',
    ]);
    const ks1 = view.nodes.find((n) => n.id === 'person:ks1')!;
    expect(ks1).toEqual({
      id: 'person:ks1',
      type: 'PERSON',
      label: 'KS1',
      group: 'lab:kyoto-a',
      groupResolvedLevel: 'LAB',
      groupLabel: 'Kyoto A <&> "lab"',
      stage: 'GRADUATE_STUDENT',
      earlyCareer: true,
      country: 'JP',
      institution: 'institution:kyoto',
      lab: 'lab:kyoto-a',
      weight: 2 + 3 + 1 + 1 + 2, // ga, nd, ka, ks2, na
      degree: 5,
    });
  });

  test('edges carry kinds, evidence and visit intervals when they rest on dated visits only', () => {
    const view = neighborhood(net, 'person:ks1', 1);
    const na = view.edges.find((e) => e.id === 'person:ks1--person:na')!;
    expect(na).toMatchObject({
      type: 'COLLABORATION',
      kinds: ['VISIT'],
      weight: 2,
      intervals: [
        { visit: 'visit:v1', start: '2024-09-01', end: '2024-11-30' },
        { visit: 'visit:v6', start: '2024-11-15', end: '2024-12-20' },
      ],
      start: '2024-09-01',
      end: '2024-12-20',
    });
    const nd = view.edges.find((e) => e.id === 'person:ks1--person:nd')!;
    expect(nd).toMatchObject({ kinds: ['VISIT', 'COAUTHORSHIP'], intervals: null, start: null, end: null });
    const free = neighborhood(net, 'person:free', 1).edges[0];
    expect(free).toMatchObject({ intervals: [{ visit: 'visit:v5', start: '2025-03-01', end: null }], start: '2025-03-01', end: null });
  });

  test('hops 0 and 2; a lab as the centre adds the lab node and its MEMBER_OF edges', () => {
    expect(neighborhood(net, 'person:iso', 0).nodes.map((n) => n.id)).toEqual(['person:iso']);
    expect(neighborhood(net, 'person:gs', 2).nodes.map((n) => n.id)).toEqual(['person:ga', 'person:gs', 'person:ks1', 'person:nd']);
    const lab = neighborhood(net, 'lab:giessen', 1);
    expect(lab.nodes.map((n) => `${n.type}:${n.id}`)).toEqual(['LAB:lab:giessen', 'PERSON:person:ga', 'PERSON:person:gs', 'PERSON:person:ks1', 'PERSON:person:nd']);
    expect(lab.edges.filter((e) => e.type === 'MEMBER_OF').map((e) => e.id)).toEqual(['person:ga--lab:giessen', 'person:gs--lab:giessen']);
    const labNode = lab.nodes.find((n) => n.type === 'LAB')!;
    expect(labNode).toMatchObject({ label: 'Giessen lab', country: 'DE', institution: 'institution:giessen', weight: 2, stage: null });
  });

  test('LAB level: a person without a named lab is grouped by institution, and says so', () => {
    const free = graphView(net, { people: ['person:free'] }).nodes[0];
    expect(free).toMatchObject({ group: 'institution:osaka', groupResolvedLevel: 'INSTITUTION', groupLabel: 'Osaka University', lab: null, institution: 'institution:osaka', country: 'JP' });
    const iso = graphView(net, { people: ['person:iso'] }).nodes[0];
    expect(iso).toMatchObject({ group: null, groupResolvedLevel: null, lab: null, institution: null, country: null });
  });

  test('level sets the group; includeLabs adds every lab of the people shown', () => {
    const view = neighborhood(net, 'person:dual', 1, { level: 'COUNTRY', includeLabs: true });
    expect(view.nodes.find((n) => n.id === 'person:dual')!.group).toBe('country:JP'); // primary: first lab kyoto-b → Kyoto → JP
    expect(view.nodes.filter((n) => n.type === 'LAB').map((n) => n.id)).toEqual(['lab:kyoto-b', 'lab:nott']);
    expect(view.level).toBe('COUNTRY');
  });

  test('bad input', () => {
    expect(() => neighborhood(net, 'person:ks1', 4)).toThrow(code('BAD_USER_INPUT'));
    expect(() => neighborhood(net, 'person:ks1', -1)).toThrow(code('BAD_USER_INPUT'));
    expect(() => neighborhood(net, 'person:nobody', 1)).toThrow(code('NOT_FOUND'));
    expect(() => neighborhood(net, 'visit:v1', 1)).toThrow(code('BAD_USER_INPUT'));
    expect(() => neighborhood(net, 'person:ks1', 2, { maxNodes: 3 })).toThrow(code('BAD_USER_INPUT'));
  });
});

describe('graph(filter)', () => {
  test('no filter: everyone, every tie', () => {
    const view = graphView(net);
    expect(view.nodes).toHaveLength(12);
    expect(view.edges).toHaveLength(net.graph.size);
    expect(view.includePlanned).toBe(false);
  });

  test('filters by group, early career, weight; isolated people on request', () => {
    expect(graphView(net, { countries: ['country:GB'] }).nodes.map((n) => n.id)).toEqual(['person:dual', 'person:na', 'person:nd']);
    expect(graphView(net, { labs: ['lab:giessen'], people: ['person:iso'] }).nodes.map((n) => n.id)).toEqual(['person:ga', 'person:gs', 'person:iso']);
    expect(graphView(net, { labs: ['lab:giessen'], people: ['person:iso'], includeIsolated: false }).nodes.map((n) => n.id)).toEqual(['person:ga', 'person:gs']);
    const early = graphView(net, { earlyCareerOnly: true });
    expect(early.nodes.every((n) => n.earlyCareer === true)).toBe(true);
    expect(graphView(net, { minWeight: 3 }).edges.map((e) => e.id)).toEqual(['person:ks1--person:nd']);
    expect(graphView(net, { institutions: ['institution:osaka'] }).nodes.map((n) => n.id)).toEqual(['person:free']);
  });

  test('bad filters', () => {
    expect(() => graphView(net, { countries: ['JP'] })).toThrow(code('BAD_USER_INPUT'));
    expect(() => graphView(net, { countries: ['country:FR'] })).toThrow(code('NOT_FOUND'));
    expect(() => graphView(net, { labs: ['institution:kyoto'] })).toThrow(code('BAD_USER_INPUT'));
    expect(() => graphView(net, { minWeight: -1 })).toThrow(code('BAD_USER_INPUT'));
    expect(() => graphView(net, { maxNodes: 5 })).toThrow(code('BAD_USER_INPUT'));
  });
});

test('neighborhood of an institution or a country: its people are the centre', () => {
  expect(neighborhood(net, 'institution:osaka', 0).nodes.map((n) => n.id)).toEqual(['person:free']);
  expect(neighborhood(net, 'country:DE', 0).nodes.map((n) => n.id)).toEqual(['person:ga', 'person:gs']);
  expect(() => neighborhood(net, 'institution:nowhere', 1)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) }));
});
