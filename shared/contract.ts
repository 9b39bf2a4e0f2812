// The one IPC contract. Every channel is declared here once with the zod schema of its input and
// of its output. Main registers a handler for each key and validates every input against it; the
// preload allows exactly these keys; the renderer's client is typed from it. No Node or DOM imports.
import { z } from 'zod';
import { curriculumSchema, itemIdSchema } from './curriculum';
import { isLocalDate } from './dates';
import { EARLIEST_MS, LATEST_MS, MAX_ENTRY_MS, MIN_ENTRY_MS } from './time';

export const itemStatuses = ['not_started', 'in_progress', 'done', 'skipped'] as const;
export const itemStatusSchema = z.enum(itemStatuses, {
  error: 'A status is one of: not_started, in_progress, done, skipped.',
});
export type ItemStatus = z.infer<typeof itemStatusSchema>;

const instant = z
  .number({ error: 'A time must be a number of milliseconds.' })
  .int('A time must be a whole number of milliseconds.')
  .min(EARLIEST_MS, 'A time before the year 2000 is not plausible.')
  .max(LATEST_MS, 'A time after the year 2100 is not plausible.');

export const NOTE_MAX = 2000;
export const ITEM_NOTES_MAX = 20_000;
const entryNote = z.string().max(NOTE_MAX, `A note can be at most ${NOTE_MAX.toLocaleString('en')} characters.`);
const entryId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const noInput = z.strictObject({});

/** The rules every stored time span obeys, whether typed by hand or edited later. */
const spanRules = <T extends { startedAt: number; endedAt: number }>(schema: z.ZodType<T>) =>
  schema
    .refine((s) => s.endedAt > s.startedAt, { message: 'The end must be after the start.', path: ['endedAt'] })
    .refine((s) => s.endedAt - s.startedAt >= MIN_ENTRY_MS || s.endedAt <= s.startedAt, {
      message: 'An entry must be at least 1 minute long.',
      path: ['endedAt'],
    })
    .refine((s) => s.endedAt - s.startedAt <= MAX_ENTRY_MS, {
      message: 'An entry can be at most 24 hours long. Split a longer session into several entries.',
      path: ['endedAt'],
    });

export const itemStateSchema = z.object({
  itemId: itemIdSchema,
  status: itemStatusSchema,
  notes: z.string(),
  tickedEntries: z.array(z.number().int().nonnegative()),
  minutesLogged: z.number().nonnegative(),
  entryCount: z.number().int().nonnegative(),
});
export type ItemState = z.infer<typeof itemStateSchema>;

export const timeEntrySchema = z.object({
  id: entryId,
  itemId: itemIdSchema,
  startedAt: instant,
  endedAt: instant,
  note: z.string(),
  source: z.enum(['timer', 'manual']),
  /** True when another entry covers part of the same time: the log shows it. */
  overlaps: z.boolean(),
});
export type TimeEntry = z.infer<typeof timeEntrySchema>;

export const runningTimerSchema = z.object({ itemId: itemIdSchema, startedAt: instant, note: z.string() });
export type RunningTimer = z.infer<typeof runningTimerSchema>;

/** What stopping a timer did: logged an entry, or discarded a span under a minute. */
export const timerStopSchema = z.object({
  entry: timeEntrySchema.nullable(),
  discarded: z.object({ itemId: itemIdSchema, seconds: z.number().int().nonnegative() }).nullable(),
});
export type TimerStop = z.infer<typeof timerStopSchema>;

const manualEntryInput = spanRules(
  z.strictObject({ itemId: itemIdSchema, startedAt: instant, endedAt: instant, note: entryNote.default('') }),
);

const editEntryInput = spanRules(
  z.strictObject({ id: entryId, itemId: itemIdSchema, startedAt: instant, endedAt: instant, note: entryNote }),
);

export const progressSchema = z.object({
  itemCount: z.number().int(),
  /** Items still in the plan: all but the skipped ones. */
  plannedCount: z.number().int(),
  doneCount: z.number().int(),
  skippedCount: z.number().int(),
  /** Done items over planned items, 0..1. */
  byCount: z.number().min(0).max(1),
  /** Estimate midpoints of done items over those of planned items, 0..1. */
  byHours: z.number().min(0).max(1),
  estimateMinHours: z.number(),
  estimateMaxHours: z.number(),
  loggedMinutes: z.number(),
});
export type Progress = z.infer<typeof progressSchema>;

export const TIME_LIST_MAX = 500;

/** A calendar day in the learner's zone, "2026-03-02". */
export const localDateSchema = z
  .string()
  .refine(isLocalDate, 'A date is written YYYY-MM-DD and must exist on the calendar.');

export const themes = ['system', 'light', 'dark'] as const;

const settingsFields = {
  learnerName: z.string().trim().max(80, 'A name can be at most 80 characters.'),
  planStartDate: localDateSchema,
  targetDate: localDateSchema,
  weeklyGoalHours: z.number().min(0.5, 'A weekly goal is at least half an hour.').max(80, 'A weekly goal is at most 80 hours.'),
  streakMinMinutes: z.number().int().min(1, 'A study day needs at least 1 minute.').max(600, 'A study day needs at most 600 minutes.'),
  theme: z.enum(themes),
};
export const settingsSchema = z.object(settingsFields);
export type Settings = z.infer<typeof settingsSchema>;

const hours = z.number().nonnegative();
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
    finishP50: localDateSchema.nullable(),
    finishP80: localDateSchema.nullable(),
    weeksToTarget: z.number(),
    /** Hours a week from now on to finish (P50) by the target date; null once the target has passed. */
    neededHoursPerWeek: hours.nullable(),
  }),
});
export type Insights = z.infer<typeof insightsSchema>;

export const contract = {
  'curriculum.get': { input: noInput, output: curriculumSchema },

  'progress.overview': {
    input: noInput,
    output: z.object({
      items: z.array(itemStateSchema.omit({ notes: true, tickedEntries: true }).extend({ tickedCount: z.number().int() })),
      overall: progressSchema,
      phases: z.array(progressSchema.extend({ phase: z.number().int() })),
    }),
  },
  'item.get': { input: z.strictObject({ itemId: itemIdSchema }), output: itemStateSchema },
  'item.setStatus': { input: z.strictObject({ itemId: itemIdSchema, status: itemStatusSchema }), output: itemStateSchema },
  'item.setNotes': {
    input: z.strictObject({
      itemId: itemIdSchema,
      notes: z.string().max(ITEM_NOTES_MAX, `Notes can be at most ${ITEM_NOTES_MAX.toLocaleString('en')} characters.`),
    }),
    output: itemStateSchema,
  },
  'item.tickEntry': {
    input: z.strictObject({ itemId: itemIdSchema, entryIndex: z.number().int().min(0).max(99), ticked: z.boolean() }),
    output: itemStateSchema,
  },

  'timer.current': { input: noInput, output: runningTimerSchema.nullable() },
  'timer.start': {
    input: z.strictObject({ itemId: itemIdSchema, note: entryNote.default('') }),
    output: z.object({ running: runningTimerSchema, stoppedPrevious: timerStopSchema.nullable() }),
  },
  'timer.stop': { input: noInput, output: timerStopSchema },

  'time.add': { input: manualEntryInput, output: timeEntrySchema },
  'time.edit': { input: editEntryInput, output: timeEntrySchema },
  'time.delete': { input: z.strictObject({ id: entryId }), output: z.object({ deleted: timeEntrySchema }) },
  'time.list': {
    input: z
      .strictObject({
        itemId: itemIdSchema.optional(),
        from: instant.optional(),
        to: instant.optional(),
        /** Keyset paging: entries that start before this one (newest first). */
        before: z.strictObject({ startedAt: instant, id: entryId }).optional(),
        limit: z.number().int().min(1).max(TIME_LIST_MAX).default(100),
      })
      .refine((q) => q.from === undefined || q.to === undefined || q.from < q.to, {
        message: 'The "from" date must be before the "to" date.',
        path: ['to'],
      }),
    output: z.object({ entries: z.array(timeEntrySchema), hasMore: z.boolean() }),
  },

  'settings.get': { input: noInput, output: settingsSchema },
  'settings.update': {
    input: z.strictObject(settingsFields).partial().refine((s) => Object.keys(s).length > 0, 'Give at least one setting to change.'),
    output: settingsSchema,
  },

  'stats.roadmap': { input: noInput, output: roadmapStatsSchema },
  'stats.insights': { input: noInput, output: insightsSchema },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

/** Every channel, derived from the contract: the preload's allow-list and the handler registry use it. */
export const channels = Object.keys(contract) as Channel[];
export const isChannel = (name: unknown): name is Channel =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
