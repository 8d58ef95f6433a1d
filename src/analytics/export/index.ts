import { badInput } from '../../errors';
import type { GraphView } from '../graphView';
import { toCytoscape } from './cytoscape';
import { toGexf } from './gexf';
import { toGraphml } from './graphml';
import { toGraphologyJson } from './graphologyJson';

/**
 * One entry point for the HTTP export endpoint and `kizuna export`: a view in one of the four
 * formats, with its content type and the usual file extension.
 */
export const EXPORT_FORMATS = ['cytoscape', 'graphology', 'gexf', 'graphml'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportedGraph {
  contentType: string;
  extension: string;
  body: string;
}

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

export function exportGraphView(view: GraphView, format: ExportFormat): ExportedGraph {
  if (!isExportFormat(format)) throw badInput(`format must be one of ${EXPORT_FORMATS.join(', ')}`, { argumentName: 'format' });
  switch (format) {
    case 'cytoscape':
      return { contentType: 'application/json; charset=utf-8', extension: 'cyjs', body: JSON.stringify(toCytoscape(view), null, 2) + '\n' };
    case 'graphology':
      return { contentType: 'application/json; charset=utf-8', extension: 'json', body: JSON.stringify(toGraphologyJson(view), null, 2) + '\n' };
    case 'gexf':
      return { contentType: 'application/gexf+xml; charset=utf-8', extension: 'gexf', body: toGexf(view) };
    case 'graphml':
      return { contentType: 'application/graphml+xml; charset=utf-8', extension: 'graphml', body: toGraphml(view) };
  }
}
