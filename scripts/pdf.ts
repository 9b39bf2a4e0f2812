// `npm run pdf -- (--db FILE | --demo) --out FILE.pdf [--paper A4|Letter]`: the portfolio PDF without
// the desktop app. It serves the built renderer over the real handlers (the browser preview, in this
// process), opens the print route in Chromium, waits until the page says it has drawn everything,
// and prints it: the same page and the same print CSS as the app's "Export PDF".
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import config from '../playwright.config';
import { getCurriculum } from '../curriculum';
import type { PaperSize } from '../shared/schemas/portfolio';
import { printHash } from '../shared/print';
import { openDatabase } from '../electron/db/open';
import { fillDemoLearner } from '../electron/demo/demo-learner';
import { portfolioPrintOptions, type PrintTargetLike } from '../electron/pdf/pdf-export';
import { READ_FAILURE_SCRIPT, READ_READY_SCRIPT } from '../electron/pdf/print-ready';
import { startPreview } from '../preview/server';
import {
  countPdfPages,
  formatPdfSummary,
  parsePdfArgs,
  rendererNeedsBuild,
  waitForPrintReady,
  writeFileAtomic,
} from './pdf-command';
import { runMain } from './run-main';

const root = path.resolve(import.meta.dirname, '..');
export const RENDERER_DIR = path.join(root, 'dist', 'renderer');

export interface PdfJob {
  /** The learner's database; null prints the demo learner from a temporary database. */
  dbFile: string | null;
  outFile: string;
  paper: PaperSize;
  /** The clock of the demo learner and the handlers (tests pin it); the real clock by default. */
  now?: () => number;
  /** How long the print view may take to say it is ready. */
  timeoutMs?: number;
  log?: (line: string) => void;
}

export interface PdfResult {
  file: string;
  pages: number;
  bytes: number;
  ms: number;
}

/** Builds the renderer when it is missing or older than its sources. */
async function ensureRendererBuilt(log: (line: string) => void = console.log): Promise<void> {
  if (!rendererNeedsBuild(RENDERER_DIR, [path.join(root, 'renderer'), path.join(root, 'shared')])) return;
  log('Building the renderer (vite build)…');
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.config.ts'), root: path.join(root, 'renderer'), logLevel: 'warn' });
}

export async function makePortfolioPdf(job: PdfJob): Promise<PdfResult> {
  const started = performance.now();
  const log = job.log ?? console.log;
  const now = job.now ?? Date.now;
  await ensureRendererBuilt(log);

  let scratch: string | null = null;
  let dbFile = job.dbFile;
  if (dbFile === null) {
    scratch = mkdtempSync(path.join(tmpdir(), 'companion-pdf-'));
    dbFile = path.join(scratch, 'demo.db');
    const db = openDatabase(dbFile, getCurriculum());
    try {
      fillDemoLearner({ db, curriculum: getCurriculum(), now });
    } finally {
      db.close();
    }
  } else {
    try {
      if (!statSync(dbFile).isFile()) throw new Error();
    } catch {
      throw new Error(`There is no study-companion database at ${dbFile}.`);
    }
  }

  // Printing only reads: it works while the app has the logbook open (no lock, no backup).
  const preview = await startPreview({ dbFile, rendererDir: RENDERER_DIR, now, lock: false });
  try {
    return await printPortfolioPdf({
      url: preview.url,
      outFile: job.outFile,
      paper: job.paper,
      timeoutMs: job.timeoutMs,
      started,
    });
  } finally {
    await preview.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

export interface PrintJob {
  /** Where the app is served (the preview's URL); the print route is opened under it. */
  url: string;
  outFile: string;
  paper: PaperSize;
  timeoutMs?: number;
  /** A Chromium already running: the page opens in a new context of it, closed afterwards. Launched (and closed) otherwise. */
  browser?: Browser;
  /** What `ms` counts from (performance.now()); the call itself by default. */
  started?: number;
}

/**
 * The printing itself, from an app that is already being served: Chromium opens the print route,
 * waits until the page says it has drawn everything, prints it and writes the file. `ms` runs
 * until the file is written (closing the browser after that is not counted). `npm run bench`
 * times this against its handler process's preview.
 */
export async function printPortfolioPdf(job: PrintJob): Promise<PdfResult> {
  const started = job.started ?? performance.now();
  let launched: Browser | null = null;
  let context: BrowserContext | null = null;
  const pageErrors: string[] = [];
  try {
    const browser = job.browser ?? (launched = await chromium.launch(config.use?.launchOptions));
    // About an A4 page wide at 96 dpi: the layout the print view is designed at, before paging.
    context = await browser.newContext({ viewport: { width: 900, height: 1200 }, colorScheme: 'light' });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && pageErrors.push(message.text()));
    await page.goto(`${job.url}${printHash(job.paper)}`);
    try {
      await waitForPrintReady({
        read: () => page.evaluate(READ_READY_SCRIPT),
        readFailure: () => page.evaluate(READ_FAILURE_SCRIPT),
        timeoutMs: job.timeoutMs,
      });
    } catch (error) {
      const reported = pageErrors.length ? `\nThe page reported:\n  ${pageErrors.slice(0, 5).join('\n  ')}` : '';
      throw new Error(`${(error as Error).message}${reported}`, { cause: error });
    }
    const pdf = await pageAsPrintTarget(page).printToPDF(portfolioPrintOptions(job.paper));
    await writeFileAtomic(job.outFile, pdf);
    return { file: job.outFile, pages: countPdfPages(pdf), bytes: pdf.byteLength, ms: performance.now() - started };
  } finally {
    await context?.close();
    await launched?.close();
  }
}

/**
 * A Playwright page as the desktop exporter's print target (electron/pdf/pdf-export.ts): what
 * main does with the app window's webContents, done to the page. page.pdf is Chromium's
 * Page.printToPDF, which Electron's printToPDF also calls. `npm run pdf`, the end-to-end test
 * and the benchmark print through it.
 */
export function pageAsPrintTarget(page: Page): PrintTargetLike {
  return {
    isDestroyed: () => page.isClosed(),
    executeJavaScript: (code) => page.evaluate(code),
    printToPDF: async (options) =>
      page.pdf({
        format: options.pageSize,
        printBackground: options.printBackground,
        preferCSSPageSize: options.preferCSSPageSize,
        outline: options.generateDocumentOutline ?? false,
        tagged: options.generateTaggedPDF ?? false,
      }),
  };
}

async function main() {
  const args = parsePdfArgs(process.argv.slice(2));
  const result = await makePortfolioPdf({ dbFile: args.dbFile, outFile: args.outFile, paper: args.paper });
  const relative = path.relative(process.cwd(), result.file);
  console.log(formatPdfSummary({ ...result, file: relative.startsWith('..') ? result.file : relative }));
}

runMain(import.meta.filename, main);
