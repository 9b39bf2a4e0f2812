// The bench's yardsticks (electron/store/baselines.ts): the plain INSERT and GROUP BY the handlers
// are measured against must do the same work, or the bench's ratios compare unlike things.
import { existsSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { checkpoint, plainEntryInsert, plainHoursPerItem } from '../../electron/store/baselines';
import { createTestApp, T0, type TestApp } from '../support/context';

const HOUR = 3_600_000;

describe('the bench baselines', () => {
  let app: TestApp;
  afterEach(() => app.close());

  it('inserts an entry the app reads back, and sums hours per item as stats.roadmap does', () => {
    app = createTestApp();
    const insert = plainEntryInsert(app.db);
    insert({ itemId: '1.1', startedAt: T0 - 3 * HOUR, endedAt: T0 - 2 * HOUR, note: 'a', source: 'manual' }, T0);
    insert({ itemId: '1.1', startedAt: T0 - 2 * HOUR, endedAt: T0 - HOUR / 2, note: 'b', source: 'manual' }, T0);
    app.call('time.add', { itemId: '1.2', startedAt: T0 - 5 * HOUR, endedAt: T0 - 4 * HOUR, note: '' });

    expect(app.call('time.list', { itemId: '1.1' }).entries.map((e) => e.note)).toEqual(['b', 'a']);
    const sums = new Map(plainHoursPerItem(app.db)().map((row) => row as [string, number]));
    expect(sums.get('1.1')).toBe(2.5 * HOUR);
    expect(sums.get('1.2')).toBe(HOUR);
    const roadmap = app.call('stats.roadmap', {});
    const hoursOf = (id: string) => roadmap.items.find((i) => i.itemId === id)?.actualHours;
    expect(hoursOf('1.1')).toBe(2.5);
  });

  it('checkpoint folds the write-ahead log into the file', () => {
    app = createTestApp();
    plainEntryInsert(app.db)({ itemId: '1.1', startedAt: T0 - HOUR, endedAt: T0, note: '', source: 'timer' }, T0);
    expect(statSync(`${app.file}-wal`).size).toBeGreaterThan(0);
    checkpoint(app.db);
    expect(existsSync(`${app.file}-wal`) ? statSync(`${app.file}-wal`).size : 0).toBe(0);
  });
});
