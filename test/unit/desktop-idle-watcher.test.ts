// The idle watcher (electron/desktop/idle-watcher.ts): polling the system idle time while a timer runs, the question it asks and what each answer does.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createIdleWatcher,
  IDLE_BUTTONS,
  idleQuestion,
  type PowerMonitorLike,
} from '../../electron/desktop/idle-watcher';

const MIN = 60_000;
const T0 = new Date(2026, 2, 10, 9, 0).getTime();

describe('createIdleWatcher', () => {
  afterEach(() => vi.useRealTimers());

  function setup({
    choice = 'discard' as const,
    idleMinutes = 10,
    timer = { itemId: '1.1', startedAt: T0, note: 'n' } as { itemId: string; startedAt: number; note: string } | null,
  } = {}) {
    vi.useFakeTimers();
    vi.setSystemTime(T0);
    const listeners = new Map<string, () => void>();
    let idleSeconds = 0;
    const powerMonitor: PowerMonitorLike = {
      getSystemIdleTime: () => idleSeconds,
      on: (event, listener) => listeners.set(event, listener),
      removeListener: (event) => listeners.delete(event),
    };
    const state = { timer };
    const ask = vi.fn(async () => choice as 'keep' | 'discard' | 'discard-and-stop');
    const apply = vi.fn();
    const watcher = createIdleWatcher({
      powerMonitor,
      getTimer: () => state.timer,
      getIdleMinutes: () => idleMinutes,
      ask,
      apply,
      now: () => Date.now(),
    });
    return { watcher, listeners, ask, apply, state, setIdle: (s: number) => void (idleSeconds = s) };
  }

  it('asks after a suspend longer than the threshold and applies "discard": stop at the suspend, start at the resume', async () => {
    const { watcher, listeners, ask, apply } = setup();
    vi.setSystemTime(T0 + 20 * MIN);
    listeners.get('suspend')!();
    vi.setSystemTime(T0 + 50 * MIN);
    listeners.get('resume')!();
    await watcher.idle();
    expect(ask).toHaveBeenCalledWith(
      { idleFrom: T0 + 20 * MIN, idleTo: T0 + 50 * MIN, idleMs: 30 * MIN },
      expect.objectContaining({ itemId: '1.1' }),
    );
    expect(apply).toHaveBeenCalledWith([
      { type: 'stop', endedAt: T0 + 20 * MIN },
      { type: 'start', itemId: '1.1', startedAt: T0 + 50 * MIN, note: 'n' },
    ]);
  });

  it('does the same for lock-screen / unlock-screen, and "discard and stop" only stops', async () => {
    const { watcher, listeners, apply } = setup({ choice: 'discard-and-stop' as never });
    vi.setSystemTime(T0 + 5 * MIN);
    listeners.get('lock-screen')!();
    vi.setSystemTime(T0 + 25 * MIN);
    listeners.get('unlock-screen')!();
    await watcher.idle();
    expect(apply).toHaveBeenCalledWith([{ type: 'stop', endedAt: T0 + 5 * MIN }]);
  });

  it('polls the system idle time every 15 s and asks when input comes back', async () => {
    const { watcher, ask, apply, setIdle } = setup();
    // 12 minutes without input at the poll: the learner has been away since T0 + 3 min.
    vi.setSystemTime(T0 + 15 * MIN);
    setIdle(12 * 60);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(ask).not.toHaveBeenCalled();
    // Back: 5 s of idle at the next poll.
    setIdle(5);
    await vi.advanceTimersByTimeAsync(15_000);
    await watcher.idle();
    expect(ask).toHaveBeenCalledTimes(1);
    const [span] = ask.mock.calls[0] as unknown as [{ idleFrom: number; idleTo: number }];
    expect(span.idleFrom).toBe(T0 + 3 * MIN + 15_000);
    expect(span.idleTo).toBe(T0 + 15 * MIN + 30_000 - 5_000);
    expect(apply.mock.calls[0]![0]).toHaveLength(2);
  });

  it('asks nothing for a short absence, without a timer, or when kept', async () => {
    const short = setup();
    vi.setSystemTime(T0 + 20 * MIN);
    short.listeners.get('suspend')!();
    vi.setSystemTime(T0 + 25 * MIN);
    short.listeners.get('resume')!();
    await short.watcher.idle();
    expect(short.ask).not.toHaveBeenCalled();
    short.watcher.dispose();

    const none = setup({ timer: null });
    none.listeners.get('suspend')!();
    vi.setSystemTime(T0 + 60 * MIN);
    none.listeners.get('resume')!();
    await none.watcher.idle();
    expect(none.ask).not.toHaveBeenCalled();
    none.watcher.dispose();

    const kept = setup({ choice: 'keep' as never });
    kept.listeners.get('suspend')!();
    vi.setSystemTime(T0 + 60 * MIN);
    kept.listeners.get('resume')!();
    await kept.watcher.idle();
    expect(kept.ask).toHaveBeenCalled();
    expect(kept.apply).not.toHaveBeenCalled();
  });

  it("does nothing behind the learner's back when the timer changed while the question was open", async () => {
    const { watcher, listeners, ask, apply, state } = setup();
    ask.mockImplementationOnce(async () => {
      state.timer = { itemId: '1.2', startedAt: T0 + 55 * MIN, note: '' };
      return 'discard';
    });
    listeners.get('suspend')!();
    vi.setSystemTime(T0 + 50 * MIN);
    listeners.get('resume')!();
    await watcher.idle();
    expect(apply).not.toHaveBeenCalled();
  });

  it('stops listening when disposed; the dialog text names the item and the minutes', () => {
    const { watcher, listeners } = setup();
    watcher.dispose();
    expect(listeners.size).toBe(0);
    const q = idleQuestion({ idleFrom: 0, idleTo: 23 * MIN, idleMs: 23 * MIN }, '1.1 Item 1');
    expect(q.message).toBe('You were away for 23 min while the timer ran');
    expect(q.detail).toContain('1.1 Item 1');
    expect(q.buttons).toEqual(['Keep', 'Discard idle time', 'Discard and stop']);
    expect(IDLE_BUTTONS.map((b) => b.choice)).toEqual(['keep', 'discard', 'discard-and-stop']);
  });
});
