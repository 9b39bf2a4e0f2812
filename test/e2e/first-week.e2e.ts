// A new learner's first week, on an empty logbook (no demo data), as issue 12 walked it: what they
// type, what the app answers in words, what is kept, and that the window stays in its frame.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, startPreviewProcess, test } from './fixtures';
import { collapse, pdfText } from './pdf-tools';

const root = path.resolve(import.meta.dirname, '../..');

// The words and times below are as an English (US) locale writes them.
test.use({ locale: 'en-US' });

/** The screens of the sidebar, and an item, with their headings. */
const SCREENS = [
  ['#/roadmap', 'Roadmap'],
  ['#/item/4.1', 'Model API Service'],
  ['#/log', 'Time log'],
  ['#/insights', 'Insights'],
  ['#/portfolio', 'Portfolio'],
  ['#/milestones', 'Milestones'],
  ['#/settings', 'Settings'],
] as const;

/**
 * Scrolls the screen to its end with the mouse wheel, over the content and over the sidebar, as a
 * learner does, then checks that the window itself never moved: the app is a fixed frame whose panes
 * scroll, and nothing in it (a hidden legend, a hidden file input) may make the page larger than the
 * window.
 */
async function expectFrameInPlace(page: Page, what: string) {
  const content = page.locator('main.content');
  await content.hover();
  for (let i = 0; i < 12; i++) await page.mouse.wheel(600, 1500);
  await expect
    .poll(() => content.evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 1), {
      message: `${what}: the content pane reached its end`,
    })
    .toBe(true);
  await page.locator('aside.sidebar').hover();
  for (let i = 0; i < 4; i++) await page.mouse.wheel(600, 1500);
  const frame = await page.evaluate(() => {
    const root = document.scrollingElement!;
    const shell = document.querySelector('.shell')!.getBoundingClientRect();
    return {
      scrollLeft: root.scrollLeft,
      scrollTop: root.scrollTop,
      overflowX: root.scrollWidth - root.clientWidth,
      overflowY: root.scrollHeight - root.clientHeight,
      shellLeft: shell.left,
      shellTop: shell.top,
    };
  });
  expect(frame, what).toEqual({ scrollLeft: 0, scrollTop: 0, overflowX: 0, overflowY: 0, shellLeft: 0, shellTop: 0 });
}

test('every screen of an empty app, scrolled to its end, leaves the window in its frame', async ({ page, preview }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  for (const [hash, heading] of SCREENS) {
    await page.goto(`${preview.url}${hash}`);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expectFrameInPlace(page, hash);
  }
});

/** The elements Tab lands on from the screen's heading to the end of the page, as "tag name". */
async function tabStops(page: Page, max = 80): Promise<string[]> {
  await page.locator('main h1').focus();
  const stops: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body || !el.closest('main')) return null;
      const name =
        el.getAttribute('aria-label') ??
        (el as HTMLInputElement).labels?.[0]?.innerText ??
        el.querySelector(':scope > title')?.textContent ??
        (el as HTMLElement).innerText ??
        '';
      return `${el.tagName.toLowerCase()} ${name.trim().split('\n')[0]}`;
    });
    if (stop === null) break;
    stops.push(stop);
  }
  return stops;
}

test('a chart is one tab stop with a text alternative, on the Roadmap and on Insights', async ({ page, preview }) => {
  await page.goto(`${preview.url}#/roadmap`);
  await expect(page.getByTestId('roadmap-chart').locator('path.bar-range')).toHaveCount(24);
  const roadmap = await tabStops(page, 6);
  // The view switch, the chart, then the first item: nothing unnamed in between.
  expect(roadmap.slice(0, 3)).toEqual([
    'input By item',
    'svg Estimated range and actual hours per item. The left and right arrow keys go from bar to bar; the Table view lists every number.',
    'a Exercise 1.1',
  ]);

  await page.goto(`${preview.url}#/insights`);
  await expect(page.getByTestId('weekly-chart').locator('svg.recharts-surface')).toBeVisible();
  const insights = await tabStops(page);
  expect(insights.filter((stop) => stop.startsWith('svg'))).toEqual([
    expect.stringMatching(/^svg Planned and logged hours added up week by week/),
    expect.stringMatching(/^svg Hours per week for the last 26 weeks against a goal of 10 hours/),
  ]);
  expect(insights.filter((stop) => stop.startsWith('g '))).toEqual([]);
});

/** A local date `days` before today, as a date input wants it. */
const daysAgo = (days: number) => {
  const d = new Date();
  d.setDate(d.getDate() - days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

test('the entry form refuses an end before the start and an empty duration in words beside the field, and writes nothing', async ({
  page,
  preview,
}) => {
  await page.goto(`${preview.url}#/item/4.1`);
  const form = page.getByRole('form', { name: 'Add time by hand' });
  await form.getByLabel('Date').fill(daysAgo(2));
  await form.getByLabel('Start').fill('15:00');
  await form.getByRole('radio', { name: 'End time' }).check();
  await form.getByLabel('End', { exact: true }).fill('14:30');
  await form.getByRole('button', { name: 'Add entry' }).click();
  await expect(form.getByRole('alert')).toHaveText(
    'The end (2:30 PM) is before the start (3:00 PM). Correct the times, or tick “Ends the next day” for a session past midnight.',
  );
  await expect(form.getByLabel('End', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('No time logged on this item yet.')).toBeVisible();

  // Past midnight is said, not guessed: 23:30 to 00:30 the next day is one hour.
  await form.getByLabel('Start').fill('23:30');
  await form.getByLabel('End', { exact: true }).fill('00:30');
  await form.getByLabel('Ends the next day').check();
  await form.getByRole('button', { name: 'Add entry' }).click();
  await expect(page.getByTestId('time-entry')).toHaveCount(1);
  await expect(page.getByTestId('time-entry')).toContainText('11:30 PM–12:30 AM next day');
  await expect(page.getByTestId('time-entry')).toContainText('1 h 00 min');

  await form.getByRole('radio', { name: 'Duration' }).check();
  await form.getByLabel('Start').fill('09:00');
  await form.getByLabel('Hours').fill('0');
  await form.getByLabel('Minutes').fill('0');
  await form.getByRole('button', { name: 'Add entry' }).click();
  await expect(form.getByRole('alert')).toHaveText('An entry must be at least 1 minute long.');
  await expect(page.getByTestId('time-entry')).toHaveCount(1);
});

test('a name ended with Enter is saved at once and kept after a reload; so is one left alone while typing', async ({
  page,
  preview,
}) => {
  await page.goto(`${preview.url}#/settings`);
  const name = page.getByLabel('Your name');
  await name.fill('Sam Okafor');
  await name.press('Enter');
  await expect(name).toBeFocused();
  await expect(page.locator('#learnerName-help')).toHaveText('Saved');
  await page.reload();
  await expect(page.getByLabel('Your name')).toHaveValue('Sam Okafor');

  // No Enter, no leaving the field: a pause in typing is enough.
  await page.getByLabel('Your name').fill('Sam O.');
  await expect(page.locator('#learnerName-help')).toHaveText('Saved');
  await page.reload();
  await expect(page.getByLabel('Your name')).toHaveValue('Sam O.');

  // A value the app refuses is explained under its field, in a sentence, and not saved.
  await page.getByLabel('Weekly goal (hours)').fill('0');
  await page.getByLabel('Weekly goal (hours)').press('Enter');
  await expect(page.locator('#weeklyGoalHours-help')).toHaveText('A weekly goal is at least half an hour.');
  await page.reload();
  await expect(page.getByLabel('Weekly goal (hours)')).toHaveValue('10');
});

/** The app's answer to a channel, from the page, as the renderer gets it. */
const api = <T>(page: Page, channel: string, input: unknown = {}) =>
  page.evaluate(
    async ([c, i]) => {
      const result = await window.api!.invoke(c as string, i);
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    },
    [channel, input] as const,
  ) as Promise<T>;

/** Fills the "Add time by hand" form of the item on screen and submits it. */
async function addByHand(
  page: Page,
  entry: {
    date: string;
    start: string;
    hours?: string;
    minutes?: string;
    end?: string;
    nextDay?: boolean;
    note?: string;
  },
) {
  const form = page.getByRole('form', { name: 'Add time by hand' });
  await form.getByLabel('Date').fill(entry.date);
  await form.getByLabel('Start').fill(entry.start);
  if (entry.end !== undefined) {
    await form.getByRole('radio', { name: 'End time' }).check();
    await form.getByLabel('End', { exact: true }).fill(entry.end);
    await form.getByLabel('Ends the next day').setChecked(entry.nextDay ?? false);
  } else {
    await form.getByRole('radio', { name: 'Duration' }).check();
    await form.getByLabel('Hours').fill(entry.hours ?? '1');
    await form.getByLabel('Minutes').fill(entry.minutes ?? '0');
  }
  await form.getByLabel('Note (optional)').fill(entry.note ?? '');
  await form.getByRole('button', { name: 'Add entry' }).click();
}

test("a new learner's first week, on an empty logbook", async ({ page, preview, dataDir }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(preview.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Roadmap' })).toBeVisible();
  await expect(page.getByText('0 of 24 planned items')).toBeVisible();

  // ---- Settings: a name ended with Enter, a plan start, a shortcut recorded by pressing it.
  const planStart = daysAgo(6);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Your name').fill('Sam Okafor');
  await page.getByLabel('Your name').press('Enter');
  await expect(page.locator('#learnerName-help')).toHaveText('Saved');
  await page.getByLabel('Plan start date').fill(planStart);
  await expect(page.locator('#planStartDate-help')).toHaveText('Saved');
  await expect(page.getByTestId('shortcut-keys')).toHaveText('Ctrl+Shift+Alt+T');
  await page.getByRole('button', { name: 'Change…' }).click();
  await page.keyboard.press('k'); // a plain letter would fire while typing anywhere
  await expect(page.locator('#globalTimerShortcut-help')).toHaveText(
    'Hold Ctrl or Alt (⌘ or ⌥ on a Mac) with the key, so the shortcut does not get in the way of typing.',
  );
  await page.keyboard.press('Control+Alt+K');
  await expect(page.getByTestId('shortcut-keys')).toHaveText('Ctrl+Alt+K');
  await expect(page.locator('#globalTimerShortcut-help')).toHaveText('Saved');
  await page.reload();
  await expect(page.getByLabel('Your name')).toHaveValue('Sam Okafor');
  await expect(page.getByLabel('Plan start date')).toHaveValue(planStart);
  await expect(page.getByTestId('shortcut-keys')).toHaveText('Ctrl+Alt+K');
  expect(await api<{ globalTimerShortcut: string }>(page, 'settings.get')).toMatchObject({
    learnerName: 'Sam Okafor',
    planStartDate: planStart,
    globalTimerShortcut: 'CommandOrControl+Alt+K',
  });

  // ---- Project 4.1: a timer started by mistake, then a typo, then a real hour that is deleted again.
  await page.goto(`${preview.url}#/item/4.1`);
  await expect(page.getByRole('heading', { level: 1, name: 'Model API Service' })).toBeVisible();
  await page.getByRole('button', { name: 'Start timer' }).click();
  await page.getByRole('button', { name: 'Stop timer' }).click();
  const notice = page.locator('.notice').filter({ hasText: 'sessions under a minute are not logged' });
  await expect(notice).toBeVisible();
  // The notice is in the sidebar, not over the card the learner is about to use.
  const form = page.getByRole('form', { name: 'Add time by hand' });
  const [noticeBox, formBox, sidebarBox] = await Promise.all([
    notice.boundingBox(),
    form.boundingBox(),
    page.locator('aside.sidebar').boundingBox(),
  ]);
  expect(noticeBox!.x + noticeBox!.width).toBeLessThanOrEqual(sidebarBox!.x + sidebarBox!.width);
  expect(
    noticeBox!.x + noticeBox!.width <= formBox!.x ||
      noticeBox!.y >= formBox!.y + formBox!.height ||
      noticeBox!.y + noticeBox!.height <= formBox!.y,
  ).toBe(true);
  await expect(page.getByRole('radio', { name: 'Not started' })).toBeChecked();

  await addByHand(page, { date: daysAgo(5), start: '15:00', end: '14:30' });
  await expect(form.getByRole('alert')).toHaveText(
    'The end (2:30 PM) is before the start (3:00 PM). Correct the times, or tick “Ends the next day” for a session past midnight.',
  );
  await addByHand(page, { date: daysAgo(5), start: '15:00', hours: '0', minutes: '0' });
  await expect(form.getByRole('alert')).toHaveText('An entry must be at least 1 minute long.');
  expect((await api<{ entries: unknown[] }>(page, 'time.list')).entries).toEqual([]); // nothing written after either refusal

  await addByHand(page, { date: daysAgo(5), start: '14:00', hours: '1', minutes: '0' });
  const entries = page.getByTestId('time-entry');
  await expect(entries).toHaveText([/^2:00 PM–3:00 PM1 h 00 min/]);
  await expect(page.getByRole('radio', { name: 'In progress' })).toBeChecked();
  await page.getByRole('button', { name: /^Delete entry of/ }).click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(entries).toHaveCount(0);
  await expect(page.getByRole('radio', { name: 'Not started' })).toBeChecked();
  await page.getByRole('link', { name: 'Roadmap' }).first().click();
  await expect(page.locator('.item-row', { hasText: 'Model API Service' })).toContainText(/Not started\s*0 h/);

  // ---- Exercise 1.1 and Project 4.2: the week's real study, one session past midnight, a note of two lines.
  await page.goto(`${preview.url}#/item/1.1`);
  await addByHand(page, {
    date: daysAgo(4),
    start: '23:30',
    end: '00:30',
    nextDay: true,
    note: 'Iris data loaded.\nFirst decision tree.',
  });
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText('11:30 PM–12:30 AM next day');
  expect(await entries.first().locator('.entry-note').innerText()).toBe('Iris data loaded.\nFirst decision tree.');
  await addByHand(page, { date: daysAgo(2), start: '09:00', hours: '1', minutes: '30' });
  await expect(entries).toHaveCount(2);
  await page.goto(`${preview.url}#/item/4.2`);
  await addByHand(page, { date: daysAgo(1), start: '18:00', hours: '2', minutes: '0', note: 'Batch job skeleton.' });
  await expect(entries).toHaveCount(1);

  // ---- Insights: no ten-year date after a week; the plan and what it asks instead.
  await page.getByRole('link', { name: 'Insights' }).click();
  await expect(page.getByTestId('finish-p50')).toHaveText('Too early');
  await expect(page.getByText(/^A date from .+, after 4 weeks of study$/)).toBeVisible();
  await expect(page.getByTestId('forecast-too-early')).toContainText(
    'Too early for a finish date: your pace is measured over 4 weeks of study',
  );
  await expect(page.getByTestId('plan-dates')).toBeVisible();
  await expect(page.getByTestId('needed-per-week')).toHaveText(/^[\d.]+ h a week from now on$/);
  const goal = page
    .getByTestId('weekly-chart')
    .locator('text')
    .filter({ hasText: /^Goal 10 h$/ });
  const [goalBox, weeklyBox] = await Promise.all([
    goal.boundingBox(),
    page.getByTestId('weekly-chart').locator('svg.recharts-surface').boundingBox(),
  ]);
  expect(goalBox!.x + goalBox!.width).toBeLessThanOrEqual(weeklyBox!.x + weeklyBox!.width);

  // ---- Export everything; a damaged copy is refused in a sentence and nothing is written.
  await page.getByRole('link', { name: 'Settings' }).click();
  const importSection = page.getByRole('region', { name: 'Import' });
  await expect(importSection.getByRole('button')).toHaveText(['Choose a file to import…']); // one button, no hidden second one
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Everything as JSON' }).click(),
  ]);
  const exported = readFileSync((await download.path())!, 'utf8');
  const damaged = JSON.parse(exported);
  damaged.data.timeEntries[0].endedAt = damaged.data.timeEntries[0].startedAt - 60_000;
  const before = await api<{ entries: unknown[] }>(page, 'time.list');
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    importSection.getByRole('button', { name: 'Choose a file to import…' }).click(),
  ]);
  await chooser.setFiles({
    name: 'damaged.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(damaged)),
  });
  await expect(importSection.getByRole('alert')).toHaveText(
    'This export is damaged or was edited by hand: in time entry 1, the end must be after the start. Nothing was imported.',
  );
  expect(await api(page, 'time.list')).toEqual(before);

  // ---- The same export merged into a second, fresh app: the file's plan start, not that app's "today".
  const second = await startPreviewProcess(path.join(dataDir, 'second.db'));
  try {
    const other = await page.context().newPage();
    await other.goto(`${second.url}#/settings`);
    await expect(other.getByLabel('Plan start date')).not.toHaveValue(planStart);
    await expect(other.getByRole('radio', { name: /Merge with my data/ })).toBeChecked();
    const [picker] = await Promise.all([
      other.waitForEvent('filechooser'),
      other.getByRole('button', { name: 'Choose a file to import…' }).click(),
    ]);
    await picker.setFiles({ name: 'export.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
    await expect(other.getByRole('region', { name: 'Import' }).getByRole('status')).toHaveText(
      'Imported export.json: 3 entries added. A backup was made first.',
    );
    await other.reload();
    await expect(other.getByLabel('Your name')).toHaveValue('Sam Okafor');
    await expect(other.getByLabel('Plan start date')).toHaveValue(planStart);
    await other.close();
  } finally {
    await second.stop();
  }

  // ---- The portfolio PDF after the deletion: Project 4.2, which has time, and not Project 4.1.
  await page.getByRole('link', { name: 'Portfolio' }).click();
  await expect(page.getByRole('button', { name: 'Export PDF (1 entry)' })).toBeVisible();
  const pdfFile = path.join(dataDir, 'portfolio.pdf');
  const run = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules/tsx/dist/cli.mjs'),
      path.join(root, 'scripts/pdf.ts'),
      '--db',
      preview.dbFile,
      '--out',
      pdfFile,
    ],
    { cwd: root, encoding: 'utf8', timeout: 120_000 },
  );
  expect(run.status, run.stderr).toBe(0);
  const text = collapse((await pdfText(pdfFile)).join(' '));
  expect(text).toContain('Sam Okafor – MLOps Portfolio');
  // The cover's table and the entry pages hold Project 4.2 only; 4.1 is one name among those still to come.
  expect(text).toContain('Project 4.2 Batch Prediction System In progress');
  expect(text).toContain('PROJECT 4.2 · PHASE 2');
  expect(text).not.toContain('Project 4.1 Model API Service In progress');
  expect(text).not.toContain('PROJECT 4.1 ·');
  expect(text).not.toMatch(/In progress 0 h/);
  expect(text).toMatch(/Still to come on the roadmap: Project 4\.1, Project 4\.3,/);

  // ---- Every screen, scrolled to its end, with the week's data in it: the window stays in its frame.
  for (const [hash, heading] of SCREENS) {
    await page.goto(`${preview.url}${hash}`);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expectFrameInPlace(page, `${hash} after a week`);
  }
});
