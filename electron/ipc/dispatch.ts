// One way in for every call, whatever the transport (Electron IPC or the browser preview):
// the channel must be in the contract, the input must parse, and the result travels in an
// envelope. A handler that throws leaves the database as it was, because every write runs in
// a transaction that the throw rolls back.
import type { z } from 'zod';
import { contract, isChannel, type Channel } from '../../shared/contract';
import { AppError, type Envelope } from '../../shared/errors';
import { describeIssues } from '../../shared/validation';
import type { HandlerContext, HandlerTable } from '../handlers';
import { isAsyncChannel } from '../handlers/context';

export interface DispatchOptions {
  /** Check outputs against the contract too. On in tests and the preview, where a mismatch is a bug to see. */
  validateOutput?: boolean;
  /** Where unexpected faults are reported (the console by default). */
  onInternalError?: (channel: string, error: unknown) => void;
  /**
   * Called after a handler answered successfully: the one place that sees every call the learner
   * makes, whichever transport it came by. The sync scheduler listens here for changes to send.
   */
  onHandled?: (channel: Channel) => void;
}

type Prepared = { ok: true; channel: Channel; input: unknown } | { ok: false; envelope: Envelope<never> };

/** The checks before any handler runs: a contract channel, and input that parses. */
function prepare(channel: unknown, rawInput: unknown): Prepared {
  if (!isChannel(channel)) {
    return {
      ok: false,
      envelope: {
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', message: `There is no channel named "${String(channel).slice(0, 80)}".` },
      },
    };
  }
  // An absent payload means "no fields"; channels that need fields still refuse it below.
  const input = rawInput === undefined ? {} : rawInput;
  const parsed = contract[channel].input.safeParse(input);
  if (!parsed.success) {
    // Sentences about what was typed, each also under its field, for a form to show beside it.
    const { message, fields } = describeIssues(parsed.error, input);
    return { ok: false, envelope: { ok: false, error: { code: 'INVALID_INPUT', message: bounded(message), fields } } };
  }
  return { ok: true, channel, input: parsed.data };
}

function succeed(channel: Channel, value: unknown, options: DispatchOptions): Envelope<unknown> {
  if (options.validateOutput) {
    const checked = (contract[channel].output as z.ZodType).safeParse(value);
    if (!checked.success) throw new Error(`Output of ${channel} broke the contract: ${checked.error.message}`);
  }
  return { ok: true, value };
}

/** The longest message an error envelope carries: the renderer shows it in a sentence, not a page. */
export const ERROR_MESSAGE_MAX = 480;

/** A message cut to ERROR_MESSAGE_MAX, for one that quotes too much of what it was sent. */
function bounded(message: string): string {
  if (message.length <= ERROR_MESSAGE_MAX) return message;
  let cut = message.slice(0, ERROR_MESSAGE_MAX - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1); // never half a surrogate pair
  return `${cut}…`;
}

function fail(channel: Channel, error: unknown, options: DispatchOptions): Envelope<never> {
  if (error instanceof AppError) {
    return {
      ok: false,
      error: { code: error.code, message: bounded(error.message), ...(error.fields ? { fields: error.fields } : {}) },
    };
  }
  (options.onInternalError ?? ((c, e) => console.error(`[${c}]`, e)))(channel, error);
  return {
    ok: false,
    error: { code: 'INTERNAL', message: 'Something went wrong on our side and nothing was changed. Please try again.' },
  };
}

/**
 * Runs a synchronous handler to its envelope. The demo learner and the tests use it; a channel whose
 * handler is asynchronous (`asyncChannels`) is refused here as a fault of ours, before it runs.
 */
export function dispatch(
  handlers: HandlerTable,
  ctx: HandlerContext,
  channel: unknown,
  rawInput: unknown,
  options: DispatchOptions = {},
): Envelope<unknown> {
  const prepared = prepare(channel, rawInput);
  if (!prepared.ok) return prepared.envelope;
  try {
    if (isAsyncChannel(prepared.channel))
      throw new Error(`${prepared.channel} is asynchronous: call it through dispatchAsync.`);
    const handler = handlers[prepared.channel] as (ctx: HandlerContext, input: unknown) => unknown;
    return succeed(prepared.channel, handler(ctx, prepared.input), options);
  } catch (error) {
    return fail(prepared.channel, error, options);
  }
}

/**
 * Runs any handler, synchronous or not, and resolves to its envelope: what Electron's IPC and the
 * preview server use. The checks and a synchronous handler run before this first yields, so a
 * write is done by the time the call returns its promise.
 */
export async function dispatchAsync(
  handlers: HandlerTable,
  ctx: HandlerContext,
  channel: unknown,
  rawInput: unknown,
  options: DispatchOptions = {},
): Promise<Envelope<unknown>> {
  const prepared = prepare(channel, rawInput);
  if (!prepared.ok) return prepared.envelope;
  try {
    const handler = handlers[prepared.channel] as (ctx: HandlerContext, input: unknown) => unknown;
    const envelope = succeed(prepared.channel, await handler(ctx, prepared.input), options);
    afterHandled(prepared.channel, options);
    return envelope;
  } catch (error) {
    return fail(prepared.channel, error, options);
  }
}

/** A listener's fault is its own: the call it follows has succeeded and its answer stands. */
function afterHandled(channel: Channel, options: DispatchOptions) {
  if (!options.onHandled) return;
  try {
    options.onHandled(channel);
  } catch (error) {
    (options.onInternalError ?? ((c, e) => console.error(`[${c}]`, e)))(channel, error);
  }
}

export type { Channel };
