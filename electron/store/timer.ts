// The one running timer. Its start time lives in the database, not in memory, so it survives
// quitting, crashing and restarting; starting it on another item stops and logs the first.
// The desktop's idle detection and the timer channels share these transactions.
import type { RunningTimer, TimerStop } from '../../shared/schemas/timer';
import { MAX_ENTRY_MS, MIN_ENTRY_MS } from '../../shared/time';
import { requireItem, type StoreContext } from './context';
import { insertEntry, readEntry } from './entries';
import { markInProgressIfNotStarted, settleStatusAfterRemoval } from './items';
import { prepared } from './statements';

interface TimerRow {
  item_id: string;
  started_at: number;
  note: string;
}

export function readTimer(ctx: Pick<StoreContext, 'db'>): RunningTimer | null {
  const row = prepared(ctx.db, 'SELECT item_id, started_at, note FROM running_timer WHERE id = 1').get() as
    TimerRow | undefined;
  return row ? { itemId: row.item_id, startedAt: row.started_at, note: row.note } : null;
}

/** Starts the timer on an item; the caller has stopped any running one, in the same transaction. */
function insertTimer(
  ctx: Pick<StoreContext, 'db' | 'now'>,
  itemId: string,
  startedAt: number,
  note: string,
): RunningTimer {
  prepared(ctx.db, 'INSERT INTO running_timer (id, item_id, started_at, note) VALUES (1, ?, ?, ?)').run(
    itemId,
    startedAt,
    note,
  );
  markInProgressIfNotStarted(ctx, itemId);
  return readTimer(ctx)!;
}

/** Stops the running timer: a span under a minute is discarded, a longer one becomes an entry. */
function stopRunning(ctx: Pick<StoreContext, 'db' | 'now'>, running: RunningTimer, at = ctx.now()): TimerStop {
  // A clock set back while the timer ran must not produce an entry that ends before it starts.
  const endedAt = Math.max(at, running.startedAt);
  prepared(ctx.db, 'DELETE FROM running_timer WHERE id = 1').run();
  const elapsed = endedAt - running.startedAt;
  if (elapsed < MIN_ENTRY_MS) {
    // Started by mistake: the item is as it was before the timer marked it started.
    settleStatusAfterRemoval(ctx, running.itemId);
    return { entry: null, discarded: { itemId: running.itemId, seconds: Math.floor(elapsed / 1000) } };
  }
  // A timer left running for more than a day is split so that no single entry is absurd; the
  // learner sees every piece in the log and can delete what was not study.
  let start = running.startedAt;
  let entry = null;
  while (start < endedAt) {
    const end = Math.min(endedAt, start + MAX_ENTRY_MS);
    if (end - start < MIN_ENTRY_MS) break;
    const id = insertEntry(ctx, {
      itemId: running.itemId,
      startedAt: start,
      endedAt: end,
      note: running.note,
      source: 'timer',
    });
    entry = readEntry(ctx, id)!;
    start = end;
  }
  return { entry, discarded: null };
}

/** `timer.start`: the same item's timer keeps running; another item's is stopped and logged first. */
export function startTimer(
  ctx: Pick<StoreContext, 'db' | 'now'>,
  itemId: string,
  note: string,
): { running: RunningTimer; stoppedPrevious: TimerStop | null } {
  return ctx.db.transaction(() => {
    const running = readTimer(ctx);
    if (running?.itemId === itemId) return { running, stoppedPrevious: null };
    const stoppedPrevious = running ? stopRunning(ctx, running) : null;
    return { running: insertTimer(ctx, itemId, ctx.now(), note), stoppedPrevious };
  })();
}

/**
 * Stops the running timer as if at `endedAt` (clamped to [its start, now]): idle detection uses it
 * to log only the time before the learner went away; `timer.stop` stops it now. Under a minute is
 * discarded, over a day is split. Null when no timer runs.
 */
export function stopTimerAt(ctx: Pick<StoreContext, 'db' | 'now'>, endedAt: number): TimerStop | null {
  return ctx.db.transaction(() => {
    const running = readTimer(ctx);
    if (!running) return null;
    return stopRunning(ctx, running, Math.min(endedAt, ctx.now()));
  })();
}

/**
 * Starts a timer on `itemId` as if at `startedAt` (not after now): idle detection restarts the
 * timer at the moment the learner came back. A timer already running is stopped and logged first.
 */
export function startTimerAt(ctx: StoreContext, itemId: string, startedAt: number, note = ''): RunningTimer {
  requireItem(ctx, itemId);
  return ctx.db.transaction(() => {
    const running = readTimer(ctx);
    const at = Math.min(startedAt, ctx.now());
    if (running) stopRunning(ctx, running, Math.max(at, running.startedAt));
    return insertTimer(ctx, itemId, at, note);
  })();
}

/** Stops the running timer now (`timer.stop`). Null when no timer runs. */
export const stopTimer = (ctx: Pick<StoreContext, 'db' | 'now'>): TimerStop | null => stopTimerAt(ctx, Infinity);
