// A new learner's first week over the real handlers (issue 12): what an item's status is once its
// time is gone, what the portfolio PDF then prints, and which settings a merge-import takes.
import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getCurriculum } from '../../curriculum';
import { openDatabase } from '../../electron/db/open';
import { migrations } from '../../electron/db/migrations';
import { entriesToPrint } from '../../shared/portfolio';
import { MINUTE_MS } from '../../shared/time';
import { createTestApp, T0, type TestApp } from '../support/context';

let app: TestApp;
beforeEach(() => (app = createTestApp()));
afterEach(() => app.close());

const hourBefore = (hours: number) => ({
  startedAt: T0 - hours * 60 * MINUTE_MS,
  endedAt: T0 - (hours - 1) * 60 * MINUTE_MS,
});
const statusOf = (itemId: string) => app.call('item.get', { itemId }).status;
const printed = () => entriesToPrint(app.call('portfolio.list').entries).printed.map((e) => e.itemId);

describe('an item whose only time is deleted', () => {
  it('is not started again, and the portfolio PDF leaves it out', () => {
    const entry = app.call('time.add', { itemId: '4.1', ...hourBefore(3) });
    expect(statusOf('4.1')).toBe('in_progress');
    expect(printed()).toEqual(['4.1']);
    app.call('time.delete', { id: entry.id });
    expect(statusOf('4.1')).toBe('not_started');
    expect(app.call('progress.overview').items.find((i) => i.itemId === '4.1')).toMatchObject({
      status: 'not_started',
      minutesLogged: 0,
    });
    expect(printed()).toEqual([]);
    app.reopen();
    expect(statusOf('4.1')).toBe('not_started');
  });

  it('keeps "in progress" while other time, a ticked step or notes say the learner worked on it', () => {
    const [a, b] = [
      app.call('time.add', { itemId: '4.1', ...hourBefore(3) }),
      app.call('time.add', { itemId: '4.1', ...hourBefore(5) }),
    ];
    app.call('time.delete', { id: a.id });
    expect(statusOf('4.1')).toBe('in_progress');
    app.call('item.tickEntry', { itemId: '4.1', entryIndex: 0, ticked: true });
    app.call('time.delete', { id: b.id });
    expect(statusOf('4.1')).toBe('in_progress');

    const c = app.call('time.add', { itemId: '4.2', ...hourBefore(3) });
    app.call('item.setNotes', { itemId: '4.2', notes: 'Chose FastAPI.' });
    app.call('time.delete', { id: c.id });
    expect(statusOf('4.2')).toBe('in_progress');
  });

  it('keeps a status the learner set themselves', () => {
    app.call('item.setStatus', { itemId: '4.1', status: 'in_progress' });
    const entry = app.call('time.add', { itemId: '4.1', ...hourBefore(3) });
    app.call('time.delete', { id: entry.id });
    expect(statusOf('4.1')).toBe('in_progress');
    // An explicit "in progress" with nothing to show is still not a page for employers.
    expect(printed()).toEqual([]);
    app.call('item.setStatus', { itemId: '4.1', status: 'done' });
    expect(printed()).toEqual(['4.1']);
  });

  it('is not started again when its entry moves to another item, or its timer stops under a minute', () => {
    const entry = app.call('time.add', { itemId: '4.1', ...hourBefore(3) });
    app.call('time.edit', {
      id: entry.id,
      itemId: '4.2',
      startedAt: entry.startedAt,
      endedAt: entry.endedAt,
      note: entry.note,
    });
    expect(statusOf('4.1')).toBe('not_started');
    expect(statusOf('4.2')).toBe('in_progress');

    app.call('timer.start', { itemId: '5.1' });
    expect(statusOf('5.1')).toBe('in_progress');
    app.clock.now += 20_000;
    expect(app.call('timer.stop').discarded).toMatchObject({ itemId: '5.1', seconds: 20 });
    expect(statusOf('5.1')).toBe('not_started');
  });
});

describe('a merge-import into a fresh app', () => {
  const exportOf = (setUp: (other: TestApp) => void) => {
    const other = createTestApp();
    try {
      setUp(other);
      return other.call('data.exportJson').content;
    } finally {
      other.close();
    }
  };

  it('takes the file’s plan start and target where this app only has its defaults', async () => {
    const content = exportOf((other) => {
      other.call('settings.update', { learnerName: 'Sam', planStartDate: '2026-01-05', targetDate: '2026-12-01' });
      other.call('time.add', { itemId: '1.1', ...hourBefore(2) });
    });
    const fresh = app.call('settings.get');
    expect(fresh.planStartDate).not.toBe('2026-01-05');
    await app.callAsync('data.import', { content, mode: 'merge' });
    expect(app.call('settings.get')).toMatchObject({
      learnerName: 'Sam',
      planStartDate: '2026-01-05',
      targetDate: '2026-12-01',
    });
    app.reopen();
    expect(app.call('settings.get').planStartDate).toBe('2026-01-05');
  });

  it('keeps a plan start the learner set here, and a name they typed', async () => {
    const content = exportOf((other) =>
      other.call('settings.update', { learnerName: 'Sam', planStartDate: '2026-01-05' }),
    );
    app.call('settings.update', { learnerName: 'Alex', planStartDate: '2026-02-02' });
    await app.callAsync('data.import', { content, mode: 'merge' });
    expect(app.call('settings.get')).toMatchObject({ learnerName: 'Alex', planStartDate: '2026-02-02' });
  });

  it('treats an older logbook’s plan start as the app’s only while nothing else is in it', () => {
    const file = app.file;
    app.db.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    // Schema version 3, as an app of that version leaves a logbook it was only opened with.
    openDatabase(file, getCurriculum(), { migrations: migrations.slice(0, 3) }).close();
    const upgraded = openDatabase(file, getCurriculum());
    try {
      expect(upgraded.prepare('SELECT key, set_by FROM settings').all()).toEqual([
        { key: 'planStartDate', set_by: 'app' },
      ]);
    } finally {
      upgraded.close();
    }
    rmSync(file, { force: true });
    const used = openDatabase(file, getCurriculum(), { migrations: migrations.slice(0, 3) });
    used.prepare("INSERT INTO item_progress (item_id, status, updated_at) VALUES ('1.1', 'done', 0)").run();
    used.close();
    const kept = openDatabase(file, getCurriculum());
    try {
      expect(kept.prepare('SELECT key, set_by FROM settings').all()).toEqual([
        { key: 'planStartDate', set_by: 'learner' },
      ]);
    } finally {
      kept.close();
      app.reopen();
    }
  });
});
