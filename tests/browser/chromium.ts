import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's chromium, never a downloaded browser (playwright gives each launch a fresh, empty
 * profile directory of its own). Without it the browser tier is skipped, loudly;
 * KIZUNA_REQUIRE_BROWSER=1 (set by CI, which installs chromium) turns the skip into a failure.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const BROWSER_SKIP_REASON = `Browser tier SKIPPED: ${CHROMIUM} not found (apt-get install chromium)`;

export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.KIZUNA_REQUIRE_BROWSER === '1') throw new Error(`KIZUNA_REQUIRE_BROWSER=1 but ${CHROMIUM} does not exist`);
  console.warn(BROWSER_SKIP_REASON);
  return false;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const SCREENSHOTS = join(__dirname, '..', '..', '.reports', 'screens');
