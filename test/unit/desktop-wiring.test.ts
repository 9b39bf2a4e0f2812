// The desktop integration's wiring modules (electron/desktop/): menu template, tray model, global
// shortcut, idle watcher, reminder scheduler, window-state file, the command allow-list on both sides.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createElectronBridge } from '../../electron/preload-api';
import { diamondIconPng } from '../../electron/desktop/icon-png';
import {
  createIdleWatcher,
  IDLE_BUTTONS,
  idleQuestion,
  type PowerMonitorLike,
} from '../../electron/desktop/idle-watcher';
import { menuTemplate, type MenuActions } from '../../electron/desktop/menu';
import {
  createReminderScheduler,
  type ReminderSettings,
  type ReminderState,
} from '../../electron/desktop/reminder-scheduler';
import { createShortcutKeeper, registerTimerShortcut } from '../../electron/desktop/shortcut';
import { createTray, formatElapsed, recentItemIds, toMenuTemplate, trayModel } from '../../electron/desktop/tray';
import { loadWindowState, trackWindowState } from '../../electron/desktop/window-state-store';
import { APP_COMMANDS, isAppCommand, type AppCommand } from '../../shared/commands';
import { onAppCommand, PENDING_COMMAND_MS, runCommand, subscribeToCommands } from '../../renderer/lib/commands';

const MIN = 60_000;
const T0 = new Date(2026, 2, 10, 9, 0).getTime();

// ---- Menu ---------------------------------------------------------------------------------------

const actions = () =>
  ({
    command: vi.fn<(c: AppCommand) => void>(),
    toggleTimer: vi.fn<() => void>(),
    about: vi.fn<() => void>(),
    quit: vi.fn<() => void>(),
  }) satisfies MenuActions;
const flat = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flat(i.submenu) : [])]);
const top = (items: MenuItemConstructorOptions[]) => items.map((i) => i.label);
const find = (items: MenuItemConstructorOptions[], label: string) => flat(items).find((i) => i.label === label);

describe('menuTemplate', () => {
  it('has File, Edit, View, Timer, Window, Help on Windows and Linux, plus the app menu on macOS', () => {
    const a = actions();
    expect(top(menuTemplate({ platform: 'linux', appName: 'Companion', timerRunning: false, actions: a }))).toEqual([
      '&File',
      '&Edit',
      '&View',
      '&Timer',
      '&Window',
      '&Help',
    ]);
    expect(top(menuTemplate({ platform: 'win32', appName: 'Companion', timerRunning: false, actions: a }))).toEqual([
      '&File',
      '&Edit',
      '&View',
      '&Timer',
      '&Window',
      '&Help',
    ]);
    const mac = menuTemplate({ platform: 'darwin', appName: 'Companion', timerRunning: false, actions: a });
    expect(top(mac)).toEqual(['Companion', '&File', '&Edit', '&View', '&Timer', '&Window', '&Help']);
    // Quit and About move to the app menu on macOS.
    expect(flat(mac[1]!.submenu as MenuItemConstructorOptions[]).some((i) => i.label === 'Quit')).toBe(false);
    expect(find(mac, 'Quit Companion')?.accelerator).toBe('Command+Q');
    expect(find(mac, 'About Companion')).toBeDefined();
    const linux = menuTemplate({ platform: 'linux', appName: 'Companion', timerRunning: false, actions: a });
    expect(find(linux, 'Quit')?.accelerator).toBe('Control+Q');
    expect(find(linux, 'About Companion')).toBeDefined();
  });

  it('gives every command its accelerator and sends the right command', () => {
    const a = actions();
    const t = menuTemplate({ platform: 'linux', appName: 'Companion', timerRunning: false, actions: a });
    const expected: [string, string | undefined, string][] = [
      ['New manual entry', 'CommandOrControl+N', 'entry:new'],
      ['Export portfolio PDF…', 'CommandOrControl+E', 'export:pdf'],
      ['Export time log CSV…', undefined, 'export:csv'],
      ['Roadmap', 'CommandOrControl+1', 'navigate:#/roadmap'],
      ['Time log', 'CommandOrControl+2', 'navigate:#/log'],
      ['Insights', 'CommandOrControl+3', 'navigate:#/insights'],
      ['Portfolio', 'CommandOrControl+4', 'navigate:#/portfolio'],
      ['Milestones', 'CommandOrControl+5', 'navigate:#/milestones'],
      ['Settings', 'CommandOrControl+,', 'navigate:#/settings'],
      ['Keyboard shortcuts  (?)', undefined, 'help:shortcuts'],
    ];
    for (const [label, accelerator, command] of expected) {
      const item = find(t, label)!;
      expect(item, label).toBeDefined();
      expect(item.accelerator).toBe(accelerator);
      (item.click as () => void)();
      expect(a.command).toHaveBeenLastCalledWith(command);
      expect(isAppCommand(command)).toBe(true);
    }
    // Every accelerator is unique.
    const accelerators = flat(t)
      .map((i) => i.accelerator)
      .filter(Boolean);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('labels the timer item by whether a timer runs, on Ctrl/Cmd+T', () => {
    const a = actions();
    const stopped = find(
      menuTemplate({ platform: 'linux', appName: 'C', timerRunning: false, actions: a }),
      'Start timer',
    )!;
    expect(stopped.accelerator).toBe('CommandOrControl+T');
    (stopped.click as () => void)();
    expect(a.toggleTimer).toHaveBeenCalledTimes(1);
    expect(
      find(menuTemplate({ platform: 'linux', appName: 'C', timerRunning: true, actions: a }), 'Stop timer')
        ?.accelerator,
    ).toBe('CommandOrControl+T');
  });

  it('offers reload and developer tools only when not packaged; zoom and full screen always', () => {
    const roles = (isPackaged: boolean) =>
      flat(menuTemplate({ platform: 'linux', appName: 'C', timerRunning: false, isPackaged, actions: actions() }))
        .map((i) => i.role)
        .filter(Boolean);
    expect(roles(true)).not.toContain('reload');
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(false)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    for (const r of [true, false])
      expect(roles(r)).toEqual(
        expect.arrayContaining([
          'resetZoom',
          'zoomIn',
          'zoomOut',
          'togglefullscreen',
          'copy',
          'paste',
          'undo',
          'windowMenu',
        ]),
      );
  });
});

// ---- Tray ---------------------------------------------------------------------------------------

const curriculum = { items: [1, 2, 3, 4, 5, 6, 7].map((n) => ({ id: `1.${n}`, title: `Item ${n}` })) };

describe('trayModel', () => {
  it('formats elapsed time as h:mm', () => {
    expect(formatElapsed(42 * MIN + 59_000)).toBe('0:42');
    expect(formatElapsed(12 * 60 * MIN + 5 * MIN)).toBe('12:05');
    expect(formatElapsed(-5)).toBe('0:00');
  });

  it('takes the last five distinct items, newest first', () => {
    const entries = ['1.3', '1.3', '1.1', '1.2', '1.1', '1.4', '1.5', '1.6', '1.7'].map((itemId) => ({ itemId }));
    expect(recentItemIds(entries)).toEqual(['1.3', '1.1', '1.2', '1.4', '1.5']);
    expect(recentItemIds([])).toEqual([]);
  });

  it('shows the running item, its elapsed time and a Stop item while a timer runs', () => {
    const model = trayModel({
      appName: 'Companion',
      timer: { itemId: '1.2', startedAt: T0, note: '' },
      curriculum,
      now: T0 + 42 * MIN,
      recentItems: ['1.2', '1.1'],
    });
    expect(model.title).toBe('0:42');
    expect(model.tooltip).toBe('Companion: 1.2 Item 2, 0:42');
    expect(model.items.map((i) => i.label)).toEqual([
      'Running: 1.2 Item 2 (0:42)',
      'Stop timer',
      'Recent items',
      '',
      'Open window',
      'Quit',
    ]);
    expect(model.items[1]!.action).toEqual({ type: 'stop' });
    const recent = model.items[2]!.submenu!;
    expect(recent.map((i) => [i.label, i.enabled])).toEqual([
      ['1.2 Item 2', false],
      ['1.1 Item 1', true],
    ]);
  });

  it('offers to start the last item when no timer runs, and nothing to start without history', () => {
    const model = trayModel({
      appName: 'Companion',
      timer: null,
      curriculum,
      now: T0,
      recentItems: ['1.4', 'gone', '1.1'],
    });
    expect(model.title).toBe('');
    expect(model.tooltip).toBe('Companion: no timer running');
    expect(model.items[1]).toMatchObject({
      label: 'Start timer: 1.4 Item 4',
      action: { type: 'start', itemId: '1.4' },
    });
    expect(model.items[2]!.submenu!.map((i) => i.label)).toEqual(['1.4 Item 4', '1.1 Item 1']);
    const empty = trayModel({ appName: 'Companion', timer: null, curriculum, now: T0, recentItems: [] });
    expect(empty.items.map((i) => i.label)).toEqual(['No timer running', 'Recent items', '', 'Open window', 'Quit']);
    expect(empty.items[1]!.enabled).toBe(false);
  });

  it('turns the model into a menu whose clicks run the actions', () => {
    const run = vi.fn();
    const model = trayModel({ appName: 'C', timer: null, curriculum, now: T0, recentItems: ['1.4'] });
    const template = toMenuTemplate(model.items, run);
    expect(template[3]).toEqual({ type: 'separator' });
    (template[1]!.click as () => void)();
    expect(run).toHaveBeenCalledWith({ type: 'start', itemId: '1.4' });
    ((template[2]!.submenu as MenuItemConstructorOptions[])[0]!.click as () => void)();
    (template[5]!.click as () => void)();
    expect(run.mock.calls.map(([a]) => a.type)).toEqual(['start', 'start', 'quit']);
  });

  it('createTray sets tooltip, macOS title and menu, rebuilds every 30 s and on refresh, and disposes', () => {
    let tick: () => void = () => {};
    const tray = {
      setToolTip: vi.fn(),
      setTitle: vi.fn(),
      setContextMenu: vi.fn(),
      on: vi.fn(),
      destroy: vi.fn(),
      isDestroyed: () => false,
    };
    let now = T0;
    const clear = vi.fn();
    const handle = createTray({
      createTray: () => tray,
      buildMenu: (t) => ({ built: t.length }),
      platform: 'darwin',
      read: () => ({
        appName: 'C',
        timer: { itemId: '1.1', startedAt: T0, note: '' },
        curriculum,
        now,
        recentItems: [],
      }),
      run: vi.fn(),
      setInterval: (fn, ms) => {
        expect(ms).toBe(30_000);
        tick = fn;
        return 7;
      },
      clearInterval: clear,
    });
    expect(tray.setTitle).toHaveBeenLastCalledWith('0:00');
    now = T0 + 5 * MIN;
    tick();
    expect(tray.setTitle).toHaveBeenLastCalledWith('0:05');
    expect(tray.setToolTip).toHaveBeenLastCalledWith('C: 1.1 Item 1, 0:05');
    expect(tray.setContextMenu).toHaveBeenCalledTimes(2);
    handle.refresh();
    expect(tray.setContextMenu).toHaveBeenCalledTimes(3);
    handle.dispose();
    expect(clear).toHaveBeenCalledWith(7);
    expect(tray.destroy).toHaveBeenCalled();
  });
});

// ---- Global shortcut ------------------------------------------------------------------------------

describe('registerTimerShortcut', () => {
  const fake = (answer: boolean | 'throw') => ({
    register: vi.fn((_a: string, _cb: () => void) => {
      if (answer === 'throw') throw new Error('bad accelerator');
      return answer;
    }),
    unregister: vi.fn(),
  });

  it('registers the accelerator and calls toggle', () => {
    const gs = fake(true);
    const toggle = vi.fn();
    expect(registerTimerShortcut(gs, 'CommandOrControl+Alt+T', toggle)).toEqual({
      registered: true,
      accelerator: 'CommandOrControl+Alt+T',
      reason: null,
    });
    gs.register.mock.calls[0]![1]();
    expect(toggle).toHaveBeenCalled();
  });

  it('is off when empty, reports a shortcut taken by another app, and an invalid one', () => {
    const gs = fake(false);
    expect(registerTimerShortcut(gs, '  ', vi.fn())).toMatchObject({ registered: false, reason: 'off' });
    expect(gs.register).not.toHaveBeenCalled();
    expect(registerTimerShortcut(gs, 'Control+Alt+T', vi.fn())).toMatchObject({ registered: false, reason: 'taken' });
    expect(registerTimerShortcut(fake('throw'), 'Nonsense+', vi.fn())).toMatchObject({
      registered: false,
      reason: 'invalid',
    });
  });

  it('the keeper unregisters the old accelerator before a new one, and skips unchanged settings', () => {
    const gs = fake(true);
    const keeper = createShortcutKeeper(gs, vi.fn());
    keeper.apply('Control+Alt+T');
    keeper.apply('Control+Alt+T');
    expect(gs.register).toHaveBeenCalledTimes(1);
    keeper.apply('Control+Alt+S');
    expect(gs.unregister).toHaveBeenCalledWith('Control+Alt+T');
    keeper.apply('');
    expect(gs.unregister).toHaveBeenLastCalledWith('Control+Alt+S');
    keeper.dispose();
    expect(gs.unregister).toHaveBeenCalledTimes(2);
  });
});

// ---- Idle watcher ---------------------------------------------------------------------------------

describe('createIdleWatcher', () => {
  afterEach(() => vi.useRealTimers());

  function setup({
    choice = 'discard' as const,
    idleMinutes = 10,
    timer = { itemId: '1.1', startedAt: T0, note: 'n' } as { itemId: string; startedAt: number; note: string } | null,
  } = {}) {
    vi.useFakeTimers();
    vi.setSystemTime(T0);
    const listeners = new Map<string, () => void>();
    let idleSeconds = 0;
    const powerMonitor: PowerMonitorLike = {
      getSystemIdleTime: () => idleSeconds,
      on: (event, listener) => listeners.set(event, listener),
      removeListener: (event) => listeners.delete(event),
    };
    const state = { timer };
    const ask = vi.fn(async () => choice as 'keep' | 'discard' | 'discard-and-stop');
    const apply = vi.fn();
    const watcher = createIdleWatcher({
      powerMonitor,
      getTimer: () => state.timer,
      getIdleMinutes: () => idleMinutes,
      ask,
      apply,
      now: () => Date.now(),
    });
    return { watcher, listeners, ask, apply, state, setIdle: (s: number) => void (idleSeconds = s) };
  }

  it('asks after a suspend longer than the threshold and applies "discard": stop at the suspend, start at the resume', async () => {
    const { watcher, listeners, ask, apply } = setup();
    vi.setSystemTime(T0 + 20 * MIN);
    listeners.get('suspend')!();
    vi.setSystemTime(T0 + 50 * MIN);
    listeners.get('resume')!();
    await watcher.idle();
    expect(ask).toHaveBeenCalledWith(
      { idleFrom: T0 + 20 * MIN, idleTo: T0 + 50 * MIN, idleMs: 30 * MIN },
      expect.objectContaining({ itemId: '1.1' }),
    );
    expect(apply).toHaveBeenCalledWith([
      { type: 'stop', endedAt: T0 + 20 * MIN },
      { type: 'start', itemId: '1.1', startedAt: T0 + 50 * MIN, note: 'n' },
    ]);
  });

  it('does the same for lock-screen / unlock-screen, and "discard and stop" only stops', async () => {
    const { watcher, listeners, apply } = setup({ choice: 'discard-and-stop' as never });
    vi.setSystemTime(T0 + 5 * MIN);
    listeners.get('lock-screen')!();
    vi.setSystemTime(T0 + 25 * MIN);
    listeners.get('unlock-screen')!();
    await watcher.idle();
    expect(apply).toHaveBeenCalledWith([{ type: 'stop', endedAt: T0 + 5 * MIN }]);
  });

  it('polls the system idle time every 15 s and asks when input comes back', async () => {
    const { watcher, ask, apply, setIdle } = setup();
    // 12 minutes without input at the poll: the learner has been away since T0 + 3 min.
    vi.setSystemTime(T0 + 15 * MIN);
    setIdle(12 * 60);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(ask).not.toHaveBeenCalled();
    // Back: 5 s of idle at the next poll.
    setIdle(5);
    await vi.advanceTimersByTimeAsync(15_000);
    await watcher.idle();
    expect(ask).toHaveBeenCalledTimes(1);
    const [span] = ask.mock.calls[0] as unknown as [{ idleFrom: number; idleTo: number }];
    expect(span.idleFrom).toBe(T0 + 3 * MIN + 15_000);
    expect(span.idleTo).toBe(T0 + 15 * MIN + 30_000 - 5_000);
    expect(apply.mock.calls[0]![0]).toHaveLength(2);
  });

  it('asks nothing for a short absence, without a timer, or when kept', async () => {
    const short = setup();
    vi.setSystemTime(T0 + 20 * MIN);
    short.listeners.get('suspend')!();
    vi.setSystemTime(T0 + 25 * MIN);
    short.listeners.get('resume')!();
    await short.watcher.idle();
    expect(short.ask).not.toHaveBeenCalled();
    short.watcher.dispose();

    const none = setup({ timer: null });
    none.listeners.get('suspend')!();
    vi.setSystemTime(T0 + 60 * MIN);
    none.listeners.get('resume')!();
    await none.watcher.idle();
    expect(none.ask).not.toHaveBeenCalled();
    none.watcher.dispose();

    const kept = setup({ choice: 'keep' as never });
    kept.listeners.get('suspend')!();
    vi.setSystemTime(T0 + 60 * MIN);
    kept.listeners.get('resume')!();
    await kept.watcher.idle();
    expect(kept.ask).toHaveBeenCalled();
    expect(kept.apply).not.toHaveBeenCalled();
  });

  it("does nothing behind the learner's back when the timer changed while the question was open", async () => {
    const { watcher, listeners, ask, apply, state } = setup();
    ask.mockImplementationOnce(async () => {
      state.timer = { itemId: '1.2', startedAt: T0 + 55 * MIN, note: '' };
      return 'discard';
    });
    listeners.get('suspend')!();
    vi.setSystemTime(T0 + 50 * MIN);
    listeners.get('resume')!();
    await watcher.idle();
    expect(apply).not.toHaveBeenCalled();
  });

  it('stops listening when disposed; the dialog text names the item and the minutes', () => {
    const { watcher, listeners } = setup();
    watcher.dispose();
    expect(listeners.size).toBe(0);
    const q = idleQuestion({ idleFrom: 0, idleTo: 23 * MIN, idleMs: 23 * MIN }, '1.1 Item 1');
    expect(q.message).toBe('You were away for 23 min while the timer ran');
    expect(q.detail).toContain('1.1 Item 1');
    expect(q.buttons).toEqual(['Keep', 'Discard idle time', 'Discard and stop']);
    expect(IDLE_BUTTONS.map((b) => b.choice)).toEqual(['keep', 'discard', 'discard-and-stop']);
  });
});

// ---- Reminders ----------------------------------------------------------------------------------

describe('createReminderScheduler', () => {
  afterEach(() => vi.useRealTimers());

  function setup(overrides: Partial<ReminderSettings> = {}, saved: ReminderState | null = null) {
    vi.useFakeTimers();
    const shown: { title: string; body: string; click?: () => void; close?: () => void }[] = [];
    class FakeNotification {
      record: { title: string; body: string; click?: () => void; close?: () => void };
      constructor(options: { title: string; body: string }) {
        this.record = { ...options };
      }
      on(event: 'click' | 'close', listener: () => void) {
        this.record[event] = listener;
      }
      show() {
        shown.push(this.record);
      }
      static isSupported = () => true;
    }
    const settings: ReminderSettings = {
      studyReminderTime: '20:00',
      studyReminderEnabled: true,
      overEstimateReminderEnabled: true,
      ...overrides,
    };
    const data = {
      todayMinutes: 0,
      items: [
        { itemId: '1.1', title: '1.1 Item 1', loggedHours: 5, maxHours: 4 },
        { itemId: '1.2', title: '1.2 Item 2', loggedHours: 1, maxHours: 4 },
      ],
    };
    const saves: ReminderState[] = [];
    const onClick = vi.fn();
    const scheduler = createReminderScheduler({
      appName: 'Companion',
      Notification: FakeNotification,
      getSettings: () => settings,
      getTodayMinutes: () => data.todayMinutes,
      getEstimateItems: () => data.items,
      onClick,
      loadState: () => saved,
      saveState: (s) => void saves.push(s),
      now: () => Date.now(),
    });
    return { scheduler, shown, settings, data, saves, onClick };
  }

  it('shows "you haven\'t studied today" at the reminder time, once, then waits for tomorrow', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(2026, 2, 10, 18, 0));
    const { scheduler, shown, saves, onClick } = setup();
    expect(scheduler.reschedule()).toBe(new Date(2026, 2, 10, 20, 0).getTime());
    await vi.advanceTimersByTimeAsync(2 * 60 * MIN - 1);
    expect(shown).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(shown).toHaveLength(1);
    expect(shown[0]!.body).toMatch(/haven't studied today/);
    expect(saves.at(-1)!.lastShownDate).toBe('2026-03-10');
    shown[0]!.click!();
    expect(onClick).toHaveBeenCalledWith('today');
    // The next one is tomorrow at 20:00.
    expect(scheduler.reschedule()).toBe(new Date(2026, 2, 11, 20, 0).getTime());
    scheduler.dispose();
  });

  it('shows nothing when the learner studied or the reminder is off', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(2026, 2, 10, 19, 0));
    const studied = setup();
    studied.scheduler.reschedule();
    studied.data.todayMinutes = 30;
    await vi.advanceTimersByTimeAsync(2 * 60 * MIN);
    expect(studied.shown).toHaveLength(0);
    studied.scheduler.dispose();

    const off = setup({ studyReminderEnabled: false });
    expect(off.scheduler.reschedule()).toBeNull();
    await vi.advanceTimersByTimeAsync(48 * 60 * MIN);
    expect(off.shown).toHaveLength(0);
  });

  it('notifies an item over its maximum estimate once; items already over at first run are not news', () => {
    vi.useFakeTimers();
    const { scheduler, shown, data, saves, onClick } = setup();
    expect(scheduler.checkOverEstimate()).toEqual([]);
    expect(saves.at(-1)!.overEstimateNotified).toEqual(['1.1']);
    data.items[1]!.loggedHours = 4.5;
    expect(scheduler.checkOverEstimate().map((i) => i.itemId)).toEqual(['1.2']);
    expect(shown.map((s) => s.body)).toEqual([
      expect.stringContaining('1.2 Item 2 has passed its estimate: 4.5 h logged'),
    ]);
    shown[0]!.click!();
    expect(onClick).toHaveBeenCalledWith({ itemId: '1.2' });
    expect(scheduler.checkOverEstimate()).toEqual([]);
    expect(shown).toHaveLength(1);
  });

  it('keeps each notification on screen referenced until it is clicked or closed (else its click could be collected)', () => {
    vi.useFakeTimers();
    const { scheduler, shown, data } = setup();
    scheduler.checkOverEstimate();
    data.items[1]!.loggedHours = 4.5;
    data.items.push({ itemId: '2.1', title: '2.1 Item 3', loggedHours: 9, maxHours: 8 });
    scheduler.checkOverEstimate();
    expect(shown).toHaveLength(2);
    expect(scheduler.shownCount()).toBe(2);
    shown[0]!.click!();
    expect(scheduler.shownCount()).toBe(1);
    shown[1]!.close!();
    expect(scheduler.shownCount()).toBe(0);
  });

  it('respects the over-estimate setting', () => {
    vi.useFakeTimers();
    const { scheduler, shown, data } = setup(
      { overEstimateReminderEnabled: false },
      { lastShownDate: null, overEstimateNotified: [] },
    );
    data.items[1]!.loggedHours = 9;
    expect(scheduler.checkOverEstimate()).toEqual([]);
    expect(shown).toHaveLength(0);
  });
});

// ---- Window state -------------------------------------------------------------------------------

describe('window state file', () => {
  const dirs: string[] = [];
  afterEach(() => {
    vi.useRealTimers();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const tempFile = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'companion-ws-'));
    dirs.push(dir);
    return path.join(dir, 'window-state.json');
  };
  const displays = [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 }, primary: true }];

  it('restores saved bounds that are on a screen; a missing or damaged file centres the default size', () => {
    const file = tempFile();
    expect(loadWindowState(file, displays)).toEqual({ x: 320, y: 130, width: 1280, height: 820, maximized: false });
    writeFileSync(file, '{not json');
    expect(loadWindowState(file, displays)).toEqual({ x: 320, y: 130, width: 1280, height: 820, maximized: false });
    writeFileSync(file, JSON.stringify({ x: 100, y: 50, width: 1000, height: 700, maximized: true }));
    expect(loadWindowState(file, displays)).toEqual({ x: 100, y: 50, width: 1000, height: 700, maximized: true });
  });

  it('saves debounced on move/resize and at once on close, atomically', () => {
    vi.useFakeTimers();
    const file = tempFile();
    const listeners = new Map<string, () => void>();
    let bounds = { x: 10, y: 20, width: 1000, height: 700 };
    const window = {
      on: (e: string, l: () => void) => void listeners.set(e, l),
      getNormalBounds: () => bounds,
      isMaximized: () => false,
    };
    trackWindowState(window, file);
    listeners.get('move')!();
    bounds = { ...bounds, x: 30 };
    listeners.get('resize')!();
    vi.advanceTimersByTime(499);
    expect(readdirSync(path.dirname(file))).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      x: 30,
      y: 20,
      width: 1000,
      height: 700,
      maximized: false,
    });
    bounds = { ...bounds, y: 99 };
    listeners.get('move')!();
    listeners.get('close')!();
    expect(JSON.parse(readFileSync(file, 'utf8')).y).toBe(99);
    // No temporary files left beside it.
    expect(readdirSync(path.dirname(file))).toEqual(['window-state.json']);
  });
});

// ---- Commands, preload and renderer ------------------------------------------------------------

describe('main → renderer commands', () => {
  it('the preload passes only allow-listed commands and can unsubscribe', () => {
    let deliver: (payload: unknown) => void = () => {};
    const unsubscribe = vi.fn();
    const api = createElectronBridge(
      async () => ({ ok: true, value: null }),
      (listener) => ((deliver = listener), unsubscribe),
    );
    const got: string[] = [];
    const off = api.onCommand!((c) => got.push(c));
    for (const payload of [
      'navigate:#/log',
      'navigate:javascript:alert(1)',
      'timer:toggle',
      { toString: () => 'timer:toggle' },
      'data:changed',
      42,
    ])
      deliver(payload);
    expect(got).toEqual(['navigate:#/log', 'timer:toggle', 'data:changed']);
    off();
    expect(unsubscribe).toHaveBeenCalled();
    expect(createElectronBridge(async () => null).onCommand).toBeUndefined();
  });

  function fakeWindow(onCommand?: (l: (c: string) => void) => () => void) {
    const events: string[] = [];
    const listeners = new Set<(e: Event) => void>();
    const target = {
      location: { hash: '#/roadmap' },
      api: onCommand ? { transport: 'electron', invoke: vi.fn(), onCommand } : undefined,
      dispatchEvent: (e: CustomEvent) => {
        events.push(`${e.type}:${e.detail}`);
        for (const l of listeners) l(e);
      },
      addEventListener: (_name: string, l: (e: Event) => void) => void listeners.add(l),
      removeEventListener: (_name: string, l: (e: Event) => void) => void listeners.delete(l),
    };
    return { target: target as unknown as Window, events, location: target.location };
  }

  it('the renderer navigates by hash, re-checks the allow-list, and turns other commands into DOM events', () => {
    const { target, events, location } = fakeWindow();
    expect(runCommand('navigate:#/insights', target)).toBe(true);
    expect(location.hash).toBe('#/insights');
    expect(runCommand('navigate:https://evil.example', target)).toBe(false);
    expect(location.hash).toBe('#/insights');
    runCommand('entry:new', target);
    expect(location.hash).toBe('#/insights'); // the entry form is on the item screen: no navigation
    runCommand('export:pdf', target);
    expect(location.hash).toBe('#/portfolio');
    runCommand('timer:toggle', target);
    runCommand('export:pdf', target);
    // The first export:pdf waits for the Portfolio screen (it is not loaded yet); once there, it is an event.
    expect(events).toEqual([
      'companion:command:entry:new',
      'companion:command:timer:toggle',
      'companion:command:export:pdf',
    ]);
  });

  it('a command that switches screens reaches the screen when it starts listening, once', async () => {
    const { target, events } = fakeWindow();
    runCommand('export:csv', target);
    const got: string[] = [];
    // Another command's listener does not take it.
    onAppCommand('export:pdf', () => got.push('pdf'), target);
    onAppCommand('export:csv', () => got.push('csv'), target);
    onAppCommand('export:csv', () => got.push('csv again'), target);
    await Promise.resolve();
    expect(got).toEqual(['csv']);
    expect(events).toEqual([]);
  });

  it('a waiting command is dropped when its screen unsubscribes at once or comes too late', async () => {
    vi.useFakeTimers();
    try {
      const first = fakeWindow();
      runCommand('export:pdf', first.target);
      const got: string[] = [];
      onAppCommand('export:pdf', () => got.push('unmounted'), first.target)();
      // React's StrictMode: the screen subscribes again at once and gets it.
      onAppCommand('export:pdf', () => got.push('remounted'), first.target);
      await Promise.resolve();
      expect(got).toEqual(['remounted']);
      got.splice(0);
      const late = fakeWindow();
      runCommand('export:pdf', late.target);
      vi.advanceTimersByTime(PENDING_COMMAND_MS + 1);
      onAppCommand('export:pdf', () => got.push('late'), late.target);
      await Promise.resolve();
      expect(got).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('subscribes when the bridge has onCommand, and does nothing in the preview', () => {
    let listener: (c: string) => void = () => {};
    const { target, location } = fakeWindow((l) => ((listener = l), () => {}));
    subscribeToCommands(target);
    listener('navigate:#/milestones');
    expect(location.hash).toBe('#/milestones');
    expect(subscribeToCommands(fakeWindow().target)).toBeTypeOf('function');
  });

  it('every command in the allow-list is a navigation to a real route or a known action', () => {
    for (const c of APP_COMMANDS)
      expect(c).toMatch(
        /^(navigate:#\/(roadmap|log|insights|portfolio|milestones|settings)|timer:toggle|entry:new|help:shortcuts|export:pdf|export:csv|data:changed|sync:status)$/,
      );
  });
});

// ---- Icon ---------------------------------------------------------------------------------------

describe('the app icon', () => {
  it('build/icon.png is the generated 512×512 RGBA PNG', () => {
    const png = readFileSync(path.resolve(import.meta.dirname, '../../build/icon.png'));
    expect(png.equals(diamondIconPng(512))).toBe(true);
    expect(png.readUInt32BE(16)).toBe(512);
    expect(png.readUInt32BE(20)).toBe(512);
    expect(png[25]).toBe(6);
    // Decodes: blue in a corner's inside, white in the centre, transparent at the very corner.
    const idat = png.subarray(png.indexOf('IDAT') + 4, png.indexOf('IEND') - 8);
    const raw = inflateSync(idat);
    const px = (x: number, y: number) => [
      ...raw.subarray(y * (1 + 512 * 4) + 1 + x * 4, y * (1 + 512 * 4) + 1 + x * 4 + 4),
    ];
    expect(px(256, 256)).toEqual([255, 255, 255, 255]);
    expect(px(60, 256)).toEqual([0x25, 0x63, 0xeb, 255]);
    expect(px(0, 0)[3]).toBe(0);
  });
});
