// The application menu (electron/desktop/menu.ts): its items, accelerators and the commands they send.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { menuTemplate, type MenuActions } from '../../electron/desktop/menu';
import { isAppCommand, type AppCommand } from '../../shared/commands';

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
      ['Import from another tracker…', undefined, 'navigate:#/import'],
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
