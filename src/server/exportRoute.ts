import express, { type Router } from 'express';
import { EXPORT_FORMATS, isExportFormat } from '../analytics/export';
import { exportGraph } from '../analytics/service';
import type { GroupLevel } from '../domain/enums';
import { GROUP_LEVELS } from '../domain/enums';
import { badInput, isKizunaError } from '../errors';
import type { ContextDeps } from '../graphql/context';
import type { Logger } from '../logger';
import { StoreError } from '../store/errors';
import { STORE_CODES } from './formatError';

/**
 * GET /export?format=gexf|graphml|cytoscape|graphology[&id=person:…&hops=2][&level=LAB][&includePlanned=true]
 * A collaboration graph view as a file that Gephi, Cytoscape or graphology opens as it is.
 * Errors are JSON with the API's codes and the matching HTTP status.
 */
const STATUS_OF_CODE: Record<string, number> = { BAD_USER_INPUT: 400, NOT_FOUND: 404, CONFLICT: 409, SERVICE_UNAVAILABLE: 503 };

export function exportRouter(deps: ContextDeps, logger: Logger): Router {
  const router = express.Router();
  router.get('/', async (req, res) => {
    try {
      const request = exportRequestOf(req.query as Record<string, unknown>);
      const exported = await exportGraph(deps.store, deps.earlyCareer, request);
      const name = `kizuna-${request.id ? request.id.replace(/[^A-Za-z0-9._-]/g, '_') : 'graph'}.${exported.extension}`;
      res.attachment(name).type(exported.contentType).send(exported.body);
    } catch (error) {
      const { status, code, message } = describe(error);
      if (status === 500) logger.error({ err: error }, 'export failed');
      res.status(status).json({ errors: [{ message, extensions: { code } }] });
    }
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
  return {
    format,
    id: text('id') ?? null,
    hops: hops === undefined ? null : Number(hops),
    level: level as GroupLevel | undefined,
    includePlanned: text('includePlanned') === 'true',
  };
}

function describe(error: unknown): { status: number; code: string; message: string } {
  if (isKizunaError(error)) {
    const code = String(error.extensions.code);
    return { status: STATUS_OF_CODE[code] ?? 400, code, message: error.message };
  }
  if (error instanceof StoreError) {
    const code = STORE_CODES[error.kind];
    return { status: STATUS_OF_CODE[code] ?? 500, code, message: error.message };
  }
  return { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' };
}
