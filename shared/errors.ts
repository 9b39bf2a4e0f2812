// Errors that cross the IPC boundary. Handlers throw AppError; the dispatcher turns it into the
// `{ ok: false, error }` half of the envelope, because thrown objects lose their shape over IPC.

export const errorCodes = [
  'INVALID_INPUT', // the payload does not match the channel's schema
  'NOT_FOUND', // the payload names something that does not exist (an item id, an entry id)
  'CONFLICT', // the request is well-formed but cannot apply now (no timer running, ...)
  'UNKNOWN_CHANNEL', // the channel is not in the contract
  'FORBIDDEN', // the caller is not allowed to call (wrong sender, bad preview token)
  'INTERNAL', // a fault of ours; nothing was changed
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface ApiErrorValue {
  code: ErrorCode;
  /** Plain sentences for the learner. */
  message: string;
  /** The same sentences under the fields they concern ("endedAt", "links.liveDemo"), for a form to show beside them. */
  fields?: Record<string, string>;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorValue };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The field the message is about, when there is one: the form shows it there. */
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
