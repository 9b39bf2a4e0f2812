// Two machines, one logbook: two preview processes, each on its own data file, sharing one folder
// (what Dropbox or Syncthing would keep in step between two computers), driven through the UI in
// Chromium. Log on one, see it on the other without reloading; both "offline" (sync off), edits on
// both; back on, and both show the same log.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page, TestInfo } from '@playwright/test';
import { expect, expectAccessible, recordCoverage, startPreviewProcess, test, type PreviewProcess } from './fixtures';

/** A local date `days` before today, as a date input wants it. */
const daysAgo = (days: number) => {
  const d = new Date();
  d.setDate(d.getDate() - days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

interface Machine {
  name: string;
  preview: PreviewProcess;
  page: Page;
  /** Saves what the page ran, under `npm run coverage`. */
  saveCoverage: (testInfo: TestInfo, label?: string) => Promise<void>;
}

async function machine(browser: Browser, name: string, dbFile: string): Promise<Machine> {
  const preview = await startPreviewProcess(dbFile);
  // A context each: two computers share no browser storage either.
  const page = await (await browser.newContext()).newPage();
  const saveCoverage = await recordCoverage(page);
  await page.goto(preview.url);
  return { name, preview, page, saveCoverage };
}

const syncSection = (m: Machine) => m.page.getByTestId('sync-settings');

async function turnSyncOn(m: Machine, folder: string) {
  await m.page.goto(`${m.preview.url}#/settings`);
  const section = syncSection(m);
  await section.getByLabel('Sync folder').fill(folder);
  await section.getByLabel("This computer's name").fill(m.name);
  // The laptop presses Enter in the field; the desktop the button.
  if (m.name === 'Laptop') await section.getByLabel("This computer's name").press('Enter');
  else await section.getByRole('button', { name: 'Turn sync on' }).click();
  await expect(section.getByTestId('sync-state')).toContainText('Sync is on.');
  await expect(section.getByTestId('sync-problem')).toHaveCount(0);
}

async function turnSyncOff(m: Machine) {
  await m.page.goto(`${m.preview.url}#/settings`);
  await syncSection(m).getByRole('button', { name: 'Turn sync off' }).click();
  await expect(syncSection(m).getByTestId('sync-state')).toContainText('Sync is off.');
}

/** Logs an hour on item 1.1 through its "Add time by hand" form. */
async function logHour(m: Machine, day: string, start: string, note: string) {
  await m.page.goto(`${m.preview.url}#/item/1.1`);
  const form = m.page.getByRole('form', { name: 'Add time by hand' });
  await form.getByLabel('Date').fill(day);
  await form.getByLabel('Start').fill(start);
  await form.getByRole('radio', { name: 'Duration' }).check();
  await form.getByLabel('Hours').fill('1');
  await form.getByLabel('Minutes').fill('0');
  await form.getByLabel('Note (optional)').fill(note);
  await form.getByRole('button', { name: 'Add entry' }).click();
  await expect(m.page.getByTestId('time-entry').filter({ hasText: note })).toBeVisible();
}

/** The time log as the learner reads it: every entry's line, in order. */
async function timeLog(m: Machine): Promise<string[]> {
  return (await m.page.getByTestId('time-entry').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
}

test('two machines sharing a folder: a log on one shows on the other; edits made offline on both meet', async ({
  browser,
}, testInfo) => {
  // Two previews and a browser on a shared 2-core machine: generous, the waits inside are bounded.
  test.setTimeout(300_000);
  const root = mkdtempSync(path.join(tmpdir(), 'companion-sync-e2e-'));
  const folder = path.join(root, 'Dropbox', 'Study');
  mkdirSync(folder, { recursive: true });
  mkdirSync(path.join(root, 'laptop'));
  mkdirSync(path.join(root, 'desktop'));
  const machines: Machine[] = [];
  try {
    const laptop = await machine(browser, 'Laptop', path.join(root, 'laptop', 'companion.db'));
    machines.push(laptop);
    const desktop = await machine(browser, 'Desktop', path.join(root, 'desktop', 'companion.db'));
    machines.push(desktop);

    // A folder that is not there is refused in plain words, and nothing is turned on.
    await desktop.page.goto(`${desktop.preview.url}#/settings`);
    await syncSection(desktop)
      .getByLabel('Sync folder')
      .fill(path.join(root, 'Dropbx', 'Study'));
    await syncSection(desktop).getByRole('button', { name: 'Turn sync on' }).click();
    await expect(syncSection(desktop).getByText(/^There is no folder .*Dropbx.*Check the path/)).toBeVisible();
    await expect(syncSection(desktop).getByTestId('sync-state')).toContainText('Sync is off.');
    await expectAccessible(desktop.page, 'Settings → Sync with a refused folder');

    await turnSyncOn(laptop, folder);
    await turnSyncOn(desktop, folder);

    // The desktop shows its time log; the laptop logs an hour. The desktop's open screen shows it
    // by itself: the laptop syncs a few seconds after the change, the desktop sees the folder change.
    const yesterday = daysAgo(1);
    await desktop.page.goto(`${desktop.preview.url}#/log`);
    await expect(desktop.page.getByRole('heading', { level: 1, name: 'Time log' })).toBeVisible();
    await logHour(laptop, yesterday, '09:00', 'Logged on the laptop');
    await expect(desktop.page.getByTestId('time-entry').filter({ hasText: 'Logged on the laptop' })).toBeVisible({
      timeout: 30_000,
    });
    // Settings says what came in, and from which machine.
    await desktop.page.goto(`${desktop.preview.url}#/settings`);
    await expect(syncSection(desktop).getByTestId('sync-state')).toContainText('Last synced');
    await expect(syncSection(desktop).getByTestId('sync-received')).toHaveText(
      /^1 entry (and \d+ other changes? )?from Laptop came in (just now|1 minute ago)\./,
    );
    await expectAccessible(desktop.page, 'Settings → Sync after a sync');

    // Both go "offline": sync off. Each logbook stays whole and takes edits of its own.
    await turnSyncOff(laptop);
    await turnSyncOff(desktop);
    await logHour(laptop, daysAgo(2), '10:00', 'Offline on the laptop');
    await logHour(desktop, daysAgo(2), '14:00', 'Offline on the desktop');
    // The desktop changes the note of the laptop's entry while they are apart.
    await desktop.page.goto(`${desktop.preview.url}#/log`);
    await desktop.page
      .getByTestId('time-entry')
      .filter({ hasText: 'Logged on the laptop' })
      .getByRole('button', { name: /^Edit entry/ })
      .click();
    const dialog = desktop.page.getByRole('dialog', { name: 'Edit time entry' });
    await dialog.getByLabel('Note (optional)').fill('Logged on the laptop, note edited on the desktop');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(desktop.page.getByText('Logged on the laptop, note edited on the desktop')).toBeVisible();
    // Apart, neither sees the other's offline work.
    await laptop.page.goto(`${laptop.preview.url}#/log`);
    await expect(laptop.page.getByTestId('time-entry')).toHaveCount(2);
    await expect(laptop.page.getByText('Offline on the desktop')).toHaveCount(0);

    // Back on: both show the same log, with every entry from both sides.
    await turnSyncOn(laptop, folder);
    await turnSyncOn(desktop, folder);
    for (const m of [laptop, desktop]) {
      await m.page.goto(`${m.preview.url}#/log`);
      await expect(m.page.getByTestId('time-entry')).toHaveCount(3, { timeout: 30_000 });
      await expect(m.page.getByText('Logged on the laptop, note edited on the desktop')).toBeVisible({
        timeout: 30_000,
      });
    }
    const [laptopLog, desktopLog] = [await timeLog(laptop), await timeLog(desktop)];
    expect(laptopLog).toEqual(desktopLog);
    expect(laptopLog.join('\n')).toContain('Offline on the laptop');
    expect(laptopLog.join('\n')).toContain('Offline on the desktop');

    // "Sync now" with nothing new says so.
    await laptop.page.goto(`${laptop.preview.url}#/settings`);
    await syncSection(laptop).getByRole('button', { name: 'Sync now' }).click();
    await expect(syncSection(laptop).getByTestId('sync-outcome')).toHaveText(/^Synced\. Nothing new came in\./);

    // The folder becomes unreachable (a drive unplugged): "Sync now" says so in plain words, once,
    // and the logbook stays whole.
    rmSync(path.join(root, 'Dropbox'), { recursive: true, force: true });
    await syncSection(laptop).getByRole('button', { name: 'Sync now' }).click();
    await expect(syncSection(laptop).getByRole('alert')).toHaveText(
      `The sync folder ${folder} cannot be found. If it is on a drive or network share, connect it and sync again; otherwise choose the folder again in Settings → Sync.`,
    );
    await laptop.page.goto(`${laptop.preview.url}#/log`);
    // The screen loads its entries after it appears: read them once they are there.
    await expect(laptop.page.getByTestId('time-entry')).toHaveCount(laptopLog.length);
    expect(await timeLog(laptop)).toEqual(laptopLog);
  } finally {
    for (const m of machines) {
      await m.saveCoverage(testInfo, m.name);
      await m.page.context().close();
      await m.preview.stop();
    }
    rmSync(root, { recursive: true, force: true });
  }
});
