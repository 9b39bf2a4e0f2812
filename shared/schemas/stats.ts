// The roadmap's and the insights' figures, all computed in the main process.
import { z } from 'zod';
import { itemIdSchema } from '../curriculum';
import { hoursSchema as hours, localDateSchema } from './common';
import { itemStatusSchema } from './items';

const phaseNumber = z.number().int().min(1).max(3);
const estimateTotals = { minHours: hours, maxHours: hours, actualHours: hours };

export const roadmapStatsSchema = z.object({
  items: z.array(
    z.object({
      itemId: itemIdSchema,
      phase: phaseNumber,
      month: z.number().int(),
      status: itemStatusSchema,
      ...estimateTotals,
      overMax: z.boolean(),
    }),
  ),
  months: z.array(z.object({ month: z.number().int(), phase: phaseNumber, ...estimateTotals })),
  phases: z.array(z.object({ phase: phaseNumber, ...estimateTotals })),
  totals: z.object(estimateTotals),
});
export type RoadmapStats = z.infer<typeof roadmapStatsSchema>;

const median = z.object({ median: z.number().nullable(), count: z.number().int().nonnegative() });
const remaining = z.object({ p50Hours: hours, p80Hours: hours });

export const insightsSchema = z.object({
  today: localDateSchema,
  weeklyGoalHours: z.number(),
  streakMinMinutes: z.number(),
  burnUp: z.object({
    planStartDate: localDateSchema,
    planEndDate: localDateSchema,
    targetDate: localDateSchema,
    /** One point a week from the plan start; actualHours is null for weeks still to come. */
    points: z.array(z.object({ date: localDateSchema, plannedHours: hours, actualHours: hours.nullable() })),
  }),
  /** The last 26 weeks, oldest first, weeks starting on Monday. */
  weekly: z.array(z.object({ weekStart: localDateSchema, hours })),
  /** Minutes per day from `start` (a Monday) to today: compact, one number a day. */
  heatmap: z.object({ start: localDateSchema, minutes: z.array(z.number().nonnegative()) }),
  streak: z.object({ current: z.number().int(), longest: z.number().int(), todayCounts: z.boolean() }),
  calibration: z.object({
    overall: median,
    phases: z.array(median.extend({ phase: phaseNumber })),
    items: z.array(z.object({ itemId: itemIdSchema, ratio: z.number().nonnegative() })),
  }),
  forecast: z.object({
    /** 'raw-estimate' while fewer than 2 done items have logged time to calibrate on. */
    basis: z.enum(['calibrated', 'raw-estimate']),
    ratioP50: z.number(),
    ratioP80: z.number(),
    overall: remaining,
    phases: z.array(remaining.extend({ phase: phaseNumber })),
    paceHoursPerWeek: hours,
    /** Whether the first study day is 4 weeks back: before that the pace says little, and no finish date is given. */
    enoughHistory: z.boolean(),
    /** The day a finish date is first given (4 weeks from the first study day); null before any study. */
    forecastFrom: localDateSchema.nullable(),
    finishP50: localDateSchema.nullable(),
    finishP80: localDateSchema.nullable(),
    weeksToTarget: z.number(),
    /** Hours a week from now on to finish (P50) by the target date; null once the target has passed. */
    neededHoursPerWeek: hours.nullable(),
  }),
});
export type Insights = z.infer<typeof insightsSchema>;
