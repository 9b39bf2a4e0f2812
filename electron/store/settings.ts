// The learner's settings: stored one key per row as JSON, read over defaults.
import { addMonths } from '../../shared/dates';
import { DEFAULT_TIMER_SHORTCUT, settingsSchema, type Settings } from '../../shared/schemas/settings';
import { localDateOf } from '../stats/local-days';
import type { StoreContext } from './context';
import { prepared } from './statements';

const PLAN_MONTHS = 9;

function defaultSettings(planStartDate: string): Settings {
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

export function readSettings(ctx: Pick<StoreContext, 'db' | 'now'>): Settings {
  const rows = prepared(ctx.db, 'SELECT key, value FROM settings').all() as { key: string; value: string }[];
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

/** Writes the given settings in one transaction, as the learner's choice: a merge-import never replaces them (migration 4). */
export function writeLearnerSettings(ctx: Pick<StoreContext, 'db'>, changes: Record<string, unknown>): void {
  const write = prepared(
    ctx.db,
    "INSERT INTO settings (key, value, set_by) VALUES (?, ?, 'learner') ON CONFLICT (key) DO UPDATE SET value = excluded.value, set_by = 'learner'",
  );
  ctx.db.transaction(() => {
    for (const [key, value] of Object.entries(changes)) write.run(key, JSON.stringify(value));
  })();
}
