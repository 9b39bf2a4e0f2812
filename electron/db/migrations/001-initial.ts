import type { Migration } from './index';

// The first schema: everything the learner makes. Times are epoch milliseconds (UTC); days are
// derived in the learner's local time zone when aggregating, never stored.
export const initial: Migration = {
  version: 1,
  name: 'initial schema',
  up: (db) => {
    db.exec(`
      -- The curriculum's item ids, synced from curriculum/ at every open, so that every row below can
      -- reference a real item through a foreign key.
      CREATE TABLE curriculum_items (id TEXT PRIMARY KEY) STRICT;

      CREATE TABLE item_progress (
        item_id TEXT PRIMARY KEY REFERENCES curriculum_items(id),
        status TEXT NOT NULL DEFAULT 'not_started'
          CHECK (status IN ('not_started', 'in_progress', 'done', 'skipped')),
        status_changed_at INTEGER,
        notes TEXT NOT NULL DEFAULT '',
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE list_ticks (
        item_id TEXT NOT NULL REFERENCES curriculum_items(id),
        entry_index INTEGER NOT NULL CHECK (entry_index >= 0),
        ticked_at INTEGER NOT NULL,
        PRIMARY KEY (item_id, entry_index)
      ) STRICT;

      CREATE TABLE time_entries (
        id INTEGER PRIMARY KEY,
        item_id TEXT NOT NULL REFERENCES curriculum_items(id),
        started_at INTEGER NOT NULL,
        ended_at INTEGER NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL CHECK (source IN ('timer', 'manual')),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        CHECK (ended_at > started_at)
      ) STRICT;
      CREATE INDEX time_entries_by_start ON time_entries (started_at, id);
      CREATE INDEX time_entries_by_item ON time_entries (item_id, started_at);

      -- At most one running timer; its start is stored so it survives quitting and crashing.
      CREATE TABLE running_timer (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        item_id TEXT NOT NULL REFERENCES curriculum_items(id),
        started_at INTEGER NOT NULL,
        note TEXT NOT NULL DEFAULT ''
      ) STRICT;

      CREATE TABLE portfolio_entries (
        item_id TEXT PRIMARY KEY REFERENCES curriculum_items(id),
        included INTEGER NOT NULL DEFAULT 1 CHECK (included IN (0, 1)),
        fields TEXT NOT NULL DEFAULT '{}',
        links TEXT NOT NULL DEFAULT '{}',
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE self_assessments (
        id INTEGER PRIMARY KEY,
        item_id TEXT NOT NULL REFERENCES curriculum_items(id),
        scores TEXT NOT NULL,
        weighted_total REAL NOT NULL,
        assessed_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX self_assessments_by_item ON self_assessments (item_id, assessed_at);

      CREATE TABLE milestone_ticks (
        entry_id TEXT PRIMARY KEY,
        ticked_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};
