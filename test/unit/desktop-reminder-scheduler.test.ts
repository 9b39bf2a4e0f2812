// The reminder scheduler (electron/desktop/reminder-scheduler.ts): when study and over-estimate notifications are shown, and what clicking one does.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createReminderScheduler,
  type ReminderSettings,
  type ReminderState,
} from '../../electron/desktop/reminder-scheduler';

const MIN = 60_000;

describe('createReminderScheduler', () => {
  afterEach(() => vi.useRealTimers());

  function setup(overrides: Partial<ReminderSettings> = {}, saved: ReminderState | null = null) {
    vi.useFakeTimers();
    const shown: { title: string; body: string; click?: () => void; close?: () => void }[] = [];
    class FakeNotification {
      record: { title: string; body: string; click?: () => void; close?: () => void };
      constructor(options: { title: string; body: string }) {
        this.record = { ...options };
      }
      on(event: 'click' | 'close', listener: () => void) {
        this.record[event] = listener;
      }
      show() {
        shown.push(this.record);
      }
      static isSupported = () => true;
    }
    const settings: ReminderSettings = {
      studyReminderTime: '20:00',
      studyReminderEnabled: true,
      overEstimateReminderEnabled: true,
      ...overrides,
    };
    const data = {
      todayMinutes: 0,
      items: [
        { itemId: '1.1', title: '1.1 Item 1', loggedHours: 5, maxHours: 4 },
        { itemId: '1.2', title: '1.2 Item 2', loggedHours: 1, maxHours: 4 },
      ],
    };
    const saves: ReminderState[] = [];
    const onClick = vi.fn();
    const scheduler = createReminderScheduler({
      appName: 'Companion',
      Notification: FakeNotification,
      getSettings: () => settings,
      getTodayMinutes: () => data.todayMinutes,
      getEstimateItems: () => data.items,
      onClick,
      loadState: () => saved,
      saveState: (s) => void saves.push(s),
      now: () => Date.now(),
    });
    return { scheduler, shown, settings, data, saves, onClick };
  }

  it('shows "you haven\'t studied today" at the reminder time, once, then waits for tomorrow', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(2026, 2, 10, 18, 0));
    const { scheduler, shown, saves, onClick } = setup();
    expect(scheduler.reschedule()).toBe(new Date(2026, 2, 10, 20, 0).getTime());
    await vi.advanceTimersByTimeAsync(2 * 60 * MIN - 1);
    expect(shown).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(shown).toHaveLength(1);
    expect(shown[0]!.body).toMatch(/haven't studied today/);
    expect(saves.at(-1)!.lastShownDate).toBe('2026-03-10');
    shown[0]!.click!();
    expect(onClick).toHaveBeenCalledWith('today');
    // The next one is tomorrow at 20:00.
    expect(scheduler.reschedule()).toBe(new Date(2026, 2, 11, 20, 0).getTime());
    scheduler.dispose();
  });

  it('shows nothing when the learner studied or the reminder is off', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(2026, 2, 10, 19, 0));
    const studied = setup();
    studied.scheduler.reschedule();
    studied.data.todayMinutes = 30;
    await vi.advanceTimersByTimeAsync(2 * 60 * MIN);
    expect(studied.shown).toHaveLength(0);
    studied.scheduler.dispose();

    const off = setup({ studyReminderEnabled: false });
    expect(off.scheduler.reschedule()).toBeNull();
    await vi.advanceTimersByTimeAsync(48 * 60 * MIN);
    expect(off.shown).toHaveLength(0);
  });

  it('notifies an item over its maximum estimate once; items already over at first run are not news', () => {
    vi.useFakeTimers();
    const { scheduler, shown, data, saves, onClick } = setup();
    expect(scheduler.checkOverEstimate()).toEqual([]);
    expect(saves.at(-1)!.overEstimateNotified).toEqual(['1.1']);
    data.items[1]!.loggedHours = 4.5;
    expect(scheduler.checkOverEstimate().map((i) => i.itemId)).toEqual(['1.2']);
    expect(shown.map((s) => s.body)).toEqual([
      expect.stringContaining('1.2 Item 2 has passed its estimate: 4.5 h logged'),
    ]);
    shown[0]!.click!();
    expect(onClick).toHaveBeenCalledWith({ itemId: '1.2' });
    expect(scheduler.checkOverEstimate()).toEqual([]);
    expect(shown).toHaveLength(1);
  });

  it('keeps each notification on screen referenced until it is clicked or closed (else its click could be collected)', () => {
    vi.useFakeTimers();
    const { scheduler, shown, data } = setup();
    scheduler.checkOverEstimate();
    data.items[1]!.loggedHours = 4.5;
    data.items.push({ itemId: '2.1', title: '2.1 Item 3', loggedHours: 9, maxHours: 8 });
    scheduler.checkOverEstimate();
    expect(shown).toHaveLength(2);
    expect(scheduler.shownCount()).toBe(2);
    shown[0]!.click!();
    expect(scheduler.shownCount()).toBe(1);
    shown[1]!.close!();
    expect(scheduler.shownCount()).toBe(0);
  });

  it('respects the over-estimate setting', () => {
    vi.useFakeTimers();
    const { scheduler, shown, data } = setup(
      { overEstimateReminderEnabled: false },
      { lastShownDate: null, overEstimateNotified: [] },
    );
    data.items[1]!.loggedHours = 9;
    expect(scheduler.checkOverEstimate()).toEqual([]);
    expect(shown).toHaveLength(0);
  });
});
