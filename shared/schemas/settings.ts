// The learner's settings: each field with its limits and the sentence it refuses with.
import { z } from 'zod';
import { localDateSchema } from './common';

const themes = ['system', 'light', 'dark'] as const;

/**
 * The global start/stop-timer shortcut until the learner picks another. Not Ctrl+Alt+T: that opens
 * a terminal on Ubuntu, and the app would silently take it (or lose it) there.
 */
export const DEFAULT_TIMER_SHORTCUT = 'CommandOrControl+Shift+Alt+T';

export const settingsFields = {
  learnerName: z.string().trim().max(80, 'A name can be at most 80 characters.'),
  planStartDate: localDateSchema,
  targetDate: localDateSchema,
  weeklyGoalHours: z
    .number()
    .min(0.5, 'A weekly goal is at least half an hour.')
    .max(80, 'A weekly goal is at most 80 hours.'),
  streakMinMinutes: z
    .number()
    .int()
    .min(1, 'A study day needs at least 1 minute.')
    .max(600, 'A study day needs at most 600 minutes.'),
  theme: z.enum(themes),
  backupsToKeep: z.number().int().min(1, 'Keep at least 1 backup.').max(100, 'Keep at most 100 backups.'),
  /** Idle longer than this while a timer runs, and the app asks what to do with the idle time. */
  idleMinutes: z
    .number()
    .int()
    .min(1, 'Idle detection needs at least 1 minute.')
    .max(240, 'Idle detection waits at most 240 minutes.'),
  /** "20:00": remind when nothing was studied today by then. */
  studyReminderTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time is written HH:MM, for example 20:00.'),
  studyReminderEnabled: z.boolean(),
  overEstimateReminderEnabled: z.boolean(),
  /** An Electron accelerator such as DEFAULT_TIMER_SHORTCUT; empty turns the global shortcut off. */
  globalTimerShortcut: z
    .string()
    .max(60)
    .regex(/^$|^[A-Za-z0-9+]+$/, 'A shortcut looks like CommandOrControl+Alt+T.'),
  focusWorkMinutes: z.number().int().min(1).max(180),
  focusShortBreakMinutes: z.number().int().min(1).max(60),
  focusLongBreakMinutes: z.number().int().min(1).max(120),
  focusRoundsBeforeLongBreak: z.number().int().min(1).max(12),
};
export const settingsSchema = z.object(settingsFields);
export type Settings = z.infer<typeof settingsSchema>;

export const settingsUpdateInput = z
  .strictObject(settingsFields)
  .partial()
  // A key sent as undefined (structured clone keeps it) changes nothing, so it does not count.
  .refine((s) => Object.values(s).some((v) => v !== undefined), 'Give at least one setting to change.');
