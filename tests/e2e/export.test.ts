import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { serve, type RunningServer } from '../../src/server/serve';

/** GET /export and `kizuna export` on the seed: files that graphology (as Gephi/Cytoscape would) reads back. */
describe('graph export (embedded store, seed)', () => {
  let server: RunningServer;
  const get = (query: string) => fetch(server.url.replace(/graphql$/, `export?${query}`));

  beforeAll(async () => {
    server = await serve(loadConfig({ PORT: '0', HOST: '127.0.0.1' }), createLogger('silent'));
  });

  afterAll(async () => {
    await server.stop();
  });

  it('serves GEXF and GraphML that parse back into the same graph', async () => {
    const gexf = await get('format=gexf');
    expect(gexf.status).toBe(200);
    expect(gexf.headers.get('content-type')).toMatch(/gexf\+xml/);
    expect(gexf.headers.get('content-disposition')).toMatch(/attachment; filename="?kizuna-graph\.gexf"?/);
    const fromGexf = parseGexf(Graph, await gexf.text(), { allowUndeclaredAttributes: true });
    const graphml = await get('format=graphml');
    const fromGraphml = parseGraphml(Graph, await graphml.text());
    expect(fromGexf.order).toBeGreaterThan(10);
    expect(fromGraphml.order).toBe(fromGexf.order);
    expect(fromGraphml.size).toBe(fromGexf.size);
  });

  it('serves an ego network as Cytoscape elements', async () => {
    const response = await get('format=cytoscape&id=person:nakanishi-shuji&hops=1');
    const body: any = await response.json();
    const ids = body.elements.nodes.map((n: any) => n.data.id);
    expect(ids).toContain('person:nakanishi-shuji');
    expect(body.elements.edges.length).toBeGreaterThan(0);
  });

  it.each([
    ['format=pdf', 400, 'BAD_USER_INPUT'],
    ['format=gexf&id=person:nobody', 404, 'NOT_FOUND'],
    ['format=gexf&id=person:nakanishi-shuji&hops=99', 400, 'BAD_USER_INPUT'],
    ['format=gexf&asOf=2024-10', 400, 'BAD_USER_INPUT'],
    ['format=gexf&asOf=2024-10-01&fiscalYear=2024', 400, 'BAD_USER_INPUT'],
    ['format=gexf&fiscalYear=FY2024', 400, 'BAD_USER_INPUT'],
  ])('answers %s with %i %s', async (query, status, code) => {
    const response = await get(query);
    expect(response.status).toBe(status);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe(code);
  });

  it('takes the day: asOf and fiscalYear (docs/metrics.md, "The network as of a date")', async () => {
    const edges = async (query: string) => ((await (await get(`format=graphology&${query}`)).json()) as { edges: Array<{ key: string }> }).edges.map((e) => e.key);
    // Before the report's year only the Schröder lab tie exists; as of 2024-10-01 the report's twelve.
    expect(await edges('asOf=2024-03-31')).toEqual(['person:schroder-daniel--person:schroder-lab-grad-student']);
    expect(await edges('asOf=2024-10-01')).toHaveLength(12);
    expect(await edges('fiscalYear=2024')).toEqual(await edges('asOf=2025-03-31'));
  });

  it('kizuna export --as-of writes the network of that day', () => {
    const cli = join(__dirname, '..', '..', 'dist', 'cli.js');
    if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` (npm test does)');
    const { NEO4J_URI: _unset, ...env } = process.env;
    const run = spawnSync(process.execPath, [cli, 'export', '--format', 'graphology', '--as-of', '2024-03-31'], { env: { ...env, LOG_LEVEL: 'silent' }, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as { edges: Array<{ key: string }> }).edges.map((e) => e.key)).toEqual(['person:schroder-daniel--person:schroder-lab-grad-student']);
    const bad = spawnSync(process.execPath, [cli, 'export', '--format', 'gexf', '--as-of', '2024-10-01', '--fiscal-year', '2024'], { env: { ...env, LOG_LEVEL: 'silent' }, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/asOf.*fiscalYear|not both/);
  });

  it('kizuna export writes the same GEXF file', () => {
    const cli = join(__dirname, '..', '..', 'dist', 'cli.js');
    if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` (npm test does)');
    const out = join(mkdtempSync(join(tmpdir(), 'kizuna-export-')), 'seed.gexf');
    const { NEO4J_URI: _unset, ...env } = process.env;
    const run = spawnSync(process.execPath, [cli, 'export', '--format', 'gexf', '--out', out], { env: { ...env, LOG_LEVEL: 'silent' }, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(parseGexf(Graph, readFileSync(out, 'utf8'), { allowUndeclaredAttributes: true }).order).toBeGreaterThan(10);
  });
});
