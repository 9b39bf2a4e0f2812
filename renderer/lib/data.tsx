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
        notices.success(`Logged ${formatMinutes((stop.entry.endedAt - stop.entry.startedAt) / 60000)} on ${title(stop.entry.itemId)}.`);
      }
    },
    [curriculum, notices],
  );

  const startTimer = useCallback(
    async (itemId: string) => {
      try {
        const { running, stoppedPrevious } = await call('timer.start', { itemId });
        setTimer(running);
        reportStop(stoppedPrevious);
      } catch (e) {
        notices.error((e as Error).message);
      }
      changed();
    },
    [changed, notices, reportStop],
  );

  const stopTimer = useCallback(async () => {
    try {
      reportStop(await call('timer.stop'));
      setTimer(null);
    } catch (e) {
      notices.error((e as Error).message);
    }
    changed();
  }, [changed, notices, reportStop]);

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
    const answer = (call as (c: C, i: unknown) => Promise<ChannelOutput<C>>)(channel, input);
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
    ((early as Promise<ChannelOutput<C>> | undefined) ?? (call as (c: C, i: unknown) => Promise<ChannelOutput<C>>)(channel, JSON.parse(key))).then(
      (data) => request === latest.current && setState({ status: 'ready', data }),
      (error: Error) => request === latest.current && setState({ status: 'error', message: error.message }),
    );
  }, [channel, key, version]);
  return state;
}

/** Calls a channel that changes data, reports errors as notices, and refreshes every query. */
export function useMutation() {
  const { changed } = useData();
  const notices = useNotices();
  return useCallback(
    async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C> | undefined> => {
      try {
        const value = await (call as (c: C, i: unknown) => Promise<ChannelOutput<C>>)(channel, input);
        changed();
        return value;
      } catch (e) {
        notices.error((e as Error).message);
        return undefined;
      }
    },
    [changed, notices],
  );
}
