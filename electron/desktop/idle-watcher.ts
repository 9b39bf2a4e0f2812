// Idle wiring: watches powerMonitor while a timer runs and, when the learner comes back after more
// than the idle threshold, asks what to do with the idle time. The decisions are electron/desktop/
// idle.ts's (decideIdle, applyIdleChoice); this file only keeps time and talks to Electron objects
// passed in, so vitest drives it with fakes and fake timers.
import { applyIdleChoice, decideIdle, type IdleAction, type IdleChoice, type IdleSpan, type IdleTimer } from './idle';

export interface PowerMonitorLike {
  /** Seconds since the last keyboard or mouse input. */
  getSystemIdleTime(): number;
  on(event: 'suspend' | 'resume' | 'lock-screen' | 'unlock-screen', listener: () => void): unknown;
  removeListener(event: 'suspend' | 'resume' | 'lock-screen' | 'unlock-screen', listener: () => void): unknown;
}

export interface IdleWatcherDeps {
  powerMonitor: PowerMonitorLike;
  getTimer: () => IdleTimer | null;
  getIdleMinutes: () => number;
  /** Asks the learner (a native dialog in the app). */
  ask: (span: IdleSpan, timer: IdleTimer) => Promise<IdleChoice>;
  /** Carries out the actions (stopTimerAt, startTimerAt) and tells the window. */
  apply: (actions: IdleAction[]) => void;
  now: () => number;
  pollMs?: number;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

const IDLE_POLL_MS = 15_000;

export const IDLE_BUTTONS: readonly { label: string; choice: IdleChoice }[] = [
  { label: 'Keep', choice: 'keep' },
  { label: 'Discard idle time', choice: 'discard' },
  { label: 'Discard and stop', choice: 'discard-and-stop' },
];

export function createIdleWatcher(deps: IdleWatcherDeps) {
  const thresholdMs = () => deps.getIdleMinutes() * 60_000;
  /** When the learner went away (suspend/lock, or the first poll that saw long system idle). */
  let awaySince: number | null = null;
  let suspended = false;
  let asking = false;
  const settled: Promise<void>[] = [];

  const markAway = (at: number) => {
    awaySince = awaySince === null ? at : Math.min(awaySince, at);
  };

  const settle = (returnedAt: number) => {
    const idleStartedAt = awaySince;
    awaySince = null;
    if (idleStartedAt === null || asking) return;
    const timer = deps.getTimer();
    const span = decideIdle({ timer, idleStartedAt, returnedAt, thresholdMs: thresholdMs() });
    if (!span || !timer) return;
    asking = true;
    const done = deps
      .ask(span, timer)
      .then((choice) => {
        // Read the timer again: it may have been stopped or switched while the question was open.
        const actions = applyIdleChoice(choice, deps.getTimer(), span, deps.now());
        if (actions.length > 0) deps.apply(actions);
      })
      .catch((error: unknown) => console.error('[idle]', error))
      .finally(() => {
        asking = false;
      });
    settled.push(done);
  };

  const poll = () => {
    if (suspended || asking) return;
    const now = deps.now();
    const idleMs = deps.powerMonitor.getSystemIdleTime() * 1000;
    if (idleMs >= thresholdMs()) {
      if (deps.getTimer()) markAway(now - idleMs);
    } else if (awaySince !== null) {
      // Input again: the learner came back `idleMs` ago.
      settle(now - idleMs);
    }
  };

  const onAway = () => {
    suspended = true;
    markAway(deps.now());
  };
  const onBack = () => {
    suspended = false;
    settle(deps.now());
  };

  deps.powerMonitor.on('suspend', onAway);
  deps.powerMonitor.on('lock-screen', onAway);
  deps.powerMonitor.on('resume', onBack);
  deps.powerMonitor.on('unlock-screen', onBack);
  const every = deps.setInterval ?? ((fn, ms) => setInterval(fn, ms));
  const stop = deps.clearInterval ?? ((h) => clearInterval(h as ReturnType<typeof setInterval>));
  const handle = every(poll, deps.pollMs ?? IDLE_POLL_MS);
  (handle as { unref?: () => void })?.unref?.();

  return {
    poll,
    /** For tests: resolves when every question asked so far has been answered and applied. */
    idle: () => Promise.all(settled.splice(0)).then(() => undefined),
    dispose() {
      stop(handle);
      deps.powerMonitor.removeListener('suspend', onAway);
      deps.powerMonitor.removeListener('lock-screen', onAway);
      deps.powerMonitor.removeListener('resume', onBack);
      deps.powerMonitor.removeListener('unlock-screen', onBack);
    },
  };
}

/** The dialog text for one idle span. */
export function idleQuestion(span: IdleSpan, itemName: string) {
  const minutes = Math.round(span.idleMs / 60_000);
  return {
    message: `You were away for ${minutes} min while the timer ran`,
    detail: `The timer on ${itemName} kept counting. Keep that time, discard it (the timer goes on from now), or discard it and stop the timer?`,
    buttons: IDLE_BUTTONS.map((b) => b.label),
  };
}
