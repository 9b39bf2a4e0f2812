// What Settings → Sync says a sync did (renderer/lib/sync-words.ts).
import { describe, expect, it } from 'vitest';
import { receivedSentence, whenSynced, wroteSentence } from '../../renderer/lib/sync-words';

const report = (received: { deviceName: string; changes: number; entries: number }[], wrote = 0) => ({
  at: 1,
  wrote,
  received: received.map((r, i) => ({ deviceId: `d${i}`, ...r })),
  problems: [],
});

describe('sync words', () => {
  it('say what came in from which machine, entries first', () => {
    expect(receivedSentence(report([{ deviceName: 'Laptop', changes: 12, entries: 12 }]))).toBe(
      '12 entries from Laptop came in.',
    );
    expect(receivedSentence(report([{ deviceName: 'Laptop', changes: 1, entries: 1 }]))).toBe(
      '1 entry from Laptop came in.',
    );
    expect(
      receivedSentence(
        report([
          { deviceName: 'Laptop', changes: 15, entries: 12 },
          { deviceName: 'Desktop', changes: 1, entries: 0 },
          { deviceName: 'Work PC', changes: 0, entries: 0 },
        ]),
      ),
    ).toBe('12 entries and 3 other changes from Laptop and 1 change from Desktop came in.');
    expect(receivedSentence(report([]))).toBe('Nothing new came in.');
    expect(receivedSentence(report([{ deviceName: 'Laptop', changes: 2, entries: 2 }]), '5 minutes ago')).toBe(
      '2 entries from Laptop came in 5 minutes ago.',
    );
    expect(receivedSentence(report([{ deviceName: ' ', changes: 2, entries: 2 }]))).toBe(
      '2 entries from another computer came in.',
    );
  });

  it('say what went out, or nothing', () => {
    expect(wroteSentence(report([], 3))).toBe('3 changes of yours went out.');
    expect(wroteSentence(report([], 1))).toBe('1 change of yours went out.');
    expect(wroteSentence(report([], 0))).toBeNull();
  });

  it('say when, in words for the last day', () => {
    const now = Date.parse('2026-03-02T12:00:00Z');
    expect(whenSynced(now - 20_000, now)).toBe('just now');
    expect(whenSynced(now - 60_000, now)).toBe('1 minute ago');
    expect(whenSynced(now - 45 * 60_000, now)).toBe('45 minutes ago');
    expect(whenSynced(now - 3 * 3_600_000, now)).toBe('3 hours ago');
    expect(whenSynced(now - 3 * 86_400_000, now)).toMatch(/2026/);
  });
});
