// Importing a Toggl Track report as a new learner does: choose the file, check the mapping, leave
// a group out, import, see the sessions in the log, try the same file again, undo.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/time-reports');

async function chooseReport(page: Page, name: string) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: /^Choose (a|another) file…$/ }).click(),
  ]);
  await chooser.setFiles({ name, mimeType: 'text/csv', buffer: readFileSync(path.join(fixtures, name)) });
}

test('import a Toggl report through the mapping screen, then undo it', async ({ page, preview }) => {
  await page.goto(`${preview.url}#/log`);
  await expect(page.getByText(/Nothing logged yet/)).toBeVisible();
  await page.getByRole('link', { name: 'Import from another tracker…' }).click();
  await expect(page.getByRole('heading', { name: 'Import from another tracker' })).toBeVisible();
  await expect(page.getByTestId('import-history')).toHaveCount(0);
  await expect(page.getByText('No imports yet.')).toBeVisible();

  // A file that is not a report is refused in words, and nothing else appears.
  await chooseReport(page, 'not-a-report.csv');
  await expect(page.getByTestId('import-refused')).toContainText(/time report/i);
  await expect(page.getByTestId('import-groups')).toHaveCount(0);

  await chooseReport(page, 'toggl-detailed.csv');
  await page.getByLabel('The times in the file are in').selectOption('Europe/Berlin');
  await expect(page.getByTestId('import-summary')).toContainText('Toggl Track detailed report (CSV)');
  // Toggl writes ISO dates: there is no day-month order to ask about.
  await expect(page.getByText('Every date in this file reads both ways', { exact: false })).toHaveCount(0);
  const groups = page.getByTestId('import-groups').locator('tbody tr');
  // A group per project and task (the file's rows in 2026 are in the past by now, so three).
  await expect(groups).toHaveCount(3);
  // Rows by their header cell: every row's item picker lists every title.
  const group = (name: string) => groups.filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  const api = group('Model API Service › 4.1 Serve the model');
  const tracking = group('Experiment Tracking');
  // Proposed from the task's id and from the project's title, with the reason said.
  await expect(api.getByRole('combobox')).toHaveValue('4.1');
  await expect(api).toContainText('Proposed: the task names 4.1.');
  await expect(tracking.getByRole('combobox')).toHaveValue('3.1');
  await expect(tracking).toContainText('Proposed: the project names Experiment Tracking.');

  // Refused rows are listed with their row and reason.
  await page.getByTestId('import-refusals').locator('summary').click();
  await expect(page.getByTestId('import-refusals')).toContainText('longer than 24 hours');
  await expectAccessible(page, 'the import mapping');
  await page.screenshot({ path: 'test-results/import-mapping.png', fullPage: true });

  // Leave the second group out: the plan says so before anything is written.
  const planBefore = await page.getByTestId('import-plan').textContent();
  await tracking.getByRole('combobox').selectOption({ label: 'Leave out' });
  await expect(page.getByTestId('import-plan')).toContainText('left out');
  expect(await page.getByTestId('import-plan').textContent()).not.toBe(planBefore);
  await expect(tracking).toContainText('Left out');

  const importButton = page.getByRole('button', { name: /^Import \d+ sessions?$/ });
  const sessions = Number(/(\d+)/.exec((await importButton.textContent())!)![1]);
  await importButton.click();
  await expect(page.getByTestId('import-outcome')).toContainText(`Added ${sessions} session`);
  await expect(page.getByTestId('import-history').locator('tbody tr')).toHaveCount(1);

  await page.getByRole('link', { name: 'See them in the time log' }).click();
  await expect(page.getByText('Wrote the FastAPI endpoint, with tests')).toBeVisible();
  await expect(page.getByText('Late session across midnight')).toHaveCount(0); // left out

  // The same file again: everything is already there, nothing to import.
  await page.getByRole('link', { name: 'Import from another tracker…' }).click();
  await chooseReport(page, 'toggl-detailed.csv');
  await page.getByLabel('The times in the file are in').selectOption('Europe/Berlin');
  await tracking.getByRole('combobox').selectOption({ label: 'Leave out' });
  await expect(page.getByTestId('import-plan')).toContainText(`Nothing to add. ${sessions} session`);
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();

  // Undo from the list of past imports: the log is empty again.
  await page.getByTestId('import-history').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('import-history')).toContainText('Undone');
  await page.goto(`${preview.url}#/log`);
  await expect(page.getByText(/Nothing logged yet/)).toBeVisible();
});
