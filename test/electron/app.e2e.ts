// The learner path in the real desktop app: Electron, the app:// protocol, the preload and IPC.
// Each launch gets its own data folder through COMPANION_DATA_DIR.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { electronTests } from './launch';
import { collapse, pdfText } from '../e2e/pdf-tools';

const { launch, dataDir } = electronTests('app');

const clockSeconds = (text: string | null) => {
  const [h, m, s] = (text ?? '').split(':').map(Number);
  return h! * 3600 + m! * 60 + s!;
};

test('roadmap → Exercise 1.1 → timer → done, still done after a relaunch', async () => {
  const app = await launch();
  try {
    const page = await app.firstWindow();
    expect(page.url()).toBe('app://companion/index.html');
    expect(await page.title()).toBe('MLOps Study Companion');
    await expect(page.getByRole('heading', { level: 1, name: 'Roadmap' })).toBeVisible();
    await expect(page.locator('.item-row')).toHaveCount(24);

    await page.getByRole('link', { name: /Your First ML Model/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your First ML Model' })).toBeVisible();

    await page.getByRole('button', { name: 'Start timer' }).click();
    await expect(page.getByRole('button', { name: 'Stop timer' })).toBeVisible();
    await expect
      .poll(async () => clockSeconds(await page.getByTestId('item-clock').textContent()))
      .toBeGreaterThanOrEqual(2);
    // Sessions under a minute are not logged, so instead of waiting 25 real minutes we move the main
    // process's clock (handlers read it through `() => Date.now()`).
    await app.evaluate(() => {
      const realNow = Date.now;
      Date.now = () => realNow() + 25 * 60_000;
    });
    await page.getByRole('button', { name: 'Stop timer' }).click();
    await expect(page.getByRole('button', { name: 'Start timer' })).toBeVisible();
    const entry = page.getByTestId('time-entry');
    await expect(entry).toHaveCount(1);
    await expect(entry).toContainText('Timer');
    await expect(entry).toContainText(/25 min/);

    await page.getByRole('radio', { name: 'Done' }).check();
    await expect(page.getByRole('radio', { name: 'Done' })).toBeChecked();
  } finally {
    await app.close();
  }

  const again = await launch();
  try {
    const page = await again.firstWindow();
    const row = page.locator('.item-row', { hasText: 'Your First ML Model' });
    await expect(row).toContainText('Done');
    await row.getByRole('link', { name: /Your First ML Model/ }).click();
    await expect(page.getByRole('radio', { name: 'Done' })).toBeChecked();
    await expect(page.getByTestId('time-entry')).toHaveCount(1);
  } finally {
    await again.close();
  }
});

test('the window has no Node, stays on the app, and sends web links to the browser', async () => {
  const app = await launch();
  try {
    // Record instead of opening a real browser on the test machine.
    await app.evaluate(({ shell }) => {
      const opened: string[] = [];
      (globalThis as { opened?: string[] }).opened = opened;
      shell.openExternal = async (url: string) => void opened.push(url);
    });
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { level: 1, name: 'Roadmap' })).toBeVisible();
    expect(
      await page.evaluate(() => [
        typeof (window as { require?: unknown }).require,
        typeof (window as { process?: unknown }).process,
      ]),
    ).toEqual(['undefined', 'undefined']);
    expect(await page.evaluate(() => (window as unknown as { api: { transport: string } }).api.transport)).toBe(
      'electron',
    );
    expect(
      await page.evaluate(() =>
        (window as unknown as { api: { invoke(c: string): Promise<unknown> } }).api.invoke('db.exec'),
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });

    expect(await page.evaluate(() => window.open('https://example.com/docs') === null)).toBe(true);
    await expect
      .poll(() => app.evaluate(() => (globalThis as { opened?: string[] }).opened))
      .toEqual(['https://example.com/docs']);
    expect(await page.evaluate(() => window.open('file:///etc/passwd') === null)).toBe(true);

    await page.evaluate(() => (window.location.href = 'https://example.com/'));
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/companion\//);
    expect(app.windows()).toHaveLength(1);
    expect(await app.evaluate(() => (globalThis as { opened?: string[] }).opened)).toEqual([
      'https://example.com/docs',
    ]);
  } finally {
    await app.close();
  }
});

test('Export PDF prints the app’s own window: the portfolio alone, saved where the dialog says', async () => {
  const app = await launch();
  try {
    const page = await app.firstWindow();
    const outFile = path.join(dataDir(), 'My portfolio.pdf');
    // The native save dialog cannot be clicked by Playwright: answer it from main.
    await app.evaluate(({ dialog }, file) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: file })) as typeof dialog.showSaveDialog;
    }, outFile);
    await page.evaluate(() => (location.hash = '#/portfolio'));
    await page.getByRole('button', { name: /^Export PDF/ }).click();
    await expect(page.getByText(/^Saved My portfolio\.pdf: \d+ pages\.$/)).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('.print-host')).toHaveCount(0);
    const text = collapse((await pdfText(outFile)).join(' '));
    expect(text).toContain('MLOps Portfolio');
    expect(text).toContain('Estimated and actual hours');
    // Print media shows the document alone: nothing of the sidebar or the screen.
    expect(text).not.toContain('Time log');
    expect(text).not.toContain('Export PDF');
  } finally {
    await app.close();
  }
});
