// What both PDF printers share (the desktop app's printToPDF and `npm run pdf`'s Chromium): waiting
// for the print view to say it has drawn everything, and counting the pages of what came out.
// No Electron and no Playwright here, so vitest checks it with fakes.
import { AppError } from '../../shared/errors';
import { PRINT_READY_ATTRIBUTE } from '../../shared/print';

export const PRINT_READY_TIMEOUT_MS = 30_000;
export const PRINT_POLL_INTERVAL_MS = 100;

/** Run in the print page: the ready attribute's value ("true", "error" or null while drawing). */
export const READ_READY_SCRIPT = `document.documentElement.getAttribute(${JSON.stringify(PRINT_READY_ATTRIBUTE)})`;
/** Run in the print page after an "error": what the page says went wrong. */
export const READ_FAILURE_SCRIPT = `(document.querySelector('.print-failure p, [role="alert"]')?.textContent ?? '').trim()`;

/** An AppError, so its plain-words message reaches the learner instead of the generic one. */
export class PrintViewError extends AppError {
  constructor(
    readonly reason: 'timeout' | 'error',
    message: string,
  ) {
    super('INTERNAL', message);
    this.name = 'PrintViewError';
  }
}

export interface WaitOptions {
  /** Reads the ready attribute in the page. */
  read: () => Promise<unknown>;
  /** Reads the page's own error message, once it has said "error". */
  readFailure?: () => Promise<unknown>;
  timeoutMs?: number;
  intervalMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Polls until the print view is ready. Rejects with a PrintViewError that says what happened: the
 * page reported an error (with its message), or it did not finish within the time allowed.
 */
export async function waitForPrintReady({
  read,
  readFailure,
  timeoutMs = PRINT_READY_TIMEOUT_MS,
  intervalMs = PRINT_POLL_INTERVAL_MS,
  sleep = realSleep,
  now = Date.now,
}: WaitOptions): Promise<void> {
  const deadline = now() + timeoutMs;
  for (;;) {
    // A page still loading can refuse a script (no document yet); that is "not ready", not a failure.
    const state = await read().catch(() => null);
    if (state === 'true') return;
    if (state === 'error') {
      const detail = String((await readFailure?.().catch(() => '')) ?? '').trim();
      throw new PrintViewError('error', `The portfolio could not be printed: ${detail || 'the print view reported an error.'}`);
    }
    if (now() >= deadline) {
      throw new PrintViewError(
        'timeout',
        `The portfolio's print view did not finish drawing within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}, so no PDF was made.`,
      );
    }
    await sleep(intervalMs);
  }
}

/**
 * Pages in a PDF: the page objects (`/Type /Page`, not `/Pages`). Chromium writes plain, uncompressed
 * object dictionaries, so counting them in the bytes is exact for its output.
 */
export function countPdfPages(bytes: Uint8Array): number {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return text.match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
}
