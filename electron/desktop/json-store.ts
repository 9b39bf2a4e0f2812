// Small JSON files in the data folder (window position, reminder state): read leniently (a missing
// or damaged file is just "nothing saved"), written atomically (temporary file, then rename).
import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

export function writeJsonAtomic(file: string, value: unknown): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, `${JSON.stringify(value, null, 2)}\n`, { flag: 'wx' });
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Runs `fn` once `ms` after the last call; `flush` runs a pending call now. */
export function debounce(fn: () => void, ms: number, timers: { setTimeout: (f: () => void, ms: number) => unknown; clearTimeout: (h: unknown) => void } = {
  setTimeout: (f, t) => setTimeout(f, t),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
}) {
  let handle: unknown = null;
  return {
    call() {
      if (handle !== null) timers.clearTimeout(handle);
      handle = timers.setTimeout(() => {
        handle = null;
        fn();
      }, ms);
    },
    flush() {
      if (handle === null) return;
      timers.clearTimeout(handle);
      handle = null;
      fn();
    },
    cancel() {
      if (handle !== null) timers.clearTimeout(handle);
      handle = null;
    },
  };
}
