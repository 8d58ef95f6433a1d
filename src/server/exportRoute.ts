import express, { type Router } from 'express';
import { EXPORT_FORMATS, isExportFormat } from '../analytics/export';
import { resolveNetworkPeriod } from '../analytics/period';
import { exportGraph } from '../analytics/service';
import type { GroupLevel } from '../domain/enums';
import { GROUP_LEVELS } from '../domain/enums';
import { badInput } from '../errors';
import type { ContextDeps } from '../graphql/context';

/**
 * GET /export?format=gexf|graphml|cytoscape|graphology[&id=person:…&hops=2][&level=LAB][&includePlanned=true][&asOf=YYYY-MM-DD|&fiscalYear=N]
 * A collaboration graph view as a file that Gephi, Cytoscape or graphology opens as it is.
 * Errors are JSON with the API's codes and the matching HTTP status (server/errorHandler.ts;
 * Express 5 passes a rejected handler's error there).
 */
export function exportRouter(deps: ContextDeps): Router {
  const router = express.Router();
  router.get('/', async (req, res) => {
    const request = exportRequestOf(req.query as Record<string, unknown>);
    const exported = await exportGraph(deps.store, deps.earlyCareer, request);
    const name = `kizuna-${request.id ? request.id.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 80) : 'graph'}.${exported.extension}`;
    res.attachment(name).type(exported.contentType).send(exported.body);
  });
  return router;
}

function exportRequestOf(query: Record<string, unknown>) {
  const text = (name: string) => (typeof query[name] === 'string' ? (query[name] as string) : undefined);
  const format = text('format') ?? '';
  if (!isExportFormat(format)) throw badInput(`\`format\` must be one of ${EXPORT_FORMATS.join(', ')}`, { argumentName: 'format' });
  const level = text('level');
  if (level && !(GROUP_LEVELS as readonly string[]).includes(level)) throw badInput(`\`level\` must be one of ${GROUP_LEVELS.join(', ')}`, { argumentName: 'level' });
  const hops = text('hops');
  if (hops !== undefined && !/^\d+$/.test(hops)) throw badInput('`hops` must be a whole number', { argumentName: 'hops' });
  const fiscalYear = text('fiscalYear');
  if (fiscalYear !== undefined && !/^\d{4}$/.test(fiscalYear)) throw badInput('`fiscalYear` must be a year, YYYY', { argumentName: 'fiscalYear' });
  return {
    format,
    id: text('id') ?? null,
    hops: hops === undefined ? null : Number(hops),
    level: level as GroupLevel | undefined,
    includePlanned: text('includePlanned') === 'true',
    period: resolveNetworkPeriod({ asOf: text('asOf') ?? null, fiscalYear: fiscalYear === undefined ? null : Number(fiscalYear) }),
  };
}
