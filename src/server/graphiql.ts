import { dirname, join } from 'node:path';
import express, { type Router } from 'express';

/**
 * /graphiql: GraphiQL served from node_modules, so the API can be explored with no internet
 * (Apollo's hosted Sandbox and GraphiQL's CDN builds are not reachable from every network a
 * research office runs in). Only these four files are served.
 */
const ASSETS: Record<string, string> = {
  'react.js': join(dirname(require.resolve('react/package.json')), 'umd', 'react.production.min.js'),
  'react-dom.js': join(dirname(require.resolve('react-dom/package.json')), 'umd', 'react-dom.production.min.js'),
  'graphiql.js': join(dirname(require.resolve('graphiql/package.json')), 'graphiql.min.js'),
  'graphiql.css': join(dirname(require.resolve('graphiql/package.json')), 'graphiql.min.css'),
};

const DEFAULT_QUERY = `# Kizuna: early-career researchers and where they went
{
  people(filter: { earlyCareer: true }, first: 10) {
    totalCount
    edges { node { displayName nameJa careerStage
      visits { status start duration to { name country { code } } } } }
  }
}
`;

function page(graphqlPath: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Kizuna GraphiQL</title>
<link rel="stylesheet" href="/graphiql/assets/graphiql.css">
<style>html,body,#graphiql{height:100%;margin:0}</style></head>
<body><div id="graphiql">Loading…</div>
<script src="/graphiql/assets/react.js"></script>
<script src="/graphiql/assets/react-dom.js"></script>
<script src="/graphiql/assets/graphiql.js"></script>
<script>
  const fetcher = GraphiQL.createFetcher({ url: ${JSON.stringify(graphqlPath)} });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, { fetcher, defaultQuery: ${JSON.stringify(DEFAULT_QUERY)} }));
</script></body></html>`;
}

export function graphiqlRouter(graphqlPath = '/graphql'): Router {
  const router = express.Router();
  router.get('/', (_req, res) => {
    res.type('html').send(page(graphqlPath));
  });
  router.get('/assets/:name', (req, res) => {
    // Own keys only: `__proto__` and `constructor` are not assets.
    const file = Object.hasOwn(ASSETS, req.params.name) ? ASSETS[req.params.name] : undefined;
    if (!file) return void res.status(404).json({ errors: [{ message: 'Not found.', extensions: { code: 'NOT_FOUND' } }] });
    res.sendFile(file, { maxAge: '1d' });
  });
  return router;
}
