// Study reminders and over-estimate notifications (Europe/Berlin, as vitest runs).
import { describe, expect, it } from 'vitest';
import { atLocalTime, nextStudyReminder, overEstimateReminders } from '../../electron/desktop/reminders';

const at = (iso: string) => Date.parse(iso);
const base = { reminderTime: '20:00', enabled: true, studiedTodayMinutes: 0, lastShownDate: null };

describe('nextStudyReminder', () => {
  it('is today at the reminder time while that is ahead and nothing was studied', () => {
    expect(nextStudyReminder({ ...base, now: at('2026-03-02T09:00:00+01:00') })).toBe(at('2026-03-02T20:00:00+01:00'));
  });

  it('is tomorrow once today has study time', () => {
    expect(nextStudyReminder({ ...base, now: at('2026-03-02T09:00:00+01:00'), studiedTodayMinutes: 25 })).toBe(
      at('2026-03-03T20:00:00+01:00'),
    );
  });

  it('is tomorrow once the time has passed today', () => {
    expect(nextStudyReminder({ ...base, now: at('2026-03-02T20:00:01+01:00') })).toBe(at('2026-03-03T20:00:00+01:00'));
    // Exactly at the time: still today (show it now).
    expect(nextStudyReminder({ ...base, now: at('2026-03-02T20:00:00+01:00') })).toBe(at('2026-03-02T20:00:00+01:00'));
  });

  it('is tomorrow when the reminder was shown today already', () => {
    expect(nextStudyReminder({ ...base, now: at('2026-03-02T09:00:00+01:00'), lastShownDate: '2026-03-02' })).toBe(
      at('2026-03-03T20:00:00+01:00'),
    );
    // Shown yesterday does not matter today.
    expect(nextStudyReminder({ ...base, now: at('2026-03-02T09:00:00+01:00'), lastShownDate: '2026-03-01' })).toBe(
      at('2026-03-02T20:00:00+01:00'),
    );
  });

  it('is null when switched off', () => {
    expect(nextStudyReminder({ ...base, enabled: false, now: at('2026-03-02T09:00:00+01:00') })).toBeNull();
  });

  it('uses the local day across midnight: 00:30 local is already the next day', () => {
    // 23:30 UTC on the 1st is 00:30 on the 2nd in Berlin.
    expect(nextStudyReminder({ ...base, now: at('2026-03-01T23:30:00Z'), lastShownDate: '2026-03-01' })).toBe(
      at('2026-03-02T20:00:00+01:00'),
    );
    // Late at night after the reminder: tomorrow's, across the month end.
    expect(nextStudyReminder({ ...base, now: at('2026-03-31T23:59:00+02:00') })).toBe(at('2026-04-01T20:00:00+02:00'));
  });

  it('keeps the wall-clock time across the DST change (spring forward and fall back)', () => {
    // The evening before spring forward: tomorrow 20:00 CEST is 23 hours away, not 24.
    const before = at('2026-03-28T21:00:00+01:00');
    const next = nextStudyReminder({ ...base, now: before })!;
    expect(next).toBe(at('2026-03-29T20:00:00+02:00'));
    expect(next - at('2026-03-28T20:00:00+01:00')).toBe(23 * 3_600_000);
    // Fall back: 25 hours between the two 20:00s.
    const autumn = nextStudyReminder({ ...base, now: at('2026-10-24T21:00:00+02:00') })!;
    expect(autumn).toBe(at('2026-10-25T20:00:00+01:00'));
    expect(autumn - at('2026-10-24T20:00:00+02:00')).toBe(25 * 3_600_000);
  });

  it('a reminder time in the missing hour of the spring-forward night moves to after it', () => {
    expect(atLocalTime('2026-03-29', '02:30')).toBe(at('2026-03-29T03:30:00+02:00'));
    expect(nextStudyReminder({ ...base, reminderTime: '02:30', now: at('2026-03-29T00:10:00+01:00') })).toBe(
      at('2026-03-29T03:30:00+02:00'),
    );
  });

  it('ignores a malformed time', () => {
    expect(nextStudyReminder({ ...base, reminderTime: '25:00', now: at('2026-03-02T09:00:00+01:00') })).toBeNull();
  });
});

describe('overEstimateReminders', () => {
  const items = [
    { itemId: '1.1', title: 'Your First ML Model', loggedHours: 9, maxHours: 8 },
    { itemId: '1.2', title: 'Data Pipeline', loggedHours: 8, maxHours: 8 },
    { itemId: '1.3', title: 'Experiment Tracking', loggedHours: 3, maxHours: 6 },
    { itemId: '2.1', title: 'Docker', loggedHours: 20, maxHours: 12 },
  ];

  it('lists the items over their maximum estimate (exactly at the maximum is not over)', () => {
    expect(overEstimateReminders({ items, alreadyNotified: new Set() }).map((i) => i.itemId)).toEqual(['1.1', '2.1']);
  });

  it('notifies once per item', () => {
    const notified = new Set<string>();
    const first = overEstimateReminders({ items, alreadyNotified: notified });
    for (const i of first) notified.add(i.itemId);
    expect(overEstimateReminders({ items, alreadyNotified: notified })).toEqual([]);
    const more = items.map((i) => (i.itemId === '1.3' ? { ...i, loggedHours: 6.5 } : i));
    expect(overEstimateReminders({ items: more, alreadyNotified: notified })).toEqual([
      { itemId: '1.3', title: 'Experiment Tracking', loggedHours: 6.5, maxHours: 6 },
    ]);
  });
});
