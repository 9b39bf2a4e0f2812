// Export, import and backups from the Settings screen, as a learner does them.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';

/** Picks a file the way a learner does: the button opens the system's file chooser. */
async function importFile(page: Page, name: string, buffer: Buffer) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Choose a file to import…' }).click(),
  ]);
  await chooser.setFiles({ name, mimeType: 'application/json', buffer });
}

test('export the log and everything, import it back without duplicates, back up and restore', async ({
  page,
  preview,
}) => {
  await page.goto(preview.url);
  await page.evaluate(async () => {
    const api = window.api!;
    const day = 86_400_000;
    const base = Date.now() - 3 * day;
    await api.invoke('time.add', {
      itemId: '1.1',
      startedAt: base,
      endedAt: base + 3_600_000,
      note: 'Iris, "pairplot"',
    });
    await api.invoke('time.add', { itemId: '1.2', startedAt: base + day, endedAt: base + day + 1_800_000, note: '' });
  });
  await page.goto(`${preview.url}#/settings`);
  await expect(page.getByRole('heading', { name: 'Export' })).toBeVisible();
  // The data folder is shown; only the desktop app can open it in a file manager.
  await expect(page.getByTestId('data-folder')).toHaveText(/companion-e2e-/);
  await expect(page.getByRole('button', { name: 'Open the data folder' })).toHaveCount(0);

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Time log as CSV' }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/^mlops-time-log-\d{4}-\d{2}-\d{2}\.csv$/);
  const csvText = readFileSync((await csv.path())!, 'utf8');
  expect(csvText.split('\r\n')[0]).toBe('\uFEFFitem_id,item_title,start,end,minutes,note,source');
  expect(csvText).toContain('1.1,Your First ML Model,');
  expect(csvText).toContain(',60,"Iris, ""pairplot""",manual');

  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Everything as JSON' }).click(),
  ]);
  const jsonPath = (await json.path())!;
  expect(JSON.parse(readFileSync(jsonPath, 'utf8')).data.timeEntries).toHaveLength(2);

  // Merge the same file back: nothing is duplicated, and a backup was made first.
  await importFile(page, 'export.json', readFileSync(jsonPath));
  await expect(page.getByText(/0 entries added, 2 already here and skipped/)).toBeVisible();
  await expect(page.getByTestId('backups').locator('tbody tr')).toHaveCount(2); // the day's first start, and before the import
  await expect(page.getByTestId('backups')).toContainText('Before an import');

  // A file that is not an export is refused in plain words.
  await importFile(page, 'notes.json', Buffer.from('{"hello": 1}'));
  // In the Import section, beside the button that chose the file.
  await expect(page.getByTestId('import-outcome')).toHaveText(
    'This file is not an MLOps Study Companion export. Nothing was imported.',
  );
  await expect(page.getByRole('region', { name: 'Import' }).getByRole('alert')).toBeVisible();

  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByTestId('backups').locator('tbody tr')).toHaveCount(3);

  // Log more, then restore the backup made by hand: the new entry is gone, and can come back.
  await page.evaluate(() =>
    window.api!.invoke('time.add', {
      itemId: '2.1',
      startedAt: Date.now() - 7_200_000,
      endedAt: Date.now() - 3_600_000,
      note: 'after the backup',
    }),
  );
  await page.getByTestId('backups').locator('tbody tr').first().getByRole('button', { name: 'Restore…' }).click();
  await page.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(page.getByText('Backup restored.')).toBeVisible();
  await expect(page.getByTestId('backups')).toContainText('Before a restore');
  await page.getByRole('link', { name: 'Time log' }).click();
  await expect(page.getByTestId('time-entry')).toHaveCount(2);
  await page.goto(`${preview.url}#/settings`);
  await expectAccessible(page, 'settings with backups');
});
