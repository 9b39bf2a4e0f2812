// Reading the dates, times and durations time trackers write. Exports carry wall-clock times in the
// exporting profile's zone and in the user's locale (2025-12-31, 12/31/2025, 31/12/2025, 31.12.2025;
// 13:05:00 or 01:05:00 PM), with no zone in the file; durations come as h:mm:ss or decimal hours.
import type { DateOrder } from './types';

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export interface ClockTime {
  hour: number;
  minute: number;
  second: number;
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const SLASH_DATE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;

/** True when the numbers name a real day (rejects 31/02, month 13). */
function isRealDate({ year, month, day }: CalendarDate): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * What a date string says about day-month order: 'dmy' or 'mdy' when one part exceeds 12, 'either'
 * when both read, 'none' for ISO dates or non-dates. Dotted dates (31.12.2025) are always day first.
 */
function dateOrderHint(text: string): DateOrder | 'either' | 'none' {
  const m = SLASH_DATE.exec(text.trim());
  if (!m) return 'none';
  if (m[2] === '.') return 'dmy';
  const a = Number(m[1]);
  const b = Number(m[3]);
  if (a > 12 && b <= 12) return 'dmy';
  if (b > 12 && a <= 12) return 'mdy';
  return 'either';
}

/**
 * The order a whole file uses: one unambiguous date decides it, because an export is written with a
 * single locale setting. `decided` is null when no date decides: all read both ways (`ambiguous`:
 * the learner is asked), or all are ISO (the order does not matter).
 */
export function readDateOrder(dates: Iterable<string>): { decided: DateOrder | null; ambiguous: boolean } {
  let ambiguous = false;
  for (const text of dates) {
    const hint = dateOrderHint(text);
    if (hint === 'dmy' || hint === 'mdy') return { decided: hint, ambiguous: false };
    if (hint === 'either') ambiguous = true;
  }
  return { decided: null, ambiguous };
}

/** A calendar date from ISO or locale form, or null when it is not one. */
export function parseDate(text: string, order: DateOrder): CalendarDate | null {
  const t = text.trim();
  const iso = ISO_DATE.exec(t);
  let date: CalendarDate | null = null;
  if (iso) date = { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  const slash = SLASH_DATE.exec(t);
  if (slash) {
    const first = Number(slash[1]);
    const second = Number(slash[3]);
    const dayFirst = slash[2] === '.' || order === 'dmy';
    date = {
      year: Number(slash[4]),
      month: dayFirst ? second : first,
      day: dayFirst ? first : second,
    };
  }
  return date && isRealDate(date) ? date : null;
}

const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$/;

/** A wall-clock time, 24-hour or with AM/PM (Clockify's US default), or null. */
export function parseClock(text: string): ClockTime | null {
  const m = CLOCK.exec(text.trim());
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2]);
  const second = m[3] === undefined ? 0 : Number(m[3]);
  const meridiem = m[4]?.toUpperCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'PM' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  return { hour, minute, second };
}

const H_MM_SS = /^(\d+):(\d{2})(?::(\d{2}))?$/;
const DECIMAL_HOURS = /^\d+(?:[.,]\d+)?$/;

/**
 * A duration in milliseconds from "1:30:00" / "01:30" (hours:minutes[:seconds]) or decimal hours
 * "1.5" / "1,50" (comma in European locales), or null. Hours may exceed 24: refusing those is the
 * row check's job, with a better message.
 */
export function parseDuration(text: string): number | null {
  const t = text.trim().replace(/\s*h$/i, '');
  // Toggl's "classic" format shows short durations as "47:06 min" (minutes:seconds): never read that as hours.
  const short = /^(\d+):(\d{2})\s*min$/i.exec(t);
  if (short) return Number(short[2]) > 59 ? null : (Number(short[1]) * 60 + Number(short[2])) * 1000;
  const clock = H_MM_SS.exec(t);
  if (clock) {
    const minutes = Number(clock[2]);
    const seconds = clock[3] === undefined ? 0 : Number(clock[3]);
    if (minutes > 59 || seconds > 59) return null;
    return ((Number(clock[1]) * 60 + minutes) * 60 + seconds) * 1000;
  }
  if (DECIMAL_HOURS.test(t)) return Math.round(Number(t.replace(',', '.')) * 3_600_000);
  return null;
}

// One formatter per zone: building them is the slow part, and a report has one zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's offset from UTC at an instant, in ms (east positive), read through Intl. */
function offsetAt(epochMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(epochMs)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/**
 * The instant a wall-clock time names in a zone, the slow way. Two passes settle DST: a time in the
 * spring gap is read with the offset before the change (02:30 on a skipped night becomes 03:30),
 * and a time the autumn repeats gets the first of its two readings (the earlier, summer-time one).
 */
function zonedToEpochSlow(wall: number, timeZone: string): number {
  const before = offsetAt(wall - 86_400_000, timeZone);
  const first = wall - offsetAt(wall - before, timeZone);
  const second = wall - offsetAt(first, timeZone);
  const candidates = [first, second, wall - before].filter((t) => t + offsetAt(t, timeZone) === wall);
  return candidates.length > 0 ? Math.min(...candidates) : wall - before;
}

// The zone's offset over a whole local day, or null when it changes that day. Asking Intl is the
// slow part of reading a report (about 50 µs a call), and 363 days a year have one offset, so it is
// asked twice per day instead of several times per row.
const steadyOffsets = new Map<string, number | null>();

function steadyOffsetOn(date: CalendarDate, timeZone: string): number | null {
  const key = `${timeZone}|${date.year}-${date.month}-${date.day}`;
  let offset = steadyOffsets.get(key);
  if (offset === undefined) {
    const midnight = Date.UTC(date.year, date.month - 1, date.day);
    // Offsets lie between -12 h and +14 h: these two instants bracket every instant of the local day.
    const early = offsetAt(midnight - 14 * 3_600_000, timeZone);
    const late = offsetAt(midnight + 36 * 3_600_000, timeZone);
    offset = early === late ? early : null;
    if (steadyOffsets.size > 50_000) steadyOffsets.clear(); // A bound, not an LRU: reports are read once.
    steadyOffsets.set(key, offset);
  }
  return offset;
}

/** The instant a wall-clock time names in a zone (DST days take the careful path above). */
export function zonedToEpoch(date: CalendarDate, time: ClockTime, timeZone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day, time.hour, time.minute, time.second);
  const steady = steadyOffsetOn(date, timeZone);
  return steady === null ? zonedToEpochSlow(wall, timeZone) : wall - steady;
}

/** This computer's zone, the default when the learner has not said which zone the tracker used. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
