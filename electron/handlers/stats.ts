// The roadmap's estimate-vs-actual numbers and the Insights screen. Everything is aggregated in
// the store's SQL and in the pure functions of electron/stats; the renderer gets compact series only.
import { HOUR_MS } from '../../shared/time';
import { computeInsights } from '../stats/insights';
import { localDateOf } from '../stats/local-days';
import { computeRoadmapStats } from '../stats/roadmap';
import { readStatuses } from '../store/items';
import { readSettings } from '../store/settings';
import { readDayMinutes, readItemTotals } from '../store/totals';
import type { HandlerContext, HandlerGroup } from './context';

/** Hours logged per item, all time. */
function readItemHours(ctx: HandlerContext): (itemId: string) => number {
  const totalOf = readItemTotals(ctx);
  return (itemId) => totalOf(itemId).ms / HOUR_MS;
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
