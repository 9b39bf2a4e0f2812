// Every security decision of the main process, as pure predicates plus small wiring functions that
// take Electron objects as parameters. Nothing here imports `electron`, so vitest checks it in Node.
import { APP_HOST, APP_SCHEME } from '../shared/bridge';
import { openExternalSafely } from './external-links';

/**
 * Sent with every file the app:// protocol serves. The renderer is one static bundle talking to main
 * over IPC only: no inline code, no remote anything, no frames.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

export function secureWebPreferences(preload: string) {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: true,
    // A middle click would otherwise ask for a new window; the window-open handler denies it
    // anyway, but the feature has no use here (electronegativity AUXCLICK_JS_CHECK).
    disableBlinkFeatures: 'Auxclick',
    preload,
  } as const;
}

/**
 * True only for a URL of our own origin, exactly `app://companion` (no port, no credentials).
 * Compared part by part: Node's URL gives custom schemes an opaque "null" origin, so `origin` can't be used.
 */
function isAppUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '';
}

/** The renderer may only move within the app (its routes are hash changes); the web opens in the browser. */
export const isAllowedNavigation = (url: unknown): boolean => isAppUrl(url);

export interface IpcSender {
  /** The URL of the frame that sent the message; absent when the frame is gone. */
  senderUrl: string | undefined | null;
  /** Whether that frame is its window's top frame. */
  isMainFrame: boolean;
}

/** Only our own page's top frame may call the app's data channels: no iframes, no other origins. */
export const isTrustedSender = ({ senderUrl, isMainFrame }: IpcSender): boolean =>
  isMainFrame === true && isAppUrl(senderUrl);

// Minimal shapes of the Electron objects wired below, so tests can pass plain fakes.
export interface PreventableEvent {
  preventDefault(): void;
  /** Electron 45 puts the target URL on the event too; older majors pass it as the second argument only. */
  url?: string;
}
type NavigationListener = (event: PreventableEvent, url?: string) => void;
export interface HardenableWebContents {
  on(event: 'will-navigate', listener: NavigationListener): unknown;
  on(event: 'will-redirect', listener: NavigationListener): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/**
 * Locks down one web-contents: no navigation or redirect away from the app, no new windows (http and
 * https links open in the learner's browser instead), no <webview>.
 */
export function hardenWebContents(
  contents: HardenableWebContents,
  openExternal: (url: string) => Promise<void> | void,
): void {
  const guard: NavigationListener = (event, url) => {
    if (!isAllowedNavigation(event.url ?? url)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalSafely(url, openExternal);
    return { action: 'deny' };
  });
}

export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
}

/** A study log needs no camera, microphone, notifications-by-prompt, geolocation or anything else. */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
