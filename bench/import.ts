// importToMapping: a 20,000-row Toggl Track detailed report (test/support/time-reports.ts, with a
// BOM, CRLF and quoted multi-line descriptions), from the moment the learner picks the file to the
// frame that draws the mapping screen's table, in headless Chromium through the browser preview
// over a copy of the 100,000-entry logbook; and the handler alone (import.preview through the
// dispatcher: zod, parse, grouping, proposals, the logbook's spans), for where the time goes.
import { chromium, type Browser } from '@playwright/test';
import config from '../playwright.config';
import type { ChannelOutput } from '../shared/contract';
import type { Curriculum } from '../shared/curriculum';
import { openDatabase } from '../electron/db/open';
import { handlers } from '../electron/handlers';
import { dispatch } from '../electron/ipc/dispatch';
import { startPreview } from '../preview/server';
import { largeTogglReport } from '../test/support/time-reports';
import { figure, median, time, type Section } from './lib';
import { BENCH_NOW } from './seed';

const ROWS = 20_000;
const RUNS = 5;

/**
 * Runs in the page before its scripts: `pickedAt` when the file input changes, `tableAt` when the
 * mapping table is in the DOM, `paintAt` the next animation frame. performance.now() milliseconds.
 */
const PROBE = `(() => {
  window.__import = {};
  document.addEventListener('change', (e) => {
    if (e.target instanceof HTMLInputElement && e.target.type === 'file') window.__import.pickedAt = performance.now();
  }, true);
  const observer = new MutationObserver(() => {
    if (window.__import.tableAt || !document.querySelector('[data-testid=import-groups] tbody tr')) return;
    window.__import.tableAt = performance.now();
    requestAnimationFrame(() => { window.__import.paintAt = performance.now(); });
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

interface Pick {
  pickedAt: number;
  tableAt: number;
  paintAt: number;
}

async function pickReport(browser: Browser, url: string, report: Buffer): Promise<Pick> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await context.addInitScript(PROBE);
    const page = await context.newPage();
    await page.goto(`${url}#/import`);
    await page.getByRole('heading', { name: 'Import from another tracker' }).waitFor();
    await page
      .getByTestId('import-file')
      .setInputFiles({ name: 'toggl-20000.csv', mimeType: 'text/csv', buffer: report });
    try {
      await page.waitForFunction(
        () => (window as unknown as { __import: Partial<Pick> }).__import.paintAt !== undefined,
        undefined,
        { timeout: 60_000 },
      );
    } catch (error) {
      const refused = await page
        .getByTestId('import-refused')
        .textContent({ timeout: 1000 })
        .catch(() => null);
      throw new Error(`The mapping screen never showed its table. ${refused ?? ''}`, { cause: error });
    }
    return await page.evaluate(() => (window as unknown as { __import: Pick }).__import);
  } finally {
    await context.close();
  }
}

/** `logbook`: a copy of the seeded 100,000-entry database, this benchmark's own. */
export async function benchImport(logbook: string, rendererDir: string, curriculum: Curriculum): Promise<Section> {
  const { text } = largeTogglReport(ROWS);

  // The handler alone, on the same logbook.
  const db = openDatabase(logbook, curriculum);
  const ctx = { db, curriculum, now: () => BENCH_NOW };
  const input = { content: text, fileName: 'toggl-20000.csv', timeZone: 'Europe/Berlin' };
  const handlerMs: number[] = [];
  let groups = 0;
  for (let i = 0; i <= RUNS; i++) {
    const ms = time(() => {
      const answer = dispatch(handlers, ctx, 'import.preview', input);
      if (!answer.ok) throw new Error(`import.preview failed: ${answer.error.message}`);
      groups = (answer.value as ChannelOutput<'import.preview'>).groups.length;
    });
    if (i > 0) handlerMs.push(ms); // the first run warms the code up
  }
  db.close();

  const preview = await startPreview({ dbFile: logbook, rendererDir, now: () => BENCH_NOW });
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch(config.use?.launchOptions);
    const report = Buffer.from(text);
    await pickReport(browser, preview.url, report); // unmeasured: the browser's own start-up
    const picks: Pick[] = [];
    for (let i = 0; i < RUNS; i++) picks.push(await pickReport(browser, preview.url, report));
    const screenMs = median(picks.map((p) => p.paintAt - p.pickedAt));
    return {
      toMappingScreen: figure(
        screenMs,
        'ms',
        { op: '<', limit: 2000 },
        `a ${ROWS.toLocaleString('en')}-row Toggl report (${(report.length / 1e6).toFixed(1)} MB), from picking the file to the frame that draws the mapping table (${groups} groups), over the 100k logbook; median of ${RUNS}`,
      ),
      handler: figure(
        median(handlerMs),
        'ms',
        null,
        'import.preview through the dispatcher alone: checking, parsing, grouping, proposing, the logbook’s spans',
      ),
    };
  } finally {
    await browser?.close();
    await preview.close();
  }
}
