// When to sync: on start, a few seconds after the learner changes something, and when the folder
// changes (another machine's files arrived through the learner's sync tool). Pure logic over
// injected clock, timers, watcher and fingerprint, so every rule here is tested without waiting
// (test/unit/sync-scheduler.test.ts); electron/sync/run.ts gives it the real ones.
//
// Rules:
// - never two syncs at once: a request while one runs is remembered and runs once it is done;
// - a local change waits DEBOUNCE_MS of quiet (typing a note saves many times), but never more than
//   MAX_WAIT_MS after the first change, so a learner who keeps clicking still gets synced;
// - the folder is watched (fs.watch), and also polled: slowly where watching works, because on network
//   shares and some cloud folders the watcher starts fine and then never fires; quickly where watching
//   throws. Both compare a fingerprint of the folder (names, sizes, times), so our own writes, which
//   the fingerprint taken after each sync already holds, never start another sync;
// - a failure is kept as one plain sentence for Settings and cleared by the next sync that works.
import type { Database } from 'better-sqlite3';
import type { Channel } from '../../shared/contract';
import { folderFingerprint, watchFolder } from '../files/sync-folder';
import { hasPendingChanges, readSyncState, syncOnce, type SyncReport } from './engine';

export interface TimerApi {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface FolderWatcher {
  close(): void;
}

export interface SchedulerDeps {
  /** Runs one sync (the engine's syncOnce over this machine's database); throws a plain sentence. */
  sync: () => SyncReport | Promise<SyncReport>;
  /** The folder synced through, or null while sync is off. */
  folder: () => string | null;
  /** Whether this machine has changes not yet written to the folder. */
  hasPendingChanges: () => boolean;
  /** A sync brought changes in: the open screen should reload. */
  onReceived: (report: SyncReport) => void;
  /** A sync started or ended, or its problem changed: the Settings screen may show it. */
  onStatus?: () => void;
  /** Watches a folder; calls onChange on any change and onError when watching stops working. Throws where it cannot watch. */
  watch: (folder: string, onChange: () => void, onError: (error: unknown) => void) => FolderWatcher;
  /** A cheap summary of the folder's files; a different one means something arrived. Throws when the folder cannot be read. */
  fingerprint: (folder: string) => string;
  timers: TimerApi;
  /** Wall-clock time, for how long ago a sync failed (Date.now by default). */
  now?: () => number;
  /** Where unexpected faults go (a bug of ours, not a folder problem). */
  log?: (message: string, error?: unknown) => void;
  debounceMs?: number;
  maxWaitMs?: number;
  /** How often the folder is polled while a watcher runs (a safety net for watchers that go quiet). */
  slowPollMs?: number;
  /** How often the folder is polled where it cannot be watched. */
  fastPollMs?: number;
  /** A burst of watcher events (a file written in pieces, a rename) is one change. */
  watchSettleMs?: number;
}

export const DEFAULTS: Readonly<
  Record<'debounceMs' | 'maxWaitMs' | 'slowPollMs' | 'fastPollMs' | 'watchSettleMs', number>
> = {
  debounceMs: 3_000,
  maxWaitMs: 30_000,
  slowPollMs: 60_000,
  fastPollMs: 5_000,
  watchSettleMs: 500,
};

export interface SchedulerStatus {
  running: boolean;
  problem: string | null;
  /** The last sync that brought something in since the app started: later syncs that bring nothing do not hide it. */
  lastReceived: SyncReport | null;
  /** How the folder is followed now: a watcher (with slow polling), polling alone, or not at all (sync off). */
  following: 'watch' | 'poll' | 'none';
}

export type SyncReason = 'start' | 'change' | 'folder' | 'poll' | 'now' | 'configured';
/** The learner pressed a button and waits for the answer, failure included. */
const isLoud = (reason: SyncReason) => reason === 'now' || reason === 'configured';

export function createSyncScheduler(deps: SchedulerDeps) {
  const opts = { ...DEFAULTS, ...definedOnly(deps) };
  const { timers } = deps;
  const log = deps.log ?? ((message: string, error?: unknown) => console.error(`[sync] ${message}`, error ?? ''));

  let running: Promise<SyncReport | null> | null = null;
  /**
   * A request that came while a sync ran: one more sync once it ends, for the learner's button if
   * one of the requests was (so its failure reaches them, not just the status line).
   */
  let again: SyncReason | null = null;
  let problem: string | null = null;
  let lastReceived: SyncReport | null = null;
  let failedAt = 0;
  let disposed = false;
  const clock = deps.now ?? Date.now;

  let debounce: unknown = null;
  let firstChangeAt: number | null = null;
  let settle: unknown = null;

  let followed: string | null = null;
  let watcher: FolderWatcher | null = null;
  let poll: unknown = null;
  let pollEvery = 0;
  /** The folder as it was right after our last sync (our own writes included). */
  let seen: string | null = null;

  const status = (): SchedulerStatus => ({
    running: running !== null,
    problem,
    lastReceived,
    following: followed === null ? 'none' : watcher ? 'watch' : 'poll',
  });
  const notify = () => {
    try {
      deps.onStatus?.();
    } catch (error) {
      log('could not report the sync status', error);
    }
  };

  function clearDebounce() {
    if (debounce !== null) timers.clearTimeout(debounce);
    debounce = null;
    firstChangeAt = null;
  }

  /** Runs a sync now, or right after the one running; resolves with its report (null when sync is off). */
  function request(reason: SyncReason): Promise<SyncReport | null> {
    if (disposed) return Promise.resolve(null);
    if (running) {
      if (again === null || (isLoud(reason) && !isLoud(again))) again = reason;
      // The caller waits for the sync that includes its request: the one after the running one.
      const next = () => (running ? running : request(reason));
      return running.then(next, next);
    }
    clearDebounce();
    running = runOnce(reason);
    notify();
    return running;
  }

  async function runOnce(reason: SyncReason): Promise<SyncReport | null> {
    // Nothing runs before `running` holds this promise: the `finally` below must clear it, not precede it.
    await null;
    try {
      const folder = deps.folder();
      follow(folder);
      if (folder === null) {
        problem = null;
        return null;
      }
      let report: SyncReport;
      try {
        report = await deps.sync();
      } catch (error) {
        problem = sentence(error);
        if (plainSyncProblem(error) === null) log('a sync failed', error);
        failedAt = clock();
        // The folder as it was when this failed: a change there is worth another try at once.
        seen = safeFingerprint(folder);
        // The folder may be gone (a USB stick pulled out): keep polling, watch again once it is back.
        dropWatcher();
        return rethrowFor(reason, error);
      }
      problem = null;
      seen = safeFingerprint(folder);
      if (!watcher) startWatching(folder);
      if (report.received.some((r) => r.changes > 0)) {
        lastReceived = report;
        try {
          deps.onReceived(report);
        } catch (error) {
          log('could not tell the window about the changes that came in', error);
        }
      }
      return report;
    } finally {
      running = null;
      notify();
      if (again !== null && !disposed) {
        const reason = again;
        again = null;
        void request(reason).catch(() => {});
      }
    }
  }

  /** `now` and `configured` are the learner's own button: they hear the sentence; the rest only store it. */
  function rethrowFor(reason: SyncReason, error: unknown): never | null {
    if (isLoud(reason)) throw error instanceof Error ? error : new Error(sentence(error));
    return null;
  }

  // ---- following the folder

  function follow(folder: string | null) {
    if (folder === followed) return;
    stopFollowing();
    followed = folder;
    seen = null;
    if (folder !== null) startWatching(folder);
  }

  function startWatching(folder: string) {
    try {
      watcher = deps.watch(folder, folderEvent, (error) => {
        log('the folder watcher stopped; polling instead', error);
        dropWatcher();
      });
      setPoll(opts.slowPollMs);
    } catch {
      // Where the folder cannot be watched (some network shares, too many watchers): poll.
      watcher = null;
      setPoll(opts.fastPollMs);
    }
  }

  function dropWatcher() {
    if (watcher) {
      try {
        watcher.close();
      } catch {
        // closing a watcher whose folder vanished can throw; it is gone either way
      }
    }
    watcher = null;
    if (followed !== null) setPoll(opts.fastPollMs);
  }

  function setPoll(every: number) {
    if (poll !== null && pollEvery === every) return;
    if (poll !== null) timers.clearInterval(poll);
    pollEvery = every;
    poll = timers.setInterval(() => checkFolder('poll'), every);
  }

  function stopFollowing() {
    dropWatcher();
    if (poll !== null) timers.clearInterval(poll);
    poll = null;
    if (settle !== null) timers.clearTimeout(settle);
    settle = null;
    followed = null;
  }

  function folderEvent() {
    if (settle !== null) timers.clearTimeout(settle);
    settle = timers.setTimeout(() => {
      settle = null;
      checkFolder('folder');
    }, opts.watchSettleMs);
  }

  /**
   * Syncs when the folder differs from how our last sync (or failed try) left it. After a failure,
   * an unchanged folder is tried again only once a slow-poll interval has passed: a lasting
   * problem is not retried every few seconds, a passing one (a busy file) still clears by itself.
   */
  function checkFolder(reason: 'folder' | 'poll') {
    if (disposed || followed === null || running) return;
    const now = safeFingerprint(followed);
    // Still unreadable and already said so: nothing new to try until it reads again.
    if (problem !== null && now === null) return;
    const unchanged = now !== null && now === seen;
    if (unchanged && (problem === null || clock() - failedAt < opts.slowPollMs)) return;
    void request(reason).catch(() => {});
  }

  function safeFingerprint(folder: string): string | null {
    try {
      return deps.fingerprint(folder);
    } catch {
      return null;
    }
  }

  return {
    status,
    /** Sync on start (and begin following the folder). */
    start: () => request('start').catch(() => null),
    /**
     * After any call the learner made: if it left changes to send, sync once things are quiet.
     * Calls that wrote nothing (reads) neither start nor postpone a sync.
     */
    localChange(now: number) {
      if (disposed || deps.folder() === null) return;
      let pending: boolean;
      try {
        pending = deps.hasPendingChanges();
      } catch (error) {
        log('could not tell whether there are changes to sync', error);
        return;
      }
      if (!pending) return;
      if (firstChangeAt === null) firstChangeAt = now;
      if (debounce !== null) timers.clearTimeout(debounce);
      const wait = Math.max(0, Math.min(opts.debounceMs, firstChangeAt + opts.maxWaitMs - now));
      debounce = timers.setTimeout(() => {
        debounce = null;
        firstChangeAt = null;
        void request('change').catch(() => {});
      }, wait);
    },
    /** "Sync now": resolves with the report, rejects with the plain sentence of what went wrong. */
    syncNow: () => request('now'),
    /** The learner turned sync on, off, or chose another folder: follow the new one and sync at once. */
    configured: () => request('configured'),
    /** Stops timers and the watcher. With `flush`, writes what is still pending first (quitting). */
    dispose({ flush = false }: { flush?: boolean } = {}) {
      if (disposed) return;
      clearDebounce();
      stopFollowing();
      disposed = true;
      if (flush && !running && deps.folder() !== null) {
        try {
          if (!deps.hasPendingChanges()) return;
          const result = deps.sync();
          if (result instanceof Promise) result.catch(() => {});
        } catch {
          // Quitting: what did not go out now goes out on the next start.
        }
      }
    },
  };
}
export type SyncScheduler = ReturnType<typeof createSyncScheduler>;

function definedOnly(deps: SchedulerDeps) {
  const keys = ['debounceMs', 'maxWaitMs', 'slowPollMs', 'fastPollMs', 'watchSettleMs'] as const;
  return Object.fromEntries(keys.filter((k) => deps[k] !== undefined).map((k) => [k, deps[k]])) as Partial<
    typeof DEFAULTS
  >;
}

/**
 * The engine refuses with a plain Error (or an AppError) whose message is a sentence for the
 * learner; a TypeError or the like is a bug of ours, whose message means nothing to them: null.
 */
export function plainSyncProblem(error: unknown): string | null {
  if (!(error instanceof Error) || !error.message) return null;
  const plain =
    Object.getPrototypeOf(error) === Error.prototype || error.name === 'AppError' || error.name === 'SyncError';
  return plain ? error.message : null;
}

/** What went wrong, for Settings: the engine's sentence, or a general one for a fault of ours. */
export function sentence(error: unknown): string {
  return plainSyncProblem(error) ?? 'The last sync stopped because of a fault in the app; it will be tried again.';
}

/** Node's own timers, unref'd where they can be so a pending poll never keeps a process alive. */
const nodeTimers: TimerApi = {
  setTimeout: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  setInterval: (fn, ms) => {
    const handle = setInterval(fn, ms);
    handle.unref?.();
    return handle;
  },
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};

export interface FolderSyncOptions {
  db: Database;
  /** The clock the engine stamps its report with (the handlers' clock). */
  now: () => number;
  onReceived: SchedulerDeps['onReceived'];
  onStatus?: SchedulerDeps['onStatus'];
  log?: SchedulerDeps['log'];
  /** Tests shorten the waits. */
  timing?: Partial<typeof DEFAULTS>;
}

/**
 * The scheduler over this machine's database and the real folder: what the desktop app and the
 * preview run. `afterCall` goes to the dispatcher's onHandled.
 */
export function startFolderSync(options: FolderSyncOptions) {
  const { db } = options;
  const scheduler = createSyncScheduler({
    sync: () => syncOnce(db, options.now),
    folder: () => {
      const state = readSyncState(db);
      return state.enabled ? state.folder : null;
    },
    hasPendingChanges: () => hasPendingChanges(db),
    onReceived: options.onReceived,
    onStatus: options.onStatus,
    watch: watchFolder,
    fingerprint: folderFingerprint,
    timers: nodeTimers,
    log: options.log,
    ...options.timing,
  });
  return Object.assign(scheduler, {
    /** After a call the learner made: sync's own channels never count as a change to send. */
    afterCall(channel: Channel) {
      if (!channel.startsWith('sync.')) scheduler.localChange(Date.now());
    },
  });
}
export type FolderSync = ReturnType<typeof startFolderSync>;
