// The learner's settings: stored one key per row as JSON, read over defaults.
import { addMonths } from '../../shared/dates';
import { DEFAULT_TIMER_SHORTCUT, settingsSchema, type Settings } from '../../shared/schemas/settings';
import { AppError } from '../../shared/errors';
import { localDateOf } from '../stats/local-days';
import { sql, type HandlerContext, type HandlerGroup } from './context';

export const PLAN_MONTHS = 9;

export function defaultSettings(planStartDate: string): Settings {
  return {
    learnerName: '',
    planStartDate,
    targetDate: addMonths(planStartDate, PLAN_MONTHS),
    weeklyGoalHours: 10,
    streakMinMinutes: 15,
    theme: 'system',
    backupsToKeep: 10,
    idleMinutes: 10,
    studyReminderTime: '20:00',
    studyReminderEnabled: true,
    overEstimateReminderEnabled: true,
    globalTimerShortcut: DEFAULT_TIMER_SHORTCUT,
    focusWorkMinutes: 25,
    focusShortBreakMinutes: 5,
    focusLongBreakMinutes: 15,
    focusRoundsBeforeLongBreak: 4,
  };
}

export function readSettings(ctx: HandlerContext): Settings {
  const rows = sql(ctx.db, 'SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const stored: Record<string, unknown> = {};
  for (const { key, value } of rows) {
    try {
      stored[key] = JSON.parse(value);
    } catch {
      // A value we cannot read falls back to its default below.
    }
  }
  const start = typeof stored.planStartDate === 'string' ? stored.planStartDate : localDateOf(ctx.now());
  const merged = { ...defaultSettings(start), ...stored };
  if (stored.targetDate === undefined) merged.targetDate = addMonths(merged.planStartDate, PLAN_MONTHS);
  // Each field on its own: one bad stored value must not hide the others.
  const result = settingsSchema.safeParse(merged);
  if (result.success) return result.data;
  const fallback = defaultSettings(start) as Record<string, unknown>;
  for (const issue of result.error.issues) {
    const key = String(issue.path[0]);
    (merged as Record<string, unknown>)[key] = fallback[key];
  }
  return settingsSchema.parse(merged);
}

export const settingsHandlers: HandlerGroup<'settings.get' | 'settings.update'> = {
  'settings.get': (ctx) => readSettings(ctx),

  'settings.update': (ctx, input) => {
    // Only the settings given a value: `{ theme: undefined }` must neither unset a setting nor write "undefined".
    const changes = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
    const next = { ...readSettings(ctx), ...changes };
    if (next.targetDate <= next.planStartDate) {
      throw new AppError('INVALID_INPUT', 'The target date must be after the plan start date.');
    }
    // The learner chose these: a merge-import never replaces them (migration 4).
    const write = sql(
      ctx.db,
      "INSERT INTO settings (key, value, set_by) VALUES (?, ?, 'learner') ON CONFLICT (key) DO UPDATE SET value = excluded.value, set_by = 'learner'",
    );
    ctx.db.transaction(() => {
      for (const [key, value] of Object.entries(changes)) write.run(key, JSON.stringify(value));
    })();
    return readSettings(ctx);
  },
};
