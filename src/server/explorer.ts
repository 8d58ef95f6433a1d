import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Router } from 'express';
import { refused } from '../errors';

/**
 * Where `npm run build` puts the explorer's bundle (explorer/build.mjs). The same path from
 * src/server (tests) and dist/server (the built server): both are two levels below the root.
 */
export const EXPLORER_DIR = join(__dirname, '..', '..', 'dist', 'explorer');

/**
 * /explorer: the visual explorer, a static bundle that talks only to this API's /graphql and
 * /export. Everything it loads comes from this folder (no CDN), so it works offline. Without a
 * build it answers SERVICE_UNAVAILABLE saying how to make one, instead of a bare 404. Files it
 * does not have fall through to the app's JSON 404.
 */
export function explorerRouter(dir = EXPLORER_DIR): Router {
  const router = express.Router();
  router.use((_req, _res, next) => {
    if (existsSync(join(dir, 'index.html'))) return next();
    next(refused('SERVICE_UNAVAILABLE', 'The explorer is not built: run `npm run build`.'));
  });
  // /explorer and /explorer/ both serve the page (its own URLs are absolute); it is never
  // cached, so a rebuilt bundle is picked up on reload.
  router.get('/', (_req, res) => {
    res.set('cache-control', 'no-cache').sendFile(join(dir, 'index.html'));
  });
  router.use(express.static(dir, { index: false, maxAge: 0, redirect: false }));
  return router;
}
