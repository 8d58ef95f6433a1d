import type { GraphView } from '../graphView';

/**
 * Cytoscape.js elements JSON, in the shape Cytoscape desktop's "Import network from file" (.cyjs)
 * and `cytoscape({ elements })` both read: `{ elements: { nodes: [{ data }], edges: [{ data }] } }`.
 * Every value is JSON (lists stay lists); null values are left out, as Cytoscape prefers.
 */
export interface CytoscapeElement {
  data: Record<string, unknown> & { id: string };
}

export interface CytoscapeDocument {
  format_version: '1.0';
  generated_by: string;
  target_cytoscapejs_version: string;
  data: Record<string, unknown>;
  elements: { nodes: CytoscapeElement[]; edges: CytoscapeElement[] };
}

export function toCytoscape(view: GraphView, name = 'Kizuna collaboration graph'): CytoscapeDocument {
  return {
    format_version: '1.0',
    generated_by: 'kizuna',
    target_cytoscapejs_version: '~3.0',
    data: { name, level: view.level, includePlanned: view.includePlanned },
    elements: {
      nodes: view.nodes.map((n) => ({ data: withoutNulls({ ...n, name: n.label }) as CytoscapeElement['data'] })),
      edges: view.edges.map((e) => ({
        data: withoutNulls({ ...e, interaction: e.type, intervals: e.intervals ?? undefined }) as CytoscapeElement['data'],
      })),
    },
  };
}

function withoutNulls(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) if (v !== null && v !== undefined) out[k] = v;
  return out;
}
