// The roadmap's estimate-vs-actual numbers and the Insights screen. Everything is aggregated here,
// in SQL and in the pure functions of electron/stats; the renderer gets compact series only.
import type { ItemStatus } from '../../shared/contract';
import { HOUR_MS } from '../../shared/time';
import { computeInsights } from '../stats/insights';
import { localDateOf, minutesPerLocalDay } from '../stats/local-days';
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

/** Hours logged per item, all time: one GROUP BY over the entries. */
function readItemHours(ctx: HandlerContext): (itemId: string) => number {
  const rows = sql(ctx.db, 'SELECT item_id, SUM(ended_at - started_at) FROM time_entries GROUP BY item_id')
    .raw(true)
    .all() as [string, number][];
  const hours = new Map(rows.map(([itemId, ms]) => [itemId, ms / HOUR_MS]));
  return (itemId) => hours.get(itemId) ?? 0;
}

export const statsHandlers: HandlerGroup<'stats.roadmap' | 'stats.insights'> = {
  'stats.roadmap': (ctx) => computeRoadmapStats(ctx.curriculum, readStatuses(ctx), readItemHours(ctx)),

  'stats.insights': (ctx) => {
    // Spans in rowid order (the order they were logged, close to chronological), straight off the
    // table: minutesPerLocalDay does not need them sorted.
    const spans = sql(ctx.db, 'SELECT started_at, ended_at FROM time_entries').raw(true).iterate() as Iterable<
      [number, number]
    >;
    return computeInsights({
      curriculum: ctx.curriculum,
      settings: readSettings(ctx),
      today: localDateOf(ctx.now()),
      statusOf: readStatuses(ctx),
      hoursOf: readItemHours(ctx),
      dayMinutes: minutesPerLocalDay(spans),
    });
  },
};
