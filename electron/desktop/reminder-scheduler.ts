// Reminders wiring: one setTimeout for the next "you haven't studied today" reminder, and a check
// for items that have just gone over their maximum estimate. When is electron/desktop/reminders.ts's
// decision; this file keeps the timeout, shows Notifications and remembers what it has shown.
import type { LocalDate } from '../../shared/dates';
import { localDateOf } from '../stats/local-days';
import { nextStudyReminder, overEstimateReminders, type EstimateItem } from './reminders';

export interface NotificationLike {
  show(): void;
  on(event: 'click' | 'close', listener: () => void): unknown;
}
export interface NotificationClass {
  new (options: { title: string; body: string; silent?: boolean }): NotificationLike;
  isSupported?(): boolean;
}

export interface ReminderSettings {
  studyReminderTime: string;
  studyReminderEnabled: boolean;
  overEstimateReminderEnabled: boolean;
}

export interface ReminderState {
  lastShownDate: LocalDate | null;
  /** Items already notified as over their estimate; null until the first check seeded it. */
  overEstimateNotified: string[] | null;
}

export interface ReminderDeps {
  Notification: NotificationClass;
  getSettings: () => ReminderSettings;
  /** Minutes studied today, the running timer included. */
  getTodayMinutes: () => number;
  getEstimateItems: () => EstimateItem[];
  /** Where the learner goes on a click: the window, on the right screen. */
  onClick: (target: 'today' | { itemId: string }) => void;
  loadState: () => ReminderState | null;
  saveState: (state: ReminderState) => void;
  now: () => number;
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
  appName: string;
}

/** setTimeout's delay is a signed 32-bit number; longer waits are re-armed. */
const MAX_DELAY = 2 ** 31 - 1;

export function createReminderScheduler(deps: ReminderDeps) {
  const state: ReminderState = { lastShownDate: null, overEstimateNotified: null, ...deps.loadState() };
  const later = deps.setTimeout ?? ((fn, ms) => setTimeout(fn, ms));
  const cancel = deps.clearTimeout ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  let handle: unknown = null;
  const supported = () => deps.Notification.isSupported?.() ?? true;

  // Shown notifications stay referenced until clicked or closed: a Notification object that nothing
  // references can be garbage-collected while it is on screen, and its click then does nothing.
  const shown = new Set<NotificationLike>();
  const notify = (body: string, target: 'today' | { itemId: string }) => {
    if (!supported()) return;
    const n = new deps.Notification({ title: deps.appName, body });
    shown.add(n);
    n.on('click', () => {
      shown.delete(n);
      deps.onClick(target);
    });
    n.on('close', () => void shown.delete(n));
    n.show();
  };

  const fire = () => {
    handle = null;
    const settings = deps.getSettings();
    const now = deps.now();
    const today = localDateOf(now);
    if (settings.studyReminderEnabled && state.lastShownDate !== today && deps.getTodayMinutes() <= 0) {
      notify("You haven't studied today yet. Even 25 minutes keeps the streak going.", 'today');
      state.lastShownDate = today;
      deps.saveState({ ...state });
    }
    reschedule();
  };

  function reschedule(): number | null {
    if (handle !== null) cancel(handle);
    handle = null;
    const settings = deps.getSettings();
    const now = deps.now();
    const at = nextStudyReminder({
      now,
      reminderTime: settings.studyReminderTime,
      enabled: settings.studyReminderEnabled,
      studiedTodayMinutes: deps.getTodayMinutes(),
      lastShownDate: state.lastShownDate,
    });
    if (at === null) return null;
    const delay = at - now;
    handle = delay > MAX_DELAY ? later(reschedule, MAX_DELAY) : later(fire, Math.max(0, delay));
    (handle as { unref?: () => void } | null)?.unref?.();
    return at;
  }

  /** Notifies items that have just passed their maximum estimate (once each). */
  function checkOverEstimate(): EstimateItem[] {
    const items = deps.getEstimateItems();
    if (state.overEstimateNotified === null) {
      // First run: items already over before this feature existed are not news.
      state.overEstimateNotified = items
        .filter((i) => i.maxHours > 0 && i.loggedHours > i.maxHours)
        .map((i) => i.itemId);
      deps.saveState({ ...state });
      return [];
    }
    if (!deps.getSettings().overEstimateReminderEnabled) return [];
    const fresh = overEstimateReminders({ items, alreadyNotified: new Set(state.overEstimateNotified) });
    for (const item of fresh) {
      notify(
        `${item.title} has passed its estimate: ${item.loggedHours.toFixed(1)} h logged, ${item.maxHours} h at most was planned. Time to wrap up or re-plan?`,
        { itemId: item.itemId },
      );
    }
    if (fresh.length > 0) {
      state.overEstimateNotified = [...state.overEstimateNotified, ...fresh.map((i) => i.itemId)];
      deps.saveState({ ...state });
    }
    return fresh;
  }

  return {
    reschedule,
    checkOverEstimate,
    state: () => ({ ...state }),
    /** Notifications on screen now (kept referenced until clicked or closed). */
    shownCount: () => shown.size,
    dispose() {
      if (handle !== null) cancel(handle);
      handle = null;
      shown.clear();
    },
  };
}
