// Loading data from the main process. Any change bumps one version number, and every query on
// screen refetches: simple, and with the whole app's data under a few hundred rows per screen,
// fast enough to be invisible.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';
import type { RunningTimer, TimerStop } from '../../shared/schemas/timer';
import { itemById, type Curriculum } from '../../shared/curriculum';
import { call } from '../api';
import { onAppCommand } from './commands';
import { useNotices } from './notices';
import { formatMinutes } from '../../shared/time';

interface DataContextValue {
  curriculum: Curriculum;
  version: number;
  changed: () => void;
  timer: RunningTimer | null;
  startTimer: (itemId: string) => Promise<void>;
  stopTimer: () => Promise<void>;
}

const DataContext = createContext<DataContextValue | null>(null);

export function useData(): DataContextValue {
  const value = useContext(DataContext);
  if (!value) throw new Error('useData outside DataProvider');
  return value;
}

export function DataProvider({ curriculum, children }: { curriculum: Curriculum; children: ReactNode }) {
  const [version, setVersion] = useState(0);
  const [timer, setTimer] = useState<RunningTimer | null>(null);
  const notices = useNotices();
  const changed = useCallback(() => setVersion((v) => v + 1), []);
  const mutate = useMemo(() => mutation(changed, notices.error), [changed, notices]);

  useEffect(() => {
    call('timer.current').then(setTimer, (e: Error) => notices.error(e.message));
  }, [version, notices]);
  // Main changed data itself (tray, global shortcut, idle time discarded): reload every query.
  useEffect(() => onAppCommand('data:changed', changed), [changed]);

  const reportStop = useCallback(
    (stop: TimerStop | null) => {
      if (!stop) return;
      const title = (id: string) => itemById(curriculum.items, id)?.title ?? id;
      if (stop.discarded) {
        notices.info(`Timer stopped after ${stop.discarded.seconds} s: sessions under a minute are not logged.`);
      } else if (stop.entry) {
        notices.success(
          `Logged ${formatMinutes((stop.entry.endedAt - stop.entry.startedAt) / 60000)} on ${title(stop.entry.itemId)}.`,
        );
      }
    },
    [curriculum, notices],
  );

  // A refused start or stop reloads too: the timer may have changed elsewhere (tray, shortcut).
  const startTimer = useCallback(
    async (itemId: string) => {
      const started = await mutate('timer.start', { itemId }, { refresh: 'always' });
      if (!started) return;
      setTimer(started.running);
      reportStop(started.stoppedPrevious);
    },
    [mutate, reportStop],
  );

  const stopTimer = useCallback(async () => {
    const stop = await mutate('timer.stop', {}, { refresh: 'always' });
    if (!stop) return;
    reportStop(stop);
    setTimer(null);
  }, [mutate, reportStop]);

  const value = useMemo(
    () => ({ curriculum, version, changed, timer, startTimer, stopTimer }),
    [curriculum, version, changed, timer, startTimer, stopTimer],
  );
  return <DataContext.Provider value={value}>{children}</DataContext.Provider>;
}

export type QueryState<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: T };

/** Calls asked for at start-up, before the screen that reads them has mounted (prefetch). */
const prefetched = new Map<string, Promise<unknown>>();

/**
 * Asks for a channel's answer now, for the first useQuery of the same channel and input to take
 * instead of asking again: the first screen's data travels beside the curriculum, not after it.
 */
export function prefetch<C extends Channel>(channel: C, input: ChannelInput<C>): void {
  const id = `${channel} ${JSON.stringify(input)}`;
  if (!prefetched.has(id)) {
    const answer = call(channel, input);
    answer.catch(() => {}); // the useQuery that takes it reports the error
    prefetched.set(id, answer);
  }
}

/** Runs a channel and reruns it whenever the data changes or the input does. */
export function useQuery<C extends Channel>(channel: C, input: ChannelInput<C>): QueryState<ChannelOutput<C>> {
  const { version } = useData();
  const key = JSON.stringify(input);
  const [state, setState] = useState<QueryState<ChannelOutput<C>>>({ status: 'loading' });
  const latest = useRef(0);
  useEffect(() => {
    const request = ++latest.current;
    // A prefetched answer serves the first load only (nothing has changed since it was asked for).
    const early = version === 0 ? prefetched.get(`${channel} ${key}`) : undefined;
    if (early) prefetched.delete(`${channel} ${key}`);
    ((early as Promise<ChannelOutput<C>> | undefined) ?? call(channel, JSON.parse(key))).then(
      (data) => request === latest.current && setState({ status: 'ready', data }),
      (error: Error) => request === latest.current && setState({ status: 'error', message: error.message }),
    );
  }, [channel, key, version]);
  return state;
}

export interface WriteOptions {
  /**
   * When every query reloads: after a write that went through (the default); `always`, after a
   * refusal too, where the write may have changed something before it failed (an import or a
   * restore makes its backup first); `never` for a save the screen already shows (typing saved as it goes).
   */
  refresh?: 'saved' | 'always' | 'never';
  /** Takes a refusal instead of the error notice: to say it beside its field, or to put back what the screen showed. */
  onError?: (error: Error) => void;
}

export type Mutate = <C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
  options?: WriteOptions,
) => Promise<ChannelOutput<C> | undefined>;

/** The one way the renderer writes: resolves with the answer, or with undefined once a refusal has been handled. */
function mutation(changed: () => void, notifyError: (message: string) => void): Mutate {
  return async (channel, input, { refresh = 'saved', onError } = {}) => {
    try {
      const value = await call(channel, input);
      if (refresh !== 'never') changed();
      return value;
    } catch (e) {
      if (refresh === 'always') changed();
      if (onError) onError(e as Error);
      else notifyError((e as Error).message);
      return undefined;
    }
  };
}

/** Writes through a channel (see WriteOptions): a refusal is an error notice unless the caller takes it. */
export function useMutation(): Mutate {
  const { changed } = useData();
  const notices = useNotices();
  return useMemo(() => mutation(changed, notices.error), [changed, notices]);
}
