// What the renderer finds on `window.api`, put there by Electron's preload or by the browser
// preview's bridge script. One function: the channel must be a contract key, the answer is an
// envelope. No Node or DOM imports.
import type { Envelope } from './errors';

export interface BridgeApi {
  invoke(channel: string, input?: unknown): Promise<Envelope<unknown>>;
  /** Which transport is in use, for the About box and for tests. */
  readonly transport: 'electron' | 'preview';
  /**
   * Desktop only: commands main sends from the menu, tray and shortcuts ('navigate:#/log',
   * 'timer:toggle', … the allow-list in shared/commands.ts). Returns the unsubscribe function.
   */
  onCommand?(listener: (command: string) => void): () => void;
}

/** The name of the single global the bridge defines. */
export const BRIDGE_GLOBAL = 'api';

/** The scheme and host the packaged renderer is served from inside Electron. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'companion';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
