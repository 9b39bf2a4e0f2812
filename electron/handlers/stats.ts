// The roadmap's estimate-vs-actual numbers and the Insights screen. Everything is aggregated here,
// in SQL and in the pure functions of electron/stats; the renderer gets compact series only.
import type { ItemStatus } from '../../shared/schemas/items';
import { HOUR_MS } from '../../shared/time';
import type { LocalDate } from '../../shared/dates';
import type { Db } from '../db/open';
import { computeInsights } from '../stats/insights';
import { localDateOf, localDays, minutesPerLocalDay } from '../stats/local-days';
import { computeRoadmapStats } from '../stats/roadmap';
import { sql, type HandlerContext, type HandlerGroup } from './context';
import { readSettings } from './settings';

// sql() shares one prepared statement per SQL text across handlers, and .raw() switches that
// statement for good: the raw statements below have texts no other module uses.

function readStatuses(ctx: HandlerContext): (itemId: string) => ItemStatus {
  const rows = sql(ctx.db, 'SELECT item_id, status FROM item_progress').all() as { item_id: string; status: ItemStatus }[];
  const statuses = new Map(rows.map((r) => [r.item_id, r.status]));
  return (itemId) => statuses.get(itemId) ?? 'not_started';
}

/** Hours logged per item, all time: the totals the triggers keep (migration 3), one row per item. */
function readItemHours(ctx: HandlerContext): (itemId: string) => number {
  const rows = sql(ctx.db, 'SELECT item_id, ms FROM item_totals').raw(true).all() as [string, number][];
  const hours = new Map(rows.map(([itemId, ms]) => [itemId, ms / HOUR_MS]));
  return (itemId) => hours.get(itemId) ?? 0;
}

// Milliseconds per local day, one row per day: the day's entries are a range of the start index
// (time_entries_by_start_span, which holds ended_at too, so the table is never read). An entry
// counts on its start day up to the day's end; the sum comes back negative when some entry runs
// past that end, and only those days are read again for the rest (readDayMinutes).
const DAY_SUMS = `WITH day (k, start, end) AS (SELECT key, value, LEAD(value) OVER (ORDER BY key) FROM json_each(?))
  SELECT k, (SELECT SUM(MIN(t.ended_at, day.end) - t.started_at) * IIF(MAX(t.ended_at) > day.end, -1, 1)
             FROM time_entries t WHERE t.started_at >= day.start AND t.started_at < day.end)
  FROM day WHERE end IS NOT NULL`;

/**
 * Minutes studied per local day, all items, all time: the same map as minutesPerLocalDay over every
 * entry, added up in SQL. The local days come from JavaScript (localDays, the main process's time
 * zone); SQLite only adds up the milliseconds between their bounds.
 */
export function readDayMinutes(db: Db): Map<LocalDate, number> {
  const minutes = new Map<LocalDate, number>();
  // Two subqueries: each is one index lookup, where MIN and MAX side by side scan the table.
  const [first, last] = sql(db, 'SELECT (SELECT MIN(started_at) FROM time_entries), (SELECT MAX(started_at) FROM time_entries)')
    .raw(true)
    .get() as [number | null, number | null];
  if (first === null || last === null) return minutes;
  const { keys, bounds } = localDays(first, last);
  const rows = sql(db, DAY_SUMS).raw(true).all(JSON.stringify(bounds)) as [number, number | null][];
  const spill: [number, number][] = [];
  for (const [k, ms] of rows) {
    if (!ms) continue; // no entries that day
    minutes.set(keys[k]!, Math.abs(ms) / 60_000);
    if (ms > 0) continue;
    // Entries that run past the day's end: the rest of each counts on the days after.
    const end = bounds[k + 1]!;
    const ends = sql(db, 'SELECT ended_at FROM time_entries WHERE started_at >= ? AND started_at < ? AND ended_at > ?')
      .pluck()
      .all(bounds[k], end, end) as number[];
    for (const endedAt of ends) spill.push([end, endedAt]);
  }
  for (const [day, m] of minutesPerLocalDay(spill)) minutes.set(day, (minutes.get(day) ?? 0) + m);
  return minutes;
}

export const statsHandlers: HandlerGroup<'stats.roadmap' | 'stats.insights'> = {
  'stats.roadmap': (ctx) => computeRoadmapStats(ctx.curriculum, readStatuses(ctx), readItemHours(ctx)),

  'stats.insights': (ctx) =>
    computeInsights({
      curriculum: ctx.curriculum,
      settings: readSettings(ctx),
      today: localDateOf(ctx.now()),
      statusOf: readStatuses(ctx),
      hoursOf: readItemHours(ctx),
      dayMinutes: readDayMinutes(ctx.db),
    }),
};
