// What the preload puts on `window.api`, built from an injected `ipcRenderer.invoke` so it can be
// tested without Electron. The allow-list is the contract's keys: a channel added there is callable,
// anything else never reaches main.
import type { BridgeApi } from '../shared/bridge';
import { isChannel } from '../shared/contract';
import type { Envelope } from '../shared/errors';

type IpcInvoke = (channel: string, input?: unknown) => Promise<unknown>;

export function createElectronBridge(ipcInvoke: IpcInvoke): BridgeApi {
  return {
    transport: 'electron',
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
