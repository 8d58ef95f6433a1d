import type { GraphView, ViewEdge, ViewNode } from '../graphView';

/**
 * Flat attribute records for the file formats whose attributes are scalars (GEXF, GraphML):
 * id lists are joined with "|" (ids never contain "|", see domain/ids.ts), nulls are left out,
 * and every attribute has one declared type across the file.
 */
export type Scalar = string | number | boolean;
export type AttrType = 'string' | 'double' | 'integer' | 'boolean';

export interface AttrSpec {
  name: string;
  type: AttrType;
}

export const NODE_ATTRS: AttrSpec[] = [
  { name: 'type', type: 'string' },
  { name: 'group', type: 'string' },
  { name: 'groupResolvedLevel', type: 'string' },
  { name: 'groupLabel', type: 'string' },
  { name: 'stage', type: 'string' },
  { name: 'earlyCareer', type: 'boolean' },
  { name: 'country', type: 'string' },
  { name: 'institution', type: 'string' },
  { name: 'lab', type: 'string' },
  { name: 'weight', type: 'double' },
  { name: 'degree', type: 'integer' },
];

export const EDGE_ATTRS: AttrSpec[] = [
  { name: 'type', type: 'string' },
  { name: 'kinds', type: 'string' },
  { name: 'visits', type: 'string' },
  { name: 'papers', type: 'string' },
  { name: 'labs', type: 'string' },
  { name: 'start', type: 'string' },
  { name: 'end', type: 'string' },
];

export const LIST_SEPARATOR = '|';

export function nodeRecord(node: ViewNode): Record<string, Scalar> {
  return compact({
    type: node.type,
    group: node.group,
    groupResolvedLevel: node.groupResolvedLevel,
    groupLabel: node.groupLabel,
    stage: node.stage,
    earlyCareer: node.earlyCareer,
    country: node.country,
    institution: node.institution,
    lab: node.lab,
    weight: node.weight,
    degree: node.degree,
  });
}

export function edgeRecord(edge: ViewEdge): Record<string, Scalar> {
  return compact({
    type: edge.type,
    kinds: joined(edge.kinds),
    visits: joined(edge.visits),
    papers: joined(edge.papers),
    labs: joined(edge.labs),
    start: edge.start,
    end: edge.end,
  });
}

function joined(list: readonly string[]): string | null {
  return list.length ? list.join(LIST_SEPARATOR) : null;
}

function compact(record: Record<string, Scalar | null | undefined>): Record<string, Scalar> {
  const out: Record<string, Scalar> = {};
  for (const [k, v] of Object.entries(record)) if (v !== null && v !== undefined) out[k] = v;
  return out;
}

/** XML text/attribute escaping; characters XML 1.0 forbids are dropped. */
export function xmlEscape(value: string): string {
  return value
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

export function formatScalar(value: Scalar): string {
  return typeof value === 'number' ? numberText(value) : String(value);
}

/** Finite numbers in a form every XML reader parses (no "Infinity", no "NaN"). */
function numberText(x: number): string {
  if (!Number.isFinite(x)) return '0';
  return String(x);
}

export type { GraphView };
