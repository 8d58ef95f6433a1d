import type { GraphView } from '../graphView';
import { EDGE_ATTRS, NODE_ATTRS, edgeRecord, formatScalar, nodeRecord, xmlEscape, type AttrSpec, type Scalar } from './flatten';

/**
 * GraphML (http://graphml.graphdrawing.org/specification.html), undirected. Keys are declared
 * once with attr.name / attr.type, which is what Gephi, Cytoscape, yEd and NetworkX read;
 * `label` and `weight` use the names Gephi maps to its label and edge-weight columns.
 * Written here because graphology-graphml 0.5 only parses. Visit time is kept as `start`/`end`
 * strings (GraphML has no notion of time); use GEXF for a dynamic graph.
 */
export function toGraphml(view: GraphView): string {
  const nodeKeys: AttrSpec[] = [{ name: 'label', type: 'string' }, ...NODE_ATTRS];
  const edgeKeys: AttrSpec[] = [{ name: 'weight', type: 'double' }, ...EDGE_ATTRS];
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  );
  for (const k of nodeKeys) out.push(`  <key id="n_${k.name}" for="node" attr.name="${k.name}" attr.type="${GRAPHML_TYPE[k.type]}"/>`);
  for (const k of edgeKeys) out.push(`  <key id="e_${k.name}" for="edge" attr.name="${k.name}" attr.type="${GRAPHML_TYPE[k.type]}"/>`);
  out.push('  <graph id="kizuna" edgedefault="undirected">');
  for (const node of view.nodes) {
    out.push(`    <node id="${xmlEscape(node.id)}">`);
    writeData(out, 'n_', { label: node.label, ...nodeRecord(node) }, nodeKeys);
    out.push('    </node>');
  }
  for (const edge of view.edges) {
    out.push(`    <edge id="${xmlEscape(edge.id)}" source="${xmlEscape(edge.source)}" target="${xmlEscape(edge.target)}">`);
    writeData(out, 'e_', { weight: edge.weight, ...edgeRecord(edge) }, edgeKeys);
    out.push('    </edge>');
  }
  out.push('  </graph>');
  out.push('</graphml>');
  return out.join('\n') + '\n';
}

const GRAPHML_TYPE: Record<AttrSpec['type'], string> = { string: 'string', double: 'double', integer: 'int', boolean: 'boolean' };

function writeData(out: string[], prefix: string, record: Record<string, Scalar>, keys: AttrSpec[]): void {
  for (const k of keys) {
    const v = record[k.name];
    if (v === undefined) continue;
    out.push(`      <data key="${prefix}${k.name}">${xmlEscape(formatScalar(v))}</data>`);
  }
}
