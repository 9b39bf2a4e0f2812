// Sending an app command to the window. A window that is still loading (just created, or opened
// again from the dock on macOS after it was closed) has no page listening yet, and a message sent
// then is lost: the command waits for the page to finish loading. The renderer then holds a command
// for a screen that is not mounted yet (renderer/lib/commands.ts).
import { COMMAND_EVENT, type AppCommand } from '../../shared/commands';

export interface CommandWindow {
  isDestroyed(): boolean;
  webContents: {
    isLoading(): boolean;
    once(event: 'did-finish-load', listener: () => void): unknown;
    send(channel: string, ...args: unknown[]): void;
  };
}

/** Sends now if the page is loaded, else once it is; never to a destroyed window. */
export function sendCommandWhenLoaded(
  window: CommandWindow | null,
  command: AppCommand,
): 'sent' | 'queued' | 'no-window' {
  if (!window || window.isDestroyed()) return 'no-window';
  const contents = window.webContents;
  if (!contents.isLoading()) {
    contents.send(COMMAND_EVENT, command);
    return 'sent';
  }
  contents.once('did-finish-load', () => {
    if (!window.isDestroyed()) contents.send(COMMAND_EVENT, command);
  });
  return 'queued';
}
