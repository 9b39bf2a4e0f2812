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
  message: string;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorValue };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
