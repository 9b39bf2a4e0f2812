import type { Migration } from './index';

// Who set a setting and an item's status: the app on its own, or the learner.
//
// settings.set_by: the app pins the plan start to the day it is first opened (db/open.ts writes that
// row without naming who, so the column's default, 'app', says so). A merge-import takes the file's
// value for a setting this app only holds by default, and keeps one the learner chose.
//
// item_progress.status_auto: 1 while an item is "in progress" only because time was logged on it
// (markInProgressIfNotStarted). When its last entry goes and nothing else says the learner worked on
// it, it is "not started" again instead of "In progress · 0 h".
//
// Rows from before this version cannot tell: they count as the learner's, except the plan start of
// a logbook that holds nothing else, which only the app can have written.
export const whoSetIt: Migration = {
  version: 4,
  name: 'who set a setting and a status',
  up: (db) => {
    db.exec(`
      ALTER TABLE settings ADD COLUMN set_by TEXT NOT NULL DEFAULT 'app' CHECK (set_by IN ('app', 'learner'));
      UPDATE settings SET set_by = 'learner'
        WHERE NOT (key = 'planStartDate'
                   AND (SELECT COUNT(*) FROM settings) = 1
                   AND NOT EXISTS (SELECT 1 FROM time_entries)
                   AND NOT EXISTS (SELECT 1 FROM item_progress)
                   AND NOT EXISTS (SELECT 1 FROM running_timer));
      ALTER TABLE item_progress ADD COLUMN status_auto INTEGER NOT NULL DEFAULT 0 CHECK (status_auto IN (0, 1));
    `);
  },
};
