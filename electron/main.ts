// The main process: one window, one database, one IPC door. Every decision lives in a tested module
// (security, app-protocol, ipc/register, native-binding); this file only wires them to Electron.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  globalShortcut,
  ipcMain,
  Menu,
  nativeImage,
  nativeTheme,
  Notification,
  powerMonitor,
  protocol,
  screen,
  session,
  shell,
  Tray,
} from 'electron';
import { getCurriculum } from '../curriculum';
import { APP_ORIGIN } from '../shared/bridge';
import { COMMAND_EVENT } from '../shared/commands';
import { AppError } from '../shared/errors';
import { registerAppProtocol, registerAppScheme } from './app-protocol';
import { applyRecovery, recoveryButtons, recoveryOffer } from './data/recovery';
import { backupBeforeMigration, dailyBackup } from './data/startup';
import { takeDataLock } from './data/data-lock';
import { DatabaseOpenError, openDatabase, type Db } from './db/open';
import { useNativeBinding } from './db/sqlite';
import { startDesktopIntegration, type DesktopIntegration } from './desktop';
import { startFolderSync, type FolderSync } from './sync/scheduler';
import { answeringSaveDialog, createPdfExporter } from './pdf/pdf-export';
import { writeFileAtomic } from './files/write-atomic';
import { handlers, type HandlerContext } from './handlers';
import { registerIpc } from './ipc/register';
import { explainNativeLoadFailure, pickNativeBinding } from './native-binding';
import { localDateOf } from './stats/local-days';
import { denyAllPermissions, hardenWebContents, secureWebPreferences } from './security';

const APP_NAME = 'MLOps Study Companion';
// The same id as electron-builder.yml's appId: Windows matches notifications to the Start menu
// shortcut by it, and shows none for an app whose id differs from its shortcut's.
const APP_USER_MODEL_ID = 'io.mlopsstudy.companion';
const rendererDir = path.join(__dirname, '../dist/renderer');

// Tests give each run its own data folder. It must be set before the single-instance lock, which is
// held per userData folder, so two test runs never see each other.
if (process.env.COMPANION_DATA_DIR) app.setPath('userData', path.resolve(process.env.COMPANION_DATA_DIR));

let mainWindow: BrowserWindow | null = null;
let db: Db | null = null;
let desktop: DesktopIntegration | null = null;
let folderSync: FolderSync | null = null;
let releaseDataLock: (() => void) | null = null;

if (!app.requestSingleInstanceLock()) {
  // Another copy already has the data open: it focuses its window (below) and this one leaves.
  app.quit();
} else {
  registerAppScheme(protocol);
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  app.on('second-instance', () => {
    // On macOS the app can be running with its window closed: open it again.
    showWindow();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, (url) => shell.openExternal(url)));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (db && BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('will-quit', () => {
    // What the learner changed in the last seconds goes to the sync folder before the logbook closes.
    folderSync?.dispose({ flush: true });
    folderSync = null;
    desktop?.dispose();
    desktop = null;
    if (db?.open) db.close();
    db = null;
    releaseDataLock?.();
    releaseDataLock = null;
  });
  app.whenReady().then(start).catch(fail);
}

/**
 * Opens the learner's file. One that cannot be opened (not SQLite, damaged, from a newer app) is
 * never overwritten: the learner is told why and chooses the newest good backup, a fresh start
 * (the old file is kept aside either way) or to quit.
 */
function openLearnerDatabase(dbFile: string, backupDir: string): Db | null {
  const open = () => openDatabase(dbFile, getCurriculum(), { beforeMigrate: backupBeforeMigration(backupDir) });
  try {
    return open();
  } catch (error) {
    // A module built for Node instead of Electron is not the file's fault: explain, touch nothing.
    if (!(error instanceof DatabaseOpenError) || error.reason === 'cannot-open') throw error;
    const offer = recoveryOffer(error, backupDir);
    const buttons = recoveryButtons(offer);
    const choice = dialog.showMessageBoxSync({
      type: 'warning',
      title: APP_NAME,
      message: offer.title,
      detail: `${offer.message}\n\n${error.message}`,
      buttons: buttons.map((b) => b.label),
      // Quit is the safe default: Enter or Escape pressed by habit must not start anything fresh.
      defaultId: buttons.findIndex((b) => b.action === 'quit'),
      cancelId: buttons.findIndex((b) => b.action === 'quit'),
      noLink: true,
    });
    const action = buttons[choice]?.action ?? 'quit';
    if (applyRecovery(action, dbFile, backupDir, offer, error.reason, Date.now()) === null) return null;
    return open();
  }
}

async function start() {
  const dataDir = app.getPath('userData');
  const files = { dbFile: path.join(dataDir, 'companion.db'), backupDir: path.join(dataDir, 'backups') };
  // Every database main opens (this file, backups, restore copies) loads Electron's build of SQLite.
  useNativeBinding(
    pickNativeBinding({
      isElectron: Boolean(process.versions.electron),
      appRoot: app.getAppPath(),
      exists: existsSync,
    }),
  );
  // The browser version (npm start where Electron cannot run) may have this logbook open.
  mkdirSync(dataDir, { recursive: true });
  const lock = takeDataLock(files.dbFile, 'desktop');
  if (!lock.ok) {
    dialog.showErrorBox(`${APP_NAME} is already open`, lock.message);
    return app.quit();
  }
  releaseDataLock = lock.release;
  const opened = openLearnerDatabase(files.dbFile, files.backupDir);
  if (!opened) return app.quit();
  db = opened;
  // Read through a wrapper, not Date.now itself, so the e2e test can move main's clock.
  const ctx: HandlerContext = {
    db,
    curriculum: getCurriculum(),
    now: () => Date.now(),
    files,
    homeDir: app.getPath('home'),
    // shell.openPath answers with an error text, or '' when it worked.
    openFolder: async (folder) => {
      const problem = await shell.openPath(folder);
      if (problem) throw new AppError('INTERNAL', `The data folder could not be opened: ${problem}`);
    },
  };
  void dailyBackup(ctx);
  // The portfolio PDF: a save dialog while the renderer draws the document off screen, then the
  // app's window printed by Chromium (print media shows the document alone).
  const e2eSaveDir = process.env.COMPANION_E2E === '1' ? process.env.COMPANION_E2E_SAVE_DIR : undefined;
  ctx.exportPdf = createPdfExporter({
    dialog: e2eSaveDir ? answeringSaveDialog(e2eSaveDir) : dialog,
    getParentWindow: () => mainWindow,
    getPrintTarget: () => mainWindow?.webContents,
    getSettings: () => handlers['settings.get'](ctx, {}),
    writeFileAtomic,
    today: () => localDateOf(ctx.now()),
  });
  // Menu, tray, global shortcut, idle detection, reminders, saved window position (electron/desktop/).
  desktop = startDesktopIntegration({
    electron: { app, Menu, Tray, nativeImage, globalShortcut, powerMonitor, Notification, screen, dialog },
    ctx,
    appName: APP_NAME,
    platform: process.platform,
    dataDir,
    getWindow: () => mainWindow,
    showWindow,
  });
  // The _electron tests read the tray's model through this (Electron can't read a tray back).
  if (process.env.COMPANION_E2E === '1') Object.assign(globalThis, { companionDesktop: desktop });
  // Sync through the learner's folder (electron/sync/): the folder is chosen in a native dialog, and
  // the window reloads its data when a sync brings changes in.
  const chooseFolder = async (options: Electron.OpenDialogOptions) => {
    const parent = mainWindow;
    const { canceled, filePaths } = await (parent
      ? dialog.showOpenDialog(parent, options)
      : dialog.showOpenDialog(options));
    return canceled ? null : (filePaths[0] ?? null);
  };
  ctx.chooseFolder = () =>
    chooseFolder({
      title: 'Choose the folder to sync through',
      buttonLabel: 'Sync through this folder',
      properties: ['openDirectory', 'createDirectory'],
    });
  // An item's git repository (electron/handlers/repos.ts): read, never written.
  ctx.chooseRepositoryFolder = () =>
    chooseFolder({
      title: "Choose this item's git repository",
      buttonLabel: 'Link this repository',
      properties: ['openDirectory'],
    });
  const sync = startFolderSync({
    db,
    now: ctx.now,
    onReceived: () => desktop?.changedElsewhere(),
    // A window still loading asks for the state itself once its page is there.
    onStatus: () => {
      if (mainWindow && !mainWindow.isDestroyed() && !mainWindow.webContents.isLoading())
        mainWindow.webContents.send(COMMAND_EVENT, 'sync:status');
    },
  });
  folderSync = sync;
  ctx.sync = sync;
  registerIpc(
    desktop.observeIpc(ipcMain),
    () => ctx,
    (channel, error) => console.error(`[${channel}]`, error),
    (channel) => sync.afterCall(channel),
  );
  denyAllPermissions(session.defaultSession);
  registerAppProtocol(protocol, rendererDir);
  createWindow();
  // Sync on start, once the window is on its way: what came in while the app was closed.
  void sync.start();
}

function fail(error: unknown) {
  if (error instanceof DatabaseOpenError) {
    // Its message is written for the learner: what happened to which file, and that it was left alone.
    dialog.showErrorBox(`${APP_NAME} could not open your data`, explainNativeLoadFailure(error.message));
  } else {
    console.error(error);
    dialog.showErrorBox(`${APP_NAME} could not start`, error instanceof Error ? error.message : String(error));
  }
  app.quit();
}

/** Brings the main window to the front, opening it again if it was closed (macOS keeps running). */
function showWindow(): BrowserWindow | null {
  if (!mainWindow) return db ? createWindow() : null;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
  return mainWindow;
}

function createWindow(): BrowserWindow {
  // Where it was last time, if that is still on a screen; else centred at the default size.
  const bounds = desktop?.windowBounds();
  const window = new BrowserWindow({
    ...(bounds ? { x: bounds.x, y: bounds.y } : {}),
    width: bounds?.width ?? 1280,
    height: bounds?.height ?? 820,
    minWidth: 960,
    minHeight: 640,
    title: APP_NAME,
    // The colour of the first frame, before the page paints: the theme's own background.
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#111418' : '#f7f8fa',
    show: false,
    webPreferences: secureWebPreferences(path.join(__dirname, 'preload.cjs')),
  });
  window.once('ready-to-show', () => {
    if (bounds?.maximized) window.maximize();
    window.show();
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  // The window keeps the app's name: the page's title changes only while the PDF export draws its
  // document (the title becomes the PDF's), and the taskbar should not flicker with it.
  window.on('page-title-updated', (event) => event.preventDefault());
  desktop?.trackWindow(window);
  mainWindow = window;
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
