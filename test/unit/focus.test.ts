// Focus mode's state machine: phases, rounds, long breaks, pauses, skips, stops and what is logged.
import { describe, expect, it } from 'vitest';
import {
  focusLengths,
  focusReducer,
  idleFocus,
  isPaused,
  phaseLabel,
  remainingMs,
  type FocusEffect,
  type FocusEvent,
  type FocusState,
} from '../../shared/focus';

const MIN = 60_000;
const T0 = Date.parse('2026-03-02T09:00:00+01:00');
const lengths = focusLengths({
  focusWorkMinutes: 25,
  focusShortBreakMinutes: 5,
  focusLongBreakMinutes: 15,
  focusRoundsBeforeLongBreak: 4,
});
const at = (minutes: number) => T0 + minutes * MIN;

/** Runs events in order and collects every effect. */
function run(events: FocusEvent[], start: FocusState = idleFocus, l = lengths) {
  let state = start;
  const effects: FocusEffect[] = [];
  for (const event of events) {
    const result = focusReducer(state, event, l);
    state = result.state;
    effects.push(...result.effects);
  }
  return { state, effects, logs: effects.flatMap((e) => ('log' in e ? [e.log] : [])) };
}

describe('focus mode', () => {
  it('reads its lengths from the settings', () => {
    expect(lengths).toEqual({
      workMs: 25 * MIN,
      shortBreakMs: 5 * MIN,
      longBreakMs: 15 * MIN,
      roundsBeforeLongBreak: 4,
    });
  });

  it('starts in work round 1 and counts down', () => {
    const { state, effects } = run([{ type: 'start', itemId: '1.1', now: T0 }]);
    expect(state).toMatchObject({ phase: 'work', itemId: '1.1', round: 1, runningSince: T0 });
    expect(effects).toEqual([]);
    expect(phaseLabel(state, lengths)).toBe('Work 1/4');
    expect(remainingMs(state, lengths, at(10))).toBe(15 * MIN);
    expect(phaseLabel(idleFocus, lengths)).toBe('Not started');
  });

  it('does nothing before a phase has elapsed', () => {
    const { state, effects } = run([
      { type: 'start', itemId: '1.1', now: T0 },
      { type: 'tick', now: at(24.99) },
    ]);
    expect(state.phase).toBe('work');
    expect(effects).toEqual([]);
  });

  it('logs a finished work phase and moves to a short break', () => {
    const { state, effects } = run([
      { type: 'start', itemId: '1.1', now: T0 },
      { type: 'tick', now: at(25) },
    ]);
    expect(effects).toEqual([
      { log: { itemId: '1.1', startedAt: T0, endedAt: at(25) } },
      { phaseEnded: 'work', next: 'shortBreak' },
    ]);
    expect(state).toMatchObject({ phase: 'shortBreak', round: 1, completedRounds: 1, runningSince: at(25) });
    expect(phaseLabel(state, lengths)).toBe('Short break');
  });

  it('ends work at its scheduled end even when the tick comes late', () => {
    const { state, logs } = run([
      { type: 'start', itemId: '1.1', now: T0 },
      { type: 'tick', now: at(27) },
    ]);
    expect(logs).toEqual([{ itemId: '1.1', startedAt: T0, endedAt: at(25) }]);
    expect(state.phase).toBe('shortBreak');
    expect(remainingMs(state, lengths, at(27))).toBe(3 * MIN);
  });

  it('starts the next work round after a break, with the round counter', () => {
    const { state, effects } = run([
      { type: 'start', itemId: '1.1', now: T0 },
      { type: 'tick', now: at(25) },
      { type: 'tick', now: at(30) },
    ]);
    expect(effects.at(-1)).toEqual({ phaseEnded: 'shortBreak', next: 'work' });
    expect(state).toMatchObject({ phase: 'work', round: 2, runningSince: at(30) });
    expect(phaseLabel(state, lengths)).toBe('Work 2/4');
  });

  it('takes a long break after N rounds and then starts again at round 1', () => {
    const events: FocusEvent[] = [{ type: 'start', itemId: '2.3', now: T0 }];
    let t = 0;
    for (let round = 1; round <= 4; round++) {
      t += 25;
      events.push({ type: 'tick', now: at(t) });
      if (round < 4) {
        t += 5;
        events.push({ type: 'tick', now: at(t) });
      }
    }
    const mid = run(events);
    expect(mid.state).toMatchObject({ phase: 'longBreak', round: 4, completedRounds: 4 });
    expect(mid.logs).toHaveLength(4);
    expect(mid.logs.map((l) => (l.endedAt - l.startedAt) / MIN)).toEqual([25, 25, 25, 25]);
    expect(mid.logs[3]).toEqual({ itemId: '2.3', startedAt: at(90), endedAt: at(115) });
    const after = run(
      [
        { type: 'tick', now: at(t + 14) },
        { type: 'tick', now: at(t + 15) },
      ],
      mid.state,
    );
    expect(after.state).toMatchObject({ phase: 'work', round: 1, completedRounds: 4 });
    expect(phaseLabel(after.state, lengths)).toBe('Work 1/4');
  });

  it('with one round before a long break, every break is long', () => {
    const one = focusLengths({
      focusWorkMinutes: 1,
      focusShortBreakMinutes: 1,
      focusLongBreakMinutes: 2,
      focusRoundsBeforeLongBreak: 1,
    });
    const { state } = run(
      [
        { type: 'start', itemId: '1.1', now: T0 },
        { type: 'tick', now: at(1) },
      ],
      idleFocus,
      one,
    );
    expect(state.phase).toBe('longBreak');
  });

  it('does not log paused time: a paused work phase is logged as the spans worked', () => {
    const { state, logs } = run([
      { type: 'start', itemId: '1.1', now: T0 },
      { type: 'pause', now: at(10) },
      { type: 'tick', now: at(40) }, // paused: nothing happens
      { type: 'resume', now: at(50) },
      { type: 'tick', now: at(64) },
      { type: 'tick', now: at(65) },
    ]);
    expect(logs).toEqual([
      { itemId: '1.1', startedAt: T0, endedAt: at(10) },
      { itemId: '1.1', startedAt: at(50), endedAt: at(65) },
    ]);
    expect(state.phase).toBe('shortBreak');
  });

  it('keeps the remaining time while paused and reports paused', () => {
    const { state } = run([
      { type: 'start', itemId: '1.1', now: T0 },
      { type: 'pause', now: at(10) },
    ]);
    expect(isPaused(state)).toBe(true);
    expect(remainingMs(state, lengths, at(100))).toBe(15 * MIN);
    const resumed = run([{ type: 'resume', now: at(100) }], state).state;
    expect(isPaused(resumed)).toBe(false);
    expect(remainingMs(resumed, lengths, at(105))).toBe(10 * MIN);
  });

  it('ignores pause when paused, resume when running, and everything but start when idle', () => {
    const started = run([{ type: 'start', itemId: '1.1', now: T0 }]).state;
    expect(focusReducer(started, { type: 'resume', now: at(1) }, lengths).state).toBe(started);
    const paused = run([{ type: 'pause', now: at(5) }], started).state;
    expect(focusReducer(paused, { type: 'pause', now: at(6) }, lengths).state).toBe(paused);
    for (const type of ['tick', 'pause', 'resume', 'skip', 'stop'] as const) {
      expect(focusReducer(idleFocus, { type, now: T0 }, lengths)).toEqual({ state: idleFocus, effects: [] });
    }
  });

  it('drops a worked span under a minute when pausing shortly after starting', () => {
    const { logs } = run([
      { type: 'start', itemId: '1.1', now: T0 },
      { type: 'pause', now: at(0.5) },
      { type: 'resume', now: at(1) },
      { type: 'tick', now: at(30) },
    ]);
    expect(logs).toEqual([{ itemId: '1.1', startedAt: at(1), endedAt: at(25.5) }]);
  });

  it('skipping work logs what was worked and moves to the break; skipping a break starts work', () => {
    const skipped = run([
      { type: 'start', itemId: '1.1', now: T0 },
      { type: 'skip', now: at(12) },
    ]);
    expect(skipped.logs).toEqual([{ itemId: '1.1', startedAt: T0, endedAt: at(12) }]);
    expect(skipped.state).toMatchObject({ phase: 'shortBreak', completedRounds: 1 });
    const next = run([{ type: 'skip', now: at(13) }], skipped.state);
    expect(next.state).toMatchObject({ phase: 'work', round: 2, runningSince: at(13) });
    expect(next.logs).toEqual([]);
  });

  it('skipping a paused break starts work running', () => {
    const s = run([
      { type: 'start', itemId: '1.1', now: T0 },
      { type: 'tick', now: at(25) },
      { type: 'pause', now: at(26) },
      { type: 'skip', now: at(40) },
    ]).state;
    expect(s).toMatchObject({ phase: 'work', round: 2, runningSince: at(40) });
  });

  it('stopping logs a partial work phase of a minute or more', () => {
    const { state, logs } = run([
      { type: 'start', itemId: '1.1', now: T0 },
      { type: 'stop', now: at(7) },
    ]);
    expect(logs).toEqual([{ itemId: '1.1', startedAt: T0, endedAt: at(7) }]);
    expect(state).toEqual(idleFocus);
  });

  it('stopping after under a minute of work logs nothing', () => {
    expect(
      run([
        { type: 'start', itemId: '1.1', now: T0 },
        { type: 'stop', now: T0 + 59_999 },
      ]).logs,
    ).toEqual([]);
    expect(
      run([
        { type: 'start', itemId: '1.1', now: T0 },
        { type: 'stop', now: T0 + MIN },
      ]).logs,
    ).toHaveLength(1);
  });

  it('stopping during a break or while paused logs no new time', () => {
    const inBreak = run([
      { type: 'start', itemId: '1.1', now: T0 },
      { type: 'tick', now: at(25) },
      { type: 'stop', now: at(28) },
    ]);
    expect(inBreak.logs).toHaveLength(1); // only the finished work phase
    const paused = run([
      { type: 'start', itemId: '1.1', now: T0 },
      { type: 'pause', now: at(5) },
      { type: 'stop', now: at(60) },
    ]);
    expect(paused.logs).toEqual([{ itemId: '1.1', startedAt: T0, endedAt: at(5) }]);
  });

  it('starting on another item stops the first session and logs its work', () => {
    const { state, logs } = run([
      { type: 'start', itemId: '1.1', now: T0 },
      { type: 'start', itemId: '1.2', now: at(10) },
    ]);
    expect(logs).toEqual([{ itemId: '1.1', startedAt: T0, endedAt: at(10) }]);
    expect(state).toMatchObject({ phase: 'work', itemId: '1.2', round: 1, runningSince: at(10) });
  });

  it('after a long absence during a break, the next work round starts when noticed, not in the past', () => {
    const { state, logs } = run([
      { type: 'start', itemId: '1.1', now: T0 },
      { type: 'tick', now: at(25) },
      { type: 'tick', now: at(300) },
    ]);
    expect(logs).toHaveLength(1);
    expect(state).toMatchObject({ phase: 'work', round: 2, runningSince: at(300) });
  });

  it('a tick far past the end of work logs the work, and starts the next round at the tick', () => {
    const { state, logs } = run([
      { type: 'start', itemId: '1.1', now: T0 },
      { type: 'tick', now: at(200) },
    ]);
    expect(logs).toEqual([{ itemId: '1.1', startedAt: T0, endedAt: at(25) }]);
    expect(state).toMatchObject({ phase: 'work', round: 2, runningSince: at(200) });
  });

  it('a stop after a missed tick logs at most the work length and ends in the break', () => {
    const { logs, effects } = run([
      { type: 'start', itemId: '1.1', now: T0 },
      { type: 'stop', now: at(27) },
    ]);
    expect(logs).toEqual([{ itemId: '1.1', startedAt: T0, endedAt: at(25) }]);
    expect(effects).toContainEqual({ phaseEnded: 'work', next: 'shortBreak' });
  });

  it('a clock set back does not log a span that ends before it starts', () => {
    const { logs, state } = run([
      { type: 'start', itemId: '1.1', now: T0 },
      { type: 'stop', now: T0 - 10 * MIN },
    ]);
    expect(logs).toEqual([]);
    expect(state).toEqual(idleFocus);
  });

  it('every logged span is at least a minute and never overlaps another, over a random session', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const types = ['tick', 'tick', 'tick', 'pause', 'resume', 'skip'] as const;
    const events: FocusEvent[] = [{ type: 'start', itemId: '1.1', now: T0 }];
    let t = T0;
    for (let i = 0; i < 500; i++) {
      t += Math.floor(rand() * 10 * MIN);
      events.push({ type: types[Math.floor(rand() * types.length)]!, now: t });
    }
    events.push({ type: 'stop', now: t + MIN });
    const { logs, state } = run(events);
    expect(state).toEqual(idleFocus);
    expect(logs.length).toBeGreaterThan(0);
    for (const [i, log] of logs.entries()) {
      expect(log.endedAt - log.startedAt).toBeGreaterThanOrEqual(MIN);
      expect(log.endedAt - log.startedAt).toBeLessThanOrEqual(25 * MIN);
      if (i > 0) expect(log.startedAt).toBeGreaterThanOrEqual(logs[i - 1]!.endedAt);
    }
  });
});
