// The tray (electron/desktop/tray.ts): its model while a timer runs or not, recent items, and the menu built from it.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createTray, formatElapsed, recentItemIds, toMenuTemplate, trayModel } from '../../electron/desktop/tray';

const curriculum = { items: [1, 2, 3, 4, 5, 6, 7].map((n) => ({ id: `1.${n}`, title: `Item ${n}` })) };

const MIN = 60_000;
const T0 = new Date(2026, 2, 10, 9, 0).getTime();

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
