// The learner's local calendar, in the main process's time zone (the learner's machine).
// A day is a local day; an entry that crosses midnight counts on both days.
import type { LocalDate } from '../../shared/dates';

const pad = (n: number) => String(n).padStart(2, '0');

export function localDateOf(ms: number): LocalDate {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Local midnight starting `date`, as epoch ms (DST-aware). */
export function startOfLocalDate(date: LocalDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).getTime();
}

/**
 * Minutes studied per local day. Spans are [start, end) in epoch ms; a span crossing midnight is
 * split at each local midnight it crosses.
 *
 * The reference for what a local day holds: stats.insights adds up whole days in SQL
 * (readDayMinutes) and uses this for the parts of entries that run past midnight. The local day last
 * seen is kept with its bounds, so spans in time order need no Date work until the day changes. The
 * order of the spans does not change the result.
 */
export function minutesPerLocalDay(spans: Iterable<readonly [number, number]>): Map<LocalDate, number> {
  const days = new Map<LocalDate, number>();
  let key = '';
  let dayStart = 0;
  let dayEnd = 0; // [dayStart, dayEnd) is the local day `key`; empty at first
  let ms = 0; // milliseconds on `key` not yet added to `days`
  const flush = () => {
    if (ms > 0) days.set(key, (days.get(key) ?? 0) + ms / 60_000);
    ms = 0;
  };
  for (const [start, end] of spans) {
    let from = start;
    while (from < end) {
      if (from < dayStart || from >= dayEnd) {
        flush();
        const d = new Date(from);
        const [y, m, day] = [d.getFullYear(), d.getMonth(), d.getDate()];
        key = `${y}-${pad(m + 1)}-${pad(day)}`;
        dayStart = new Date(y, m, day).getTime();
        dayEnd = new Date(y, m, day + 1).getTime();
      }
      const boundary = end < dayEnd ? end : dayEnd;
      ms += boundary - from;
      from = boundary;
    }
  }
  flush();
  return days;
}

/**
 * The local days from the one holding `from` through the one holding `to`: day k is `keys[k]` and
 * spans [bounds[k], bounds[k + 1]). Each bound is what minutesPerLocalDay uses for that day,
 * `new Date(y, m, d).getTime()`, so both cut time at the same instants (DST days last 23 or 25
 * hours; where a zone skipped a midnight, the day starts at its first instant).
 *
 * Most days start 24 hours after the one before: that instant is tried first and kept when it
 * reads 00:00:00 locally (then it is the one `new Date(y, m, d + 1)` gives); the slower
 * constructor runs only around DST changes.
 */
export function localDays(from: number, to: number): { keys: LocalDate[]; bounds: number[] } {
  const keys: LocalDate[] = [];
  const first = new Date(from);
  let y = first.getFullYear();
  let m = first.getMonth();
  let d = first.getDate();
  let start = new Date(y, m, d).getTime();
  const bounds = [start];
  for (;;) {
    keys.push(`${y}-${pad(m + 1)}-${pad(d)}`);
    const guess = new Date(start + 86_400_000);
    let next: Date;
    if (guess.getHours() === 0 && guess.getMinutes() === 0 && guess.getSeconds() === 0) next = guess;
    else next = new Date(y, m, d + 1);
    start = next.getTime();
    bounds.push(start);
    if (start > to) return { keys, bounds };
    y = next.getFullYear();
    m = next.getMonth();
    d = next.getDate();
  }
}
