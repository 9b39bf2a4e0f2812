// The real main-process bundle (esbuild's dist-electron/main.cjs, as the app ships it) run in Node
// against the recording stand-in for `electron` (test/support/electron-standin.ts, typed against
// Electron's electron.d.ts). No Electron binary can run on our build machines; this is how main.ts
// itself is executed by `npm test`: its start-up order, its IPC door, its data file handling.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildElectron } from '../../scripts/build-electron.mjs';
import { channels } from '../../shared/contract';
import { CONTENT_SECURITY_POLICY, secureWebPreferences } from '../../electron/security';
import { useNativeBinding } from '../../electron/db/sqlite';
import { createElectronStandIn } from '../support/electron-standin';
import { createTestApp, T0 } from '../support/context';
import { openDatabase } from '../../electron/db/open';
import { configureSync } from '../../electron/sync/engine';
import { getCurriculum } from '../../curriculum';
import { processLike, runBundle } from '../support/run-bundle';

let mainBundle: string;
beforeAll(async () => {
  mainBundle = (await buildElectron({ write: false }))['dist-electron/main.cjs']!;
}, 30_000);

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  vi.unstubAllEnvs();
  useNativeBinding(undefined);
});

interface LaunchOptions {
  gotLock?: boolean;
  /** Bytes already in the data file (companion.db) before the app starts. */
  dataFile?: string;
  recoveryChoice?: string;
  platform?: NodeJS.Platform;
  /** Run as if inside Electron (process.versions.electron set). */
  inElectron?: boolean;
  /** Files to put in the app's root before it starts (relative path → source file to copy). */
  appFiles?: Record<string, string>;
  /** Prepare the data folder before the app starts. */
  beforeStart?: (dataDir: string) => void;
  /** The folder the learner picks in a folder dialog; absent: they cancel it. */
  openDialogFolder?: string;
}

function launch(options: LaunchOptions = {}) {
  const root = mkdtempSync(path.join(tmpdir(), 'companion-main-'));
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  const dataDir = path.join(root, 'data');
  mkdirSync(dataDir);
  if (options.dataFile !== undefined) writeFileSync(path.join(dataDir, 'companion.db'), options.dataFile);
  options.beforeStart?.(dataDir);
  mkdirSync(path.join(root, 'dist', 'renderer'), { recursive: true });
  writeFileSync(path.join(root, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Companion</title>');
  for (const [relative, source] of Object.entries(options.appFiles ?? {})) {
    mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    copyFileSync(source, path.join(root, relative));
  }
  vi.stubEnv('COMPANION_DATA_DIR', dataDir);
  const standIn = createElectronStandIn({
    gotLock: options.gotLock,
    recoveryChoice: options.recoveryChoice,
    openDialogFolder: options.openDialogFolder,
    userData: path.join(root, 'default-user-data'),
    appPath: root,
  });
  const required = runBundle(mainBundle, standIn.electron, path.join(root, 'dist-electron'), {
    process: processLike({
      platform: options.platform,
      versions: options.inElectron ? { electron: '45.5.0' } : undefined,
    }),
  });
  const mainFrame = { url: 'app://companion/index.html' };
  const call = (channel: string, input?: unknown, frame: { url: string } = mainFrame) =>
    standIn.ipc.get(channel)!({ senderFrame: frame, sender: { mainFrame } }, input);
  const quit = () => standIn.appListeners.get('will-quit')?.();
  cleanups.push(quit);
  const ready = () => vi.waitFor(() => expect(standIn.windows).toHaveLength(1));
  return { ...standIn, root, dataDir, required, call, quit, ready, fake: standIn.electron };
}

describe('start-up', () => {
  it('requires only electron, better-sqlite3 and Node built-ins', () => {
    const { required } = launch();
    // isomorphic-git (bundled) asks for Node's crypto without the "node:" prefix.
    const builtIn = (id: string) => id.startsWith('node:') || builtinModules.includes(id);
    expect([...new Set(required.filter((id) => !builtIn(id)))].sort()).toEqual(['better-sqlite3', 'electron']);
  });

  it('runs in order: data folder, single-instance lock, app:// scheme, ready, IPC, protocol, then the window', async () => {
    const { log, app, dataDir, ready } = launch();
    await ready();
    expect(app.setPath).toHaveBeenCalledWith('userData', dataDir);
    const at = (entry: string) => {
      const index = log.findIndex((line) => line === entry || line.startsWith(`${entry} `));
      expect(index, `${entry} in ${log.join(' | ')}`).toBeGreaterThanOrEqual(0);
      return index;
    };
    // The data folder decides which lock is taken; the scheme must be privileged before ready.
    expect(at('app.setPath userData')).toBeLessThan(at('app.requestSingleInstanceLock'));
    expect(at('app.requestSingleInstanceLock')).toBeLessThan(at('protocol.registerSchemesAsPrivileged'));
    expect(at('protocol.registerSchemesAsPrivileged')).toBeLessThan(at('app.whenReady'));
    // Every channel is answered and the page can be served before the page exists.
    const lastHandle = log.findLastIndex((line) => line.startsWith('ipcMain.handle '));
    expect(at('app.whenReady')).toBeLessThan(at('ipcMain.handle'));
    expect(lastHandle).toBeLessThan(at('new BrowserWindow'));
    expect(at('protocol.handle app')).toBeLessThan(at('new BrowserWindow'));
    expect(at('session.setPermissionRequestHandler')).toBeLessThan(at('window.loadURL'));
    expect(at('new BrowserWindow')).toBeLessThan(at('window.loadURL'));
  });

  it('registers exactly one handler per contract channel', async () => {
    const { log, ipc, ready } = launch();
    await ready();
    const handled = log
      .filter((line) => line.startsWith('ipcMain.handle '))
      .map((line) => line.slice('ipcMain.handle '.length));
    expect(handled.sort()).toEqual([...channels].sort());
    expect(ipc.size).toBe(channels.length);
  });

  it('opens one secure window on app://companion, shown when ready', async () => {
    const { root, windows, ready } = launch();
    await ready();
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

  it('leaves at once when another copy holds the lock', async () => {
    const { app, windows } = launch({ gotLock: false });
    expect(app.quit).toHaveBeenCalled();
    expect(app.whenReady).not.toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(windows).toHaveLength(0);
  });

  it("sets the Windows app id (notifications match the installer's shortcut) on Windows only", async () => {
    const windows = launch({ platform: 'win32' });
    await windows.ready();
    expect(windows.app.setAppUserModelId).toHaveBeenCalledWith('io.mlopsstudy.companion');
    const linux = launch({ platform: 'linux' });
    await linux.ready();
    expect(linux.app.setAppUserModelId).not.toHaveBeenCalled();
  });

  it('in Electron, opens the data file with the Electron build of SQLite from build-electron/', async () => {
    // The Node build stands in for the Electron one: a copy at the path main must pick.
    const nodeBuild = createRequire(createRequire(import.meta.url).resolve('better-sqlite3')).resolve(
      '../build/Release/better_sqlite3.node',
    );
    const { root, call, ready } = launch({
      inElectron: true,
      appFiles: { 'build-electron/better_sqlite3.node': nodeBuild },
    });
    await ready();
    const picked = path.join(root, 'build-electron', 'better_sqlite3.node');
    expect(createRequire(import.meta.url).cache[picked]).toBeDefined();
    expect(await call('item.setStatus', { itemId: '1.1', status: 'done' })).toMatchObject({ ok: true });
    // A backup made and restored in the running app goes through the same build.
    const backup = (await call('backups.create')) as { ok: true; value: { id: string } };
    expect(await call('backups.restore', { id: backup.value.id })).toMatchObject({ ok: true });
  });
});

describe('the IPC door', () => {
  it('answers the contract from the database in the data folder, and refuses other frames', async () => {
    const { call, dataDir, ready } = launch();
    await ready();
    expect(await call('item.setStatus', { itemId: '1.1', status: 'done' })).toMatchObject({
      ok: true,
      value: { status: 'done' },
    });
    expect(await call('progress.overview')).toMatchObject({ ok: true });
    // A call from a frame that is not the window's main frame (an iframe, another page) is refused.
    expect(
      await call('item.setStatus', { itemId: '1.2', status: 'done' }, { url: 'app://companion/index.html' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(
      await call('item.setStatus', { itemId: '1.2', status: 'done' }, { url: 'https://evil.example/' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(existsSync(path.join(dataDir, 'companion.db'))).toBe(true);
  });

  it('serves the renderer from dist/renderer with the CSP', async () => {
    const { fake } = launch();
    await vi.waitFor(() => expect(fake.protocol.handle).toHaveBeenCalled());
    const [scheme, handler] = fake.protocol.handle.mock.calls[0] as unknown as [
      string,
      (r: { url: string }) => Promise<Response>,
    ];
    expect(scheme).toBe('app');
    const response = await handler({ url: 'app://companion/' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toContain('<title>Companion</title>');
  });

  it('denies permissions and hardens every new web-contents', async () => {
    const { fake, appListeners, ready } = launch();
    await ready();
    expect(fake.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(fake.session.defaultSession.setPermissionCheckHandler).toHaveBeenCalled();
    const events: string[] = [];
    const setWindowOpenHandler = vi.fn();
    appListeners.get('web-contents-created')!({}, { on: (name: string) => events.push(name), setWindowOpenHandler });
    expect(events.sort()).toEqual(['will-attach-webview', 'will-navigate', 'will-redirect']);
    expect(setWindowOpenHandler).toHaveBeenCalled();
  });
});

describe('desktop integration', () => {
  it('sets the application menu, creates the tray, registers the global shortcut and watches power events', async () => {
    const { fake, trays, powerListeners, windows, call, ready } = launch();
    await ready();
    const menu = fake.Menu.setApplicationMenu.mock.calls.at(-1)![0] as unknown as {
      template: { label: string; submenu?: { label?: string; accelerator?: string }[] }[];
    };
    const timerMenu = menu.template.find((m) => m.label === '&Timer')!;
    expect(timerMenu.submenu![0]).toMatchObject({ label: 'Start timer', accelerator: 'CommandOrControl+T' });
    expect(trays).toHaveLength(1);
    expect(trays[0]!.tooltip).toBe('MLOps Study Companion: no timer running');
    // Not Ctrl+Alt+T, which opens a terminal on Ubuntu.
    expect(fake.globalShortcut.register).toHaveBeenCalledWith('CommandOrControl+Shift+Alt+T', expect.any(Function));
    expect([...powerListeners.keys()].sort()).toEqual(['lock-screen', 'resume', 'suspend', 'unlock-screen']);
    // A timer started over IPC shows in the tray and the menu at once.
    await call('timer.start', { itemId: '1.1' });
    expect(trays[0]!.tooltip).toMatch(/^MLOps Study Companion: 1\.1 .+, 0:00$/);
    const after = fake.Menu.setApplicationMenu.mock.calls.at(-1)![0] as unknown as typeof menu;
    expect(after.template.find((m) => m.label === '&Timer')!.submenu![0]!.label).toBe('Stop timer');
    // The global shortcut stops it from main and tells the loaded window to reload its data.
    windows[0]!.webContents.finishLoad();
    const toggle = fake.globalShortcut.register.mock.calls[0]![1];
    toggle();
    expect(await call('timer.current')).toEqual({ ok: true, value: null });
    expect(windows[0]!.webContents.sent).toContainEqual(['app:command', 'data:changed']);
  });

  it('a menu command sent while the window is reopened (macOS) waits for its page to load', async () => {
    const { fake, windows, appListeners, ready } = launch();
    await ready();
    windows[0]!.listeners.get('closed')!();
    const menu = fake.Menu.setApplicationMenu.mock.calls.at(-1)![0] as unknown as {
      template: { label: string; submenu?: { label?: string; click?: () => void }[] }[];
    };
    const exportPdf = menu.template
      .find((m) => m.label === '&File')!
      .submenu!.find((i) => i.label === 'Export portfolio PDF…')!;
    exportPdf.click!();
    expect(windows).toHaveLength(2);
    expect(windows[1]!.webContents.sent).toEqual([]);
    windows[1]!.webContents.finishLoad();
    expect(windows[1]!.webContents.sent).toEqual([['app:command', 'export:pdf']]);
    // And the dock's activate with no window opens one too.
    windows.splice(0);
    appListeners.get('activate')!();
    expect(windows).toHaveLength(1);
  });

  it('saves the window position to window-state.json on close', async () => {
    const first = launch();
    await first.ready();
    first.windows[0]!.listeners.get('close')!();
    const saved = JSON.parse(readFileSync(path.join(first.dataDir, 'window-state.json'), 'utf8'));
    expect(saved).toEqual({ x: 1, y: 2, width: 1100, height: 700, maximized: false });
  });

  it('focuses the existing window when launched a second time', async () => {
    const { appListeners, windows, ready } = launch();
    await ready();
    appListeners.get('second-instance')!();
    expect(windows[0]!.restore).toHaveBeenCalled();
    expect(windows[0]!.focus).toHaveBeenCalled();
  });
});

describe('sync through a folder', () => {
  it('chooses the folder in a native folder dialog over the window; cancelling chooses nothing', async () => {
    const picked = mkdtempSync(path.join(tmpdir(), 'companion-main-sync-'));
    cleanups.push(() => rmSync(picked, { recursive: true, force: true }));
    const { call, log, ready, fake } = launch({ openDialogFolder: picked });
    await ready();
    expect(await call('sync.status')).toMatchObject({ ok: true, value: { canChooseFolder: true, enabled: false } });
    expect(await call('sync.chooseFolder')).toEqual({ ok: true, value: { folder: picked } });
    expect(log).toContain('dialog.showOpenDialog openDirectory,createDirectory (with parent)');
    expect(await call('sync.configure', { folder: picked, deviceName: 'Desktop' })).toMatchObject({
      ok: true,
      value: { enabled: true, folder: picked, deviceName: 'Desktop', problem: null, lastSyncAt: expect.any(Number) },
    });
    fake.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await call('sync.chooseFolder')).toEqual({ ok: true, value: { folder: null } });
  });

  it('syncs on start: what another machine left in the folder is in the logbook, and the window reloads', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'companion-main-sync-'));
    cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
    // The laptop logged an hour and synced while this desktop app was closed.
    const laptop = createTestApp();
    cleanups.push(() => laptop.close());
    laptop.call('time.add', { itemId: '1.1', startedAt: T0 - 7_200_000, endedAt: T0 - 3_600_000, note: 'laptop' });
    await laptop.callAsync('sync.configure', { folder, deviceName: 'Laptop' });
    await laptop.callAsync('sync.now');
    const { call, windows, ready } = launch({
      beforeStart: (dataDir) => {
        const db = openDatabase(path.join(dataDir, 'companion.db'), getCurriculum());
        configureSync(db, { folder, deviceName: 'Desktop' });
        db.close();
      },
    });
    await ready();
    await vi.waitFor(
      async () =>
        expect(await call('time.list', {})).toMatchObject({ ok: true, value: { entries: [{ note: 'laptop' }] } }),
      { timeout: 10_000 },
    );
    expect(await call('sync.status')).toMatchObject({
      ok: true,
      value: { lastReport: { received: [{ deviceName: 'Laptop', entries: 1 }] }, problem: null },
    });
    windows[0]!.webContents.finishLoad();
    expect(windows[0]!.webContents.sent).toContainEqual(['app:command', 'data:changed']);
  });

  it('a change made through the window still goes to the folder when the app quits before the debounce', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'companion-main-sync-'));
    cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
    const { call, ready, quit } = launch();
    await ready();
    await call('sync.configure', { folder, deviceName: 'Desktop' });
    await call('item.setStatus', { itemId: '1.1', status: 'done' });
    // Quitting before the debounce: the change still goes out.
    quit();
    const other = createTestApp();
    cleanups.push(() => other.close());
    await other.callAsync('sync.configure', { folder, deviceName: 'Laptop' });
    const got = await other.callAsync('sync.now');
    expect(got.received).toEqual([expect.objectContaining({ deviceName: 'Desktop' })]);
    expect(other.call('item.get', { itemId: '1.1' }).status).toBe('done');
  });
});

describe('the data file', () => {
  it('closes the database and gives up the data lock on quit', async () => {
    const { call, dataDir, quit, ready } = launch();
    await ready();
    await call('timer.start', { itemId: '1.1' });
    const wal = path.join(dataDir, 'companion.db-wal');
    expect(existsSync(wal)).toBe(true);
    expect(JSON.parse(readFileSync(path.join(dataDir, 'companion.db.lock'), 'utf8'))).toMatchObject({
      kind: 'desktop',
      pid: process.pid,
    });
    quit();
    // The last connection to close checkpoints the log into the file and removes it.
    expect(existsSync(wal)).toBe(false);
    expect(existsSync(path.join(dataDir, 'companion.db.lock'))).toBe(false);
  });

  it('does not open a logbook the browser version has open: says so and quits, touching nothing', async () => {
    const { fake, app, windows, dataDir } = launch({
      beforeStart: (dir) =>
        writeFileSync(
          path.join(dir, 'companion.db.lock'),
          // A live process on this machine: the one that started this test.
          JSON.stringify({
            kind: 'browser',
            pid: process.ppid,
            host: hostname(),
            startedAt: 1,
            url: 'http://127.0.0.1:5180/',
          }),
        ),
    });
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
    const [title, message] = fake.dialog.showErrorBox.mock.calls[0]!;
    expect(title).toBe('MLOps Study Companion is already open');
    expect(message).toBe(
      `Your study data is already open in the browser version of MLOps Study Companion at http://127.0.0.1:5180/ (process ${process.ppid}, started by npm start); use it there, or stop it with Ctrl+C in its terminal first.`,
    );
    expect(windows).toHaveLength(0);
    expect(existsSync(path.join(dataDir, 'companion.db'))).toBe(false);
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const { ready, dataDir } = launch({
      beforeStart: (dir) =>
        writeFileSync(
          path.join(dir, 'companion.db.lock'),
          JSON.stringify({ kind: 'browser', pid: 2 ** 22 + 12345, host: hostname(), startedAt: 1 }),
        ),
    });
    await ready();
    expect(JSON.parse(readFileSync(path.join(dataDir, 'companion.db.lock'), 'utf8'))).toMatchObject({
      kind: 'desktop',
      pid: process.pid,
    });
  });

  it('explains an unreadable data file in plain words; Quit is the default button and leaves it untouched without a window', async () => {
    const notes = 'these are my notes, not a database '.repeat(200);
    const { fake, app, windows, dataDir } = launch({ dataFile: notes });
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
    const [options] = fake.dialog.showMessageBoxSync.mock.calls[0] as unknown as [Electron.MessageBoxSyncOptions];
    expect(options.message).toBe('Your study data could not be opened');
    expect(options.detail).toMatch(
      /not a study-companion database.*kept, renamed.*no backup to restore, so you can start fresh/s,
    );
    expect(options.buttons).toEqual(['Start fresh', 'Quit']);
    // Enter or Escape pressed by habit quits; it never starts fresh.
    expect(options.buttons![options.defaultId!]).toBe('Quit');
    expect(options.buttons![options.cancelId!]).toBe('Quit');
    expect(windows).toHaveLength(0);
    expect(readFileSync(path.join(dataDir, 'companion.db'), 'utf8')).toBe(notes);
  });

  it('offers the newest good backup first, with Quit still the default; restoring it opens the app on it', async () => {
    const seeded = launch();
    await seeded.ready();
    await seeded.call('item.setStatus', { itemId: '3.1', status: 'done' });
    const backup = (await seeded.call('backups.create')) as { ok: true; value: { id: string } };
    seeded.quit();
    const backupFile = path.join(seeded.dataDir, 'backups', backup.value.id);

    const { fake, windows, dataDir, call } = launch({
      dataFile: 'damaged '.repeat(600),
      recoveryChoice: 'Restore the backup of',
      beforeStart: (dir) => {
        mkdirSync(path.join(dir, 'backups'));
        copyFileSync(backupFile, path.join(dir, 'backups', backup.value.id));
      },
    });
    await vi.waitFor(() => expect(fake.dialog.showMessageBoxSync).toHaveBeenCalled());
    const [options] = fake.dialog.showMessageBoxSync.mock.calls[0] as unknown as [Electron.MessageBoxSyncOptions];
    expect(options.buttons).toEqual([expect.stringMatching(/^Restore the backup of /), 'Start fresh', 'Quit']);
    expect(options.defaultId).toBe(2);
    await vi.waitFor(() => expect(windows).toHaveLength(1));
    expect(
      readdirSync(dataDir).filter(
        (f) => f.startsWith('companion.db.corrupt-') || f.startsWith('companion.db.not-a-database-'),
      ),
    ).toHaveLength(1);
    expect(await call('item.get', { itemId: '3.1' })).toMatchObject({ ok: true, value: { status: 'done' } });
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
