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

/** Local midnight after the instant `ms`. */
function nextLocalMidnight(ms: number): number {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
}

/**
 * Minutes studied per local day. Spans are [start, end) in epoch ms; a span crossing midnight is
 * split at each local midnight it crosses.
 */
export function minutesPerLocalDay(spans: Iterable<readonly [number, number]>): Map<LocalDate, number> {
  const days = new Map<LocalDate, number>();
  for (const [start, end] of spans) {
    let from = start;
    while (from < end) {
      const boundary = Math.min(end, nextLocalMidnight(from));
      const key = localDateOf(from);
      days.set(key, (days.get(key) ?? 0) + (boundary - from) / 60_000);
      from = boundary;
    }
  }
  return days;
}
