// The desktop app's "Export PDF" with everything real but Electron: the app open on the Portfolio
// screen (dark theme), the learner clicks Export, main's exporter (electron/pdf/pdf-export.ts)
// answers through the preview with a stand-in save dialog, waits for the document drawn off screen
// in the same page, and prints that page as main prints the app's window. The PDF must be the very
// document `npm run pdf` prints from its print route, with nothing of the app in it, and the app
// must look the same before, during and after.
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { getCurriculum } from '../../curriculum';
import { openDatabase } from '../../electron/db/open';
import { fillDemoLearner } from '../../electron/demo/demo-learner';
import { createPdfExporter } from '../../electron/pdf/pdf-export';
import { writeFileAtomic } from '../../electron/files/write-atomic';
import { startPreview } from '../../preview/server';
import { makePortfolioPdf, pageAsPrintTarget, RENDERER_DIR } from '../../scripts/pdf';
import { PRINT_READY_ATTRIBUTE } from '../../shared/print';
import { expect, test } from './fixtures';
import { collapse, pdfInfo, pdfStructure, pdfText, renderPages } from './pdf-tools';

const pdfPages = async (file: string) => (await pdfText(file)).map(collapse);

/** What the learner would notice of the app while it exports: its theme, its classes, anything new on screen. */
const appLooks = (page: Page) =>
  page.evaluate(() => ({
    theme: document.documentElement.dataset.theme,
    background: getComputedStyle(document.body).backgroundColor,
    printingRoute: document.documentElement.classList.contains('printing'),
    heading: document.querySelector('h1')?.textContent,
    scrollHeight: document.documentElement.scrollHeight,
    innerHeight: window.innerHeight,
  }));

test('Export PDF prints the open app’s own window: the portfolio alone, as the print route prints it, and the app unchanged', async ({
  page,
}, info) => {
  test.setTimeout(150_000);
  mkdirSync(info.outputDir, { recursive: true });
  const dbFile = path.join(info.outputDir, 'learner.db');
  const db = openDatabase(dbFile, getCurriculum());
  fillDemoLearner({ db, curriculum: getCurriculum(), now: Date.now });
  db.close();

  // The print route's PDF of the same learner (`npm run pdf`), to compare with.
  const routeFile = path.join(info.outputDir, 'route.pdf');
  await makePortfolioPdf({ dbFile, outFile: routeFile, paper: 'A4', log: () => {} });

  const savedAs = path.join(info.outputDir, 'Alex portfolio');
  const dialogs: string[] = [];
  // What the learner answers in the save dialog, export after export.
  const answers = [
    { canceled: false, filePath: savedAs }, // a name without the extension: the exporter adds it
    { canceled: false, filePath: path.join(info.outputDir, 'letter.pdf') },
    { canceled: true, filePath: '' },
  ];
  const preview = await startPreview({
    dbFile,
    rendererDir: RENDERER_DIR,
    exportPdf: createPdfExporter({
      dialog: {
        showSaveDialog: async (...args: unknown[]) => (dialogs.push(JSON.stringify(args.at(-1))), answers.shift()!),
      },
      getParentWindow: () => null,
      getPrintTarget: () => pageAsPrintTarget(page),
      getSettings: () => ({ learnerName: 'Alex Rivera' }),
      writeFileAtomic,
      today: () => '2026-11-26',
    }),
  });
  try {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(preview.url);
    expect(await page.evaluate(() => window.api!.invoke('settings.update', { theme: 'dark' }))).toMatchObject({
      ok: true,
    });
    await page.goto(`${preview.url}#/portfolio`);
    await page.reload(); // the settings are read at start
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    const button = page.getByRole('button', { name: /^Export PDF \(\d+ entries\)/ });
    await expect(button).toBeEnabled();
    const before = await appLooks(page);
    expect(before.theme).toBe('dark');

    // While it exports: the document is being drawn, yet the app looks as it did.
    await button.click();
    await expect(page.getByRole('button', { name: 'Exporting…' })).toBeDisabled();
    await expect(page.locator('.print-host .print-doc')).toBeAttached();
    await expect(page.locator('.print-host')).not.toBeInViewport();
    expect(await appLooks(page)).toEqual(before);

    await expect(page.getByText(/^Saved Alex portfolio\.pdf: \d+ pages\.$/)).toBeVisible({ timeout: 60_000 });
    expect(dialogs).toHaveLength(1);
    // Afterwards nothing of the export is left in the page.
    await expect(page.locator('.print-host')).toHaveCount(0);
    expect(
      await page.evaluate(
        (attr) => [document.documentElement.getAttribute(attr), document.documentElement.className],
        PRINT_READY_ATTRIBUTE,
      ),
    ).toEqual([null, '']);
    expect(await appLooks(page)).toEqual(before);

    // Again, on Letter paper; then once more, cancelled in the dialog: nothing saved, nothing left.
    await page.getByLabel('Paper').selectOption('Letter');
    await button.click();
    await expect(page.getByText(/^Saved letter\.pdf: \d+ pages\.$/)).toBeVisible({ timeout: 60_000 });
    await button.click();
    await expect.poll(() => dialogs.length).toBe(3);
    await expect(button).toBeEnabled();
    await expect(page.locator('.print-host')).toHaveCount(0);
    expect(await appLooks(page)).toEqual(before);
  } finally {
    await preview.close();
  }
  expect((await pdfInfo(path.join(info.outputDir, 'letter.pdf')))['Page size']).toMatch(/\(letter\)/i);

  const exported = `${savedAs}.pdf`;
  expect(
    readdirSync(info.outputDir)
      .filter((f) => f.endsWith('.pdf'))
      .sort(),
  ).toEqual(['Alex portfolio.pdf', 'letter.pdf', 'route.pdf']);
  expect((await pdfInfo(exported)).Title).toBe('Alex Rivera – MLOps Portfolio');
  expect((await pdfInfo(exported))['Page size']).toMatch(/\(A4\)/);
  const pages = await pdfPages(exported);
  // The same document, page for page, as the print route prints, with the same tags for screen
  // readers (the structure tree, node ids aside): nothing of it was lost to the off-screen drawing.
  expect(pages).toEqual(await pdfPages(routeFile));
  const structure = await pdfStructure(exported);
  expect(structure).toContain('H1 (block)');
  expect(structure).toEqual(await pdfStructure(routeFile));
  expect(pages[0]).toContain('MLOps Portfolio Alex Rivera');
  // Nothing of the app: no sidebar, no screen heading, no buttons.
  const all = pages.join('\n');
  for (const appText of ['Time log', 'Export PDF', 'Include in the PDF', 'Save assessment'])
    expect(all).not.toContain(appText);

  // Printed light although the app is dark: page 2 (the roadmap) is white paper with dark ink.
  const pixels = (await renderPages(exported, [2], 20))[0]!.gray.pixels;
  const mean = pixels.reduce((sum, v) => sum + v, 0) / pixels.length;
  expect(pixels[0], 'the top-left corner').toBeGreaterThan(245);
  expect(mean, 'the page’s mean grey').toBeGreaterThan(200);
  expect(Math.min(...pixels), 'the darkest ink').toBeLessThan(80);
});
