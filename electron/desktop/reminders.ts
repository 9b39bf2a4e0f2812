// When to remind the learner. Pure: main schedules a setTimeout for the instant returned and
// shows a Notification; days are local days in the machine's zone (DST-aware through Date).
import type { LocalDate } from '../../shared/dates';
import { localDateOf } from '../stats/local-days';

/** Local time `hh:mm` on local `date`, as epoch ms. On a spring-forward day a missing time moves forward (02:30 → 03:30). */
export function atLocalTime(date: LocalDate, time: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return new Date(y, m - 1, d, hh, mm).getTime();
}

const nextLocalDate = (date: LocalDate): LocalDate => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return localDateOf(new Date(y, m - 1, d + 1, 12).getTime());
};

/**
 * The instant to show "You haven't studied today": today at `reminderTime` while that is still
 * ahead, nothing was studied today and today's reminder was not shown yet; otherwise tomorrow at
 * `reminderTime` (checked again then). Null when the reminder is off.
 */
export function nextStudyReminder(input: {
  now: number;
  reminderTime: string;
  enabled: boolean;
  studiedTodayMinutes: number;
  lastShownDate: LocalDate | null;
}): number | null {
  const { now, reminderTime, enabled, studiedTodayMinutes, lastShownDate } = input;
  if (!enabled || !/^([01]\d|2[0-3]):[0-5]\d$/.test(reminderTime)) return null;
  const today = localDateOf(now);
  const todayAt = atLocalTime(today, reminderTime);
  if (todayAt >= now && studiedTodayMinutes <= 0 && lastShownDate !== today) return todayAt;
  return atLocalTime(nextLocalDate(today), reminderTime);
}

export interface EstimateItem {
  itemId: string;
  title: string;
  loggedHours: number;
  maxHours: number;
}

/**
 * The items whose logged hours have just passed their maximum estimate and were not notified yet:
 * one notification per item. The caller adds their ids to `alreadyNotified` (and persists it).
 */
export function overEstimateReminders(input: {
  items: readonly EstimateItem[];
  alreadyNotified: ReadonlySet<string>;
}): EstimateItem[] {
  return input.items.filter(
    (i) => i.maxHours > 0 && i.loggedHours > i.maxHours && !input.alreadyNotified.has(i.itemId),
  );
}
