// The real esbuild bundles of main and preload, run in Node against a fake `electron` module: this
// checks the wiring in main.ts and preload.ts that the pure modules' tests can't see.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildElectron } from '../../scripts/build-electron.mjs';
import { channels } from '../../shared/contract';
import { CONTENT_SECURITY_POLICY, secureWebPreferences } from '../../electron/security';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const requireFromRepo = createRequire(path.join(repoRoot, 'package.json'));
let bundles: Record<string, string>;
beforeAll(async () => {
  bundles = await buildElectron({ write: false });
}, 30_000);

/** Runs a CommonJS bundle with `electron` replaced by a fake; records everything else it requires. */
function run(code: string, fake: object, dirname: string) {
  const required: string[] = [];
  const fakeRequire = (id: string) => {
    required.push(id);
    return id === 'electron' ? fake : requireFromRepo(id);
  };
  const module = { exports: {} };
  new Function('require', 'module', 'exports', '__filename', '__dirname', code)(fakeRequire, module, module.exports, path.join(dirname, 'bundle.cjs'), dirname);
  return required;
}

describe('the preload bundle', () => {
  const load = () => {
    const exposed = new Map<string, unknown>();
    const invoke = vi.fn(async (channel: string) => ({ ok: true, value: `answer from ${channel}` }));
    const ipcListeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>();
    const ipcRenderer = {
      invoke,
      on: (name: string, l: (event: unknown, payload: unknown) => void) => void (ipcListeners.get(name) ?? ipcListeners.set(name, new Set()).get(name)!).add(l),
      removeListener: (name: string, l: (event: unknown, payload: unknown) => void) => void ipcListeners.get(name)?.delete(l),
    };
    const required = run(bundles['dist-electron/preload.cjs']!, { contextBridge: { exposeInMainWorld: (k: string, v: unknown) => exposed.set(k, v) }, ipcRenderer }, repoRoot);
    const api = exposed.get('api') as { transport: string; invoke: (c: string, i?: unknown) => Promise<unknown>; onCommand: (l: (c: string) => void) => () => void };
    return { exposed, api, invoke, required, ipcListeners };
  };

  it('requires nothing but electron (a sandboxed preload can load nothing else)', () => {
    expect(load().required).toEqual(['electron']);
  });

  it('exposes one global, api, on the electron transport', () => {
    const { exposed, api } = load();
    expect([...exposed.keys()]).toEqual(['api']);
    expect(api.transport).toBe('electron');
  });

  it('forwards every contract channel to main', async () => {
    const { api, invoke } = load();
    for (const channel of channels) expect(await api.invoke(channel, { x: 1 })).toEqual({ ok: true, value: `answer from ${channel}` });
    expect(invoke.mock.calls.map(([c]) => c)).toEqual(channels);
  });

  it('refuses any other channel without asking main', async () => {
    const { api, invoke } = load();
    for (const channel of ['db.exec', 'toString', '__proto__', 'constructor', '']) {
      expect(await api.invoke(channel)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
    expect(invoke).not.toHaveBeenCalled();
  });

  it('passes main\'s allow-listed commands on app:command only, and unsubscribes', () => {
    const { api, ipcListeners } = load();
    const got: string[] = [];
    const off = api.onCommand((c) => got.push(c));
    expect([...ipcListeners.keys()]).toEqual(['app:command']);
    for (const l of ipcListeners.get('app:command')!) for (const p of ['navigate:#/log', 'rm -rf', 'timer:toggle']) l({ sender: 'secret' }, p);
    expect(got).toEqual(['navigate:#/log', 'timer:toggle']);
    off();
    expect(ipcListeners.get('app:command')!.size).toBe(0);
  });

  it('turns a failed IPC call into an error envelope', async () => {
    const { api, invoke } = load();
    invoke.mockRejectedValueOnce(new Error("Error invoking remote method 'item.get': no handler"));
    expect(await api.invoke('item.get', { itemId: '1.1' })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});

describe('the main bundle', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
    vi.unstubAllEnvs();
  });

  function launch({ gotLock = true, dataFile, recoveryChoice = 'Quit' }: { gotLock?: boolean; dataFile?: string; recoveryChoice?: string } = {}) {
    const root = mkdtempSync(path.join(tmpdir(), 'companion-main-'));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    const dataDir = path.join(root, 'data');
    mkdirSync(dataDir);
    if (dataFile !== undefined) writeFileSync(path.join(dataDir, 'companion.db'), dataFile);
    mkdirSync(path.join(root, 'dist', 'renderer'), { recursive: true });
    writeFileSync(path.join(root, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Companion</title>');
    vi.stubEnv('COMPANION_DATA_DIR', dataDir);

    const appListeners = new Map<string, (...args: unknown[]) => void>();
    const paths: Record<string, string> = { userData: path.join(root, 'default-user-data') };
    const app = {
      setPath: vi.fn((name: string, value: string) => void (paths[name] = value)),
      getPath: (name: string) => paths[name],
      getAppPath: () => root,
      requestSingleInstanceLock: vi.fn(() => gotLock),
      quit: vi.fn(),
      on: (name: string, listener: (...args: unknown[]) => void) => void appListeners.set(name, listener),
      whenReady: vi.fn(() => Promise.resolve()),
    };
    const windows: FakeWindow[] = [];
    class FakeWindow {
      listeners = new Map<string, () => void>();
      sent: unknown[][] = [];
      webContents = { send: (...args: unknown[]) => void this.sent.push(args) };
      isDestroyed = () => false;
      maximize = vi.fn();
      getNormalBounds = () => ({ x: 1, y: 2, width: 1100, height: 700 });
      isMaximized = () => false;
      loadURL = vi.fn(async () => {});
      show = vi.fn();
      focus = vi.fn();
      restore = vi.fn();
      isMinimized = () => true;
      constructor(readonly options: Record<string, unknown>) {
        windows.push(this);
      }
      once(name: string, listener: () => void) {
        this.listeners.set(name, listener);
      }
      on(name: string, listener: () => void) {
        this.listeners.set(name, listener);
      }
      static getAllWindows = () => windows;
    }
    const ipc = new Map<string, (event: unknown, input?: unknown) => unknown>();
    const trays: FakeTray[] = [];
    class FakeTray {
      tooltip = '';
      menu: unknown = null;
      constructor(readonly image: unknown) {
        trays.push(this);
      }
      setToolTip = (t: string) => void (this.tooltip = t);
      setTitle = vi.fn();
      setContextMenu = (m: unknown) => void (this.menu = m);
      on = vi.fn();
      destroy = vi.fn();
      isDestroyed = () => false;
    }
    const powerListeners = new Map<string, () => void>();
    const fake = {
      app: Object.assign(app, { isPackaged: false, getVersion: () => '0.1.0' }),
      Menu: { buildFromTemplate: vi.fn((template: unknown[]) => ({ template })), setApplicationMenu: vi.fn() },
      Tray: FakeTray,
      nativeImage: { createFromBuffer: vi.fn((buffer: Buffer) => ({ png: buffer })) },
      globalShortcut: { register: vi.fn(() => true), unregister: vi.fn(), unregisterAll: vi.fn() },
      powerMonitor: { getSystemIdleTime: () => 0, on: (e: string, l: () => void) => void powerListeners.set(e, l), removeListener: (e: string) => void powerListeners.delete(e) },
      Notification: class {
        static isSupported = () => true;
        on = vi.fn();
        show = vi.fn();
      },
      screen: { getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } }], getPrimaryDisplay: () => ({ id: 1 }) },
      BrowserWindow: FakeWindow,
      ipcMain: { handle: (channel: string, listener: (event: unknown, input?: unknown) => unknown) => ipc.set(channel, listener) },
      protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
      session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
      nativeTheme: { shouldUseDarkColors: true },
      shell: { openExternal: vi.fn(async () => {}) },
      dialog: {
        showErrorBox: vi.fn(),
        showMessageBoxSync: vi.fn((options: { buttons: string[] }) => options.buttons.indexOf(recoveryChoice)),
        showMessageBox: vi.fn(async () => ({ response: 0 })),
      },
    };
    const required = run(bundles['dist-electron/main.cjs']!, fake, path.join(root, 'dist-electron'));
    const mainFrame = { url: 'app://companion/index.html' };
    const call = (channel: string, input?: unknown, frame: { url: string } = mainFrame) => ipc.get(channel)!({ senderFrame: frame, sender: { mainFrame } }, input);
    cleanups.push(() => appListeners.get('will-quit')?.());
    return { root, dataDir, fake, app, appListeners, windows, ipc, call, required, trays, powerListeners };
  }

  it('requires only electron, better-sqlite3 and Node built-ins', () => {
    const { required } = launch();
    expect([...new Set(required.filter((id) => !id.startsWith('node:')))].sort()).toEqual(['better-sqlite3', 'electron']);
  });

  it('uses COMPANION_DATA_DIR before taking the single-instance lock, and registers the scheme before ready', () => {
    const { app, dataDir, fake } = launch();
    expect(app.setPath).toHaveBeenCalledWith('userData', dataDir);
    expect(app.setPath.mock.invocationCallOrder[0]).toBeLessThan(app.requestSingleInstanceLock.mock.invocationCallOrder[0]!);
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: false } },
    ]);
    expect(fake.protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]).toBeLessThan(app.whenReady.mock.invocationCallOrder[0]!);
  });

  it('opens one secure window on app://companion, shown when ready', async () => {
    const { root, windows } = launch();
    await vi.waitFor(() => expect(windows).toHaveLength(1));
    const [window] = windows;
    expect(window!.options).toEqual({
      // Centred on the primary display: no saved position yet.
      x: 320,
      y: 130,
      width: 1280,
      height: 820,
      minWidth: 960,
      minHeight: 640,
      title: 'MLOps Study Companion',
      backgroundColor: '#111418',
      show: false,
      webPreferences: secureWebPreferences(path.join(root, 'dist-electron', 'preload.cjs')),
    });
    expect(window!.loadURL).toHaveBeenCalledWith('app://companion/index.html');
    expect(window!.show).not.toHaveBeenCalled();
    window!.listeners.get('ready-to-show')!();
    expect(window!.show).toHaveBeenCalled();
  });

  it('sets the application menu, creates the tray, registers the global shortcut and watches power events', async () => {
    const { fake, trays, powerListeners, windows, call } = launch();
    await vi.waitFor(() => expect(windows).toHaveLength(1));
    expect(fake.Menu.setApplicationMenu).toHaveBeenCalled();
    const menu = fake.Menu.setApplicationMenu.mock.calls.at(-1)![0] as { template: { label: string; submenu?: { label?: string; accelerator?: string }[] }[] };
    const timerMenu = menu.template.find((m) => m.label === '&Timer')!;
    expect(timerMenu.submenu![0]).toMatchObject({ label: 'Start timer', accelerator: 'CommandOrControl+T' });
    expect(trays).toHaveLength(1);
    expect(trays[0]!.tooltip).toBe('MLOps Study Companion: no timer running');
    expect(fake.globalShortcut.register).toHaveBeenCalledWith('CommandOrControl+Alt+T', expect.any(Function));
    expect([...powerListeners.keys()].sort()).toEqual(['lock-screen', 'resume', 'suspend', 'unlock-screen']);
    // A timer started over IPC shows in the tray and the menu at once.
    await call('timer.start', { itemId: '1.1' });
    expect(trays[0]!.tooltip).toMatch(/^MLOps Study Companion: 1\.1 .+, 0:00$/);
    const after = fake.Menu.setApplicationMenu.mock.calls.at(-1)![0] as typeof menu;
    expect(after.template.find((m) => m.label === '&Timer')!.submenu![0]!.label).toBe('Stop timer');
    // The global shortcut stops it from main and tells the window to reload its data.
    const toggle = (fake.globalShortcut.register.mock.calls[0] as unknown as [string, () => void])[1];
    toggle();
    expect(await call('timer.current')).toEqual({ ok: true, value: null });
    expect(windows[0]!.sent).toContainEqual(['app:command', 'data:changed']);
  });

  it('saves the window position to window-state.json on close', async () => {
    const first = launch();
    await vi.waitFor(() => expect(first.windows).toHaveLength(1));
    first.windows[0]!.listeners.get('close')!();
    const saved = JSON.parse(readFileSync(path.join(first.dataDir, 'window-state.json'), 'utf8'));
    expect(saved).toEqual({ x: 1, y: 2, width: 1100, height: 700, maximized: false });
  });

  it('serves the renderer from dist/renderer with the CSP', async () => {
    const { fake } = launch();
    await vi.waitFor(() => expect(fake.protocol.handle).toHaveBeenCalled());
    const [scheme, handler] = fake.protocol.handle.mock.calls[0] as unknown as [string, (r: { url: string }) => Promise<Response>];
    expect(scheme).toBe('app');
    const response = await handler({ url: 'app://companion/' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toContain('<title>Companion</title>');
  });

  it('answers the contract over IPC from the database in the data folder, and refuses iframes', async () => {
    const { ipc, call, dataDir, windows } = launch();
    await vi.waitFor(() => expect(windows).toHaveLength(1));
    expect([...ipc.keys()].sort()).toEqual([...channels].sort());
    expect(await call('item.setStatus', { itemId: '1.1', status: 'done' })).toMatchObject({ ok: true, value: { status: 'done' } });
    expect(await call('item.setStatus', { itemId: '1.2', status: 'done' }, { url: 'app://companion/index.html' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(existsSync(path.join(dataDir, 'companion.db'))).toBe(true);
  });

  it('denies permissions and hardens every new web-contents', async () => {
    const { fake, appListeners, windows } = launch();
    await vi.waitFor(() => expect(windows).toHaveLength(1));
    expect(fake.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(fake.session.defaultSession.setPermissionCheckHandler).toHaveBeenCalled();
    const events: string[] = [];
    const setWindowOpenHandler = vi.fn();
    appListeners.get('web-contents-created')!({}, { on: (name: string) => events.push(name), setWindowOpenHandler });
    expect(events.sort()).toEqual(['will-attach-webview', 'will-navigate', 'will-redirect']);
    expect(setWindowOpenHandler).toHaveBeenCalled();
  });

  it('focuses the existing window when launched a second time', async () => {
    const { appListeners, windows } = launch();
    await vi.waitFor(() => expect(windows).toHaveLength(1));
    appListeners.get('second-instance')!();
    expect(windows[0]!.restore).toHaveBeenCalled();
    expect(windows[0]!.focus).toHaveBeenCalled();
  });

  it('closes the database on quit', async () => {
    const { appListeners, call, dataDir, windows } = launch();
    await vi.waitFor(() => expect(windows).toHaveLength(1));
    await call('timer.start', { itemId: '1.1' });
    const wal = path.join(dataDir, 'companion.db-wal');
    expect(existsSync(wal)).toBe(true);
    appListeners.get('will-quit')!();
    // The last connection to close checkpoints the log into the file and removes it.
    expect(existsSync(wal)).toBe(false);
  });

  it('leaves at once when another copy holds the lock', async () => {
    const { app, windows } = launch({ gotLock: false });
    expect(app.quit).toHaveBeenCalled();
    expect(app.whenReady).not.toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(windows).toHaveLength(0);
  });

  it('explains an unreadable data file in plain words and, on Quit, leaves it untouched without a window', async () => {
    const notes = 'these are my notes, not a database '.repeat(200);
    const { fake, app, windows, dataDir } = launch({ dataFile: notes });
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
    const [options] = fake.dialog.showMessageBoxSync.mock.calls[0] as unknown as [{ message: string; detail: string; buttons: string[] }];
    expect(options.message).toBe('Your study data could not be opened');
    expect(options.detail).toMatch(/not a study-companion database.*kept, renamed.*no backup to restore, so you can start fresh/s);
    expect(options.buttons).toEqual(['Start fresh', 'Quit']);
    expect(windows).toHaveLength(0);
    expect(readFileSync(path.join(dataDir, 'companion.db'), 'utf8')).toBe(notes);
  });

  it('on Start fresh, keeps the unreadable file aside and opens the app on a new one', async () => {
    const notes = 'these are my notes, not a database '.repeat(200);
    const { windows, dataDir } = launch({ dataFile: notes, recoveryChoice: 'Start fresh' });
    await vi.waitFor(() => expect(windows).toHaveLength(1));
    const aside = readdirSync(dataDir).find((name) => name.startsWith('companion.db.not-a-database-'));
    expect(aside).toBeDefined();
    expect(readFileSync(path.join(dataDir, aside!), 'utf8')).toBe(notes);
    expect(readFileSync(path.join(dataDir, 'companion.db')).subarray(0, 15).toString()).toBe('SQLite format 3');
  });
});
