// The first slice end to end over the real handlers and a real SQLite file: open the roadmap,
// open Exercise 1.1, log time with the timer and by hand, mark it done, reopen the database.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MINUTE_MS } from '../../shared/time';
import { createTestApp, T0, type TestApp } from '../support/context';

let app: TestApp;
beforeEach(() => (app = createTestApp()));
afterEach(() => app.close());

describe('the learner path', () => {
  it('shows all 24 items not started, with no hours, on a fresh database', () => {
    const { items } = app.call('progress.overview');
    expect(items).toHaveLength(24);
    expect(items.every((i) => i.status === 'not_started' && i.minutesLogged === 0)).toBe(true);
    expect(app.call('timer.current')).toBeNull();
  });

  it('logs a timer session, a manual entry and a done status, and keeps them after a restart', () => {
    app.call('timer.start', { itemId: '1.1' });
    expect(app.call('item.get', { itemId: '1.1' }).status).toBe('in_progress');
    app.clock.now += 50 * MINUTE_MS;
    const stopped = app.call('timer.stop');
    expect(stopped.entry).toMatchObject({
      itemId: '1.1',
      source: 'timer',
      startedAt: T0,
      endedAt: T0 + 50 * MINUTE_MS,
    });

    const manual = app.call('time.add', {
      itemId: '1.1',
      startedAt: T0 - 3 * 60 * MINUTE_MS,
      endedAt: T0 - 60 * MINUTE_MS,
      note: 'Explored the Iris data, "pairplot", commas, too',
    });
    expect(manual.source).toBe('manual');
    app.call('item.tickEntry', { itemId: '1.1', entryIndex: 0, ticked: true });
    app.call('item.tickEntry', { itemId: '1.1', entryIndex: 2, ticked: true });
    app.call('item.setNotes', { itemId: '1.1', notes: 'Decision tree reached 0.97 accuracy.' });
    app.call('item.setStatus', { itemId: '1.1', status: 'done' });

    app.reopen();

    const state = app.call('item.get', { itemId: '1.1' });
    expect(state).toMatchObject({
      status: 'done',
      notes: 'Decision tree reached 0.97 accuracy.',
      tickedEntries: [0, 2],
      minutesLogged: 170,
      entryCount: 2,
    });
    const log = app.call('time.list', { itemId: '1.1' });
    expect(log.entries.map((e) => e.source)).toEqual(['timer', 'manual']); // newest first
    expect(log.entries[1]!.note).toBe('Explored the Iris data, "pairplot", commas, too');
    const overview = app.call('progress.overview').items.find((i) => i.itemId === '1.1');
    expect(overview).toMatchObject({ status: 'done', minutesLogged: 170, tickedCount: 2 });
  });
});

describe('the timer', () => {
  it('keeps running across a restart, with its original start time', () => {
    app.call('timer.start', { itemId: '2.3', note: 'CNN baseline' });
    app.clock.now += 42 * MINUTE_MS;
    app.reopen();
    expect(app.call('timer.current')).toEqual({ itemId: '2.3', startedAt: T0, note: 'CNN baseline' });
    const { entry } = app.call('timer.stop');
    expect(entry!.endedAt - entry!.startedAt).toBe(42 * MINUTE_MS);
    expect(entry!.note).toBe('CNN baseline');
  });

  it('starting on another item stops and logs the first one', () => {
    app.call('timer.start', { itemId: '1.1' });
    app.clock.now += 30 * MINUTE_MS;
    const { running, stoppedPrevious } = app.call('timer.start', { itemId: '1.2' });
    expect(running.itemId).toBe('1.2');
    expect(stoppedPrevious!.entry).toMatchObject({ itemId: '1.1', endedAt: T0 + 30 * MINUTE_MS });
    expect(app.call('item.get', { itemId: '1.1' }).minutesLogged).toBe(30);
  });

  it('starting on the running item changes nothing', () => {
    app.call('timer.start', { itemId: '1.1' });
    app.clock.now += 5 * MINUTE_MS;
    const again = app.call('timer.start', { itemId: '1.1' });
    expect(again).toEqual({ running: { itemId: '1.1', startedAt: T0, note: '' }, stoppedPrevious: null });
  });

  it('discards a session shorter than a minute and says so', () => {
    app.call('timer.start', { itemId: '1.1' });
    app.clock.now += 40_000;
    expect(app.call('timer.stop')).toEqual({ entry: null, discarded: { itemId: '1.1', seconds: 40 } });
    expect(app.call('time.list', {}).entries).toHaveLength(0);
  });

  it('splits a timer forgotten for more than a day into entries of at most 24 hours', () => {
    app.call('timer.start', { itemId: '1.1' });
    app.clock.now += 30 * 60 * MINUTE_MS;
    app.call('timer.stop');
    const spans = app.call('time.list', {}).entries.map((e) => (e.endedAt - e.startedAt) / MINUTE_MS);
    expect(spans).toEqual([6 * 60, 24 * 60]);
  });

  it('refuses to stop when nothing runs', () => {
    expect(app.raw('timer.stop', {})).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'No timer is running.' },
    });
  });
});

describe('the time log', () => {
  const add = (itemId: string, startMin: number, lengthMin: number) =>
    app.call('time.add', {
      itemId,
      startedAt: T0 - startMin * MINUTE_MS,
      endedAt: T0 - (startMin - lengthMin) * MINUTE_MS,
    });

  it('edits and deletes entries', () => {
    const entry = add('1.1', 120, 60);
    const edited = app.call('time.edit', {
      id: entry.id,
      itemId: '1.2',
      startedAt: entry.startedAt,
      endedAt: entry.endedAt + 15 * MINUTE_MS,
      note: 'moved',
    });
    expect(edited).toMatchObject({ itemId: '1.2', note: 'moved' });
    expect(app.call('item.get', { itemId: '1.1' }).minutesLogged).toBe(0);
    expect(app.call('item.get', { itemId: '1.2' }).minutesLogged).toBe(75);
    app.call('time.delete', { id: entry.id });
    expect(app.call('time.list', {}).entries).toEqual([]);
    expect(app.raw('time.delete', { id: entry.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('flags overlapping entries and filters by item and dates, newest first, in pages', () => {
    add('1.1', 300, 60); // 04:00-05:00 before T0
    add('1.2', 270, 60); // overlaps the first
    add('1.1', 100, 30);
    const all = app.call('time.list', {});
    expect(all.entries.map((e) => [e.itemId, e.overlaps])).toEqual([
      ['1.1', false],
      ['1.2', true],
      ['1.1', true],
    ]);
    expect(app.call('time.list', { itemId: '1.2' }).entries).toHaveLength(1);
    expect(app.call('time.list', { from: T0 - 200 * MINUTE_MS }).entries).toHaveLength(1);
    const page1 = app.call('time.list', { limit: 2 });
    expect(page1.hasMore).toBe(true);
    const last = page1.entries[1]!;
    const page2 = app.call('time.list', { limit: 2, before: { startedAt: last.startedAt, id: last.id } });
    expect(page2).toMatchObject({ hasMore: false, entries: [{ itemId: '1.1', startedAt: T0 - 300 * MINUTE_MS }] });
  });
});
