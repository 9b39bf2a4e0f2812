// Idle detection while the timer runs: which idle spans to ask about, and what each answer does
// to the timer, in pure form and through the real timer handlers (stopTimerAt, startTimerAt).
import { afterEach, describe, expect, it } from 'vitest';
import { applyIdleChoice, decideIdle, type IdleAction, type IdleSpan } from '../../electron/desktop/idle';
import { readTimer, startTimerAt, stopTimerAt } from '../../electron/store/timer';
import { minutesPerLocalDay } from '../../electron/stats/local-days';
import { createTestApp, T0, type TestApp } from '../support/context';

const MIN = 60_000;
const at = (minutes: number) => T0 + minutes * MIN;
const threshold = 10 * MIN;

describe('decideIdle', () => {
  it('asks about idle time during a running timer', () => {
    expect(
      decideIdle({ timer: { startedAt: T0 }, idleStartedAt: at(30), returnedAt: at(50), thresholdMs: threshold }),
    ).toEqual({
      idleFrom: at(30),
      idleTo: at(50),
      idleMs: 20 * MIN,
    });
  });

  it('does not ask without a timer', () => {
    expect(decideIdle({ timer: null, idleStartedAt: at(30), returnedAt: at(50), thresholdMs: threshold })).toBeNull();
  });

  it('does not ask about idle time shorter than the threshold; exactly the threshold counts', () => {
    expect(
      decideIdle({ timer: { startedAt: T0 }, idleStartedAt: at(30), returnedAt: at(39.99), thresholdMs: threshold }),
    ).toBeNull();
    expect(
      decideIdle({ timer: { startedAt: T0 }, idleStartedAt: at(30), returnedAt: at(40), thresholdMs: threshold }),
    ).not.toBeNull();
  });

  it('clips idle time that began before the timer to the timer start', () => {
    // Idle since 08:00, the timer started (by the global shortcut) at 09:00, back at 09:20.
    expect(
      decideIdle({ timer: { startedAt: T0 }, idleStartedAt: at(-60), returnedAt: at(20), thresholdMs: threshold }),
    ).toEqual({
      idleFrom: T0,
      idleTo: at(20),
      idleMs: 20 * MIN,
    });
    // Clipped below the threshold: not asked.
    expect(
      decideIdle({ timer: { startedAt: T0 }, idleStartedAt: at(-60), returnedAt: at(5), thresholdMs: threshold }),
    ).toBeNull();
    // Wholly before the timer: nothing.
    expect(
      decideIdle({ timer: { startedAt: T0 }, idleStartedAt: at(-60), returnedAt: at(-30), thresholdMs: threshold }),
    ).toBeNull();
  });

  it('treats a suspend → resume as an idle span from suspend to resume', () => {
    const suspendedAt = at(45);
    const resumedAt = at(45 + 8 * 60); // the lid closed for 8 hours
    expect(
      decideIdle({
        timer: { startedAt: T0 },
        idleStartedAt: suspendedAt,
        returnedAt: resumedAt,
        thresholdMs: threshold,
      }),
    ).toEqual({
      idleFrom: suspendedAt,
      idleTo: resumedAt,
      idleMs: 8 * 60 * MIN,
    });
  });

  it('treats a lock → unlock the same way, and a short lock is not asked about', () => {
    expect(
      decideIdle({ timer: { startedAt: T0 }, idleStartedAt: at(10), returnedAt: at(40), thresholdMs: threshold })
        ?.idleMs,
    ).toBe(30 * MIN);
    expect(
      decideIdle({ timer: { startedAt: T0 }, idleStartedAt: at(10), returnedAt: at(12), thresholdMs: threshold }),
    ).toBeNull();
  });

  it('keeps times across midnight as they are (local days are split by the stats)', () => {
    const start = Date.parse('2026-03-02T22:00:00+01:00');
    const idleFrom = Date.parse('2026-03-02T23:30:00+01:00');
    const back = Date.parse('2026-03-03T00:45:00+01:00');
    expect(
      decideIdle({ timer: { startedAt: start }, idleStartedAt: idleFrom, returnedAt: back, thresholdMs: threshold }),
    ).toEqual({
      idleFrom,
      idleTo: back,
      idleMs: 75 * MIN,
    });
  });

  it('refuses a span that ends before it starts (a clock set back)', () => {
    expect(
      decideIdle({ timer: { startedAt: T0 }, idleStartedAt: at(30), returnedAt: at(20), thresholdMs: 0 }),
    ).toBeNull();
  });
});

describe('applyIdleChoice', () => {
  const timer = { itemId: '1.1', startedAt: T0, note: 'pandas' };
  const idle: IdleSpan = { idleFrom: at(30), idleTo: at(50), idleMs: 20 * MIN };

  it('keep does nothing', () => {
    expect(applyIdleChoice('keep', timer, idle, at(51))).toEqual([]);
  });

  it('discard stops at the idle start and starts again on the same item at the return', () => {
    expect(applyIdleChoice('discard', timer, idle, at(51))).toEqual([
      { type: 'stop', endedAt: at(30) },
      { type: 'start', itemId: '1.1', startedAt: at(50), note: 'pandas' },
    ]);
  });

  it('discard-and-stop only stops at the idle start', () => {
    expect(applyIdleChoice('discard-and-stop', timer, idle, at(51))).toEqual([{ type: 'stop', endedAt: at(30) }]);
  });

  it('does nothing when the timer was stopped or restarted while the question was open', () => {
    expect(applyIdleChoice('discard', null, idle, at(51))).toEqual([]);
    expect(applyIdleChoice('discard', { itemId: '1.2', startedAt: at(50.5) }, idle, at(51))).toEqual([]);
  });

  it('never schedules anything in the future', () => {
    const actions = applyIdleChoice('discard', timer, { idleFrom: at(30), idleTo: at(60), idleMs: 30 * MIN }, at(45));
    for (const a of actions) expect(a.type === 'stop' ? a.endedAt : a.startedAt).toBeLessThanOrEqual(at(45));
  });
});

describe('idle choices through the timer handlers', () => {
  let app: TestApp;
  afterEach(() => app?.close());

  /** What main does with the actions. */
  const carryOut = (actions: IdleAction[]) => {
    for (const a of actions) {
      if (a.type === 'stop') stopTimerAt(app.ctx, a.endedAt);
      else startTimerAt(app.ctx, a.itemId, a.startedAt, a.note);
    }
  };
  const entries = () =>
    app
      .call('time.list', {})
      .entries.map((e) => [e.startedAt, e.endedAt, e.itemId, e.source])
      .reverse();

  it('stopTimerAt logs up to the given time through the usual stop logic', () => {
    app = createTestApp();
    app.call('timer.start', { itemId: '1.1' });
    app.clock.now = at(60);
    const stop = stopTimerAt(app.ctx, at(40));
    expect(stop?.entry).toMatchObject({ itemId: '1.1', startedAt: T0, endedAt: at(40), source: 'timer' });
    expect(readTimer(app.ctx)).toBeNull();
    expect(stopTimerAt(app.ctx, at(50))).toBeNull(); // no timer: nothing to do
  });

  it('stopTimerAt discards under a minute and never ends in the future or before the start', () => {
    app = createTestApp();
    app.call('timer.start', { itemId: '1.1' });
    app.clock.now = at(60);
    expect(stopTimerAt(app.ctx, T0 + 30_000)).toEqual({ entry: null, discarded: { itemId: '1.1', seconds: 30 } });
    app.call('timer.start', { itemId: '1.1' });
    app.clock.now = at(90);
    expect(stopTimerAt(app.ctx, at(500))?.entry?.endedAt).toBe(at(90));
    app.call('timer.start', { itemId: '1.1' });
    app.clock.now = at(100);
    expect(stopTimerAt(app.ctx, at(10))).toEqual({ entry: null, discarded: { itemId: '1.1', seconds: 0 } });
  });

  it('discard: the time before idle is logged and a new timer runs from the return', () => {
    app = createTestApp();
    app.call('timer.start', { itemId: '1.1', note: 'pandas' });
    app.clock.now = at(51);
    const idle = decideIdle({
      timer: readTimer(app.ctx),
      idleStartedAt: at(30),
      returnedAt: at(50),
      thresholdMs: threshold,
    })!;
    carryOut(applyIdleChoice('discard', readTimer(app.ctx), idle, app.clock.now));
    expect(entries()).toEqual([[T0, at(30), '1.1', 'timer']]);
    expect(readTimer(app.ctx)).toEqual({ itemId: '1.1', startedAt: at(50), note: 'pandas' });
    app.clock.now = at(80);
    app.call('timer.stop');
    expect(entries()).toEqual([
      [T0, at(30), '1.1', 'timer'],
      [at(50), at(80), '1.1', 'timer'],
    ]);
  });

  it('discard-and-stop: only the time before idle is logged', () => {
    app = createTestApp();
    app.call('timer.start', { itemId: '2.1' });
    app.clock.now = at(100);
    const idle = decideIdle({
      timer: readTimer(app.ctx),
      idleStartedAt: at(45),
      returnedAt: at(100),
      thresholdMs: threshold,
    })!;
    carryOut(applyIdleChoice('discard-and-stop', readTimer(app.ctx), idle, app.clock.now));
    expect(entries()).toEqual([[T0, at(45), '2.1', 'timer']]);
    expect(readTimer(app.ctx)).toBeNull();
  });

  it('idle right after starting: the part before is under a minute and discarded, the timer restarts', () => {
    app = createTestApp();
    app.call('timer.start', { itemId: '1.1' });
    app.clock.now = at(31);
    const idle = decideIdle({
      timer: readTimer(app.ctx),
      idleStartedAt: T0 + 20_000,
      returnedAt: at(30),
      thresholdMs: threshold,
    })!;
    carryOut(applyIdleChoice('discard', readTimer(app.ctx), idle, app.clock.now));
    expect(entries()).toEqual([]);
    expect(readTimer(app.ctx)?.startedAt).toBe(at(30));
  });

  it('keep: the whole session, idle included, is logged on stop', () => {
    app = createTestApp();
    app.call('timer.start', { itemId: '1.1' });
    app.clock.now = at(51);
    const idle = decideIdle({
      timer: readTimer(app.ctx),
      idleStartedAt: at(30),
      returnedAt: at(50),
      thresholdMs: threshold,
    })!;
    carryOut(applyIdleChoice('keep', readTimer(app.ctx), idle, app.clock.now));
    app.clock.now = at(60);
    app.call('timer.stop');
    expect(entries()).toEqual([[T0, at(60), '1.1', 'timer']]);
  });

  it('several idle spans in one session are each decided on their own', () => {
    app = createTestApp();
    app.call('timer.start', { itemId: '1.1' });
    // First: 20 minutes away, discarded.
    app.clock.now = at(50);
    let idle = decideIdle({
      timer: readTimer(app.ctx),
      idleStartedAt: at(30),
      returnedAt: at(50),
      thresholdMs: threshold,
    })!;
    carryOut(applyIdleChoice('discard', readTimer(app.ctx), idle, app.clock.now));
    // Second: 5 minutes, under the threshold: not asked.
    app.clock.now = at(75);
    expect(
      decideIdle({ timer: readTimer(app.ctx), idleStartedAt: at(70), returnedAt: at(75), thresholdMs: threshold }),
    ).toBeNull();
    // Third: a suspend of 2 hours, kept (the learner was reading on paper).
    app.clock.now = at(210);
    idle = decideIdle({
      timer: readTimer(app.ctx),
      idleStartedAt: at(90),
      returnedAt: at(210),
      thresholdMs: threshold,
    })!;
    expect(idle.idleMs).toBe(120 * MIN);
    carryOut(applyIdleChoice('keep', readTimer(app.ctx), idle, app.clock.now));
    // Fourth: a lock screen of 30 minutes, discarded and stopped.
    app.clock.now = at(260);
    idle = decideIdle({
      timer: readTimer(app.ctx),
      idleStartedAt: at(230),
      returnedAt: at(260),
      thresholdMs: threshold,
    })!;
    carryOut(applyIdleChoice('discard-and-stop', readTimer(app.ctx), idle, app.clock.now));
    expect(entries()).toEqual([
      [T0, at(30), '1.1', 'timer'],
      [at(50), at(230), '1.1', 'timer'],
    ]);
    expect(readTimer(app.ctx)).toBeNull();
  });

  it('across midnight: the logged part keeps its times, and the stats split it into local days', () => {
    const start = Date.parse('2026-03-02T23:00:00+01:00');
    app = createTestApp(start);
    app.call('timer.start', { itemId: '1.1' });
    const idleFrom = Date.parse('2026-03-03T00:30:00+01:00');
    const back = Date.parse('2026-03-03T01:30:00+01:00');
    app.clock.now = back;
    const idle = decideIdle({
      timer: readTimer(app.ctx),
      idleStartedAt: idleFrom,
      returnedAt: back,
      thresholdMs: threshold,
    })!;
    carryOut(applyIdleChoice('discard-and-stop', readTimer(app.ctx), idle, app.clock.now));
    expect(entries()).toEqual([[start, idleFrom, '1.1', 'timer']]);
    expect(Object.fromEntries(minutesPerLocalDay([[start, idleFrom]]))).toEqual({ '2026-03-02': 60, '2026-03-03': 30 });
  });

  it('startTimerAt stops and logs a timer on another item first, and never starts in the future', () => {
    app = createTestApp();
    app.call('timer.start', { itemId: '1.1' });
    app.clock.now = at(40);
    startTimerAt(app.ctx, '1.2', at(30));
    expect(entries()).toEqual([[T0, at(30), '1.1', 'timer']]);
    expect(readTimer(app.ctx)).toMatchObject({ itemId: '1.2', startedAt: at(30) });
    startTimerAt(app.ctx, '1.3', at(100));
    expect(readTimer(app.ctx)).toMatchObject({ itemId: '1.3', startedAt: at(40) });
  });
});
