// Time entries: manual add, edit, delete and the log, newest first.
import type { TimeEntry } from '../../shared/schemas/time';
import { AppError } from '../../shared/errors';
import { FUTURE_TOLERANCE_MS } from '../../shared/time';
import { requireItem, sql, type HandlerContext, type HandlerGroup } from './context';
import { markInProgressIfNotStarted, settleStatusAfterRemoval } from './progress';

interface EntryRow {
  id: number;
  item_id: string;
  started_at: number;
  ended_at: number;
  note: string;
  source: 'timer' | 'manual';
  overlaps: number;
}

// An entry overlaps when another entry starts before it ends and ends after it starts.
const ENTRY_COLUMNS = `e.id, e.item_id, e.started_at, e.ended_at, e.note, e.source,
  EXISTS (SELECT 1 FROM time_entries o
          WHERE o.id != e.id AND o.started_at < e.ended_at AND o.ended_at > e.started_at
            AND o.started_at > e.started_at - 86400000) AS overlaps`;

const toEntry = (row: EntryRow): TimeEntry => ({
  id: row.id,
  itemId: row.item_id,
  startedAt: row.started_at,
  endedAt: row.ended_at,
  note: row.note,
  source: row.source,
  overlaps: row.overlaps === 1,
});

export function readEntry(ctx: HandlerContext, id: number): TimeEntry | undefined {
  const row = sql(ctx.db, `SELECT ${ENTRY_COLUMNS} FROM time_entries e WHERE e.id = ?`).get(id) as EntryRow | undefined;
  return row && toEntry(row);
}

function requireEntry(ctx: HandlerContext, id: number): TimeEntry {
  const entry = readEntry(ctx, id);
  if (!entry) throw new AppError('NOT_FOUND', `There is no time entry number ${id}. It may have been deleted already.`);
  return entry;
}

function refuseFuture(ctx: HandlerContext, endedAt: number) {
  if (endedAt > ctx.now() + FUTURE_TOLERANCE_MS) {
    throw new AppError('INVALID_INPUT', 'An entry cannot end in the future. Check the date and times.');
  }
}

/** Inserts one entry; the caller has validated it. Shared by manual entries and the timer. */
export function insertEntry(
  ctx: HandlerContext,
  entry: { itemId: string; startedAt: number; endedAt: number; note: string; source: 'timer' | 'manual' },
): TimeEntry {
  const now = ctx.now();
  const { lastInsertRowid } = sql(
    ctx.db,
    `INSERT INTO time_entries (item_id, started_at, ended_at, note, source, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(entry.itemId, entry.startedAt, entry.endedAt, entry.note, entry.source, now, now);
  markInProgressIfNotStarted(ctx, entry.itemId);
  return requireEntry(ctx, Number(lastInsertRowid));
}

export const timeHandlers: HandlerGroup<'time.add' | 'time.edit' | 'time.delete' | 'time.list'> = {
  'time.add': (ctx, input) => {
    requireItem(ctx, input.itemId);
    refuseFuture(ctx, input.endedAt);
    return ctx.db.transaction(() => insertEntry(ctx, { ...input, source: 'manual' }))();
  },

  'time.edit': (ctx, input) => {
    requireItem(ctx, input.itemId);
    refuseFuture(ctx, input.endedAt);
    return ctx.db.transaction(() => {
      const before = requireEntry(ctx, input.id);
      sql(
        ctx.db,
        'UPDATE time_entries SET item_id = ?, started_at = ?, ended_at = ?, note = ?, updated_at = ? WHERE id = ?',
      ).run(input.itemId, input.startedAt, input.endedAt, input.note, ctx.now(), input.id);
      markInProgressIfNotStarted(ctx, input.itemId);
      // Moved to another item: the one it left may have no time now.
      if (before.itemId !== input.itemId) settleStatusAfterRemoval(ctx, before.itemId);
      return requireEntry(ctx, input.id);
    })();
  },

  'time.delete': (ctx, { id }) =>
    ctx.db.transaction(() => {
      const deleted = requireEntry(ctx, id);
      sql(ctx.db, 'DELETE FROM time_entries WHERE id = ?').run(id);
      settleStatusAfterRemoval(ctx, deleted.itemId);
      return { deleted: { ...deleted, overlaps: false } };
    })(),

  'time.list': (ctx, { itemId, from, to, before, limit }) => {
    if (itemId !== undefined) requireItem(ctx, itemId);
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (itemId !== undefined) where.push('e.item_id = ?'), params.push(itemId);
    // An entry belongs to a range when any part of it falls inside.
    if (from !== undefined) where.push('e.ended_at > ?'), params.push(from);
    if (to !== undefined) where.push('e.started_at < ?'), params.push(to);
    if (before) where.push('(e.started_at < ? OR (e.started_at = ? AND e.id < ?))'), params.push(before.startedAt, before.startedAt, before.id);
    const rows = sql(
      ctx.db,
      `SELECT ${ENTRY_COLUMNS} FROM time_entries e
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY e.started_at DESC, e.id DESC LIMIT ?`,
    ).all(...params, limit + 1) as EntryRow[];
    return { entries: rows.slice(0, limit).map(toEntry), hasMore: rows.length > limit };
  },
};
