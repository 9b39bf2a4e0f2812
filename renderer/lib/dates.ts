// Converting between the form's local date and time fields and stored epoch milliseconds.
// Everything is in the learner's local time zone, as they typed it.
import { DAY_MS } from '../../shared/time';

const pad = (n: number) => String(n).padStart(2, '0');

export const toDateInput = (ms: number) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

export const toTimeInput = (ms: number) => {
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/** Local date "2026-03-02" and time "09:30" to epoch ms, or null when either is not a real value. */
export function fromLocal(date: string, time: string): number | null {
  const dm = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const tm = /^(\d{2}):(\d{2})$/.exec(time);
  if (!dm || !tm) return null;
  const value = new Date(Number(dm[1]), Number(dm[2]) - 1, Number(dm[3]), Number(tm[1]), Number(tm[2])).getTime();
  return Number.isNaN(value) ? null : value;
}

/**
 * The end of a session typed as a clock time: on the start's day, or on the day after when the
 * learner says it ran past midnight. An end before the start is never moved to the next day on its
 * own: 15:00 to 14:30 is far more often a typo than a 23½-hour session.
 */
export function endFromClock(startedAt: number, endTime: string, nextDay: boolean): number | null {
  const startDay = new Date(startedAt);
  // The calendar day after, at noon so a DST change cannot skip or repeat it.
  const day = nextDay
    ? new Date(startDay.getFullYear(), startDay.getMonth(), startDay.getDate() + 1, 12).getTime()
    : startedAt;
  return fromLocal(toDateInput(day), endTime);
}

export const formatDay = (ms: number) =>
  new Date(ms).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });

/** "Dec 1, 2026, 2:00 PM", as the locale writes a date and time: when a backup, import or sync happened. */
export const formatDateTime = (ms: number) =>
  new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "Dec 1, 2026": a date alone, in the same style. */
export const formatDate = (ms: number) => new Date(ms).toLocaleDateString(undefined, { dateStyle: 'medium' });

/** "2:00 PM" or "14:00", as the locale writes a time: no leading zero on a 12-hour clock. */
export const formatTime = (ms: number) =>
  new Date(ms).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });

/** Midnight at the start of the local day holding `ms`. */
export const startOfDay = (ms: number) => {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
};

/** Whole local days between two instants' days (DST-safe). */
export const daysBetween = (earlier: number, later: number) =>
  Math.round((startOfDay(later) - startOfDay(earlier)) / DAY_MS);

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A calendar date "2026-03-02" as the learner's locale writes it. `options` name date fields only
 * (day, month, year, weekday), where a formatter writes what toLocaleDateString would. Formatters
 * are kept per options: making one costs far more than using it (the heatmap writes 364 dates).
 */
export function formatLocalDate(
  date: string,
  options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' },
) {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const key = JSON.stringify(options);
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(undefined, options)));
  return format.format(new Date(y, m - 1, d));
}

/** Days since 1970-01-01 for a calendar date: a linear axis for charts, free of time zones. */
export const dayNumber = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
};

export const dateOfDayNumber = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
