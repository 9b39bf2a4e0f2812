// dashboardPaint: from navigation to the Roadmap chart drawn with its data, in headless Chromium
// through the browser preview, against the bare page (React and one recharts chart, no app).
import { chromium, type Browser } from '@playwright/test';
import config from '../playwright.config';
import { startPreview } from '../preview/server';
import { figure, median, type Section } from './lib';
import { BENCH_NOW } from './seed';

const COLD_LOADS = 10;
const BARS = 24;

/**
 * Runs in the page before any of its scripts (CDP injects it; the CSP does not apply). `barsAt`:
 * the first moment the chart's SVG holds all 24 range bars, as React commits them (a
 * MutationObserver callback). `paintAt`: the next animation frame, the frame that draws them.
 * Both are performance.now(), milliseconds since the navigation started.
 *
 * recharts animates the bars (their height grows over about 400 ms); the bars are in the SVG with
 * their data from the first of those frames, and that is the moment measured, for the app and the
 * bare page alike.
 */
const PROBE = `(() => {
  const selector = '[data-testid=roadmap-chart] path.bar-range';
  const check = () => {
    if (document.querySelectorAll(selector).length !== ${BARS}) return;
    observer.disconnect();
    window.__bench = { barsAt: performance.now() };
    requestAnimationFrame(() => { window.__bench.paintAt = performance.now(); });
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['class', 'd'] });
})();`;

interface Load {
  barsAt: number;
  paintAt: number;
}

async function coldLoad(browser: Browser, url: string): Promise<Load> {
  // A new context is a new profile in memory: no HTTP cache, no storage, nothing compiled before.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
  try {
    await context.addInitScript(PROBE);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url, { waitUntil: 'commit' });
    try {
      await page.waitForFunction(
        () => (window as unknown as { __bench?: Load }).__bench?.paintAt !== undefined,
        undefined,
        { timeout: 30_000 },
      );
    } catch (error) {
      const bars = await page.locator('[data-testid=roadmap-chart] path.bar-range').count();
      throw new Error(
        `The chart at ${url} never showed ${BARS} bars (it has ${bars}): ${(error as Error).message} ${errors.join(' ')}`,
        { cause: error },
      );
    }
    return await page.evaluate(() => (window as unknown as { __bench: Load }).__bench);
  } finally {
    await context.close();
  }
}

export interface PaintSetup {
  /** The app, served by the handler process over the 100,000-entry database. */
  appUrl: string;
  /** A scratch database for the bare page's server (the page makes no calls). */
  bareDbFile: string;
  bareDir: string;
}

export async function benchDashboardPaint(setup: PaintSetup, loads = COLD_LOADS): Promise<Section> {
  // The same server code for the bare page: the same headers, CSP and injected bridge script.
  const bare = await startPreview({ dbFile: setup.bareDbFile, rendererDir: setup.bareDir, now: () => BENCH_NOW });
  const app = { url: setup.appUrl };
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch(config.use?.launchOptions);
    // One load of each first, unmeasured: the browser's own start-up (its first renderer process).
    await coldLoad(browser, app.url);
    await coldLoad(browser, bare.url);
    const appLoads: Load[] = [];
    const bareLoads: Load[] = [];
    for (let i = 0; i < loads; i++) {
      // Alternate which goes first, so drift on the machine weighs on both alike.
      if (i % 2 === 0) {
        appLoads.push(await coldLoad(browser, app.url));
        bareLoads.push(await coldLoad(browser, bare.url));
      } else {
        bareLoads.push(await coldLoad(browser, bare.url));
        appLoads.push(await coldLoad(browser, app.url));
      }
    }
    const appMs = median(appLoads.map((l) => l.paintAt));
    const bareMs = median(bareLoads.map((l) => l.paintAt));
    const of = `median of ${loads} cold loads`;
    return {
      app: figure(
        appMs,
        'ms',
        null,
        `navigation start to the frame that draws the Roadmap chart's ${BARS} range bars (100k entries), ${of}`,
      ),
      appBarsInDom: figure(
        median(appLoads.map((l) => l.barsAt)),
        'ms',
        null,
        'the same, to the DOM change that completes the 24 bars (a MutationObserver callback)',
      ),
      bare: figure(bareMs, 'ms', null, `the same for bench/bare (React + one recharts chart, ${BARS} bars), ${of}`),
      ratio: figure(appMs / bareMs, 'ratio', { op: '<=', limit: 2 }),
    };
  } finally {
    await browser?.close();
    await bare.close();
  }
}
