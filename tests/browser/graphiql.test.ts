import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { serve, type RunningServer } from '../../src/server/serve';
import { syntheticDataset } from '../fixtures/syntheticDataset';
import { BROWSER_SKIP_REASON, chromiumAvailable, launchChromium, SCREENSHOTS } from './chromium';

const describeBrowser = chromiumAvailable() ? describe : describe.skip;

describeBrowser(`/graphiql in Chromium${chromiumAvailable() ? '' : ` — ${BROWSER_SKIP_REASON}`}`, () => {
  let server: RunningServer;
  let browser: Browser;
  const requests: string[] = [];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kizuna-browser-'));
    writeFileSync(join(dir, 'seed.json'), JSON.stringify(syntheticDataset(6)));
    server = await serve(loadConfig({ PORT: '0', HOST: '127.0.0.1', KIZUNA_SEED_FILE: join(dir, 'seed.json') }), createLogger('silent'));
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('loads GraphiQL with no internet and runs the default query', async () => {
    const page = await browser.newPage();
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(server.url.replace(/graphql$/, 'graphiql'));
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.result-window').getByText('"totalCount"').waitFor({ timeout: 15_000 });
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'graphiql.png') });
    const origin = new URL(server.url).origin;
    expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:'))).toEqual([]);
    await page.close();
  }, 60_000);
});
