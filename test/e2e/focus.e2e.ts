// Focus mode, keyboard shortcuts and the new settings, in Chromium over the preview.
import { expect, expectAccessible, test } from './fixtures';
import { DEFAULT_TIMER_SHORTCUT } from '../../shared/schemas/settings';
import { describeShortcut } from '../../shared/accelerator';

test('keyboard shortcuts: ? opens the list, Escape closes it, g l goes to the time log, t starts the timer', async ({
  page,
  preview,
}) => {
  await page.goto(preview.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Roadmap' })).toBeVisible();

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Go to the time log');
  await expectAccessible(page, 'the keyboard shortcuts dialog');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  await page.keyboard.press('g');
  await page.keyboard.press('l');
  await expect(page.getByRole('heading', { level: 1, name: 'Time log' })).toBeVisible();
  await page.keyboard.press('g');
  await page.keyboard.press('s');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

  // On an item: t starts its timer and stops it again; typing in a field is never a shortcut.
  await page.goto(`${preview.url}#/item/1.1`);
  await expect(page.getByRole('heading', { level: 1, name: 'Your First ML Model' })).toBeVisible();
  await page.getByLabel('Notes').fill('g l t');
  await expect(page.getByRole('heading', { level: 1, name: 'Your First ML Model' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start timer' })).toBeVisible();
  await page.getByRole('heading', { level: 1 }).focus();
  await page.keyboard.press('t');
  await expect(page.getByRole('button', { name: 'Stop timer' })).toBeVisible();
  await page.keyboard.press('t');
  await expect(page.getByRole('button', { name: 'Start timer' })).toBeVisible();

  // n puts the cursor in the form to add time by hand.
  await page.keyboard.press('n');
  await expect(page.getByRole('form', { name: 'Add time by hand' }).locator('input').first()).toBeFocused();
});

test('focus mode counts down and logs a finished work interval on the item', async ({ page, preview }) => {
  // The page's clock starts 40 minutes in the past: after jumping 25 minutes the logged interval
  // still ends before the preview's (real) now, which refuses entries in the future.
  await page.clock.install({ time: Date.now() - 40 * 60_000 });
  await page.goto(`${preview.url}#/item/1.1`);
  await expect(page.getByRole('heading', { level: 1, name: 'Your First ML Model' })).toBeVisible();
  const focus = page.getByRole('region', { name: 'Focus mode' });
  await expect(focus).toContainText('25 min work, 5 min breaks');
  await focus.getByRole('button', { name: 'Start focus' }).click();
  await expect(page.getByTestId('focus-phase')).toHaveText('Work 1/4');
  await expect(page.getByTestId('focus-countdown')).toHaveText(/^2[45]:\d\d$/);
  await expectAccessible(page, 'the item screen with focus mode running');

  // Pause and resume keep the remaining time.
  await focus.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByTestId('focus-phase')).toHaveText('Work 1/4 (paused)');
  await focus.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByTestId('focus-phase')).toHaveText('Work 1/4');

  await page.clock.fastForward('25:00');
  await expect(page.getByTestId('focus-phase')).toHaveText('Short break');
  await expect(page.getByTestId('time-entry')).toHaveCount(1);
  await expect(page.getByTestId('time-entry')).toContainText(/2[45] min/);
  await expect(page.getByTestId('time-entry')).toContainText('Focus session');

  await focus.getByRole('button', { name: 'Stop focus' }).click();
  await expect(focus.getByRole('button', { name: 'Start focus' })).toBeVisible();
  await expect(page.getByTestId('time-entry')).toHaveCount(1);
});

test('the new settings save and the settings screen stays accessible', async ({ page, preview }) => {
  await page.goto(`${preview.url}#/settings`);
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByLabel('Ask about idle time after (minutes)')).toHaveValue('10');
  await expect(page.getByLabel('Study reminder time')).toHaveValue('20:00');
  await expect(page.getByLabel('Remind me on days I have not studied yet')).toBeChecked();
  await expectAccessible(page, 'the settings screen with the desktop and focus settings');

  await page.getByLabel('Work interval (minutes)').fill('50');
  await page.getByLabel('Work interval (minutes)').blur();
  await page.getByLabel('Remind me on days I have not studied yet').uncheck();
  // The shortcut is recorded from the keys pressed; a key an accelerator cannot hold is refused.
  await page.getByRole('button', { name: 'Change…' }).click();
  await page.keyboard.press('Control+Alt+Minus');
  await expect(page.getByText('Use a letter, a digit, a function key (F1–F24), Space or an arrow key.')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcut-keys')).toHaveText(describeShortcut(DEFAULT_TIMER_SHORTCUT, false));

  await page.reload();
  await expect(page.getByLabel('Work interval (minutes)')).toHaveValue('50');
  await expect(page.getByLabel('Remind me on days I have not studied yet')).not.toBeChecked();
  await expect(page.getByTestId('shortcut-keys')).toHaveText(describeShortcut(DEFAULT_TIMER_SHORTCUT, false));

  await page.goto(`${preview.url}#/item/1.1`);
  await expect(page.getByRole('region', { name: 'Focus mode' })).toContainText('50 min work');
});

test('a settings field being typed in keeps its text when another field saves', async ({ page, preview }) => {
  await page.goto(`${preview.url}#/settings`);
  const interval = page.getByLabel('Work interval (minutes)');
  const name = page.getByLabel('Your name');
  await expect(interval).toHaveValue('25');
  await interval.fill('45');
  // Saving the interval (on blur) reloads the settings; the name, typed meanwhile, is not saved yet.
  const reloaded = page.waitForResponse((response) => response.url().endsWith('/__api/settings.get'));
  await name.focus();
  await name.pressSequentially('Sam Ortega', { delay: 40 }); // slow enough for the reload to land mid-word
  await expect(page.locator('#focusWorkMinutes-help')).toHaveText('Saved');
  await reloaded;
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
  await expect(name).toHaveValue('Sam Ortega');
  await name.blur();
  await page.reload();
  await expect(name).toHaveValue('Sam Ortega');
  await expect(interval).toHaveValue('45');
});
