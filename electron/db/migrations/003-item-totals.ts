import type { Migration } from './index';

// Entries and milliseconds per item, kept by triggers as entries are added, changed and deleted,
// so the Roadmap, its chart and Insights read 24 rows instead of adding up every entry (about
// 6-10 ms on 100,000 entries, each time a screen draws; `npm run bench`). The triggers run inside
// the statement that changes the entry, so the totals commit or roll back with it: an import,
// a restore or a crash can never leave them out of step. Backfilled from the entries already there.
export const itemTotals: Migration = {
  version: 3,
  name: 'totals per item kept by triggers',
  up: (db) => {
    db.exec(`
      CREATE TABLE item_totals (
        item_id TEXT PRIMARY KEY REFERENCES curriculum_items(id),
        entries INTEGER NOT NULL,
        ms INTEGER NOT NULL
      ) STRICT;
      INSERT INTO item_totals (item_id, entries, ms)
        SELECT item_id, COUNT(*), SUM(ended_at - started_at) FROM time_entries GROUP BY item_id;

      CREATE TRIGGER item_totals_after_insert AFTER INSERT ON time_entries BEGIN
        INSERT INTO item_totals (item_id, entries, ms) VALUES (NEW.item_id, 1, NEW.ended_at - NEW.started_at)
          ON CONFLICT (item_id) DO UPDATE SET entries = entries + 1, ms = ms + excluded.ms;
      END;
      CREATE TRIGGER item_totals_after_delete AFTER DELETE ON time_entries BEGIN
        UPDATE item_totals SET entries = entries - 1, ms = ms - (OLD.ended_at - OLD.started_at) WHERE item_id = OLD.item_id;
      END;
      CREATE TRIGGER item_totals_after_update AFTER UPDATE OF item_id, started_at, ended_at ON time_entries BEGIN
        UPDATE item_totals SET entries = entries - 1, ms = ms - (OLD.ended_at - OLD.started_at) WHERE item_id = OLD.item_id;
        INSERT INTO item_totals (item_id, entries, ms) VALUES (NEW.item_id, 1, NEW.ended_at - NEW.started_at)
          ON CONFLICT (item_id) DO UPDATE SET entries = entries + 1, ms = ms + excluded.ms;
      END;
    `);
  },
};
