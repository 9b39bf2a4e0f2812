// Small JSON files in the data folder (window position, reminder state): read leniently (a missing
// or damaged file is just "nothing saved"), written atomically (electron/files/write-atomic).
import { readFileSync } from 'node:fs';
import { writeFileAtomicSync } from '../files/write-atomic';

export function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

export function writeJsonAtomic(file: string, value: unknown): void {
  writeFileAtomicSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** Runs `fn` once `ms` after the last call; `flush` runs a pending call now. */
export function debounce(
  fn: () => void,
  ms: number,
  timers: { setTimeout: (f: () => void, ms: number) => unknown; clearTimeout: (h: unknown) => void } = {
    setTimeout: (f, t) => setTimeout(f, t),
    clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  },
) {
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
