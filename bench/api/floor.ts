import express from 'express';
import neo4j from 'neo4j-driver';
import type { Neo4jConfig } from '../../src/config';
import { benchData } from './data';
import { listen } from './http';
import { operations } from './operations';

/**
 * The floor: per operation, its one hand-written Cypher statement through neo4j-driver's
 * executeQuery (a session per request, as a minimal service would), answering Kizuna's JSON shape.
 * POST /graphql with {operationName}; no GraphQL parsing at all.
 */
export async function startFloor(config: Neo4jConfig): Promise<string> {
  const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), { disableLosslessIntegers: true });
  const ops = new Map(operations(benchData(process.env.BENCH_SIZE ?? '10k')).map((op) => [op.name, op]));
  const app = express();
  app.post('/graphql', express.json({ limit: '1mb' }), async (req, res) => {
    const op = ops.get(req.body?.operationName);
    if (!op?.floor) {
      res.status(400).json({ errors: [{ message: 'no floor for this operation' }] });
      return;
    }
    try {
      const { records } = await driver.executeQuery(op.floor.cypher, intParams(op.floor.params), { database: config.database, routing: neo4j.routing.READ });
      res.json({ data: op.floor.fromRows(records.map((r) => r.toObject())) });
    } catch (error) {
      res.status(500).json({ errors: [{ message: String(error) }] });
    }
  });
  return listen(app);
}

/** Whole numbers travel as Cypher integers (a JS number is sent as a float). */
function intParams(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'number' && Number.isInteger(v) ? neo4j.int(v) : v]));
}
