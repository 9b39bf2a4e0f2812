// Electron's IPC as one more transport for the dispatcher: one `ipcMain.handle` per contract channel,
// each refusing callers that are not our own page's top frame before anything is parsed or touched.
import { channels, type Channel } from '../../shared/contract';
import type { Envelope } from '../../shared/errors';
import { handlers, type HandlerContext } from '../handlers';
import { isTrustedSender, type IpcSender } from '../security';
import { dispatchAsync } from './dispatch';

export const FORBIDDEN_MESSAGE = 'This window is not allowed to use the app’s data.';

/**
 * The whole decision for one call, without Electron: check the sender, then dispatch. Resolves to
 * the envelope (some handlers wait on a dialog); a synchronous handler has run when this returns.
 */
export function handleIpcCall(
  ctx: HandlerContext,
  channel: string,
  sender: IpcSender,
  input: unknown,
  onInternalError?: (channel: string, error: unknown) => void,
  onHandled?: (channel: Channel) => void,
): Promise<Envelope<unknown>> {
  if (!isTrustedSender(sender))
    return Promise.resolve({ ok: false, error: { code: 'FORBIDDEN', message: FORBIDDEN_MESSAGE } });
  return dispatchAsync(handlers, ctx, channel, input, { onInternalError, onHandled });
}

interface FrameLike {
  readonly url: string;
  readonly processId?: number;
  readonly frameToken?: string;
}
/** The parts of Electron's IpcMainInvokeEvent we read. */
export interface IpcInvokeEventLike {
  readonly senderFrame?: FrameLike | null;
  readonly sender: { readonly mainFrame: FrameLike };
}

/**
 * Who sent an IPC message. A frame that navigated away or was destroyed reads as null (or throws on
 * old majors), and then the call is untrusted.
 */
export function senderOf(event: IpcInvokeEventLike): IpcSender {
  try {
    const frame = event.senderFrame ?? null;
    if (!frame) return { senderUrl: undefined, isMainFrame: false };
    const main = event.sender.mainFrame;
    const sameFrame =
      frame === main ||
      (frame.frameToken !== undefined && frame.frameToken === main.frameToken && frame.processId === main.processId);
    return { senderUrl: frame.url, isMainFrame: sameFrame };
  } catch {
    return { senderUrl: undefined, isMainFrame: false };
  }
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, input?: unknown) => unknown): void;
}

export function registerIpc(
  ipcMain: IpcMainLike,
  getContext: () => HandlerContext,
  log: (channel: string, error: unknown) => void,
  /** After each call that succeeded (dispatch.ts's onHandled): how the sync scheduler hears of changes. */
  onHandled?: (channel: Channel) => void,
): readonly Channel[] {
  for (const channel of channels) {
    ipcMain.handle(channel, (event, input) =>
      handleIpcCall(getContext(), channel, senderOf(event), input, log, onHandled),
    );
  }
  return channels;
}
