import type { Migration } from './index';

// Linked git repositories (issue 16): an item's repository folder on this machine, what its last read
// found that the milestones need (the README), and the suggested sessions the learner dismissed.
//
// Local to this machine, like sync_device: a folder path means nothing on another computer, so these
// tables are not synced (no sync_log triggers, not in sync/model.ts), not in LEARNER_TABLES (a restore
// or an import leaves them as they are) and not in the JSON export. An entry accepted from a
// suggestion is an ordinary time entry, and that syncs.
//
// Version 7: version 6 is the import feature's, built beside this one.
export const repoLinks: Migration = {
  version: 7,
  name: 'linked git repositories and dismissed suggestions',
  up: (db) => {
    db.exec(`
      CREATE TABLE repo_links (
        item_id TEXT PRIMARY KEY REFERENCES curriculum_items(id),
        folder TEXT NOT NULL,
        linked_at INTEGER NOT NULL,
        -- the README found at the top of the repository by its last read (path), or NULL
        readme TEXT
      ) STRICT;
      CREATE TABLE repo_dismissed (
        item_id TEXT NOT NULL REFERENCES curriculum_items(id),
        -- the suggested session's id: its first commit
        suggestion TEXT NOT NULL,
        dismissed_at INTEGER NOT NULL,
        PRIMARY KEY (item_id, suggestion)
      ) STRICT;
    `);
  },
};
