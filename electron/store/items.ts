// Items' progress (status and notes, table item_progress) and the ticks on each item's list.
import type { ItemStatus } from '../../shared/schemas/items';
import type { StoreContext } from './context';
import { prepared } from './statements';

/** Every item's status in one read; an item with no row is "not started". */
export function readStatuses(ctx: Pick<StoreContext, 'db'>): (itemId: string) => ItemStatus {
  const rows = prepared(ctx.db, 'SELECT item_id, status FROM item_progress', 'raw').all() as [string, ItemStatus][];
  const statuses = new Map(rows);
  return (itemId) => statuses.get(itemId) ?? 'not_started';
}

export function readProgressRow(ctx: Pick<StoreContext, 'db'>, itemId: string): { status: ItemStatus; notes: string } {
  const row = prepared(ctx.db, 'SELECT status, notes FROM item_progress WHERE item_id = ?').get(itemId) as
    { status: ItemStatus; notes: string } | undefined;
  return row ?? { status: 'not_started', notes: '' };
}

export function readTicks(ctx: Pick<StoreContext, 'db'>, itemId: string): number[] {
  return prepared(ctx.db, 'SELECT entry_index FROM list_ticks WHERE item_id = ? ORDER BY entry_index', 'pluck').all(
    itemId,
  ) as number[];
}

/** How many entries of its list each item has ticked. */
export function readTickCounts(ctx: Pick<StoreContext, 'db'>): (itemId: string) => number {
  const rows = prepared(ctx.db, 'SELECT item_id, COUNT(*) FROM list_ticks GROUP BY item_id', 'raw').all() as [
    string,
    number,
  ][];
  const counts = new Map(rows);
  return (itemId) => counts.get(itemId) ?? 0;
}

/** Make sure the item has a progress row, so updates below are single UPDATEs. */
function ensureProgressRow(ctx: Pick<StoreContext, 'db' | 'now'>, itemId: string) {
  prepared(ctx.db, 'INSERT OR IGNORE INTO item_progress (item_id, updated_at) VALUES (?, ?)').run(itemId, ctx.now());
}

/**
 * Logging time on an item nobody started yet means the learner has started it. The status is marked
 * as the app's doing (status_auto), so settleStatusAfterRemoval can take it back.
 */
export function markInProgressIfNotStarted(ctx: Pick<StoreContext, 'db' | 'now'>, itemId: string) {
  ensureProgressRow(ctx, itemId);
  prepared(
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
export function settleStatusAfterRemoval(ctx: Pick<StoreContext, 'db' | 'now'>, itemId: string) {
  prepared(
    ctx.db,
    `UPDATE item_progress SET status = 'not_started', status_auto = 0, status_changed_at = ?, updated_at = ?
     WHERE item_id = ? AND status = 'in_progress' AND status_auto = 1 AND notes = ''
       AND NOT EXISTS (SELECT 1 FROM time_entries WHERE item_id = ?)
       AND NOT EXISTS (SELECT 1 FROM running_timer WHERE item_id = ?)
       AND NOT EXISTS (SELECT 1 FROM list_ticks WHERE item_id = ?)`,
  ).run(ctx.now(), ctx.now(), itemId, itemId, itemId, itemId);
}

/** The learner's own choice of status: never taken back on their behalf. */
export function writeStatus(ctx: Pick<StoreContext, 'db' | 'now'>, itemId: string, status: ItemStatus) {
  ctx.db.transaction(() => {
    ensureProgressRow(ctx, itemId);
    prepared(
      ctx.db,
      `UPDATE item_progress SET status = ?, status_auto = 0, updated_at = ?,
         status_changed_at = CASE WHEN status = ? THEN status_changed_at ELSE ? END
       WHERE item_id = ?`,
    ).run(status, ctx.now(), status, ctx.now(), itemId);
  })();
}

export function writeNotes(ctx: Pick<StoreContext, 'db' | 'now'>, itemId: string, notes: string) {
  ctx.db.transaction(() => {
    ensureProgressRow(ctx, itemId);
    prepared(ctx.db, 'UPDATE item_progress SET notes = ?, updated_at = ? WHERE item_id = ?').run(
      notes,
      ctx.now(),
      itemId,
    );
  })();
}

export function writeTick(ctx: Pick<StoreContext, 'db' | 'now'>, itemId: string, entryIndex: number, ticked: boolean) {
  if (ticked) {
    prepared(ctx.db, 'INSERT OR IGNORE INTO list_ticks (item_id, entry_index, ticked_at) VALUES (?, ?, ?)').run(
      itemId,
      entryIndex,
      ctx.now(),
    );
  } else {
    prepared(ctx.db, 'DELETE FROM list_ticks WHERE item_id = ? AND entry_index = ?').run(itemId, entryIndex);
  }
}
