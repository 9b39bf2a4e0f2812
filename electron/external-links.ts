// The only door from the app to the learner's browser. Curriculum resources are web pages; anything
// else (file:, javascript:, custom schemes that launch other programs) must never reach the OS.

/** True for an absolute http: or https: URL with a host; false for everything else, malformed included. */
export function isSafeExternalUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 2048) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
}

/**
 * Hands a safe URL to `open` (Electron's shell.openExternal in the app) and reports whether it did.
 * A failure to open is logged, not thrown: it happens in a window-open handler nobody awaits.
 */
export async function openExternalSafely(
  value: unknown,
  open: (url: string) => Promise<void> | void,
  log: (message: string, error: unknown) => void = console.error,
): Promise<boolean> {
  if (!isSafeExternalUrl(value)) return false;
  try {
    await open(new URL(value).href);
    return true;
  } catch (error) {
    log(`Could not open ${value} in the browser.`, error);
    return false;
  }
}
