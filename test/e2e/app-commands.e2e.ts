// The desktop app's menu items "Export portfolio PDF…" (Ctrl/Cmd+E) and "Export time log CSV…" send
// an app command to the window, whichever screen is open. The preview's server sends the same
// command over its event stream, as main does over IPC: from the Roadmap the app must switch screens
// AND export, although the target screen is loaded lazily and is not listening yet when the command
// comes (it used to only switch screens).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { getCurriculum } from '../../curriculum';
import { openDatabase } from '../../electron/db/open';
import { fillDemoLearner } from '../../electron/demo/demo-learner';
import { createPdfExporter } from '../../electron/pdf/pdf-export';
import { writeFileAtomic } from '../../electron/files/write-atomic';
import { startPreview, type Preview } from '../../preview/server';
import { pageAsPrintTarget, RENDERER_DIR } from '../../scripts/pdf';
import { expect, test } from './fixtures';
import { collapse, pdfInfo, pdfText } from './pdf-tools';

async function openOnRoadmap(
  page: Page,
  dbFile: string,
  outDir: string,
): Promise<{ preview: Preview; saved: string[] }> {
  const saved: string[] = [];
  const preview = await startPreview({
    dbFile,
    rendererDir: RENDERER_DIR,
    exportPdf: createPdfExporter({
      dialog: {
        showSaveDialog: async () => {
          const filePath = path.join(outDir, `portfolio-${saved.length + 1}.pdf`);
          saved.push(filePath);
          return { canceled: false, filePath };
        },
      },
      getParentWindow: () => null,
      getPrintTarget: () => pageAsPrintTarget(page),
      getSettings: () => ({ learnerName: 'Alex Rivera' }),
      writeFileAtomic,
      today: () => '2026-11-26',
    }),
  });
  await page.goto(`${preview.url}#/roadmap`);
  await expect(page.getByRole('heading', { level: 1, name: 'Roadmap' })).toBeVisible();
  // The page has subscribed to commands once its event stream is open.
  await expect.poll(() => preview.sendCommand('data:changed')).toBe(1);
  return { preview, saved };
}

function demoDatabase(dir: string): string {
  const dbFile = path.join(dir, 'learner.db');
  const db = openDatabase(dbFile, getCurriculum());
  fillDemoLearner({ db, curriculum: getCurriculum(), now: Date.now });
  db.close();
  return dbFile;
}

test('"Export portfolio PDF…" from the Roadmap opens the Portfolio and saves the PDF', async ({ page, dataDir }) => {
  test.setTimeout(120_000);
  const { preview, saved } = await openOnRoadmap(page, demoDatabase(dataDir), dataDir);
  try {
    preview.sendCommand('export:pdf');
    await expect(page).toHaveURL(/#\/portfolio$/);
    await expect(page.getByText(/^Saved portfolio-1\.pdf: \d+ pages\.$/)).toBeVisible({ timeout: 60_000 });
    expect(saved).toHaveLength(1);
    // Once there, the same command exports again without another trip.
    preview.sendCommand('export:pdf');
    await expect(page.getByText(/^Saved portfolio-2\.pdf: \d+ pages\.$/)).toBeVisible({ timeout: 60_000 });
  } finally {
    await preview.close();
  }
  expect((await pdfInfo(saved[0]!)).Title).toBe('Alex Rivera – MLOps Portfolio');
  expect(collapse((await pdfText(saved[0]!))[0]!)).toContain('MLOps Portfolio Alex Rivera');
});

test('"Export time log CSV…" from the Roadmap opens Settings and downloads the CSV', async ({ page, dataDir }) => {
  const dbFile = demoDatabase(dataDir);
  const { preview } = await openOnRoadmap(page, dbFile, dataDir);
  try {
    const download = page.waitForEvent('download');
    preview.sendCommand('export:csv');
    await expect(page).toHaveURL(/#\/settings$/);
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.csv$/);
    const saved = path.join(dataDir, file.suggestedFilename());
    await file.saveAs(saved);
    const lines = readFileSync(saved, 'utf8').trim().split(/\r?\n/);
    const db = openDatabase(dbFile, getCurriculum());
    const entries = db.prepare('SELECT COUNT(*) FROM time_entries').pluck().get() as number;
    db.close();
    expect(entries).toBeGreaterThan(20);
    expect(lines).toHaveLength(entries + 1);
  } finally {
    await preview.close();
  }
});
