// Idle detection while the timer runs. Pure: main feeds it what powerMonitor reports (the system
// idle time, 'lock-screen'/'unlock-screen', 'suspend'/'resume') and carries out the actions it
// returns through the timer handlers (stopTimerAt, timer.start).
//
// An idle span is [idleStartedAt, returnedAt): for system idle, now minus powerMonitor's idle
// seconds up to now; for a suspend or a lock, the 'suspend'/'lock-screen' time up to the
// 'resume'/'unlock-screen' time. Each span is decided on its own, so several in one session each
// get their own question. Days are not split here: a logged span crossing midnight is counted on
// both local days by the stats (electron/stats/local-days.ts).

export type IdleChoice = 'keep' | 'discard' | 'discard-and-stop';

export interface IdleSpan {
  idleFrom: number;
  idleTo: number;
  idleMs: number;
}

export interface IdleTimer {
  itemId: string;
  startedAt: number;
  note?: string;
}

export type IdleAction =
  { type: 'stop'; endedAt: number } | { type: 'start'; itemId: string; startedAt: number; note: string };

/**
 * The idle span to ask about, or null: no timer, an idle span shorter than the threshold, or one
 * that lies wholly before the timer started. A span that began before the timer is clipped to the
 * timer's start (only the timer's own time is in question) and measured from there.
 */
export function decideIdle(input: {
  timer: { startedAt: number } | null;
  idleStartedAt: number;
  returnedAt: number;
  thresholdMs: number;
}): IdleSpan | null {
  const { timer, idleStartedAt, returnedAt, thresholdMs } = input;
  if (!timer) return null;
  const idleFrom = Math.max(idleStartedAt, timer.startedAt);
  const idleTo = returnedAt;
  const idleMs = idleTo - idleFrom;
  if (!(idleMs > 0) || idleMs < thresholdMs) return null;
  return { idleFrom, idleTo, idleMs };
}

/**
 * What to do with the timer after the learner answers. `keep` leaves it running; `discard` stops
 * it at the start of the idle span (the time before is logged, under a minute discarded as usual)
 * and starts a new timer on the same item at the return; `discard-and-stop` only stops it.
 * `now` bounds the times: nothing is stopped or started in the future.
 */
export function applyIdleChoice(
  choice: IdleChoice,
  timer: IdleTimer | null,
  idle: IdleSpan,
  now: number,
): IdleAction[] {
  if (!timer || choice === 'keep') return [];
  // The timer may have been restarted during the question (e.g. another item): then the idle
  // span no longer belongs to it, and nothing is done behind the learner's back.
  if (timer.startedAt > idle.idleFrom) return [];
  const endedAt = Math.min(idle.idleFrom, now);
  const stop: IdleAction = { type: 'stop', endedAt };
  if (choice === 'discard-and-stop') return [stop];
  return [stop, { type: 'start', itemId: timer.itemId, startedAt: Math.min(idle.idleTo, now), note: timer.note ?? '' }];
}
