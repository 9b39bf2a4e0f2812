// One way in for every call, whatever the transport (Electron IPC or the browser preview):
// the channel must be in the contract, the input must parse, and the result travels in an
// envelope. A handler that throws leaves the database as it was, because every write runs in
// a transaction that the throw rolls back.
import type { z } from 'zod';
import { contract, isChannel, type Channel } from '../../shared/contract';
import { AppError, type Envelope } from '../../shared/errors';
import type { HandlerContext, HandlerTable } from '../handlers';

export interface DispatchOptions {
  /** Check outputs against the contract too. On in tests and the preview, where a mismatch is a bug to see. */
  validateOutput?: boolean;
  /** Where unexpected faults are reported (the console by default). */
  onInternalError?: (channel: string, error: unknown) => void;
}

/** Turns a zod error into one plain sentence per problem, naming the field. */
export function describeInputError(error: z.ZodError): string {
  const problems = error.issues.slice(0, 5).map((issue) => {
    const where = issue.path.length ? `${issue.path.map(String).join('.')}: ` : '';
    if (issue.code === 'unrecognized_keys') return `${where}unexpected field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}.`;
    if (issue.code === 'invalid_type' && issue.input === undefined) return `${where}this field is required.`;
    return `${where}${issue.message}`;
  });
  const more = error.issues.length > 5 ? ` (and ${error.issues.length - 5} more problems)` : '';
  return `The request was not valid. ${problems.join(' ')}${more}`;
}

export function dispatch(
  handlers: HandlerTable,
  ctx: HandlerContext,
  channel: unknown,
  rawInput: unknown,
  options: DispatchOptions = {},
): Envelope<unknown> {
  if (!isChannel(channel)) {
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `There is no channel named "${String(channel).slice(0, 80)}".` } };
  }
  const spec = contract[channel];
  // An absent payload means "no fields"; channels that need fields still refuse it below.
  const parsed = spec.input.safeParse(rawInput === undefined ? {} : rawInput);
  if (!parsed.success) return { ok: false, error: { code: 'INVALID_INPUT', message: describeInputError(parsed.error) } };
  try {
    const handler = handlers[channel] as (ctx: HandlerContext, input: unknown) => unknown;
    const value = handler(ctx, parsed.data);
    if (options.validateOutput) {
      const checked = (spec.output as z.ZodType).safeParse(value);
      if (!checked.success) throw new Error(`Output of ${channel} broke the contract: ${checked.error.message}`);
    }
    return { ok: true, value };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: { code: error.code, message: error.message } };
    (options.onInternalError ?? ((c, e) => console.error(`[${c}]`, e)))(channel, error);
    return {
      ok: false,
      error: { code: 'INTERNAL', message: 'Something went wrong on our side and nothing was changed. Please try again.' },
    };
  }
}

export type { Channel };
