// pdfExport: the portfolio PDF of the benchmark's learner (24 entries, every field filled through
// portfolio.update, on the 100,000-entry database), printed by scripts/pdf.ts's printPortfolioPdf
// from the app the handler process serves: the print route drawn over the handlers, page.pdf(),
// the file written. Two ways, alternating:
// - from a Chromium already running, in a new context: what the desktop export does (a new hidden
//   window in the running app, printToPDF, the file written), with no save dialog to wait on;
// - with Chromium launched for it: `npm run pdf`, less its start-up (the database, the server).
import { rmSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import config from '../playwright.config';
import { printPortfolioPdf } from '../scripts/pdf';
import { figure, median, type Section } from './lib';

export const PDF_RUNS = 5;

export async function benchPdfExport(appUrl: string, outDir: string, runs = PDF_RUNS): Promise<Section> {
  const warmMs: number[] = [];
  const launchMs: number[] = [];
  let pages = 0;
  let bytes = 0;
  const browser = await chromium.launch(config.use?.launchOptions);
  try {
    const print = async (launch: boolean) => {
      const outFile = path.join(outDir, 'portfolio.pdf');
      const result = await printPortfolioPdf({ url: appUrl, outFile, paper: 'A4', ...(launch ? {} : { browser }) });
      (launch ? launchMs : warmMs).push(result.ms);
      pages = result.pages;
      bytes = result.bytes;
      rmSync(outFile, { force: true });
    };
    await print(false); // unmeasured: the running browser's first renderer process
    for (let i = 0; i < runs; i++) {
      if (i % 2 === 0) await print(false), await print(true);
      else await print(true), await print(false);
    }
  } finally {
    await browser.close();
  }
  return {
    median: figure(median(warmMs), 'ms', { op: '<', limit: 3000 }, `the desktop export's path: a new context in a running Chromium, print route, page.pdf, file written; median of ${runs}`),
    withLaunch: figure(median(launchMs), 'ms', null, `npm run pdf's path: the same with Chromium launched for it; median of ${runs}`),
    pages: figure(pages, 'pages'),
    size: figure(bytes / 1000, 'KB'),
  };
}
