// What both PDF printers share (the desktop app's printToPDF and `npm run pdf`'s Chromium): waiting
// for the print view to say it has drawn everything, and counting the pages of what came out.
// No Electron and no Playwright here, so vitest checks it with fakes.
import { AppError } from '../../shared/errors';
import { PRINT_READY_ATTRIBUTE } from '../../shared/print';

const PRINT_READY_TIMEOUT_MS = 30_000;
/** Between reads that found no document to ask (a page still loading). */
const PRINT_POLL_INTERVAL_MS = 20;
/** How long one read waits in the page for the attribute to change before it answers. */
const READ_WAIT_MS = 500;

/**
 * Run in the print page: the ready attribute's value ("true", "error", or null while drawing). It
 * answers at once when the value is set and otherwise waits for it, up to READ_WAIT_MS, so the
 * printer hears of "ready" the moment it happens instead of at its next poll.
 */
export const READ_READY_SCRIPT = `new Promise((resolve) => {
  const root = document.documentElement;
  const read = () => root.getAttribute(${JSON.stringify(PRINT_READY_ATTRIBUTE)});
  if (read()) return resolve(read());
  const done = () => { observer.disconnect(); clearTimeout(timer); resolve(read()); };
  const observer = new MutationObserver(() => { if (read()) done(); });
  observer.observe(root, { attributes: true, attributeFilter: [${JSON.stringify(PRINT_READY_ATTRIBUTE)}] });
  const timer = setTimeout(done, ${READ_WAIT_MS});
})`;
/**
 * Run in the print page after an "error": what the page says went wrong. The print view's own
 * message first (the app around an embedded one may show other alerts), then the boot failure's.
 */
export const READ_FAILURE_SCRIPT = `((document.querySelector('.print-failure p') ?? document.querySelector('.boot-failure p'))?.textContent ?? '').trim()`;

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
      throw new PrintViewError(
        'error',
        `The portfolio could not be printed: ${detail || 'the print view reported an error.'}`,
      );
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
