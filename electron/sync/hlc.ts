// A hybrid logical clock (Kulkarni et al. 2014): wall-clock milliseconds, a counter for changes in
// the same millisecond (or while the wall clock lags behind a time already seen), and the device id
// that breaks the last tie. Written as one string that sorts as the clock does, so comparing two
// changes is comparing two strings. A machine whose clock is hours off still orders its own changes
// right (the clock never goes back), and any change made after seeing another sorts after it.

export const HLC_PATTERN = /^(\d{15}):(\d{5}):([0-9a-f]{16})$/;
const MAX_COUNTER = 99_999;

export interface Hlc {
  ms: number;
  counter: number;
  device: string;
}

export function formatHlc({ ms, counter, device }: Hlc): string {
  return `${String(Math.max(0, Math.floor(ms))).padStart(15, '0')}:${String(counter).padStart(5, '0')}:${device}`;
}

export function parseHlc(text: string): Hlc | null {
  const m = HLC_PATTERN.exec(text);
  return m ? { ms: Number(m[1]), counter: Number(m[2]), device: m[3]! } : null;
}

/** The clock before anything happened. */
export const zeroHlc = (device: string): Hlc => ({ ms: 0, counter: 0, device });

/** The next time for a change made here, at wall-clock `wall`. */
export function tick(last: Hlc, wall: number, device: string): Hlc {
  if (wall > last.ms) return { ms: wall, counter: 0, device };
  // More changes in one millisecond than the counter holds: borrow the next millisecond.
  if (last.counter >= MAX_COUNTER) return { ms: last.ms + 1, counter: 0, device };
  return { ms: last.ms, counter: last.counter + 1, device };
}

/** This machine's clock after seeing a change stamped `remote`: never behind it. */
export function receive(last: Hlc, remote: Hlc, device: string): Hlc {
  if (remote.ms > last.ms || (remote.ms === last.ms && remote.counter > last.counter))
    return { ms: remote.ms, counter: remote.counter, device };
  return last;
}
