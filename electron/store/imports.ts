// Imports of other trackers' reports: the spans the logbook already holds (so nothing is added
// twice), writing an import's entries with its batch in one go, the list of past imports, and undo.
import type { ImportBatch } from '../../shared/schemas/imports';
import { FORMAT_NAMES, type ReportFormat } from '../import';
import { spanKey } from '../import/mapping';
import type { StoreContext } from './context';
import { insertEntry, type NewEntry } from './entries';
import { prepared } from './statements';
import { settleStatusAfterRemoval } from './items';

/** Every (item, start, end) the logbook holds between two instants, as `spanKey`s. */
export function loggedSpans(ctx: Pick<StoreContext, 'db'>, from: number, to: number): Set<string> {
  const rows = prepared(
    ctx.db,
    'SELECT item_id, started_at, ended_at FROM time_entries WHERE started_at >= ? AND started_at <= ?',
    'raw',
  ).all(from, to) as [string, number, number][];
  return new Set(rows.map(([itemId, start, end]) => spanKey(itemId, start, end)));
}

interface BatchRow {
  id: number;
  format: ReportFormat;
  file_name: string;
  imported_at: number;
  added: number;
  added_ms: number;
  undone_at: number | null;
  remaining: number;
}

const BATCH_COLUMNS = `b.id, b.format, b.file_name, b.imported_at, b.added, b.added_ms, b.undone_at,
  (SELECT COUNT(*) FROM imported_entries i JOIN time_entries e ON e.uid = i.entry_uid WHERE i.batch_id = b.id) AS remaining`;

const toBatch = (row: BatchRow): ImportBatch => ({
  id: row.id,
  format: row.format,
  formatName: FORMAT_NAMES[row.format],
  fileName: row.file_name,
  importedAt: row.imported_at,
  added: row.added,
  addedMs: row.added_ms,
  remaining: row.remaining,
  undoneAt: row.undone_at,
});

export function readBatch(ctx: Pick<StoreContext, 'db'>, id: number): ImportBatch | undefined {
  const row = prepared(ctx.db, `SELECT ${BATCH_COLUMNS} FROM import_batches b WHERE b.id = ?`).get(id) as
    BatchRow | undefined;
  return row && toBatch(row);
}

/** Newest first. */
export function listBatches(ctx: Pick<StoreContext, 'db'>): ImportBatch[] {
  return (
    prepared(
      ctx.db,
      `SELECT ${BATCH_COLUMNS} FROM import_batches b ORDER BY b.imported_at DESC, b.id DESC`,
    ).all() as BatchRow[]
  ).map(toBatch);
}

/**
 * Writes an import: its batch row and every entry, each noted under the batch. The caller runs it in
 * one transaction, so a failure half-way leaves the logbook as it was.
 */
export function insertImport(
  ctx: Pick<StoreContext, 'db' | 'now'>,
  batch: { format: ReportFormat; fileName: string },
  entries: readonly NewEntry[],
): number {
  const addedMs = entries.reduce((sum, e) => sum + (e.endedAt - e.startedAt), 0);
  const { lastInsertRowid } = prepared(
    ctx.db,
    'INSERT INTO import_batches (format, file_name, imported_at, added, added_ms) VALUES (?, ?, ?, ?, ?)',
  ).run(batch.format, batch.fileName, ctx.now(), entries.length, addedMs);
  const batchId = Number(lastInsertRowid);
  const note = prepared(
    ctx.db,
    'INSERT INTO imported_entries (batch_id, entry_uid) SELECT ?, uid FROM time_entries WHERE id = ?',
  );
  for (const entry of entries) note.run(batchId, insertEntry(ctx, entry));
  return batchId;
}

/**
 * Removes the entries an import added that are still in the log, and marks it undone. An item that
 * was "in progress" only because of them is "not started" again. Returns how many were removed.
 */
export function undoImport(ctx: Pick<StoreContext, 'db' | 'now'>, batchId: number): number {
  const items = prepared(
    ctx.db,
    `SELECT DISTINCT e.item_id FROM imported_entries i JOIN time_entries e ON e.uid = i.entry_uid WHERE i.batch_id = ?`,
    'pluck',
  ).all(batchId) as string[];
  const { changes } = prepared(
    ctx.db,
    'DELETE FROM time_entries WHERE uid IN (SELECT entry_uid FROM imported_entries WHERE batch_id = ?)',
  ).run(batchId);
  for (const itemId of items) settleStatusAfterRemoval(ctx, itemId);
  prepared(ctx.db, 'UPDATE import_batches SET undone_at = ? WHERE id = ?').run(ctx.now(), batchId);
  return changes;
}
