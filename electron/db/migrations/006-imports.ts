import type { Migration } from './index';

// Imports of other trackers' time reports (electron/import/), so each can be undone in one step.
//
// import_batches: one row per import the learner confirmed: the tracker, the file's name (shown,
// never opened again) and when; undone_at once it was undone.
// imported_entries: the entries each import added, by time_entries.uid rather than the rowid: a
// restore or a replacing import hands rowids out again, and an undo must never remove an entry the
// import did not make. An entry the learner deleted since simply is not found.
//
// Local bookkeeping, not in LEARNER_TABLES and not synced: the entries themselves sync like any
// other, and an undo deletes them everywhere through sync's tombstones.
export const imports: Migration = {
  version: 6,
  name: 'imports of other trackers, for undo',
  up: (db) => {
    db.exec(`
      CREATE TABLE import_batches (
        id INTEGER PRIMARY KEY,
        format TEXT NOT NULL CHECK (format IN ('toggl', 'clockify', 'super-productivity')),
        file_name TEXT NOT NULL,
        imported_at INTEGER NOT NULL,
        added INTEGER NOT NULL,
        added_ms INTEGER NOT NULL,
        undone_at INTEGER
      ) STRICT;
      CREATE TABLE imported_entries (
        batch_id INTEGER NOT NULL REFERENCES import_batches(id),
        entry_uid TEXT NOT NULL,
        PRIMARY KEY (batch_id, entry_uid)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
