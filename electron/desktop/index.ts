// Desktop integration in one place: application menu, tray, global timer shortcut, idle detection,
// reminders and the window's saved position. Each part is a tested module taking Electron objects as
// parameters; this file wires them to the handlers and to each other, and main.ts calls it once.
import path from 'node:path';
import type { BrowserWindow, MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../../shared/commands';
import { handlers, type HandlerContext } from '../handlers';
import { readTimer, startTimerAt, stopTimerAt } from '../store/timer';
import type { IpcMainLike } from '../ipc/register';
import { localDateOf, startOfLocalDate } from '../stats/local-days';
import { diamondIconPng } from './icon-png';
import { createIdleWatcher, IDLE_BUTTONS, idleQuestion, type PowerMonitorLike } from './idle-watcher';
import { readJson, writeJsonAtomic } from './json-store';
import { menuTemplate } from './menu';
import { sendCommandWhenLoaded } from './send-command';
import { createReminderScheduler, type NotificationClass, type ReminderState } from './reminder-scheduler';
import { createShortcutKeeper, type GlobalShortcutLike } from './shortcut';
import { createTray, recentItemIds, type TrayAction, type TrayLike } from './tray';
import { loadWindowState, trackWindowState, WINDOW_STATE_FILE } from './window-state-store';
import type { DisplayInfo, SavedWindowState } from './window-state';
import { itemById } from '../../shared/curriculum';

type ElectronModule = typeof import('electron');

export interface DesktopDeps {
  electron: {
    app: Pick<ElectronModule['app'], 'isPackaged' | 'getVersion' | 'quit'>;
    Menu: {
      buildFromTemplate(template: MenuItemConstructorOptions[]): unknown;
      setApplicationMenu(menu: unknown): void;
    };
    Tray: new (image: never) => TrayLike;
    nativeImage: { createFromBuffer(buffer: Buffer, options?: { scaleFactor?: number }): unknown };
    globalShortcut: GlobalShortcutLike & { unregisterAll?(): void };
    powerMonitor: PowerMonitorLike;
    Notification: NotificationClass;
    screen: {
      getAllDisplays(): { workArea: DisplayInfo['workArea']; id?: number }[];
      getPrimaryDisplay?(): { id?: number };
    };
    dialog: {
      showMessageBox(window: BrowserWindow, options: Electron.MessageBoxOptions): Promise<{ response: number }>;
      showMessageBox(options: Electron.MessageBoxOptions): Promise<{ response: number }>;
    };
  };
  ctx: HandlerContext;
  appName: string;
  platform: NodeJS.Platform;
  dataDir: string;
  getWindow: () => BrowserWindow | null;
  /** Shows the main window, creating it when it was closed (macOS). */
  showWindow: () => BrowserWindow | null;
}

/** Channels whose calls can change what the tray, menu, shortcut or reminders show. */
const WATCHED = /^(timer\.|time\.|settings\.update$|data\.import$|backups\.restore$)/;

export function startDesktopIntegration(deps: DesktopDeps) {
  const { electron, ctx, appName } = deps;
  const settings = () => handlers['settings.get'](ctx, {});
  const itemName = (id: string) => {
    const item = itemById(ctx.curriculum.items, id);
    return item ? `${item.id} ${item.title}` : id;
  };

  const send = (command: AppCommand) => void sendCommandWhenLoaded(deps.getWindow(), command);
  const sendShown = (command: AppCommand) => {
    deps.showWindow();
    send(command);
  };
  const recent = () => recentItemIds(handlers['time.list'](ctx, { limit: 50 }).entries, 5);

  /** Everything that shows the timer's state, after main or the renderer changed it. */
  const refresh = () => {
    tray?.refresh();
    setMenu();
  };
  const changedByMain = () => {
    refresh();
    send('data:changed');
    reminders.reschedule();
    reminders.checkOverEstimate();
  };

  const toggleTimer = () => {
    try {
      if (readTimer(ctx)) {
        handlers['timer.stop'](ctx, {});
      } else {
        const [last] = recent();
        // Nothing logged yet: the roadmap is where a first timer is started.
        if (!last) return sendShown('navigate:#/roadmap');
        handlers['timer.start'](ctx, { itemId: last, note: '' });
      }
    } catch (error) {
      console.error('[timer]', error);
    }
    changedByMain();
  };

  const about = () => {
    const window = deps.getWindow();
    const options: Electron.MessageBoxOptions = {
      type: 'info',
      title: `About ${appName}`,
      message: appName,
      detail: `Version ${electron.app.getVersion()}\nYour data stays on this computer.`,
      buttons: ['OK'],
    };
    void (window ? electron.dialog.showMessageBox(window, options) : electron.dialog.showMessageBox(options));
  };

  // ---- Menu
  const setMenu = () => {
    const template = menuTemplate({
      platform: deps.platform,
      appName,
      timerRunning: readTimer(ctx) !== null,
      isPackaged: electron.app.isPackaged,
      actions: { command: sendShown, toggleTimer, about, quit: () => electron.app.quit() },
    });
    electron.Menu.setApplicationMenu(electron.Menu.buildFromTemplate(template));
  };
  setMenu();

  // ---- Tray
  const runTray = (action: TrayAction) => {
    switch (action.type) {
      case 'open':
        return void deps.showWindow();
      case 'quit':
        return electron.app.quit();
      case 'stop':
        try {
          handlers['timer.stop'](ctx, {});
        } catch (error) {
          console.error('[tray]', error);
        }
        return changedByMain();
      case 'start':
        try {
          handlers['timer.start'](ctx, { itemId: action.itemId, note: '' });
        } catch (error) {
          console.error('[tray]', error);
        }
        return changedByMain();
    }
  };
  let tray: ReturnType<typeof createTray> | null = null;
  try {
    const icon = electron.nativeImage.createFromBuffer(diamondIconPng(32), { scaleFactor: 2 });
    tray = createTray({
      createTray: () => new electron.Tray(icon as never),
      buildMenu: (template) => electron.Menu.buildFromTemplate(template),
      platform: deps.platform,
      read: () => ({
        appName,
        timer: readTimer(ctx),
        curriculum: ctx.curriculum,
        now: ctx.now(),
        recentItems: recent(),
      }),
      run: runTray,
    });
  } catch (error) {
    // Some Linux desktops have no tray at all: the app works without it.
    console.error('[tray]', error);
  }

  // ---- Global shortcut
  const shortcut = createShortcutKeeper(electron.globalShortcut, toggleTimer);
  const applyShortcut = () => {
    const result = shortcut.apply(settings().globalTimerShortcut);
    if (result.reason === 'taken')
      console.warn(
        `[shortcut] ${result.accelerator} is already used by another app; the global timer shortcut is off.`,
      );
    if (result.reason === 'invalid')
      console.warn(`[shortcut] ${result.accelerator} is not a valid shortcut; the global timer shortcut is off.`);
    return result;
  };
  applyShortcut();

  // ---- Idle
  const idle = createIdleWatcher({
    powerMonitor: electron.powerMonitor,
    getTimer: () => readTimer(ctx),
    getIdleMinutes: () => settings().idleMinutes,
    now: () => ctx.now(),
    ask: async (span, timer) => {
      const question = idleQuestion(span, itemName(timer.itemId));
      const options: Electron.MessageBoxOptions = {
        type: 'question',
        title: appName,
        ...question,
        defaultId: 0,
        cancelId: 0,
        noLink: true,
      };
      const window = deps.getWindow();
      const { response } = await (window && !window.isDestroyed()
        ? electron.dialog.showMessageBox(window, options)
        : electron.dialog.showMessageBox(options));
      return IDLE_BUTTONS[response]?.choice ?? 'keep';
    },
    apply: (actions) => {
      for (const action of actions) {
        if (action.type === 'stop') stopTimerAt(ctx, action.endedAt);
        else startTimerAt(ctx, action.itemId, action.startedAt, action.note);
      }
      changedByMain();
    },
  });

  // ---- Reminders
  const reminderFile = path.join(deps.dataDir, 'reminders-state.json');
  const reminders = createReminderScheduler({
    appName,
    Notification: electron.Notification,
    getSettings: settings,
    getTodayMinutes: () => {
      const now = ctx.now();
      const from = startOfLocalDate(localDateOf(now));
      const logged = handlers['time.list'](ctx, { from, limit: 500 }).entries.reduce(
        (sum, e) => sum + (Math.min(e.endedAt, now) - Math.max(e.startedAt, from)) / 60_000,
        0,
      );
      const timer = readTimer(ctx);
      return logged + (timer ? Math.max(0, now - Math.max(timer.startedAt, from)) / 60_000 : 0);
    },
    getEstimateItems: () =>
      handlers['stats.roadmap'](ctx, {}).items.map((i) => ({
        itemId: i.itemId,
        title: itemName(i.itemId),
        loggedHours: i.actualHours,
        maxHours: i.maxHours,
      })),
    onClick: (target) => sendShown(target === 'today' ? 'navigate:#/roadmap' : 'navigate:#/insights'),
    loadState: () => (readJson(reminderFile) as ReminderState | null) ?? null,
    saveState: (state) => {
      try {
        writeJsonAtomic(reminderFile, state);
      } catch (error) {
        console.error('[reminders]', error);
      }
    },
    now: () => ctx.now(),
  });
  reminders.reschedule();
  reminders.checkOverEstimate();
  const estimateCheck = setInterval(() => {
    try {
      reminders.checkOverEstimate();
    } catch (error) {
      console.error('[reminders]', error);
    }
  }, 60_000);
  estimateCheck.unref?.();

  // ---- Window state
  const windowStateFile = path.join(deps.dataDir, WINDOW_STATE_FILE);

  return {
    tray: () => tray?.tray ?? null,
    trayModel: () => tray?.model() ?? null,
    shortcut: () => applyShortcut(),
    /** Bounds for a new main window: where it was last time, if that is still on a screen. */
    windowBounds(): SavedWindowState {
      const displays = electron.screen.getAllDisplays();
      const primaryId = electron.screen.getPrimaryDisplay?.().id;
      return loadWindowState(
        windowStateFile,
        displays.map((d) => ({ workArea: d.workArea, primary: d.id !== undefined && d.id === primaryId })),
      );
    },
    trackWindow: (window: Parameters<typeof trackWindowState>[0]) => trackWindowState(window, windowStateFile),
    /** Wraps ipcMain so calls that change the timer, entries or settings refresh the desktop parts. */
    observeIpc(ipcMain: IpcMainLike): IpcMainLike {
      return {
        handle: (channel, listener) =>
          ipcMain.handle(channel, async (event, input) => {
            const result = await listener(event, input);
            if (WATCHED.test(channel)) {
              try {
                refresh();
                if (channel === 'settings.update') applyShortcut();
                reminders.reschedule();
                reminders.checkOverEstimate();
              } catch (error) {
                console.error('[desktop]', error);
              }
            }
            return result;
          }),
      };
    },
    /**
     * The logbook changed outside the window (a sync brought another machine's changes in): the tray,
     * the menu and the reminders read it again (time studied today on the laptop counts here too),
     * and the window reloads its data.
     */
    changedElsewhere: () => changedByMain(),
    dispose() {
      clearInterval(estimateCheck);
      idle.dispose();
      reminders.dispose();
      shortcut.dispose();
      tray?.dispose();
    },
  };
}
export type DesktopIntegration = ReturnType<typeof startDesktopIntegration>;
