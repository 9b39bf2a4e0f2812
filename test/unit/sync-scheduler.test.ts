// When the app syncs (electron/sync/scheduler.ts), with a hand-driven clock, a stand-in engine and a
// stand-in folder: start, debounced local changes, watcher and polling, one sync at a time, problems.
import { describe, expect, it } from 'vitest';
import {
  createSyncScheduler,
  plainSyncProblem,
  sentence,
  type SchedulerDeps,
  type TimerApi,
} from '../../electron/sync/scheduler';
import type { SyncReport } from '../../electron/sync/engine';

/** Timers that fire only when the test moves the clock. */
function manualTimers() {
  let now = 0;
  let nextId = 1;
  const pending = new Map<number, { at: number; fn: () => void; every?: number }>();
  const api: TimerApi = {
    setTimeout: (fn, ms) => (pending.set(nextId, { at: now + ms, fn }), nextId++),
    clearTimeout: (id) => void pending.delete(id as number),
    setInterval: (fn, ms) => (pending.set(nextId, { at: now + ms, fn, every: ms }), nextId++),
    clearInterval: (id) => void pending.delete(id as number),
  };
  return {
    api,
    now: () => now,
    intervals: () => [...pending.values()].filter((t) => t.every).map((t) => t.every),
    async advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const due = [...pending.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        const [id, timer] = due;
        now = timer.at;
        if (timer.every) timer.at += timer.every;
        else pending.delete(id);
        timer.fn();
        await settle();
      }
      now = end;
      await settle();
    },
  };
}
const settle = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

const report = (received: SyncReport['received'] = []): SyncReport => ({ at: 1, wrote: 0, received, problems: [] });

function setup(overrides: Partial<SchedulerDeps> = {}) {
  const timers = manualTimers();
  const world = {
    folder: '/sync' as string | null,
    pending: false,
    files: 'a',
    syncs: [] as number[],
    received: [] as SyncReport[],
    failWith: null as Error | null,
    watchThrows: false,
    watchers: [] as { onChange: () => void; onError: (e: unknown) => void; closed: boolean }[],
    nextReport: report(),
    statusCalls: 0,
  };
  const scheduler = createSyncScheduler({
    sync: () => {
      world.syncs.push(timers.now());
      if (world.failWith) throw world.failWith;
      world.pending = false;
      world.files += '+ours'; // our own files change the folder too
      return world.nextReport;
    },
    folder: () => world.folder,
    hasPendingChanges: () => world.pending,
    onReceived: (r) => void world.received.push(r),
    onStatus: () => void world.statusCalls++,
    watch: (_folder, onChange, onError) => {
      if (world.watchThrows) throw new Error('ENOSPC: too many watchers');
      const w = { onChange, onError, closed: false };
      world.watchers.push(w);
      return { close: () => void (w.closed = true) };
    },
    fingerprint: () => {
      if (world.folder === null || world.files === 'gone') throw new Error('ENOENT');
      return world.files;
    },
    timers: timers.api,
    now: timers.now,
    log: () => {},
    ...overrides,
  });
  return { scheduler, timers, world };
}

describe('the sync scheduler', () => {
  it('syncs on start and starts watching the folder, with a slow poll as a safety net', async () => {
    const { scheduler, world, timers } = setup();
    await scheduler.start();
    expect(world.syncs).toEqual([0]);
    expect(world.watchers).toHaveLength(1);
    expect(scheduler.status()).toEqual({ running: false, problem: null, lastReceived: null, following: 'watch' });
    expect(timers.intervals()).toEqual([60_000]);
  });

  it('does nothing while sync is off, and follows nothing', async () => {
    const { scheduler, world } = setup();
    world.folder = null;
    await scheduler.start();
    world.pending = true;
    scheduler.localChange(0);
    expect(world.syncs).toEqual([]);
    expect(scheduler.status().following).toBe('none');
  });

  it('waits for a quiet moment after local changes, but never longer than the maximum wait', async () => {
    const { scheduler, world, timers } = setup({ debounceMs: 3_000, maxWaitMs: 10_000, slowPollMs: 999_999 });
    await scheduler.start();
    world.syncs.length = 0;
    world.pending = true;
    // A change every 2 s: each postpones the sync, until 10 s after the first.
    for (let t = 0; t < 14_000; t += 2_000) {
      scheduler.localChange(timers.now());
      await timers.advance(2_000);
    }
    expect(world.syncs[0]).toBe(10_000);
    // Then one quiet change: synced 3 s later.
    world.pending = true;
    scheduler.localChange(timers.now());
    const at = timers.now();
    await timers.advance(5_000);
    expect(world.syncs.at(-1)).toBe(at + 3_000);
  });

  it('a call that left nothing to send neither starts nor postpones a sync', async () => {
    const { scheduler, world, timers } = setup({ debounceMs: 3_000, slowPollMs: 999_999 });
    await scheduler.start();
    world.syncs.length = 0;
    world.pending = true;
    scheduler.localChange(timers.now());
    await timers.advance(2_000);
    world.pending = false; // a read: reloading the screen
    scheduler.localChange(timers.now());
    world.pending = true;
    await timers.advance(1_000);
    expect(world.syncs).toEqual([3_000]);
  });

  it('syncs when another machine’s files arrive, not when our own writes stir the watcher', async () => {
    const { scheduler, world, timers } = setup({ watchSettleMs: 500 });
    await scheduler.start();
    world.syncs.length = 0;
    // Our own sync wrote files: the watcher fires, the folder is as our sync left it.
    world.watchers[0]!.onChange();
    await timers.advance(1_000);
    expect(world.syncs).toEqual([]);
    // Another machine's file arrives in three events: one sync, after they settle.
    world.files += '+laptop';
    world.watchers[0]!.onChange();
    world.watchers[0]!.onChange();
    await timers.advance(200);
    world.watchers[0]!.onChange();
    await timers.advance(1_000);
    expect(world.syncs).toEqual([1_700]); // 1 s in, then 200 ms, then 500 ms of quiet
  });

  it('tells the window to reload only when a sync brought changes in', async () => {
    const { scheduler, world } = setup();
    await scheduler.start();
    expect(world.received).toEqual([]);
    world.nextReport = report([{ deviceId: 'b', deviceName: 'Laptop', changes: 14, entries: 12 }]);
    await scheduler.syncNow();
    expect(world.received).toEqual([world.nextReport]);
    // A later sync that brings nothing does not hide what came in.
    const laptop = world.nextReport;
    world.nextReport = report();
    await scheduler.syncNow();
    expect(world.received).toEqual([laptop]);
    expect(scheduler.status().lastReceived).toBe(laptop);
    expect(world.statusCalls).toBeGreaterThanOrEqual(6); // start and end of each sync
  });

  it('polls quickly where the folder cannot be watched (network shares), and syncs when it changed', async () => {
    const { scheduler, world, timers } = setup({ fastPollMs: 5_000 });
    world.watchThrows = true;
    await scheduler.start();
    expect(scheduler.status().following).toBe('poll');
    expect(timers.intervals()).toEqual([5_000]);
    world.syncs.length = 0;
    await timers.advance(5_000);
    expect(world.syncs).toEqual([]); // nothing new
    world.files += '+desktop';
    await timers.advance(5_000);
    expect(world.syncs).toEqual([10_000]);
  });

  it('a watcher that stops working falls back to polling', async () => {
    const { scheduler, world, timers } = setup({ fastPollMs: 5_000 });
    await scheduler.start();
    world.watchers[0]!.onError(new Error('EIO'));
    expect(world.watchers[0]!.closed).toBe(true);
    expect(scheduler.status().following).toBe('poll');
    expect(timers.intervals()).toEqual([5_000]);
  });

  it('never runs two syncs at once: a request during a sync runs once, after it', async () => {
    let release!: () => void;
    let running = 0;
    let most = 0;
    let count = 0;
    const { scheduler } = setup({
      sync: async () => {
        count++;
        running++;
        most = Math.max(most, running);
        if (count === 1) await new Promise<void>((resolve) => (release = resolve));
        running--;
        return report();
      },
    });
    const first = scheduler.syncNow();
    await settle();
    expect(scheduler.status().running).toBe(true);
    const second = scheduler.syncNow();
    const third = scheduler.syncNow();
    release();
    await Promise.all([first, second, third]);
    expect(most).toBe(1);
    expect(count).toBe(2); // the two requests made during the first sync share the next one
  });

  it('"Sync now" pressed during a sync hears why the next one failed', async () => {
    let release!: () => void;
    let count = 0;
    const { scheduler } = setup({
      sync: async () => {
        count++;
        if (count === 1) {
          await new Promise<void>((resolve) => (release = resolve));
          return report();
        }
        throw new Error('The sync folder /sync cannot be found.');
      },
    });
    const background = scheduler.start();
    await settle();
    const pressed = scheduler.syncNow();
    release();
    await background;
    await expect(pressed).rejects.toThrow('cannot be found');
  });

  it('keeps a failure as a plain sentence, keeps trying, and clears it when the folder is back', async () => {
    const { scheduler, world, timers } = setup({ fastPollMs: 5_000 });
    await scheduler.start();
    world.failWith = new Error('The sync folder /sync cannot be found. Is its drive connected?');
    world.files = 'gone';
    await expect(scheduler.syncNow()).rejects.toThrow('cannot be found');
    expect(scheduler.status()).toMatchObject({ problem: world.failWith.message, following: 'poll' });
    // Still gone: the poll does not retry a folder that cannot even be read.
    world.syncs.length = 0;
    await timers.advance(10_000);
    expect(world.syncs).toEqual([]);
    // The stick is back: the next poll syncs, the problem is gone, the watcher is back.
    world.failWith = null;
    world.files = 'back';
    await timers.advance(5_000);
    expect(world.syncs).toEqual([15_000]);
    expect(scheduler.status()).toEqual({ running: false, problem: null, lastReceived: null, following: 'watch' });
  });

  it('a lasting problem in a readable folder is retried once a minute, or at once when the folder changes', async () => {
    const { scheduler, world, timers } = setup({ fastPollMs: 5_000, slowPollMs: 60_000 });
    await scheduler.start();
    world.failWith = new Error('The folder holds a log from a newer version of the app.');
    await expect(scheduler.syncNow()).rejects.toThrow('newer version');
    world.syncs.length = 0;
    await timers.advance(55_000);
    expect(world.syncs).toEqual([]); // eleven polls, the folder unchanged: no retry yet
    await timers.advance(5_000);
    expect(world.syncs).toEqual([60_000]);
    world.files += '+laptop';
    await timers.advance(5_000);
    expect(world.syncs).toEqual([60_000, 65_000]);
  });

  it('a failed sync on start or after a change is kept, not thrown', async () => {
    const { scheduler, world } = setup();
    world.failWith = new Error('The app cannot write into /sync.');
    await expect(scheduler.start()).resolves.toBeNull();
    expect(scheduler.status().problem).toBe('The app cannot write into /sync.');
  });

  it('follows the new folder when the learner chooses another one, and none once sync is off', async () => {
    const { scheduler, world } = setup();
    await scheduler.start();
    world.folder = '/elsewhere';
    await scheduler.configured();
    expect(world.watchers.map((w) => w.closed)).toEqual([true, false]);
    world.folder = null;
    await scheduler.configured();
    expect(world.watchers[1]!.closed).toBe(true);
    expect(scheduler.status().following).toBe('none');
  });

  it('on quit, writes what is still pending, then stops every timer', async () => {
    const { scheduler, world, timers } = setup();
    await scheduler.start();
    world.syncs.length = 0;
    world.pending = true;
    scheduler.localChange(0);
    scheduler.dispose({ flush: true });
    expect(world.syncs).toHaveLength(1);
    expect(timers.intervals()).toEqual([]);
    await timers.advance(120_000);
    expect(world.syncs).toHaveLength(1);
  });

  it('says a fault of ours in general words, and the engine’s refusals as they are', () => {
    expect(plainSyncProblem(new Error('The folder is full.'))).toBe('The folder is full.');
    expect(plainSyncProblem(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBeNull();
    expect(sentence(new TypeError('x'))).toMatch(/fault in the app/);
  });
});
