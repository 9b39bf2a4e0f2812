// The application menu as data: a pure function of the platform, whether the app is packaged and
// whether a timer runs. main wires the actions; tests check the template without Electron.
import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../../shared/commands';

export interface MenuActions {
  /** Sends a command to the renderer (navigation, new entry, dialogs, exports). */
  command(command: AppCommand): void;
  /** Starts or stops the timer in main (works with the window hidden). */
  toggleTimer(): void;
  about(): void;
  quit(): void;
}

export interface MenuInput {
  platform: NodeJS.Platform;
  appName: string;
  timerRunning: boolean;
  /** app.isPackaged: reload and developer tools only in development. */
  isPackaged?: boolean;
  actions: MenuActions;
}

export function menuTemplate({
  platform,
  appName,
  timerRunning,
  isPackaged = true,
  actions,
}: MenuInput): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const nav = (label: string, route: string, accelerator: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => actions.command(`navigate:${route}` as AppCommand),
  });
  const about: MenuItemConstructorOptions = { label: `About ${appName}`, click: () => actions.about() };

  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: appName,
      submenu: [
        about,
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { label: `Quit ${appName}`, accelerator: 'Command+Q', click: () => actions.quit() },
      ],
    });
  }
  template.push({
    label: '&File',
    submenu: [
      { label: 'New manual entry', accelerator: 'CommandOrControl+N', click: () => actions.command('entry:new') },
      { type: 'separator' },
      { label: 'Export portfolio PDF…', accelerator: 'CommandOrControl+E', click: () => actions.command('export:pdf') },
      { label: 'Export time log CSV…', click: () => actions.command('export:csv') },
      { type: 'separator' },
      { label: 'Import from another tracker…', click: () => actions.command('navigate:#/import') },
      ...(mac
        ? []
        : [{ type: 'separator' } as const, { label: 'Quit', accelerator: 'Control+Q', click: () => actions.quit() }]),
    ],
  });
  template.push({
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  });
  template.push({
    label: '&View',
    submenu: [
      nav('Roadmap', '#/roadmap', 'CommandOrControl+1'),
      nav('Time log', '#/log', 'CommandOrControl+2'),
      nav('Insights', '#/insights', 'CommandOrControl+3'),
      nav('Portfolio', '#/portfolio', 'CommandOrControl+4'),
      nav('Milestones', '#/milestones', 'CommandOrControl+5'),
      nav('Settings', '#/settings', 'CommandOrControl+,'),
      { type: 'separator' },
      ...(isPackaged
        ? []
        : [{ role: 'reload' } as const, { role: 'toggleDevTools' } as const, { type: 'separator' } as const]),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  });
  template.push({
    label: '&Timer',
    submenu: [
      {
        id: 'timer-toggle',
        label: timerRunning ? 'Stop timer' : 'Start timer',
        accelerator: 'CommandOrControl+T',
        click: () => actions.toggleTimer(),
      },
    ],
  });
  template.push({ label: '&Window', role: 'windowMenu' });
  template.push({
    label: '&Help',
    role: 'help',
    submenu: [
      // "?" is handled by the page when no field has focus; as a menu accelerator it would swallow typed question marks.
      { label: 'Keyboard shortcuts  (?)', click: () => actions.command('help:shortcuts') },
      ...(mac ? [] : [{ type: 'separator' } as const, about]),
    ],
  });
  return template;
}
