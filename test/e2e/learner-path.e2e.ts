// The first slice as a learner does it, in Chromium, over the real handlers and a real SQLite file.
import { expect, expectAccessible, startPreviewProcess, test } from './fixtures';

/** Yesterday's local date as a date input wants it: entries may not end in the future. */
const yesterday = () => {
  const d = new Date(Date.now() - 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

const clockSeconds = (text: string | null) => {
  const [h, m, s] = (text ?? '').split(':').map(Number);
  return h! * 3600 + m! * 60 + s!;
};

test('roadmap → Exercise 1.1 → timer, manual entry, done → still there after a reload', async ({ page, preview }) => {
  await page.goto(preview.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Roadmap' })).toBeVisible();
  await expect(page.locator('.item-row')).toHaveCount(24);
  await expect(page.getByRole('heading', { name: 'Foundation Building' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'MLOps Core Skills' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Advanced MLOps' })).toBeVisible();
  await expect(page.getByText('of 311–396 h estimated')).toBeVisible();

  await page.getByRole('link', { name: /Exercise 1\.1\s*Your First ML Model/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your First ML Model' })).toBeVisible();
  await expect(page.getByText('Build a simple classification model')).toBeVisible();
  await expect(page.getByText('Jupyter notebook with complete analysis')).toBeVisible();
  await expect(page.getByRole('checkbox')).toHaveCount(6);

  // The timer ticks, and a session under a minute is discarded with a notice.
  await page.getByRole('button', { name: 'Start timer' }).click();
  await expect(page.getByRole('button', { name: 'Stop timer' })).toBeVisible();
  await expect
    .poll(async () => clockSeconds(await page.getByTestId('item-clock').textContent()))
    .toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId('sidebar-clock')).toBeVisible();
  await page.getByRole('button', { name: 'Stop timer' }).click();
  await expect(page.getByText(/sessions under a minute are not logged/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start timer' })).toBeVisible();

  // Time by hand: 1 h 30 min yesterday at 18:00.
  const date = yesterday();
  const form = page.getByRole('form', { name: 'Add time by hand' });
  await form.getByLabel('Date').fill(date);
  await form.getByLabel('Start').fill('18:00');
  await form.getByLabel('Hours').fill('1');
  await form.getByLabel('Minutes').fill('30');
  await form.getByLabel('Note (optional)').fill('Decision tree, depth 3');
  await form.getByRole('button', { name: 'Add entry' }).click();
  await expect(page.getByTestId('time-entry')).toHaveCount(1);
  await expect(page.getByTestId('time-entry')).toContainText('1 h 30 min');
  await expect(page.getByTestId('time-entry')).toContainText('Decision tree, depth 3');
  await expect(page.getByTestId('item-hours')).toHaveText('1.5 h');

  // An impossible entry is refused in plain words and nothing is added.
  await form.getByLabel('Hours').fill('30');
  await form.getByRole('button', { name: 'Add entry' }).click();
  await expect(form.getByRole('alert')).toContainText('at most 24 hours');
  await expect(page.getByTestId('time-entry')).toHaveCount(1);

  await page.getByRole('checkbox', { name: 'Load the Iris dataset' }).check();
  await page.getByLabel('Notes').fill('Accuracy 0.97 on the test split.');
  await page.getByRole('radio', { name: 'Done' }).check();
  await expect(page.getByText('Saved')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('radio', { name: 'Done' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Load the Iris dataset' })).toBeChecked();
  await expect(page.getByLabel('Notes')).toHaveValue('Accuracy 0.97 on the test split.');
  await expect(page.getByTestId('time-entry')).toHaveCount(1);

  await page.getByRole('link', { name: 'Roadmap' }).first().click();
  const row = page.locator('.item-row', { hasText: 'Your First ML Model' });
  await expect(row).toContainText('Done');
  await expect(row).toContainText('1.5 h');
  await expect(page.getByText('1 of 24 planned items')).toBeVisible();
});

test('the timer keeps running across a restart of the preview process', async ({ page, dataDir }) => {
  const first = await startPreviewProcess(`${dataDir}/companion.db`);
  await page.goto(`${first.url}#/item/2.3`);
  await page.getByRole('button', { name: 'Start timer' }).click();
  await expect
    .poll(async () => clockSeconds(await page.getByTestId('item-clock').textContent()))
    .toBeGreaterThanOrEqual(3);
  const startedAt = Date.now() - 3000;
  await first.stop();

  const second = await startPreviewProcess(`${dataDir}/companion.db`);
  try {
    await page.goto(`${second.url}#/item/2.3`);
    await expect(page.getByRole('button', { name: 'Stop timer' })).toBeVisible();
    const elapsed = clockSeconds(await page.getByTestId('item-clock').textContent());
    // It counts from the original start, not from the restart.
    expect(elapsed).toBeGreaterThanOrEqual(3);
    expect(elapsed).toBeLessThanOrEqual(Math.ceil((Date.now() - startedAt) / 1000) + 2);
    await expect(page.getByTestId('sidebar-clock')).toBeVisible();
  } finally {
    await second.stop();
  }
});

test('the time log lists, edits and deletes entries', async ({ page, preview }) => {
  await page.goto(`${preview.url}#/item/1.2`);
  const form = page.getByRole('form', { name: 'Add time by hand' });
  for (const [start, minutes] of [
    ['09:00', '45'],
    ['09:30', '30'],
  ] as const) {
    await form.getByLabel('Date').fill(yesterday());
    await form.getByLabel('Start').fill(start);
    await form.getByLabel('Hours').fill('0');
    await form.getByLabel('Minutes').fill(minutes);
    await form.getByRole('button', { name: 'Add entry' }).click();
  }
  await expect(page.getByTestId('time-entry')).toHaveCount(2);

  await page.getByRole('link', { name: 'Time log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Time log' })).toBeVisible();
  await expect(page.getByTestId('time-entry')).toHaveCount(2);
  await expect(page.getByText('Overlaps another entry')).toHaveCount(2);

  await page
    .getByRole('button', { name: /^Edit entry of/ })
    .first()
    .click();
  const dialog = page.getByRole('dialog', { name: 'Edit time entry' });
  await dialog.getByLabel('Start').fill('10:00');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Overlaps another entry')).toHaveCount(0);

  await page
    .getByRole('button', { name: /^Delete entry of/ })
    .first()
    .click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByTestId('time-entry')).toHaveCount(1);

  await page.getByLabel('Item').selectOption('1.1');
  await expect(page.getByText('No entries match these filters.')).toBeVisible();
});

test('every screen passes axe with no serious or critical violations', async ({ page, preview }) => {
  // Seven full axe runs: generous on a busy 2-core machine.
  test.setTimeout(180_000);
  for (const [hash, heading] of [
    ['#/roadmap', 'Roadmap'],
    ['#/item/1.1', 'Your First ML Model'],
    ['#/log', 'Time log'],
    ['#/insights', 'Insights'],
    ['#/portfolio', 'Portfolio'],
    ['#/milestones', 'Milestones'],
    ['#/settings', 'Settings'],
  ] as const) {
    await page.goto(`${preview.url}${hash}`);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expectAccessible(page, hash);
  }
});

test('the preview refuses calls from other origins and without the token', async ({ page, preview, request }) => {
  const url = `${preview.url}__api/progress.overview`;
  const noToken = await request.post(url, { data: {}, headers: { origin: preview.url.replace(/\/$/, '') } });
  expect(noToken.status()).toBe(403);
  const otherOrigin = await request.post(url, { data: {}, headers: { origin: 'http://evil.example' } });
  expect(otherOrigin.status()).toBe(403);
  // From the page itself, with the token, it works.
  await page.goto(preview.url);
  const ok = await page.evaluate(() => window.api!.invoke('progress.overview', {}));
  expect(ok.ok).toBe(true);
  const unknown = await page.evaluate(() => window.api!.invoke('db.exec', { sql: 'DROP TABLE time_entries' }));
  expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
});

test('a screen whose code cannot load says so in plain words, and the rest of the app still works', async ({
  page,
  preview,
}) => {
  // As if the Insights screen's file were missing or unreadable.
  await page.route('**/assets/InsightsScreen-*.js', (route) => route.abort());
  await page.goto(preview.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Roadmap' })).toBeVisible();
  await page.getByRole('link', { name: 'Insights' }).click();
  const failure = page.getByRole('alert').filter({ hasText: 'This screen could not be shown' });
  await expect(failure).toBeVisible();
  await expect(failure).toContainText(
    'Its part of the app did not load. Your study data is safe: nothing was changed.',
  );
  await expect(failure.getByRole('button', { name: 'Reload the app' })).toBeVisible();
  // The sidebar still works, and the next screen draws normally.
  await page.getByRole('link', { name: 'Time log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Time log' })).toBeVisible();
  await expect(page.getByText('This screen could not be shown')).toHaveCount(0);
  // Once the file is there again, the Reload button brings the screen back.
  await page.getByRole('link', { name: 'Insights' }).click();
  await expect(failure).toBeVisible();
  await page.unroute('**/assets/InsightsScreen-*.js');
  await failure.getByRole('button', { name: 'Reload the app' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Insights' })).toBeVisible();
  await expect(failure).toHaveCount(0);
});

test('the roadmap ends with the curriculum’s additional resources, opening in the browser', async ({
  page,
  preview,
}) => {
  await page.goto(preview.url);
  const resources = page.getByRole('region', { name: 'Additional resources' });
  await expect(resources.getByRole('heading', { level: 3 })).toHaveText([
    'Code Templates & Boilerplates',
    'Testing & Validation',
    'Monitoring & Observability',
  ]);
  const links = resources.getByRole('link');
  await expect(links).toHaveCount(10);
  await expect(resources.getByRole('link', { name: 'Model Drift Detection' })).toHaveAttribute(
    'href',
    'https://github.com/drift-detection',
  );
  // A new window, which the desktop app hands to the system browser instead of opening.
  for (const link of await links.all()) {
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('href', /^https:\/\//);
  }
});
