// The desktop integration in real Electron: tray, application menu, and idle detection end to end
// (powerMonitor events → native dialog → the log). Skips where Electron's binary is not installed.
import { expect, test } from '@playwright/test';
import { electronTests } from './launch';

const { launch } = electronTests('desktop');

type Desktop = { trayModel(): { tooltip: string; items: { label: string }[] } | null };

test('the tray shows the app and the timer; the menu has Timer on Ctrl/Cmd+T', async () => {
  const app = await launch();
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { level: 1, name: 'Roadmap' })).toBeVisible();
    expect(
      await app.evaluate(
        () => (globalThis as unknown as { companionDesktop: Desktop }).companionDesktop.trayModel()?.tooltip,
      ),
    ).toBe('MLOps Study Companion: no timer running');

    const timerMenu = await app.evaluate(({ Menu }) => {
      const menu = Menu.getApplicationMenu();
      const timer = menu?.items.find((i) => i.label.replace('&', '') === 'Timer');
      return timer?.submenu?.items.map((i) => ({ label: i.label, accelerator: i.accelerator })) ?? null;
    });
    expect(timerMenu).toEqual([{ label: 'Start timer', accelerator: 'CommandOrControl+T' }]);

    await page.evaluate(() =>
      (window as unknown as { api: { invoke(c: string, i: unknown): Promise<unknown> } }).api.invoke('timer.start', {
        itemId: '1.1',
      }),
    );
    await expect
      .poll(() =>
        app.evaluate(
          () => (globalThis as unknown as { companionDesktop: Desktop }).companionDesktop.trayModel()?.tooltip,
        ),
      )
      .toMatch(/^MLOps Study Companion: 1\.1 .+, 0:00$/);
    const label = await app.evaluate(
      ({ Menu }) =>
        Menu.getApplicationMenu()?.items.find((i) => i.label.replace('&', '') === 'Timer')?.submenu?.items[0]?.label,
    );
    expect(label).toBe('Stop timer');
  } finally {
    await app.close();
  }
});

test('idle: a 30-minute suspend with a running timer, answered "Discard and stop", logs only the time before it', async () => {
  const app = await launch();
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { level: 1, name: 'Roadmap' })).toBeVisible();
    const invoke = (channel: string, input: unknown = {}) =>
      page.evaluate(
        ([c, i]) =>
          (
            window as unknown as { api: { invoke(c: string, i: unknown): Promise<{ ok: boolean; value: any }> } }
          ).api.invoke(c as string, i),
        [channel, input] as const,
      );
    expect((await invoke('timer.start', { itemId: '1.1' })).ok).toBe(true);

    // Record the question and answer "Discard and stop"; move main's clock instead of waiting.
    await app.evaluate(({ dialog, powerMonitor }) => {
      const g = globalThis as unknown as { asked: string[]; realNow: () => number };
      g.asked = [];
      g.realNow = Date.now;
      (dialog as unknown as { showMessageBox: (...args: unknown[]) => Promise<unknown> }).showMessageBox = async (
        ...args: unknown[]
      ) => {
        const options = args.at(-1) as { message: string; buttons: string[] };
        g.asked.push(options.message);
        return { response: options.buttons.indexOf('Discard and stop'), checkboxChecked: false };
      };
      Date.now = () => g.realNow() + 20 * 60_000;
      powerMonitor.emit('suspend');
      Date.now = () => g.realNow() + 50 * 60_000;
      powerMonitor.emit('resume');
    });
    await expect
      .poll(() => app.evaluate(() => (globalThis as unknown as { asked: string[] }).asked))
      .toEqual(['You were away for 30 min while the timer ran']);
    await expect.poll(async () => (await invoke('timer.current')).value).toBeNull();
    const { entries } = (await invoke('time.list', {})).value as {
      entries: { itemId: string; startedAt: number; endedAt: number }[];
    };
    expect(entries).toHaveLength(1);
    expect(entries[0]!.itemId).toBe('1.1');
    expect(Math.round((entries[0]!.endedAt - entries[0]!.startedAt) / 60_000)).toBe(20);
  } finally {
    await app.close();
  }
});
