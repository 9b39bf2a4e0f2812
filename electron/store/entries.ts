// Time entries: one row per span of study, with whether another entry overlaps it.
import type { TimeEntry } from '../../shared/schemas/time';
import type { StoreContext } from './context';
import { markInProgressIfNotStarted } from './items';
import { prepared } from './statements';

interface EntryRow {
  id: number;
  item_id: string;
  started_at: number;
  ended_at: number;
  note: string;
  source: 'timer' | 'manual';
  overlaps: number;
}

export interface NewEntry {
  itemId: string;
  startedAt: number;
  endedAt: number;
  note: string;
  source: 'timer' | 'manual';
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

export function readEntry(ctx: Pick<StoreContext, 'db'>, id: number): TimeEntry | undefined {
  const row = prepared(ctx.db, `SELECT ${ENTRY_COLUMNS} FROM time_entries e WHERE e.id = ?`).get(id) as
    EntryRow | undefined;
  return row && toEntry(row);
}

/**
 * Inserts one entry, which the caller has validated, and marks its item started. Shared by manual
 * entries and the timer. Returns the new entry's id.
 */
export function insertEntry(ctx: Pick<StoreContext, 'db' | 'now'>, entry: NewEntry): number {
  const now = ctx.now();
  const { lastInsertRowid } = prepared(
    ctx.db,
    `INSERT INTO time_entries (item_id, started_at, ended_at, note, source, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(entry.itemId, entry.startedAt, entry.endedAt, entry.note, entry.source, now, now);
  markInProgressIfNotStarted(ctx, entry.itemId);
  return Number(lastInsertRowid);
}

export function updateEntry(
  ctx: Pick<StoreContext, 'db' | 'now'>,
  entry: { id: number; itemId: string; startedAt: number; endedAt: number; note: string },
): void {
  prepared(
    ctx.db,
    'UPDATE time_entries SET item_id = ?, started_at = ?, ended_at = ?, note = ?, updated_at = ? WHERE id = ?',
  ).run(entry.itemId, entry.startedAt, entry.endedAt, entry.note, ctx.now(), entry.id);
}

export function deleteEntry(ctx: Pick<StoreContext, 'db'>, id: number): void {
  prepared(ctx.db, 'DELETE FROM time_entries WHERE id = ?').run(id);
}

export interface EntryQuery {
  itemId?: string;
  from?: number;
  to?: number;
  before?: { startedAt: number; id: number };
  limit: number;
}

/** The log, newest first: at most `limit` entries, and whether more come after them. */
export function listEntries(
  ctx: Pick<StoreContext, 'db'>,
  { itemId, from, to, before, limit }: EntryQuery,
): { entries: TimeEntry[]; hasMore: boolean } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const condition = (clause: string, ...values: (string | number)[]) => {
    where.push(clause);
    params.push(...values);
  };
  if (itemId !== undefined) condition('e.item_id = ?', itemId);
  // An entry belongs to a range when any part of it falls inside.
  if (from !== undefined) condition('e.ended_at > ?', from);
  if (to !== undefined) condition('e.started_at < ?', to);
  if (before)
    condition('(e.started_at < ? OR (e.started_at = ? AND e.id < ?))', before.startedAt, before.startedAt, before.id);
  const rows = prepared(
    ctx.db,
    `SELECT ${ENTRY_COLUMNS} FROM time_entries e
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY e.started_at DESC, e.id DESC LIMIT ?`,
  ).all(...params, limit + 1) as EntryRow[];
  return { entries: rows.slice(0, limit).map(toEntry), hasMore: rows.length > limit };
}

/** Every entry, oldest first, one at a time: the CSV export streams them. */
export function iterateEntriesOldestFirst(ctx: Pick<StoreContext, 'db'>): Iterable<NewEntry> {
  // Not cached: an iterating statement is busy until it ends, and a second export must not find it so.
  return ctx.db
    .prepare(
      'SELECT item_id AS itemId, started_at AS startedAt, ended_at AS endedAt, note, source FROM time_entries ORDER BY started_at, id',
    )
    .iterate() as Iterable<NewEntry>;
}
