import type { GraphView, ViewEdge, VisitInterval } from '../graphView';
import { EDGE_ATTRS, NODE_ATTRS, edgeRecord, formatScalar, nodeRecord, xmlEscape, type AttrSpec, type Scalar } from './flatten';

/**
 * GEXF 1.3 (https://gexf.net/schema.html) with visits as time: the graph is `mode="dynamic"`,
 * `timeformat="date"`, `timerepresentation="interval"`; a tie that rests on dated visits only
 * exists during those visits (start/end attributes for one interval, <spells> for several,
 * overlapping intervals merged since Gephi rejects overlapping spells); every other tie, and every
 * node, has no time bounds and so exists throughout. An unknown bound is left open.
 *
 * Written here rather than with graphology-gexf's writer: graphology-gexf 0.13 writes GEXF 1.3
 * but has no dynamics (no start/end, no spells, no mode="dynamic"). Its parser is used by the
 * round-trip tests. List-valued attributes (evidence ids) are written as "|"-joined strings, which
 * every GEXF reader takes, rather than 1.3 liststring, whose syntax readers disagree on.
 */
export function toGexf(view: GraphView, options: { description?: string } = {}): string {
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
  );
  out.push('  <meta>');
  out.push('    <creator>Kizuna</creator>');
  out.push(
    `    <description>${xmlEscape(options.description ?? `Collaboration graph (groups: ${view.level}${view.includePlanned ? ', planned items included' : ''})`)}</description>`,
  );
  out.push('  </meta>');
  out.push('  <graph defaultedgetype="undirected" mode="dynamic" timeformat="date" timerepresentation="interval">');
  writeModel(out, 'node', NODE_ATTRS);
  writeModel(out, 'edge', EDGE_ATTRS);
  out.push('    <nodes>');
  for (const node of view.nodes) {
    out.push(`      <node id="${xmlEscape(node.id)}" label="${xmlEscape(node.label)}">`);
    writeValues(out, nodeRecord(node), NODE_ATTRS);
    out.push('      </node>');
  }
  out.push('    </nodes>');
  out.push('    <edges>');
  for (const edge of view.edges) {
    const spells = spellsOf(edge);
    const single = spells && spells.length === 1 ? spells[0] : null;
    let open = `      <edge id="${xmlEscape(edge.id)}" source="${xmlEscape(edge.source)}" target="${xmlEscape(edge.target)}" weight="${formatScalar(edge.weight)}" kind="${edge.type}"`;
    if (single?.start) open += ` start="${single.start}"`;
    if (single?.end) open += ` end="${single.end}"`;
    out.push(open + '>');
    writeValues(out, edgeRecord(edge), EDGE_ATTRS);
    if (spells && spells.length > 1) {
      out.push('        <spells>');
      for (const s of spells) out.push(`          <spell${s.start ? ` start="${s.start}"` : ''}${s.end ? ` end="${s.end}"` : ''}/>`);
      out.push('        </spells>');
    }
    out.push('      </edge>');
  }
  out.push('    </edges>');
  out.push('  </graph>');
  out.push('</gexf>');
  return out.join('\n') + '\n';
}

const GEXF_TYPE: Record<AttrSpec['type'], string> = { string: 'string', double: 'double', integer: 'integer', boolean: 'boolean' };

function writeModel(out: string[], cls: 'node' | 'edge', specs: AttrSpec[]): void {
  out.push(`    <attributes class="${cls}" mode="static">`);
  for (const s of specs) out.push(`      <attribute id="${s.name}" title="${s.name}" type="${GEXF_TYPE[s.type]}"/>`);
  out.push('    </attributes>');
}

function writeValues(out: string[], record: Record<string, Scalar>, specs: AttrSpec[]): void {
  const present = specs.filter((s) => record[s.name] !== undefined);
  if (!present.length) return;
  out.push('        <attvalues>');
  for (const s of present) out.push(`          <attvalue for="${s.name}" value="${xmlEscape(formatScalar(record[s.name]))}"/>`);
  out.push('        </attvalues>');
}

interface Spell {
  start: string | null;
  end: string | null;
}

/** The edge's intervals sorted and merged where they overlap or touch; null for a timeless edge. */
export function spellsOf(edge: ViewEdge): Spell[] | null {
  if (!edge.intervals || edge.intervals.length === 0) return null;
  const lo = (iv: VisitInterval) => iv.start ?? '0000-00-00';
  const hi = (iv: VisitInterval) => iv.end ?? '9999-99-99';
  const sorted = [...edge.intervals].sort((a, b) => (lo(a) < lo(b) ? -1 : lo(a) > lo(b) ? 1 : hi(a) < hi(b) ? -1 : 1));
  const merged: { lo: string; hi: string }[] = [];
  for (const iv of sorted) {
    const last = merged[merged.length - 1];
    if (last && lo(iv) <= nextDay(last.hi)) {
      if (hi(iv) > last.hi) last.hi = hi(iv);
    } else merged.push({ lo: lo(iv), hi: hi(iv) });
  }
  return merged.map((m) => ({ start: m.lo === '0000-00-00' ? null : m.lo, end: m.hi === '9999-99-99' ? null : m.hi }));
}

function nextDay(day: string): string {
  if (day.startsWith('9999')) return day;
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
