// What the preload puts on `window.api`, built from an injected `ipcRenderer.invoke` so it can be
// tested without Electron. The allow-list is the contract's keys: a channel added there is callable,
// anything else never reaches main.
import type { BridgeApi } from '../shared/bridge';
import { isAppCommand } from '../shared/commands';
import { isChannel } from '../shared/contract';
import type { Envelope } from '../shared/errors';

type IpcInvoke = (channel: string, input?: unknown) => Promise<unknown>;
/** Subscribes to main's single command event (shared/commands.ts COMMAND_EVENT); returns the unsubscribe. */
type IpcSubscribe = (listener: (payload: unknown) => void) => () => void;

export function createElectronBridge(ipcInvoke: IpcInvoke, subscribeCommands?: IpcSubscribe): BridgeApi {
  return {
    transport: 'electron',
    ...(subscribeCommands
      ? {
          onCommand(listener: (command: string) => void): () => void {
            if (typeof listener !== 'function') return () => {};
            // Only the allow-listed commands pass; the page never sees the IPC event itself.
            return subscribeCommands((payload) => {
              if (isAppCommand(payload)) listener(payload);
            });
          },
        }
      : {}),
    invoke(channel: string, input?: unknown): Promise<Envelope<unknown>> {
      if (!isChannel(channel)) {
        return Promise.resolve({
          ok: false,
          error: { code: 'UNKNOWN_CHANNEL', message: `There is no channel named "${String(channel).slice(0, 80)}".` },
        });
      }
      // Main always answers with an envelope; a rejection means main itself failed (it crashed, or no
      // handler was registered), which the renderer should see as one more error, not an exception.
      return (ipcInvoke(channel, input) as Promise<Envelope<unknown>>).catch(() => ({
        ok: false as const,
        error: { code: 'INTERNAL' as const, message: 'The app could not reach its data. Please restart it.' },
      }));
    },
  };
}
