// pdfExport: the portfolio PDF of the benchmark's learner (24 entries, every field filled through
// portfolio.update, on the 100,000-entry database), made as the desktop app makes it: the app is
// open on the Portfolio screen, the learner clicks "Export PDF", the renderer draws the document
// off screen in the same page while main's exporter (electron/pdf/pdf-export.ts, here answering
// through the handler process) asks where to save (answered at once), waits for the document and
// prints the page (Playwright's page.pdf is Chromium's printToPDF, as Electron's is). Timed from
// the click to the "Saved …" notice, median of 5, each in a freshly opened app page.
// For context, without budgets, alternating with it:
// - printRoute: the print route in a new page of the running Chromium, what the export did before
//   (a hidden window) and what `npm run pdf` still does;
// - withLaunch: the same with Chromium launched for it, as `npm run pdf` does.
import { rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { createPdfExporter } from '../electron/pdf/pdf-export';
import { writeFileAtomic } from '../electron/files/write-atomic';
import config from '../playwright.config';
import { pageAsPrintTarget, printPortfolioPdf } from '../scripts/pdf';
import type { Host } from './host-client';
import { figure, median, type Section } from './lib';

const PDF_RUNS = 5;
const BUDGET_MS = 3000;

/** One export through the app's button, in a new page: the time from click to "Saved", and the pages and bytes of the file. */
async function exportFromApp(browser: Browser, host: Host, appUrl: string, outFile: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  let page: Page | null = null;
  host.exportPdf = createPdfExporter({
    dialog: { showSaveDialog: async () => ({ canceled: false, filePath: outFile }) },
    getParentWindow: () => null,
    getPrintTarget: () => (page ? pageAsPrintTarget(page) : null),
    getSettings: () => ({ learnerName: 'Bench Learner' }),
    writeFileAtomic,
    today: () => '2026-06-01',
  });
  try {
    page = await context.newPage();
    await page.goto(`${appUrl}#/portfolio`);
    const button = page.getByRole('button', { name: /^Export PDF \(24 entries\)/ });
    await button.waitFor({ state: 'visible', timeout: 60_000 });
    // Watched every frame: a locator's wait backs off to half a second between looks, which
    // would add up to that much to the figure.
    const noticed = page.waitForFunction(
      () => document.querySelector('.notices')?.textContent?.includes('Saved portfolio.pdf') ?? false,
      undefined,
      {
        polling: 'raf',
        timeout: 60_000,
      },
    );
    const started = performance.now();
    await button.click();
    await noticed;
    const ms = performance.now() - started;
    const notice = (await page.getByText(/^Saved portfolio\.pdf/).textContent()) ?? '';
    return { ms, pages: Number(/: (\d+) pages/.exec(notice)?.[1] ?? 0), bytes: statSync(outFile).size };
  } finally {
    host.exportPdf = null;
    await context.close();
  }
}

export async function benchPdfExport(host: Host, appUrl: string, outDir: string, runs = PDF_RUNS): Promise<Section> {
  const appMs: number[] = [];
  const routeMs: number[] = [];
  const launchMs: number[] = [];
  let pages = 0;
  let bytes = 0;
  const outFile = path.join(outDir, 'portfolio.pdf');
  const browser = await chromium.launch(config.use?.launchOptions);
  try {
    const fromApp = async () => {
      const result = await exportFromApp(browser, host, appUrl, outFile);
      appMs.push(result.ms);
      pages = result.pages;
      bytes = result.bytes;
      rmSync(outFile, { force: true });
    };
    const fromRoute = async (launch: boolean) => {
      const result = await printPortfolioPdf({ url: appUrl, outFile, paper: 'A4', ...(launch ? {} : { browser }) });
      (launch ? launchMs : routeMs).push(result.ms);
      rmSync(outFile, { force: true });
    };
    // Unmeasured: the running browser's first renderer processes.
    await fromApp();
    appMs.length = 0;
    await fromRoute(false);
    routeMs.length = 0;
    for (let i = 0; i < runs; i++) {
      const order =
        i % 2 === 0
          ? [fromApp, () => fromRoute(false), () => fromRoute(true)]
          : [() => fromRoute(true), () => fromRoute(false), fromApp];
      for (const run of order) await run();
    }
  } finally {
    await browser.close();
  }
  return {
    median: figure(
      median(appMs),
      'ms',
      { op: '<', limit: BUDGET_MS },
      `the desktop export: Export PDF clicked in the open app to the "Saved" notice (document drawn in the same page, printed, file written); median of ${runs}`,
    ),
    printRoute: figure(
      median(routeMs),
      'ms',
      null,
      `the print route in a new page of the running Chromium (the former hidden-window export; npm run pdf's page); median of ${runs}`,
    ),
    withLaunch: figure(
      median(launchMs),
      'ms',
      null,
      `npm run pdf's path: the print route with Chromium launched for it; median of ${runs}`,
    ),
    pages: figure(pages, 'pages'),
    size: figure(bytes / 1000, 'KB'),
  };
}
