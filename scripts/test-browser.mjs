// Which Chromium the browser tests (and `npm run pdf`, screenshots, bench) drive, decided in one place
// for playwright.config.ts and for the set-up `npm test` runs first (scripts/ensure-test-tools.mjs).
import { existsSync } from 'node:fs';

/**
 * Debian's `chromium` package (apt-get install chromium). /usr/bin/chromium is a shell wrapper around
 * it; Playwright needs the browser itself.
 */
export const DEBIAN_CHROMIUM = '/usr/lib/chromium/chromium';

/**
 * A Chromium already installed on the machine, used rather than downloading another: Debian's where
 * it is installed, else null (Playwright's own, downloaded into its cache, is then the one).
 * @param {(file: string) => boolean} [exists]
 * @returns {string | null}
 */
export function systemChromium(exists = existsSync) {
  return exists(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : null;
}

/** How every Chromium is started, whichever it is. */
export const CHROMIUM_ARGS = [
  '--headless',
  // Root (CI, containers) has no sandbox to run in; the pages are our own.
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
