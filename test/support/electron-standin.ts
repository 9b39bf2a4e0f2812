// A recording stand-in for the `electron` module, for running the real main bundle in Node (no
// Electron binary can run on our build machines). It is typed against Electron's own electron.d.ts
// (node_modules/electron/electron.d.ts, the installed major): every member it provides must exist
// there with parameters the real one accepts, so a renamed or removed API fails the type check
// instead of passing here and breaking in the real app. Each call is written to one ordered log, so
// tests can check the start-up order (scheme before ready, data folder before the lock, ...).
import { vi } from 'vitest';

type ElectronModule = typeof import('electron');
type AnyFunction = (...args: never[]) => unknown;
type AnyClass = abstract new (...args: never[]) => unknown;

/**
 * The part of an Electron API a stand-in provides: only names the real API has; functions take what
 * the real one takes (its last overload, the most general) and may return anything; classes are
 * constructed with the real constructor's parameters.
 */
export type StandIn<T> = {
  [K in keyof T]?: T[K] extends AnyClass
    ? StandInClass<T[K]>
    : T[K] extends AnyFunction
      ? (...args: Parameters<T[K]>) => unknown
      : T[K] extends object
        ? StandIn<T[K]>
        : T[K];
};
type StandInClass<C extends AnyClass> =
  // A class main only reaches through its statics (Menu.buildFromTemplate) needs no constructor.
  | StandIn<Omit<C, 'prototype'>>
  | ((new (...args: ConstructorParameters<C>) => StandIn<InstanceType<C>>) & StandIn<Omit<C, 'prototype'>>);

/** True when `Impl` has no public member that `Real` lacks (classes escape excess-property checks). */
type OnlyRealMembers<Impl, Real> = [Exclude<keyof Impl, keyof Real>] extends [never]
  ? true
  : Exclude<keyof Impl, keyof Real>;

export interface StandInOptions {
  /** What requestSingleInstanceLock answers: false when another copy of the app runs. */
  gotLock?: boolean;
  /** The label (or its start) of the recovery dialog's button the learner presses. */
  recoveryChoice?: string;
  /** The folder the learner picks in a folder dialog (showOpenDialog); absent: they cancel. */
  openDialogFolder?: string;
  /** process.platform as main sees it is not stubbed; this only answers app.isPackaged. */
  isPackaged?: boolean;
  userData: string;
  appPath: string;
}

// `any` on purpose: Electron's listeners take specific arguments, and a stand-in must accept them all.
type Listener = (...args: any[]) => any;

export function createElectronStandIn(options: StandInOptions) {
  const log: string[] = [];
  const record = (what: string) => void log.push(what);
  const appListeners = new Map<string, Listener>();
  const paths: Record<string, string> = { userData: options.userData, home: options.userData };
  const windows: StandInWindow[] = [];
  const trays: StandInTray[] = [];
  const notifications: StandInNotification[] = [];
  const ipc = new Map<string, Listener>();
  const powerListeners = new Map<string, Listener>();

  class StandInWebContents {
    readonly sent: unknown[][] = [];
    #loading = true;
    #onLoad: Listener[] = [];
    send(channel: string, ...args: unknown[]) {
      record(`webContents.send ${channel} ${String(args[0])}`);
      this.sent.push([channel, ...args]);
    }
    isLoading() {
      return this.#loading;
    }
    once(event: string, listener: Listener) {
      if (event === 'did-finish-load') this.#onLoad.push(listener);
      return this as never;
    }
    isDestroyed() {
      return false;
    }
    /** The page finished loading (a test's move: nothing loads pages here). */
    finishLoad() {
      this.#loading = false;
      for (const l of this.#onLoad.splice(0)) l();
    }
  }

  class StandInWindow {
    readonly webContents = new StandInWebContents();
    readonly listeners = new Map<string, Listener>();
    readonly options: Electron.BrowserWindowConstructorOptions;
    maximize = vi.fn();
    loadURL = vi.fn(async (url: string) => void record(`window.loadURL ${url}`));
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    constructor(options: Electron.BrowserWindowConstructorOptions = {}) {
      record('new BrowserWindow');
      this.options = options;
      windows.push(this);
    }
    isDestroyed() {
      return false;
    }
    getNormalBounds() {
      return { x: 1, y: 2, width: 1100, height: 700 };
    }
    isMaximized() {
      return false;
    }
    isMinimized() {
      return true;
    }
    once(name: string, listener: Listener) {
      this.listeners.set(name, listener);
      return this as never;
    }
    on(name: string, listener: Listener) {
      this.listeners.set(name, listener);
      return this as never;
    }
    static getAllWindows() {
      return windows as never[];
    }
  }

  class StandInTray {
    tooltip = '';
    menu: unknown = null;
    readonly image: unknown;
    constructor(image: Electron.NativeImage | string) {
      record('new Tray');
      this.image = image;
      trays.push(this);
    }
    setToolTip(toolTip: string) {
      this.tooltip = toolTip;
    }
    setTitle = vi.fn();
    setContextMenu(menu: Electron.Menu | null) {
      this.menu = menu;
    }
    on = vi.fn();
    destroy = vi.fn();
    isDestroyed() {
      return false;
    }
  }

  class StandInNotification {
    readonly options: Electron.NotificationConstructorOptions | undefined;
    on = vi.fn();
    show = vi.fn();
    constructor(options?: Electron.NotificationConstructorOptions) {
      this.options = options;
      notifications.push(this);
    }
    static isSupported() {
      return true;
    }
  }

  const app = {
    setPath: vi.fn((name: string, value: string) => {
      record(`app.setPath ${name}`);
      paths[name] = value;
    }),
    getPath: (name: string) => paths[name] ?? '',
    getAppPath: () => options.appPath,
    requestSingleInstanceLock: vi.fn(() => {
      record('app.requestSingleInstanceLock');
      return options.gotLock ?? true;
    }),
    setAppUserModelId: vi.fn((id: string) => record(`app.setAppUserModelId ${id}`)),
    quit: vi.fn(() => record('app.quit')),
    on: (name: string, listener: Listener) => {
      appListeners.set(name, listener);
      // Electron returns the app for chaining; main never chains, and a chain here would throw.
      return undefined as never;
    },
    whenReady: vi.fn(() => {
      record('app.whenReady');
      return Promise.resolve();
    }),
    isPackaged: options.isPackaged ?? false,
    getVersion: () => '0.1.0',
  } satisfies StandIn<Electron.App>;

  const powerMonitor = {
    getSystemIdleTime: () => 0,
    on: (event: string, listener: Listener) => (powerListeners.set(event, listener), undefined as never),
    removeListener: (event: string, _listener: Listener) => (powerListeners.delete(event), undefined as never),
  } satisfies StandIn<Electron.PowerMonitor>;

  const electron = {
    app,
    Menu: {
      buildFromTemplate: vi.fn((template: Array<Electron.MenuItemConstructorOptions | Electron.MenuItem>) => ({
        template,
      })),
      setApplicationMenu: vi.fn((_menu: Electron.Menu | null) => record('Menu.setApplicationMenu')),
    },
    Tray: StandInTray,
    nativeImage: { createFromBuffer: vi.fn((buffer: Buffer) => ({ png: buffer })) },
    globalShortcut: {
      register: vi.fn(
        (accelerator: Electron.Accelerator, _callback: () => void) => (
          record(`globalShortcut.register ${accelerator}`),
          true
        ),
      ),
      unregister: vi.fn((_accelerator: Electron.Accelerator) => {}),
      unregisterAll: vi.fn(),
    },
    powerMonitor,
    Notification: StandInNotification,
    screen: {
      getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
      getPrimaryDisplay: () => ({ id: 1 }),
    },
    BrowserWindow: StandInWindow,
    ipcMain: {
      handle: (channel: string, listener: Listener) => {
        record(`ipcMain.handle ${channel}`);
        ipc.set(channel, listener);
      },
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn((_schemes: Electron.CustomScheme[]) =>
        record('protocol.registerSchemesAsPrivileged'),
      ),
      handle: vi.fn((scheme: string, _handler: (request: Request) => Response | Promise<Response>) =>
        record(`protocol.handle ${scheme}`),
      ),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(() => record('session.setPermissionRequestHandler')),
        setPermissionCheckHandler: vi.fn(() => record('session.setPermissionCheckHandler')),
      },
    },
    nativeTheme: { shouldUseDarkColors: true },
    shell: { openExternal: vi.fn(async (_url: string) => {}), openPath: vi.fn(async (_path: string) => '') },
    dialog: {
      showErrorBox: vi.fn((title: string, _content: string) => record(`dialog.showErrorBox ${title}`)),
      showMessageBoxSync: vi.fn(
        (first: Electron.BaseWindow | Electron.MessageBoxSyncOptions, second?: Electron.MessageBoxSyncOptions) => {
          const box = (second ?? first) as Electron.MessageBoxSyncOptions;
          record('dialog.showMessageBoxSync');
          const choice = options.recoveryChoice ?? 'Quit';
          return box.buttons!.findIndex((label) => label.startsWith(choice));
        },
      ),
      showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
      showOpenDialog: vi.fn(
        async (first: Electron.BaseWindow | Electron.OpenDialogOptions, second?: Electron.OpenDialogOptions) => {
          const box = (second ?? first) as Electron.OpenDialogOptions;
          record(`dialog.showOpenDialog ${(box.properties ?? []).join(',')}${second ? ' (with parent)' : ''}`);
          const folder = options.openDialogFolder;
          return { canceled: folder === undefined, filePaths: folder === undefined ? [] : [folder] };
        },
      ),
    },
  } satisfies StandIn<ElectronModule>;

  // Classes escape the excess-property check above: these fail to compile if a stand-in class
  // grows a public member that Electron's class does not have.
  const checks: [
    OnlyRealMembers<Omit<StandInWindow, 'listeners' | 'options'>, Electron.BrowserWindow>,
    OnlyRealMembers<Omit<StandInWebContents, 'finishLoad' | 'sent'>, Electron.WebContents>,
    OnlyRealMembers<Omit<StandInTray, 'tooltip' | 'menu' | 'image'>, Electron.Tray>,
    OnlyRealMembers<Omit<StandInNotification, 'options'>, Electron.Notification>,
  ] = [true, true, true, true];
  void checks;

  return { electron, log, app, appListeners, windows, trays, notifications, ipc, powerListeners };
}

export type ElectronStandIn = ReturnType<typeof createElectronStandIn>;
