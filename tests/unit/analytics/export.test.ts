import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { buildCollaborationNetwork } from '../../../src/analytics/collaborationGraph';
import { exportGraphView, EXPORT_FORMATS } from '../../../src/analytics/export';
import { toCytoscape } from '../../../src/analytics/export/cytoscape';
import { spellsOf, toGexf } from '../../../src/analytics/export/gexf';
import { toGraphml } from '../../../src/analytics/export/graphml';
import { toGraphologyJson } from '../../../src/analytics/export/graphologyJson';
import { graphView, neighborhood, type GraphView, type ViewEdge } from '../../../src/analytics/graphView';
import { smallWorld } from './world';

const net = buildCollaborationNetwork(smallWorld());
const view: GraphView = graphView(net, { includeLabs: true });

function expectSameStructure(graph: Graph, v: GraphView): void {
  expect(graph.order).toBe(v.nodes.length);
  expect(graph.size).toBe(v.edges.length);
  expect(graph.type).toBe('undirected');
  for (const n of v.nodes) expect(graph.getNodeAttribute(n.id, 'label')).toBe(n.label);
  for (const e of v.edges) {
    expect(graph.hasEdge(e.id)).toBe(true);
    expect(new Set(graph.extremities(e.id))).toEqual(new Set([e.source, e.target]));
    expect(graph.getEdgeAttribute(e.id, 'weight')).toBe(e.weight);
  }
}

describe('exports', () => {
  test('graphology JSON round-trips through Graph.from', () => {
    const json = JSON.parse(JSON.stringify(toGraphologyJson(view)));
    const graph = Graph.from(json);
    expectSameStructure(graph, view);
    expect(graph.getNodeAttributes('person:ks1')).toMatchObject({ type: 'PERSON', stage: 'GRADUATE_STUDENT', earlyCareer: true, group: 'lab:kyoto-a' });
    expect(graph.getNodeAttributes('person:free')).toMatchObject({ group: 'institution:osaka', groupResolvedLevel: 'INSTITUTION' }); // no lab: its institution
    expect(graph.getNodeAttributes('person:iso')).not.toHaveProperty('group'); // nulls are left out
    expect(graph.getEdgeAttributes('person:ks1--person:na').intervals).toHaveLength(2);
  });

  test('Cytoscape.js elements JSON', () => {
    const doc = toCytoscape(view);
    expect(doc.elements.nodes).toHaveLength(view.nodes.length);
    expect(doc.elements.edges).toHaveLength(view.edges.length);
    const ks1 = doc.elements.nodes.find((n) => n.data.id === 'person:ks1')!;
    expect(ks1.data).toMatchObject({ name: 'KS1', label: 'KS1', type: 'PERSON' });
    const e = doc.elements.edges.find((x) => x.data.id === 'person:ks1--person:nd')!;
    expect(e.data).toMatchObject({ source: 'person:ks1', target: 'person:nd', interaction: 'COLLABORATION', weight: 3, visits: ['visit:v1', 'visit:v6'] });
    expect(e.data).not.toHaveProperty('start');
    const ids = new Set(doc.elements.nodes.map((n) => n.data.id));
    for (const x of doc.elements.edges) expect(ids.has(x.data.source as string) && ids.has(x.data.target as string)).toBe(true);
  });

  test('GEXF 1.3 round-trips through graphology-gexf, with typed attributes', () => {
    const xml = toGexf(view);
    expect(xml).toContain('version="1.3"');
    expect(xml).toContain('xmlns="http://gexf.net/1.3"');
    const graph = parseGexf(Graph, xml);
    expectSameStructure(graph, view);
    expect(graph.getNodeAttributes('person:ks1')).toMatchObject({ type: 'PERSON', earlyCareer: true, weight: 9, degree: 5, country: 'JP' });
    expect(graph.getNodeAttribute('lab:kyoto-a', 'label')).toBe('Kyoto A <&> "lab"');
    expect(graph.getNodeAttribute('person:ka', 'label')).toBe('中西 周次');
    expect(graph.getEdgeAttributes('person:ks1--person:nd')).toMatchObject({ kind: 'COLLABORATION', visits: 'visit:v1|visit:v6', papers: 'paper:a1', kinds: 'VISIT|COAUTHORSHIP' });
  });

  test('GEXF dynamics: visit-only ties get their visit intervals, merged; others are timeless', () => {
    const xml = toGexf(view);
    expect(xml).toContain('mode="dynamic" timeformat="date" timerepresentation="interval"');
    const edge = (id: string) => xml.split('\n').find((l) => l.includes(`<edge id="${id}"`))!;
    // ks1–na: v1 (Sep–Nov) and v6 (Nov–Dec) overlap → one interval.
    expect(edge('person:ks1--person:na')).toContain('start="2024-09-01" end="2024-12-20"');
    // ks2–free: a visit under way, no end yet → open end.
    expect(edge('person:free--person:ks2')).toContain('start="2025-03-01"');
    expect(edge('person:free--person:ks2')).not.toContain('end=');
    expect(edge('person:ks1--person:nd')).not.toContain('start=');
    expect(xml.split('\n').filter((l) => l.includes('<node ') && l.includes('start='))).toEqual([]);
  });

  test('GEXF spells for several separate visits', () => {
    const e: ViewEdge = {
      id: 'x', source: 'a', target: 'b', type: 'COLLABORATION', weight: 3, kinds: ['VISIT'], visits: ['v1', 'v2', 'v3'], papers: [], labs: [],
      intervals: [
        { visit: 'v2', start: '2025-01-01', end: '2025-01-31' },
        { visit: 'v1', start: '2024-01-01', end: '2024-01-10' },
        { visit: 'v3', start: '2024-01-11', end: '2024-02-01' }, // touches v1: merged
      ],
      start: '2024-01-01', end: '2025-01-31',
    };
    expect(spellsOf(e)).toEqual([
      { start: '2024-01-01', end: '2024-02-01' },
      { start: '2025-01-01', end: '2025-01-31' },
    ]);
    const xml = toGexf({ level: 'LAB', includePlanned: false, nodes: [node('a'), node('b')], edges: [e] });
    expect(xml).toContain('<spells>');
    expect(xml).toContain('<spell start="2024-01-01" end="2024-02-01"/>');
    expect(parseGexf(Graph, xml).size).toBe(1);
  });

  test('GraphML round-trips through graphology-graphml, with typed attributes', () => {
    const xml = toGraphml(view);
    const graph = parseGraphml(Graph, xml);
    expectSameStructure(graph, view);
    expect(graph.getNodeAttributes('person:dual')).toMatchObject({ type: 'PERSON', stage: 'LECTURER', earlyCareer: true, degree: 4 });
    expect(graph.getEdgeAttributes('person:ks1--person:na')).toMatchObject({ type: 'COLLABORATION', start: '2024-09-01', end: '2024-12-20', visits: 'visit:v1|visit:v6' });
  });

  test('exportGraphView: the four formats, content types; an ego network exports too', () => {
    const ego = neighborhood(net, 'lab:nott', 1);
    for (const format of EXPORT_FORMATS) {
      const out = exportGraphView(ego, format);
      expect(out.body.length).toBeGreaterThan(100);
      expect(out.contentType).toMatch(format === 'gexf' ? /gexf\+xml/ : format === 'graphml' ? /graphml\+xml/ : /json/);
    }
    expect(() => exportGraphView(ego, 'dot' as never)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
  });

  test('exports are deterministic', () => {
    const again = graphView(buildCollaborationNetwork(smallWorld()), { includeLabs: true });
    for (const format of EXPORT_FORMATS) expect(exportGraphView(again, format).body).toBe(exportGraphView(view, format).body);
  });
});

function node(id: string): GraphView['nodes'][number] {
  return { id, type: 'PERSON', label: id, group: null, groupResolvedLevel: null, groupLabel: null, stage: 'UNKNOWN', earlyCareer: null, country: null, institution: null, lab: null, weight: 0, degree: 0 };
}
