// A new learner's first week, on an empty logbook (no demo data), as issue 12 walked it: what they
// type, what the app answers in words, what is kept, and that the window stays in its frame.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

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
  await expect.poll(() => content.evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 1), { message: `${what}: the content pane reached its end` }).toBe(true);
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

test('the entry form refuses an end before the start and an empty duration in words beside the field, and writes nothing', async ({ page, preview }) => {
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

test('a name ended with Enter is saved at once and kept after a reload; so is one left alone while typing', async ({ page, preview }) => {
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
