// The renderer's typed client. It knows channels only through the contract's types; the bridge
// (Electron preload or browser preview) does the transport.
import type { Channel, ChannelInput, ChannelOutput } from '../shared/contract';
import type { BridgeApi } from '../shared/bridge';
import type { ErrorCode } from '../shared/errors';

declare global {
  interface Window {
    api?: BridgeApi;
  }
}

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Each refused field's own sentence ("endedAt", "links.liveDemo"), for a form to show beside it. */
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Calls a channel; resolves with its value or rejects with an ApiError whose message is for the learner. */
export async function call<C extends Channel>(
  channel: C,
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- `{} extends T` asks whether every field of T is optional
  ...args: {} extends ChannelInput<C> ? [input?: ChannelInput<C>] : [input: ChannelInput<C>]
): Promise<ChannelOutput<C>>;
// For code generic over the channel, where the optional-input form above cannot be resolved.
export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
export async function call<C extends Channel>(
  channel: C,
  ...args: [input?: ChannelInput<C>]
): Promise<ChannelOutput<C>> {
  const bridge = window.api;
  if (!bridge)
    throw new ApiError(
      'INTERNAL',
      'The app is not connected to its data. Start it with `npm start` or `npm run preview`.',
    );
  const result = await bridge.invoke(channel, args[0] ?? {});
  if (!result.ok) throw new ApiError(result.error.code, result.error.message, result.error.fields);
  return result.value as ChannelOutput<C>;
}

/** The sentence for one field of a refused call, if the refusal was about that field. */
export const fieldError = (error: unknown, field: string): string | undefined =>
  error instanceof ApiError ? error.fields[field] : undefined;
