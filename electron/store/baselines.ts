// The plainest SQL that does what the app does, for `npm run bench` to measure the app against
// (bench/handlers.ts) and to seed its database quickly (bench/seed.ts). Each function prepares its
// statement once and hands back a function that runs it, never the statement itself.
import type { Db } from '../db/open';
import type { NewEntry } from './entries';

/** One INSERT of an entry row, nothing else: no item marked started, no entry read back. */
export function plainEntryInsert(db: Db): (entry: NewEntry, at: number) => void {
  const insert = db.prepare(
    `INSERT INTO time_entries (item_id, started_at, ended_at, note, source, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  return (entry, at) => void insert.run(entry.itemId, entry.startedAt, entry.endedAt, entry.note, entry.source, at, at);
}

/** The plain query the statistics are measured against: hours per item, straight off the table. */
export const PLAIN_GROUP_BY = 'SELECT item_id, SUM(ended_at - started_at) FROM time_entries GROUP BY item_id';

export function plainHoursPerItem(db: Db): () => unknown[] {
  const plain = db.prepare(PLAIN_GROUP_BY).raw(true);
  return () => plain.all();
}

/** Folds the write-ahead log into the database file, so the file on disk is the whole database. */
export function checkpoint(db: Db): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}
