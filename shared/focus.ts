// Focus mode: a pomodoro state machine. Pure (no Node or DOM): the renderer drives it with the
// clock and carries out its effects (logging finished work through `time.add`).
//
// Phases: idle → work → short break → work → … → long break after N work rounds → work (round 1).
// A work phase is logged as the spans actually worked: pausing closes a span, resuming opens a new
// one, so paused time is never logged. Spans under a minute are not logged (as with the timer).
import { MIN_ENTRY_MS, MINUTE_MS } from './time';

export type FocusPhase = 'idle' | 'work' | 'shortBreak' | 'longBreak';

export interface FocusLengths {
  workMs: number;
  shortBreakMs: number;
  longBreakMs: number;
  roundsBeforeLongBreak: number;
}

export interface FocusSettings {
  focusWorkMinutes: number;
  focusShortBreakMinutes: number;
  focusLongBreakMinutes: number;
  focusRoundsBeforeLongBreak: number;
}

export const focusLengths = (s: FocusSettings): FocusLengths => ({
  workMs: s.focusWorkMinutes * MINUTE_MS,
  shortBreakMs: s.focusShortBreakMinutes * MINUTE_MS,
  longBreakMs: s.focusLongBreakMinutes * MINUTE_MS,
  roundsBeforeLongBreak: Math.max(1, Math.floor(s.focusRoundsBeforeLongBreak)),
});

export interface FocusSpan {
  startedAt: number;
  endedAt: number;
}

export interface FocusState {
  phase: FocusPhase;
  itemId: string | null;
  /** The work round in the current cycle, 1..roundsBeforeLongBreak (the last one, during a break). */
  round: number;
  /** Work rounds finished (or skipped) since start. */
  completedRounds: number;
  /** Time spent in the current phase before `runningSince`. */
  elapsedMs: number;
  /** When the phase last started or resumed; null while paused (and when idle). */
  runningSince: number | null;
  /** Closed work spans of the current work phase, not yet logged. */
  workSpans: FocusSpan[];
}

export type FocusEvent =
  | { type: 'start'; itemId: string; now: number }
  | { type: 'tick'; now: number }
  | { type: 'pause'; now: number }
  | { type: 'resume'; now: number }
  | { type: 'skip'; now: number }
  | { type: 'stop'; now: number };

export type FocusEffect =
  { log: { itemId: string; startedAt: number; endedAt: number } } | { phaseEnded: FocusPhase; next: FocusPhase };

export interface FocusResult {
  state: FocusState;
  effects: FocusEffect[];
}

export const idleFocus: FocusState = {
  phase: 'idle',
  itemId: null,
  round: 0,
  completedRounds: 0,
  elapsedMs: 0,
  runningSince: null,
  workSpans: [],
};

function phaseLength(phase: FocusPhase, lengths: FocusLengths): number {
  switch (phase) {
    case 'work':
      return lengths.workMs;
    case 'shortBreak':
      return lengths.shortBreakMs;
    case 'longBreak':
      return lengths.longBreakMs;
    case 'idle':
      return 0;
  }
}

export const isPaused = (state: FocusState) => state.phase !== 'idle' && state.runningSince === null;

/** Time spent in the current phase at `now`, pauses excluded. */
function phaseElapsed(state: FocusState, now: number): number {
  return state.elapsedMs + (state.runningSince === null ? 0 : Math.max(0, now - state.runningSince));
}

/** Time left in the current phase at `now` (0 when idle). */
export function remainingMs(state: FocusState, lengths: FocusLengths, now: number): number {
  if (state.phase === 'idle') return 0;
  return Math.max(0, phaseLength(state.phase, lengths) - phaseElapsed(state, now));
}

/** "Work 1/4", "Short break", "Long break", "Not started". */
export function phaseLabel(state: FocusState, lengths: FocusLengths): string {
  switch (state.phase) {
    case 'work':
      return `Work ${state.round}/${lengths.roundsBeforeLongBreak}`;
    case 'shortBreak':
      return 'Short break';
    case 'longBreak':
      return 'Long break';
    case 'idle':
      return 'Not started';
  }
}

const enter = (state: FocusState, phase: FocusPhase, round: number, at: number): FocusState => ({
  ...state,
  phase,
  round,
  elapsedMs: 0,
  runningSince: at,
  workSpans: [],
});

/** Closes the running work span at `at` and returns log effects for every span of a minute or more. */
function logWork(state: FocusState, at: number): FocusEffect[] {
  if (state.phase !== 'work' || state.itemId === null) return [];
  const spans =
    state.runningSince === null
      ? state.workSpans
      : [...state.workSpans, { startedAt: state.runningSince, endedAt: at }];
  const itemId = state.itemId;
  return spans
    .filter((s) => s.endedAt - s.startedAt >= MIN_ENTRY_MS)
    .map((s) => ({ log: { itemId, startedAt: s.startedAt, endedAt: s.endedAt } }));
}

/** The phase after the current one ends (or is skipped) at `at`. */
function advance(state: FocusState, lengths: FocusLengths, at: number): FocusResult {
  if (state.phase === 'work') {
    const effects = logWork(state, at);
    const long = state.round >= lengths.roundsBeforeLongBreak;
    const next: FocusPhase = long ? 'longBreak' : 'shortBreak';
    const after = enter({ ...state, completedRounds: state.completedRounds + 1 }, next, state.round, at);
    return { state: after, effects: [...effects, { phaseEnded: 'work', next }] };
  }
  const round = state.phase === 'longBreak' ? 1 : state.round + 1;
  return { state: enter(state, 'work', round, at), effects: [{ phaseEnded: state.phase, next: 'work' }] };
}

export function focusReducer(state: FocusState, event: FocusEvent, lengths: FocusLengths): FocusResult {
  if (event.type === 'pause' || event.type === 'skip' || event.type === 'stop' || event.type === 'start') {
    // A phase that ran out before this event ends first, as a tick would have ended it: a stop
    // after a missed tick must not log more than a work phase's length.
    const ticked = step(state, { type: 'tick', now: event.now }, lengths);
    const result = step(ticked.state, event, lengths);
    return ticked.effects.length ? { state: result.state, effects: [...ticked.effects, ...result.effects] } : result;
  }
  return step(state, event, lengths);
}

function step(state: FocusState, event: FocusEvent, lengths: FocusLengths): FocusResult {
  const none = { state, effects: [] };
  switch (event.type) {
    case 'start': {
      // Starting again (on this or another item) first stops the running session, logging its work.
      const stopped = state.phase === 'idle' ? none : focusReducer(state, { type: 'stop', now: event.now }, lengths);
      const started = enter({ ...idleFocus, itemId: event.itemId }, 'work', 1, event.now);
      return { state: started, effects: stopped.effects };
    }
    case 'tick': {
      if (state.phase === 'idle' || state.runningSince === null) return none;
      const endsAt = state.runningSince + (phaseLength(state.phase, lengths) - state.elapsedMs);
      if (event.now < endsAt) return none;
      if (state.phase === 'work') {
        // Work ends at its scheduled end, and the break starts there: a late tick loses nothing.
        const ended = advance(state, lengths, endsAt);
        const more = step(ended.state, event, lengths);
        return { state: more.state, effects: [...ended.effects, ...more.effects] };
      }
      // A break that has run out starts the next work round now, not at the break's scheduled end:
      // after a sleep or a long absence, no work is credited for time nobody was there.
      return advance(state, lengths, event.now);
    }
    case 'pause': {
      if (state.phase === 'idle' || state.runningSince === null) return none;
      const now = Math.max(event.now, state.runningSince);
      const workSpans =
        state.phase === 'work'
          ? [...state.workSpans, { startedAt: state.runningSince, endedAt: now }]
          : state.workSpans;
      return { state: { ...state, elapsedMs: phaseElapsed(state, now), runningSince: null, workSpans }, effects: [] };
    }
    case 'resume': {
      if (state.phase === 'idle' || state.runningSince !== null) return none;
      return { state: { ...state, runningSince: event.now }, effects: [] };
    }
    case 'skip': {
      if (state.phase === 'idle') return none;
      // Skipping work ends the round early: what was worked is logged, the break follows.
      const at = state.runningSince === null ? event.now : Math.max(event.now, state.runningSince);
      return advance(state, lengths, at);
    }
    case 'stop': {
      if (state.phase === 'idle') return none;
      const at = state.runningSince === null ? event.now : Math.max(event.now, state.runningSince);
      return { state: idleFocus, effects: logWork(state, at) };
    }
  }
}
