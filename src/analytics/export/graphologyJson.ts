import Graph from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import type { GraphView } from '../graphView';

/**
 * graphology's serialization format (`graph.export()`, read back by `Graph.from(json)`), for
 * sigma.js and other graphology-based frontends. The graph is undirected and simple: a
 * collaboration tie is person–person and a membership is person–lab, so no pair repeats.
 */
export function toGraphology(view: GraphView): Graph {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  graph.replaceAttributes({ name: 'Kizuna collaboration graph', level: view.level, includePlanned: view.includePlanned });
  for (const n of view.nodes) {
    const { id, ...attrs } = n;
    graph.addNode(id, withoutNulls(attrs));
  }
  for (const e of view.edges) {
    const { id, source, target, ...attrs } = e;
    graph.addUndirectedEdgeWithKey(id, source, target, withoutNulls(attrs));
  }
  return graph;
}

export function toGraphologyJson(view: GraphView): SerializedGraph {
  return toGraphology(view).export();
}

function withoutNulls(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) if (v !== null && v !== undefined) out[k] = v;
  return out;
}
