import { buildCollaborationNetwork, tieKey } from '../../../src/analytics/collaborationGraph';
import { csrOf } from '../../../src/analytics/csr';
import { parseEarlyCareerRule } from '../../../src/domain/earlyCareer';
import { smallWorld } from './world';

const tie = (net: ReturnType<typeof buildCollaborationNetwork>, a: string, b: string) =>
  net.graph.hasEdge(`person:${a}`, `person:${b}`) ? net.graph.getEdgeAttributes(`person:${a}`, `person:${b}`) : null;

describe('collaboration graph', () => {
  const net = buildCollaborationNetwork(smallWorld());

  test('every projected person is a node, sorted by id, isolated ones included', () => {
    expect(net.graph.nodes()).toEqual([...net.graph.nodes()].sort());
    expect(net.graph.order).toBe(12);
    expect(net.graph.degree('person:iso')).toBe(0);
  });

  test('visit ties: visitor–host and visitor–head of the host lab, with the visits as evidence', () => {
    expect(tie(net, 'ks1', 'nd')).toEqual({ visits: ['visit:v1', 'visit:v6'], papers: ['paper:a1'], labs: [], weight: 3 });
    expect(tie(net, 'ks1', 'na')).toEqual({ visits: ['visit:v1', 'visit:v6'], papers: [], labs: [], weight: 2 });
    expect(tie(net, 'ks1', 'ga')).toEqual({ visits: ['visit:v2'], papers: ['paper:a1'], labs: [], weight: 2 });
    expect(tie(net, 'ks2', 'free')).toEqual({ visits: ['visit:v5'], papers: [], labs: [], weight: 1 });
  });

  test('co-authorship and shared-lab ties', () => {
    expect(tie(net, 'nd', 'ga')).toEqual({ visits: [], papers: ['paper:a1'], labs: [], weight: 1 });
    expect(tie(net, 'ka', 'ks2')).toEqual({ visits: [], papers: ['paper:a3'], labs: ['lab:kyoto-a'], weight: 2 });
    expect(tie(net, 'dual', 'na')).toEqual({ visits: [], papers: [], labs: ['lab:nott'], weight: 1 });
    expect(tie(net, 'dual', 'kb')).toEqual({ visits: [], papers: [], labs: ['lab:kyoto-b'], weight: 1 });
  });

  test('planned items are left out, cancelled visits always', () => {
    expect(tie(net, 'gs', 'ka')).toBeNull();
    expect(tie(net, 'kb', 'kbs')!.papers).toEqual([]);
    expect(tie(net, 'kbs', 'nd')).toBeNull();
    expect(net.visits.has('visit:v3')).toBe(false);
  });

  test('includePlanned adds planned visits and papers, still not cancelled visits', () => {
    const all = buildCollaborationNetwork(smallWorld(), { includePlanned: true });
    expect(tie(all, 'gs', 'ka')).toEqual({ visits: ['visit:v3'], papers: [], labs: [], weight: 1 });
    expect(tie(all, 'kb', 'kbs')).toEqual({ visits: [], papers: ['paper:a2'], labs: ['lab:kyoto-b'], weight: 2 });
    expect(tie(all, 'kbs', 'nd')).toBeNull();
    expect(all.includePlanned).toBe(true);
  });

  test('person attributes: stage, early career under the rule, groups at every level', () => {
    expect(net.graph.getNodeAttributes('person:dual')).toEqual({
      label: 'DUAL',
      stage: 'LECTURER',
      earlyCareer: true,
      placeholder: false,
      labs: ['lab:kyoto-b', 'lab:nott'],
      institutions: ['institution:kyoto', 'institution:nott'],
      countries: ['country:GB', 'country:JP'],
    });
    expect(net.graph.getNodeAttribute('person:free', 'earlyCareer')).toBeNull();
    expect(net.graph.getNodeAttribute('person:ka', 'earlyCareer')).toBe(false);
    const strict = buildCollaborationNetwork(smallWorld(), { earlyCareerRule: parseEarlyCareerRule('GRADUATE_STUDENT') });
    expect(strict.graph.getNodeAttribute('person:dual', 'earlyCareer')).toBe(false);
  });

  test('a lab head missing from the person record is still a member; unknown ids are ignored', () => {
    const world = smallWorld();
    world.people.find((p) => p.id === 'person:ga')!.labs = [];
    world.papers.push({ id: 'paper:ghost', authors: ['person:ks1', 'person:nobody'], status: 'PUBLISHED', year: 2025 });
    const n2 = buildCollaborationNetwork(world);
    expect(n2.graph.getNodeAttribute('person:ga', 'labs')).toEqual(['lab:giessen']);
    expect(n2.graph.getNodeAttribute('person:ga', 'institutions')).toEqual(['institution:giessen']);
    expect(tie(n2, 'ga', 'gs')!.labs).toEqual(['lab:giessen']);
    expect(n2.graph.hasNode('person:nobody')).toBe(false);
    expect(n2.papers.has('paper:ghost')).toBe(false);
  });

  test('tie keys are the sorted pair; the CSR rows are sorted and symmetric', () => {
    expect(tieKey('person:b', 'person:a')).toBe('person:a--person:b');
    expect(net.graph.edges().every((e) => e === tieKey(net.graph.source(e), net.graph.target(e)))).toBe(true);
    const csr = csrOf(net.graph);
    expect(csr.m).toBe(net.graph.size);
    for (let i = 0; i < csr.n; i++) {
      const row = Array.from(csr.targets.subarray(csr.offsets[i], csr.offsets[i + 1]));
      expect(row).toEqual([...row].sort((a, b) => a - b));
      for (const j of row) expect(Array.from(csr.targets.subarray(csr.offsets[j], csr.offsets[j + 1]))).toContain(i);
    }
  });

  test('the same projection gives the same graph (deterministic)', () => {
    const again = buildCollaborationNetwork(smallWorld());
    expect(again.graph.export()).toEqual(net.graph.export());
  });
});
