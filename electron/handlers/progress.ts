// Item status, notes and the ticks on an item's list.
import type { ItemState } from '../../shared/schemas/items';
import { AppError } from '../../shared/errors';
import { MINUTE_MS } from '../../shared/time';
import { computeProgress } from '../stats/progress';
import { requireItem, sql, type HandlerContext, type HandlerGroup } from './context';

interface ProgressRow {
  status: ItemState['status'];
  notes: string;
}

export function readItemState(ctx: HandlerContext, itemId: string): ItemState {
  const row = sql(ctx.db, 'SELECT status, notes FROM item_progress WHERE item_id = ?').get(itemId) as
    | ProgressRow
    | undefined;
  const ticks = sql(ctx.db, 'SELECT entry_index FROM list_ticks WHERE item_id = ? ORDER BY entry_index')
    .pluck()
    .all(itemId) as number[];
  const logged = sql(
    ctx.db,
    'SELECT COUNT(*) AS n, COALESCE(SUM(ended_at - started_at), 0) AS ms FROM time_entries WHERE item_id = ?',
  ).get(itemId) as { n: number; ms: number };
  return {
    itemId,
    status: row?.status ?? 'not_started',
    notes: row?.notes ?? '',
    tickedEntries: ticks,
    minutesLogged: logged.ms / MINUTE_MS,
    entryCount: logged.n,
  };
}

/** Make sure the item has a progress row, so updates below are single UPDATEs. */
function ensureProgressRow(ctx: HandlerContext, itemId: string) {
  sql(ctx.db, 'INSERT OR IGNORE INTO item_progress (item_id, updated_at) VALUES (?, ?)').run(itemId, ctx.now());
}

/**
 * Logging time on an item nobody started yet means the learner has started it. The status is marked
 * as the app's doing (status_auto), so settleStatusAfterRemoval can take it back.
 */
export function markInProgressIfNotStarted(ctx: HandlerContext, itemId: string) {
  ensureProgressRow(ctx, itemId);
  sql(
    ctx.db,
    `UPDATE item_progress SET status = 'in_progress', status_auto = 1, status_changed_at = ?, updated_at = ?
     WHERE item_id = ? AND status = 'not_started'`,
  ).run(ctx.now(), ctx.now(), itemId);
}

/**
 * After time leaves an item (its entry deleted or moved, a timer stopped under a minute): an item
 * that is "in progress" only because time was logged on it, and now has no time, no running timer,
 * no ticked step and no notes, is "not started" again. A status the learner set stays as it is.
 */
export function settleStatusAfterRemoval(ctx: HandlerContext, itemId: string) {
  sql(
    ctx.db,
    `UPDATE item_progress SET status = 'not_started', status_auto = 0, status_changed_at = ?, updated_at = ?
     WHERE item_id = ? AND status = 'in_progress' AND status_auto = 1 AND notes = ''
       AND NOT EXISTS (SELECT 1 FROM time_entries WHERE item_id = ?)
       AND NOT EXISTS (SELECT 1 FROM running_timer WHERE item_id = ?)
       AND NOT EXISTS (SELECT 1 FROM list_ticks WHERE item_id = ?)`,
  ).run(ctx.now(), ctx.now(), itemId, itemId, itemId, itemId);
}

export const progressHandlers: HandlerGroup<
  'progress.overview' | 'item.get' | 'item.setStatus' | 'item.setNotes' | 'item.tickEntry'
> = {
  'progress.overview': (ctx) => {
    const statuses = new Map(
      (sql(ctx.db, 'SELECT item_id, status FROM item_progress').all() as { item_id: string; status: ItemState['status'] }[]).map(
        (r) => [r.item_id, r.status],
      ),
    );
    const logged = new Map(
      (
        sql(
          ctx.db,
          // Kept by triggers as entries change (migration 3): no pass over the entries.
          'SELECT item_id, entries AS n, ms FROM item_totals',
        ).all() as { item_id: string; n: number; ms: number }[]
      ).map((r) => [r.item_id, r]),
    );
    const ticks = new Map(
      (sql(ctx.db, 'SELECT item_id, COUNT(*) AS n FROM list_ticks GROUP BY item_id').all() as { item_id: string; n: number }[]).map(
        (r) => [r.item_id, r.n],
      ),
    );
    const statusOf = (id: string) => statuses.get(id) ?? 'not_started';
    const minutesOf = (id: string) => (logged.get(id)?.ms ?? 0) / MINUTE_MS;
    return {
      items: ctx.curriculum.items.map((item) => ({
        itemId: item.id,
        status: statusOf(item.id),
        minutesLogged: minutesOf(item.id),
        entryCount: logged.get(item.id)?.n ?? 0,
        tickedCount: ticks.get(item.id) ?? 0,
      })),
      overall: computeProgress(ctx.curriculum.items, statusOf, minutesOf),
      phases: ctx.curriculum.phases.map((phase) => ({
        phase: phase.number,
        ...computeProgress(
          ctx.curriculum.items.filter((i) => i.phase === phase.number),
          statusOf,
          minutesOf,
        ),
      })),
    };
  },

  'item.get': (ctx, { itemId }) => {
    requireItem(ctx, itemId);
    return readItemState(ctx, itemId);
  },

  'item.setStatus': (ctx, { itemId, status }) => {
    requireItem(ctx, itemId);
    ctx.db.transaction(() => {
      ensureProgressRow(ctx, itemId);
      sql(
        ctx.db,
        // The learner's own choice: never taken back on their behalf.
        `UPDATE item_progress SET status = ?, status_auto = 0, updated_at = ?,
           status_changed_at = CASE WHEN status = ? THEN status_changed_at ELSE ? END
         WHERE item_id = ?`,
      ).run(status, ctx.now(), status, ctx.now(), itemId);
    })();
    return readItemState(ctx, itemId);
  },

  'item.setNotes': (ctx, { itemId, notes }) => {
    requireItem(ctx, itemId);
    ctx.db.transaction(() => {
      ensureProgressRow(ctx, itemId);
      sql(ctx.db, 'UPDATE item_progress SET notes = ?, updated_at = ? WHERE item_id = ?').run(notes, ctx.now(), itemId);
    })();
    return readItemState(ctx, itemId);
  },

  'item.tickEntry': (ctx, { itemId, entryIndex, ticked }) => {
    const item = requireItem(ctx, itemId);
    if (entryIndex >= item.list.entries.length) {
      throw new AppError(
        'NOT_FOUND',
        `${item.list.title} of ${itemId} has ${item.list.entries.length} entries; there is no entry number ${entryIndex + 1}.`,
      );
    }
    if (ticked) {
      sql(ctx.db, 'INSERT OR IGNORE INTO list_ticks (item_id, entry_index, ticked_at) VALUES (?, ?, ?)').run(
        itemId,
        entryIndex,
        ctx.now(),
      );
    } else {
      sql(ctx.db, 'DELETE FROM list_ticks WHERE item_id = ? AND entry_index = ?').run(itemId, entryIndex);
    }
    return readItemState(ctx, itemId);
  },
};
