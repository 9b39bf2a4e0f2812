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

export const instant = z
  .number({ error: 'A time must be a number of milliseconds.' })
  .int('A time must be a whole number of milliseconds.')
  .min(EARLIEST_MS, 'A time before the year 2000 is not plausible.')
  .max(LATEST_MS, 'A time after the year 2100 is not plausible.');

export const NOTE_MAX = 2000;
export const ITEM_NOTES_MAX = 20_000;
export const entryNote = z.string().max(NOTE_MAX, `A note can be at most ${NOTE_MAX.toLocaleString('en')} characters.`);
const entryId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const noInput = z.strictObject({});

/** What a span that breaks a rule is told; the entry form says the same before it asks. */
export const SPAN_MESSAGES = {
  endAfterStart: 'The end must be after the start.',
  atLeastAMinute: 'An entry must be at least 1 minute long.',
  atMostADay: 'An entry can be at most 24 hours long. Split a longer session into several entries.',
} as const;

/** The rules every stored time span obeys, whether typed by hand or edited later. */
export const spanRules = <T extends { startedAt: number; endedAt: number }>(schema: z.ZodType<T>) =>
  schema
    .refine((s) => s.endedAt > s.startedAt, { message: SPAN_MESSAGES.endAfterStart, path: ['endedAt'] })
    .refine((s) => s.endedAt - s.startedAt >= MIN_ENTRY_MS || s.endedAt <= s.startedAt, {
      message: SPAN_MESSAGES.atLeastAMinute,
      path: ['endedAt'],
    })
    .refine((s) => s.endedAt - s.startedAt <= MAX_ENTRY_MS, { message: SPAN_MESSAGES.atMostADay, path: ['endedAt'] });

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

/**
 * The global start/stop-timer shortcut until the learner picks another. Not Ctrl+Alt+T: that opens
 * a terminal on Ubuntu, and the app would silently take it (or lose it) there.
 */
export const DEFAULT_TIMER_SHORTCUT = 'CommandOrControl+Shift+Alt+T';

export const settingsFields = {
  learnerName: z.string().trim().max(80, 'A name can be at most 80 characters.'),
  planStartDate: localDateSchema,
  targetDate: localDateSchema,
  weeklyGoalHours: z.number().min(0.5, 'A weekly goal is at least half an hour.').max(80, 'A weekly goal is at most 80 hours.'),
  streakMinMinutes: z.number().int().min(1, 'A study day needs at least 1 minute.').max(600, 'A study day needs at most 600 minutes.'),
  theme: z.enum(themes),
  backupsToKeep: z.number().int().min(1, 'Keep at least 1 backup.').max(100, 'Keep at most 100 backups.'),
  /** Idle longer than this while a timer runs, and the app asks what to do with the idle time. */
  idleMinutes: z.number().int().min(1, 'Idle detection needs at least 1 minute.').max(240, 'Idle detection waits at most 240 minutes.'),
  /** "20:00": remind when nothing was studied today by then. */
  studyReminderTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time is written HH:MM, for example 20:00.'),
  studyReminderEnabled: z.boolean(),
  overEstimateReminderEnabled: z.boolean(),
  /** An Electron accelerator such as DEFAULT_TIMER_SHORTCUT; empty turns the global shortcut off. */
  globalTimerShortcut: z.string().max(60).regex(/^$|^[A-Za-z0-9+]+$/, 'A shortcut looks like CommandOrControl+Alt+T.'),
  focusWorkMinutes: z.number().int().min(1).max(180),
  focusShortBreakMinutes: z.number().int().min(1).max(60),
  focusLongBreakMinutes: z.number().int().min(1).max(120),
  focusRoundsBeforeLongBreak: z.number().int().min(1).max(12),
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

// ---- Portfolio, self-assessment and milestones --------------------------------------------

export const PORTFOLIO_TEXT_MAX = 10_000;
export const PORTFOLIO_LINE_MAX = 300;
/** The seed's template fields, in its order; keys match curriculum.portfolioTemplate.fields. */
export const portfolioFieldKeys = [
  'projectTitle',
  'duration',
  'technologiesUsed',
  'problemStatement',
  'solutionArchitecture',
  'keyChallenges',
  'resultsImpact',
  'lessonsLearned',
  'futureImprovements',
] as const;
export const portfolioLinkKeys = ['githubRepository', 'liveDemo', 'documentation'] as const;
export type PortfolioFieldKey = (typeof portfolioFieldKeys)[number];
export type PortfolioLinkKey = (typeof portfolioLinkKeys)[number];

const singleLineKeys = new Set<PortfolioFieldKey>(['projectTitle', 'duration', 'technologiesUsed']);
export const portfolioFieldInputs = Object.fromEntries(
  portfolioFieldKeys.map((key) => [
    key,
    singleLineKeys.has(key)
      ? z.string().max(PORTFOLIO_LINE_MAX, `This field can be at most ${PORTFOLIO_LINE_MAX} characters.`)
      : z.string().max(PORTFOLIO_TEXT_MAX, `This field can be at most ${PORTFOLIO_TEXT_MAX.toLocaleString('en')} characters.`),
  ]),
) as Record<PortfolioFieldKey, z.ZodString>;

/** An empty link, or an http(s) URL with a host: the only links a portfolio may hold. */
export const isWebLink = (value: string) => {
  if (value === '') return true;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
};
export const WEB_LINK_MESSAGE = 'A link must be a web address starting with http:// or https://, for example https://github.com/you/project.';
const webLink = z.string().trim().max(2000, 'A link can be at most 2,000 characters.').refine(isWebLink, WEB_LINK_MESSAGE);
export const portfolioLinkInputs = Object.fromEntries(portfolioLinkKeys.map((key) => [key, webLink])) as Record<PortfolioLinkKey, typeof webLink>;

export const criterionScoreSchema = z.number().int('A score is a whole number from 1 to 5.').min(1, 'A score is from 1 to 5.').max(5, 'A score is from 1 to 5.');
/** Five scores per evaluation category, in the seed's order of sub-criteria; keys are the category ids. */
export const assessmentScoresSchema = z.strictObject({
  technical: z.array(criterionScoreSchema).length(5, 'Each category has 5 scores.'),
  mlops: z.array(criterionScoreSchema).length(5, 'Each category has 5 scores.'),
  innovation: z.array(criterionScoreSchema).length(5, 'Each category has 5 scores.'),
  communication: z.array(criterionScoreSchema).length(5, 'Each category has 5 scores.'),
});
export type AssessmentScores = z.infer<typeof assessmentScoresSchema>;

export const assessmentSchema = z.object({
  id: z.number().int().positive(),
  itemId: itemIdSchema,
  assessedAt: instant,
  scores: assessmentScoresSchema,
  /** Per category: the mean score as a percent of 5 (all 5s = 100, all 1s = 20). */
  categoryPercents: z.object({ technical: z.number(), mlops: z.number(), innovation: z.number(), communication: z.number() }),
  /** The categories' percents weighted 40/30/20/10 (the seed's weights): 20..100. */
  weightedTotal: z.number().min(0).max(100),
});
export type Assessment = z.infer<typeof assessmentSchema>;

export const portfolioEntrySchema = z.object({
  itemId: itemIdSchema,
  /** Whether the entry goes into the portfolio PDF. Projects are in by default, exercises out. */
  included: z.boolean(),
  fields: z.object(Object.fromEntries(portfolioFieldKeys.map((k) => [k, z.string()])) as Record<PortfolioFieldKey, z.ZodString>),
  links: z.object(Object.fromEntries(portfolioLinkKeys.map((k) => [k, z.string()])) as Record<PortfolioLinkKey, z.ZodString>),
  /** Fields still showing the app's pre-filled value (the learner has not changed them). */
  prefilled: z.array(z.enum(portfolioFieldKeys)),
  loggedHours: hours,
  status: itemStatusSchema,
  latestAssessment: assessmentSchema.nullable(),
  updatedAt: instant.nullable(),
});
export type PortfolioEntry = z.infer<typeof portfolioEntrySchema>;

export const milestonesSchema = z.object({
  checklists: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      entries: z.array(
        z.object({
          id: z.string(),
          text: z.string(),
          /** Set where the app's data decides the entry; then `done` follows the rule, not a tick. */
          rule: z.object({ met: z.boolean(), reason: z.string() }).nullable(),
          ticked: z.boolean(),
          done: z.boolean(),
        }),
      ),
    }),
  ),
});
export type Milestones = z.infer<typeof milestonesSchema>;

export const milestoneEntryIdSchema = z.string().regex(/^[a-z0-9]+\.[1-9]$/, 'A milestone id looks like "phase1.2".');

export const BACKUP_ID = /^companion-\d{8}-\d{6}-\d{3}-(daily|manual|import|restore|migration)\.db$/;
export const backupSchema = z.object({
  /** The backup's file name: the renderer never sees folders. */
  id: z.string().regex(BACKUP_ID),
  createdAt: instant,
  bytes: z.number().int().nonnegative(),
  reason: z.enum(['daily', 'manual', 'import', 'restore', 'migration']),
});
export type Backup = z.infer<typeof backupSchema>;

/** The largest export file the app reads: years of daily logging are a few MB. */
export const IMPORT_MAX_CHARS = 64 * 1024 * 1024;

export const paperSizeSchema = z.enum(['A4', 'Letter'], { error: 'The paper size is A4 or Letter.' });
export type PaperSize = z.infer<typeof paperSizeSchema>;

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
    // A key sent as undefined (structured clone keeps it) changes nothing, so it does not count.
    input: z.strictObject(settingsFields).partial().refine((s) => Object.values(s).some((v) => v !== undefined), 'Give at least one setting to change.'),
    output: settingsSchema,
  },

  'portfolio.list': { input: noInput, output: z.object({ entries: z.array(portfolioEntrySchema) }) },
  'portfolio.get': { input: z.strictObject({ itemId: itemIdSchema }), output: portfolioEntrySchema },
  'portfolio.update': {
    input: z
      .strictObject({
        itemId: itemIdSchema,
        included: z.boolean().optional(),
        fields: z.strictObject(portfolioFieldInputs).partial().optional(),
        links: z.strictObject(portfolioLinkInputs).partial().optional(),
      })
      .refine((u) => u.included !== undefined || u.fields !== undefined || u.links !== undefined, 'Give something to change.'),
    output: portfolioEntrySchema,
  },
  'assessment.save': {
    input: z.strictObject({ itemId: itemIdSchema, scores: assessmentScoresSchema }),
    output: z.object({ saved: assessmentSchema, history: z.array(assessmentSchema) }),
  },
  'assessment.history': { input: z.strictObject({ itemId: itemIdSchema }), output: z.object({ history: z.array(assessmentSchema) }) },
  'milestones.get': { input: noInput, output: milestonesSchema },
  'milestones.tick': {
    input: z.strictObject({ entryId: milestoneEntryIdSchema, ticked: z.boolean() }),
    output: milestonesSchema,
  },
  /** Desktop only: asks where to save, prints the portfolio to PDF there. The preview answers CONFLICT. */
  'portfolio.exportPdf': {
    input: z.strictObject({ paper: paperSizeSchema }),
    output: z.object({ saved: z.boolean(), fileName: z.string(), pages: z.number().int().nonnegative(), bytes: z.number().int().nonnegative() }),
  },

  /** A file for the learner to save: the renderer offers it as a download (a save dialog on the desktop). */
  'data.exportCsv': { input: noInput, output: z.object({ fileName: z.string(), content: z.string(), rows: z.number().int() }) },
  'data.exportJson': { input: noInput, output: z.object({ fileName: z.string(), content: z.string() }) },
  'data.import': {
    input: z.strictObject({
      content: z.string().max(IMPORT_MAX_CHARS, 'The file is larger than 64 MB; that is not an export of this app.'),
      mode: z.enum(['replace', 'merge'], { error: 'Choose replace or merge.' }),
    }),
    output: z.object({
      mode: z.enum(['replace', 'merge']),
      timeEntriesAdded: z.number().int(),
      timeEntriesSkipped: z.number().int(),
      backup: backupSchema.nullable(),
    }),
  },
  'backups.list': { input: noInput, output: z.object({ backups: z.array(backupSchema), keep: z.number().int() }) },
  'backups.create': { input: noInput, output: backupSchema },
  /** Where the learner's data lives, for Settings; shown with the home folder as "~". */
  'data.folder': { input: noInput, output: z.object({ location: z.string(), canOpen: z.boolean() }) },
  /** Desktop only: opens the data folder in the system's file manager. */
  'data.openFolder': { input: noInput, output: z.object({ opened: z.boolean() }) },
  'backups.restore': {
    input: z.strictObject({ id: z.string().regex(BACKUP_ID, 'That is not the name of a backup.') }),
    output: z.object({ restored: backupSchema, safetyBackup: backupSchema }),
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
