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
 * Hot path (every entry, every time Insights opens): the local day last seen is kept with its
 * bounds, so spans that arrive roughly in time order, as they are stored, need no Date work and
 * no map lookup until the day changes. The order of the spans does not change the result.
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
