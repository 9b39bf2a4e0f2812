// Time logged, added up: per item (the item_totals table its triggers keep, migration 3), per
// item from the entries themselves, and per local day.
import type { LocalDate } from '../../shared/dates';
import { localDays, minutesPerLocalDay } from '../stats/local-days';
import type { Db } from '../db/open';
import type { StoreContext } from './context';
import { prepared } from './statements';

export interface ItemTotal {
  entries: number;
  ms: number;
}

const NO_TIME: ItemTotal = { entries: 0, ms: 0 };

/** Entries and milliseconds logged per item, all time: one row per item, no pass over the entries. */
export function readItemTotals(ctx: Pick<StoreContext, 'db'>): (itemId: string) => ItemTotal {
  const rows = prepared(ctx.db, 'SELECT item_id, entries, ms FROM item_totals', 'raw').all() as [
    string,
    number,
    number,
  ][];
  const totals = new Map(rows.map(([itemId, entries, ms]) => [itemId, { entries, ms }]));
  return (itemId) => totals.get(itemId) ?? NO_TIME;
}

/** One item's entries and milliseconds, counted from its entries. */
export function readItemLogged(ctx: Pick<StoreContext, 'db'>, itemId: string): ItemTotal {
  const [entries, ms] = prepared(
    ctx.db,
    'SELECT COUNT(*), COALESCE(SUM(ended_at - started_at), 0) FROM time_entries WHERE item_id = ?',
    'raw',
  ).get(itemId) as [number, number];
  return { entries, ms };
}

// Milliseconds per local day, one row per day: the day's entries are a range of the start index
// (time_entries_by_start_span, which holds ended_at too, so the table is never read). An entry
// counts on its start day up to the day's end; the sum comes back negative when some entry runs
// past that end, and only those days are read again for the rest (readDayMinutes). Row k is day k.
const DAY_SUMS = `WITH day (k, start, end) AS (SELECT key, value, LEAD(value) OVER (ORDER BY key) FROM json_each(?))
  SELECT (SELECT SUM(MIN(t.ended_at, day.end) - t.started_at) * IIF(MAX(t.ended_at) > day.end, -1, 1)
          FROM time_entries t WHERE t.started_at >= day.start AND t.started_at < day.end)
  FROM day WHERE end IS NOT NULL ORDER BY k`;

/** The local days of the last range asked for, in the zone they were cut in. */
let lastDays: { zone: string; first: number; last: number; keys: LocalDate[]; bounds: number[]; json: string } | null =
  null;

/**
 * The local days from the first entry's through the last's, cut again only when the range of entries
 * or the time zone changed: Insights asks on every visit and every data change, and cutting five
 * years into days (a string and a Date per day) was a third of what each call allocated.
 */
function daysBetween(first: number, last: number) {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (lastDays?.zone !== zone || lastDays.first !== first || lastDays.last !== last) {
    const { keys, bounds } = localDays(first, last);
    lastDays = { zone, first, last, keys, bounds, json: JSON.stringify(bounds) };
  }
  return lastDays;
}

/**
 * Minutes studied per local day, all items, all time: the same map as minutesPerLocalDay over every
 * entry, added up in SQL. The local days come from JavaScript (localDays, the main process's time
 * zone); SQLite only adds up the milliseconds between their bounds.
 */
export function readDayMinutes(db: Db): Map<LocalDate, number> {
  const minutes = new Map<LocalDate, number>();
  // Two subqueries: each is one index lookup, where MIN and MAX side by side scan the table.
  const [first, last] = prepared(
    db,
    'SELECT (SELECT MIN(started_at) FROM time_entries), (SELECT MAX(started_at) FROM time_entries)',
    'raw',
  ).get() as [number | null, number | null];
  if (first === null || last === null) return minutes;
  const { keys, bounds, json } = daysBetween(first, last);
  const sums = prepared(db, DAY_SUMS, 'pluck').all(json) as (number | null)[];
  for (let k = 0; k < sums.length; k++) {
    const ms = sums[k];
    if (ms) minutes.set(keys[k]!, Math.abs(ms) / 60_000); // null or 0: no entries that day
  }
  const add = (day: LocalDate, m: number) => minutes.set(day, (minutes.get(day) ?? 0) + m);
  const beyond: [number, number][] = [];
  for (let k = 0; k < sums.length; k++) {
    if (!(sums[k]! < 0)) continue;
    // Entries that run past the day's end: the rest of each counts on the days after, cut at the
    // same bounds; past the last of them (an entry still running at the end), as minutesPerLocalDay cuts.
    const ends = prepared(
      db,
      'SELECT ended_at FROM time_entries WHERE started_at >= ? AND started_at < ? AND ended_at > ?',
      'pluck',
    ).all(bounds[k], bounds[k + 1], bounds[k + 1]) as number[];
    for (const endedAt of ends) {
      let day = k + 1;
      for (; day < keys.length && endedAt > bounds[day]!; day++)
        add(keys[day]!, (Math.min(endedAt, bounds[day + 1]!) - bounds[day]!) / 60_000);
      if (endedAt > bounds[day]!) beyond.push([bounds[day]!, endedAt]);
    }
  }
  for (const [day, m] of minutesPerLocalDay(beyond)) add(day, m);
  return minutes;
}
