// Focus mode (pomodoro) in the renderer: the state machine of shared/focus.ts, driven by a
// one-second tick. Each finished work interval is logged with `time.add`.
//
// The session lives in memory only, in this provider (so it survives moving between screens).
// Unlike the timer, whose start time is in the database, a focus session does NOT survive a
// reload, a restart or a crash: what was logged stays logged, the work interval in progress is lost.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLatest } from './useLatest';
import {
  focusLengths,
  focusReducer,
  idleFocus,
  type FocusEvent,
  type FocusLengths,
  type FocusState,
} from '../../shared/focus';
import { formatMinutes } from '../../shared/time';
import { useData, useMutation, useQuery } from './data';
import { useNotices } from './notices';
import { itemById } from '../../shared/curriculum';

interface FocusContextValue {
  state: FocusState;
  lengths: FocusLengths;
  send: (event: FocusEvent) => void;
}

const FocusContext = createContext<FocusContextValue | null>(null);

export function useFocus(): FocusContextValue {
  const value = useContext(FocusContext);
  if (!value) throw new Error('useFocus outside FocusProvider');
  return value;
}

const DEFAULT_LENGTHS = focusLengths({
  focusWorkMinutes: 25,
  focusShortBreakMinutes: 5,
  focusLongBreakMinutes: 15,
  focusRoundsBeforeLongBreak: 4,
});

export function FocusProvider({ children }: { children: ReactNode }) {
  const { curriculum } = useData();
  const notices = useNotices();
  const mutate = useMutation();
  const settings = useQuery('settings.get', {});
  const lengths = useMemo(
    () => (settings.status === 'ready' ? focusLengths(settings.data) : DEFAULT_LENGTHS),
    [settings],
  );
  const [state, setState] = useState<FocusState>(idleFocus);
  const stateRef = useRef(state);
  const lengthsRef = useLatest(lengths);

  const send = useCallback(
    (event: FocusEvent) => {
      const { state: next, effects } = focusReducer(stateRef.current, event, lengthsRef.current);
      stateRef.current = next;
      setState(next);
      const title = (id: string) => itemById(curriculum.items, id)?.title ?? id;
      for (const effect of effects) {
        if ('log' in effect) {
          const { itemId, startedAt, endedAt } = effect.log;
          void mutate(
            'time.add',
            { itemId, startedAt, endedAt, note: 'Focus session' },
            { onError: (e) => notices.error(`The focus interval could not be logged: ${e.message}`) },
          ).then(
            (logged) =>
              logged &&
              notices.success(`Logged ${formatMinutes((endedAt - startedAt) / 60_000)} of focus on ${title(itemId)}.`),
          );
        } else if (event.type === 'tick') {
          notices.info(
            effect.next === 'work'
              ? 'Break over: back to work.'
              : effect.next === 'longBreak'
                ? 'Well done: take a long break.'
                : 'Work interval done: take a short break.',
          );
        }
      }
    },
    [curriculum, mutate, notices, lengthsRef],
  );

  const running = state.phase !== 'idle' && state.runningSince !== null;
  useEffect(() => {
    if (!running) return;
    const id = setInterval(() => send({ type: 'tick', now: Date.now() }), 1000);
    return () => clearInterval(id);
  }, [running, send]);

  const value = useMemo(() => ({ state, lengths, send }), [state, lengths, send]);
  return <FocusContext.Provider value={value}>{children}</FocusContext.Provider>;
}
