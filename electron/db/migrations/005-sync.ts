import type { Migration } from './index';

// Sync through a folder (docs/sync.md). Three things, none of which changes what the learner sees:
//
// 1. A stable id no other machine makes for the rows that had only a local rowid: time_entries.uid
//    and self_assessments.uid, 96 random bits each. Not the device id plus the rowid: a replacing
//    import or a restore empties the table, SQLite hands the same rowids out again, and a new entry
//    would take the id (and the tombstone) of a deleted one. The two tables are rebuilt, because
//    ALTER TABLE cannot add a column whose default is an expression; rowids, rows and the totals
//    are kept as they were.
// 2. The sync bookkeeping, local to this machine and never in LEARNER_TABLES (a restore or an import
//    does not touch it): sync_device (this machine's id, name, folder, clock and what it wrote),
//    sync_cursors (how far each other machine's files were read), sync_registers (a last-writer-wins
//    register per synced field, kept per row, tombstones included) and sync_log (rows changed since the last sync).
// 3. Triggers that note every change of a synced row in sync_log while sync is on: whatever writes
//    the row (a handler, the timer, an import, a restore), the change is seen. They note the whole
//    row as JSON, and the engine works out at the next sync which fields really changed. The view
//    sync_rows gives every synced row in the same shape, for turning sync on over a logbook that
//    already holds data.
//
// Not synced, on purpose: running_timer (a timer runs on the machine it was started on; when it stops
// it is an entry, and that syncs), item_totals (derived), and the settings that belong to a machine:
// the global shortcut (the keyboard and the other apps differ) and how many backups to keep (the
// backups are this machine's files).

/** Settings that stay on the machine where they were set. */
export const LOCAL_SETTINGS = ['globalTimerShortcut', 'backupsToKeep'] as const;

const WALL_MS = "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)";

/** Each synced table: how a row is named across machines, its JSON image, and its own time if it has one. */
const SYNCED: { table: string; key: (r: string) => string; row: (r: string) => string; at: (r: string) => string }[] = [
  {
    table: 'time_entries',
    key: (r) => `${r}.uid`,
    row: (r) =>
      `json_object('item_id', ${r}.item_id, 'started_at', ${r}.started_at, 'ended_at', ${r}.ended_at, 'note', ${r}.note, 'source', ${r}.source)`,
    at: (r) => `${r}.updated_at`,
  },
  {
    table: 'item_progress',
    key: (r) => `${r}.item_id`,
    row: (r) =>
      `json_object('status', json_array(${r}.status, ${r}.status_auto, ${r}.status_changed_at), 'notes', ${r}.notes)`,
    at: (r) => `${r}.updated_at`,
  },
  {
    table: 'list_ticks',
    key: (r) => `json_array(${r}.item_id, ${r}.entry_index)`,
    row: (r) => `json_object('ticked_at', ${r}.ticked_at)`,
    at: (r) => `${r}.ticked_at`,
  },
  {
    table: 'portfolio_entries',
    key: (r) => `${r}.item_id`,
    row: (r) => `json_object('included', ${r}.included, 'fields', json(${r}.fields), 'links', json(${r}.links))`,
    at: (r) => `${r}.updated_at`,
  },
  {
    table: 'self_assessments',
    key: (r) => `${r}.uid`,
    row: (r) =>
      `json_object('item_id', ${r}.item_id, 'scores', json(${r}.scores), 'weighted_total', ${r}.weighted_total, 'assessed_at', ${r}.assessed_at)`,
    at: (r) => `${r}.assessed_at`,
  },
  {
    table: 'milestone_ticks',
    key: (r) => `${r}.entry_id`,
    row: (r) => `json_object('ticked_at', ${r}.ticked_at)`,
    at: (r) => `${r}.ticked_at`,
  },
  {
    table: 'settings',
    key: (r) => `${r}.key`,
    row: (r) => `json_object('value', json_array(${r}.value, ${r}.set_by))`,
    at: () => '0',
  },
];

const localSettingsList = LOCAL_SETTINGS.map((k) => `'${k}'`).join(', ');
const onlySynced = (table: string, r: string) =>
  table === 'settings' ? ` AND ${r}.key NOT IN (${localSettingsList})` : '';

function triggers(): string {
  const on = '(SELECT enabled FROM sync_device WHERE id = 1) = 1';
  return SYNCED.map(
    ({ table, key, row }) => `
      CREATE TRIGGER sync_log_${table}_insert AFTER INSERT ON ${table} WHEN ${on}${onlySynced(table, 'NEW')} BEGIN
        INSERT INTO sync_log (tbl, key, row, wall) VALUES ('${table}', ${key('NEW')}, ${row('NEW')}, ${WALL_MS});
      END;
      CREATE TRIGGER sync_log_${table}_update AFTER UPDATE ON ${table} WHEN ${on}${onlySynced(table, 'NEW')} BEGIN
        INSERT INTO sync_log (tbl, key, row, wall) SELECT '${table}', ${key('OLD')}, NULL, ${WALL_MS}
          WHERE ${key('OLD')} IS NOT ${key('NEW')};
        INSERT INTO sync_log (tbl, key, row, wall) VALUES ('${table}', ${key('NEW')}, ${row('NEW')}, ${WALL_MS});
      END;
      CREATE TRIGGER sync_log_${table}_delete AFTER DELETE ON ${table} WHEN ${on}${onlySynced(table, 'OLD')} BEGIN
        INSERT INTO sync_log (tbl, key, row, wall) VALUES ('${table}', ${key('OLD')}, NULL, ${WALL_MS});
      END;`,
  ).join('\n');
}

function rowsView(): string {
  return `CREATE VIEW sync_rows (tbl, key, row, at) AS ${SYNCED.map(
    ({ table, key, row, at }) =>
      `SELECT '${table}', ${key('t')}, ${row('t')}, ${at('t')} FROM ${table} t WHERE 1${onlySynced(table, 't')}`,
  ).join(' UNION ALL ')};`;
}

export const sync: Migration = {
  version: 5,
  name: 'stable ids, clocks and a change log for sync',
  up: (db) => {
    db.exec(`
      CREATE TABLE time_entries_v5 (
        id INTEGER PRIMARY KEY,
        item_id TEXT NOT NULL REFERENCES curriculum_items(id),
        started_at INTEGER NOT NULL,
        ended_at INTEGER NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL CHECK (source IN ('timer', 'manual')),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        uid TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(12)))),
        CHECK (ended_at > started_at)
      ) STRICT;
      INSERT INTO time_entries_v5 (id, item_id, started_at, ended_at, note, source, created_at, updated_at)
        SELECT id, item_id, started_at, ended_at, note, source, created_at, updated_at FROM time_entries;
      DROP TABLE time_entries;
      ALTER TABLE time_entries_v5 RENAME TO time_entries;
      CREATE INDEX time_entries_by_item_span ON time_entries (item_id, started_at, ended_at);
      CREATE INDEX time_entries_by_start_span ON time_entries (started_at, id, ended_at);
      -- Migration 3's triggers went with the old table; the same again. item_totals itself is untouched.
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

      CREATE TABLE self_assessments_v5 (
        id INTEGER PRIMARY KEY,
        item_id TEXT NOT NULL REFERENCES curriculum_items(id),
        scores TEXT NOT NULL,
        weighted_total REAL NOT NULL,
        assessed_at INTEGER NOT NULL,
        uid TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(12))))
      ) STRICT;
      INSERT INTO self_assessments_v5 (id, item_id, scores, weighted_total, assessed_at)
        SELECT id, item_id, scores, weighted_total, assessed_at FROM self_assessments;
      DROP TABLE self_assessments;
      ALTER TABLE self_assessments_v5 RENAME TO self_assessments;
      CREATE INDEX self_assessments_by_item ON self_assessments (item_id, assessed_at);

      CREATE TABLE sync_device (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        device_id TEXT NOT NULL,
        device_name TEXT NOT NULL DEFAULT '',
        enabled INTEGER NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1)),
        folder TEXT,
        clock TEXT NOT NULL DEFAULT '',
        stream TEXT NOT NULL DEFAULT '',
        out_segment INTEGER NOT NULL DEFAULT 0,
        out_lines INTEGER NOT NULL DEFAULT 0,
        out_since_snapshot INTEGER NOT NULL DEFAULT 0,
        needs_snapshot INTEGER NOT NULL DEFAULT 1,
        last_sync_at INTEGER,
        last_report TEXT
      ) STRICT;
      INSERT INTO sync_device (id, device_id) VALUES (1, lower(hex(randomblob(8))));

      CREATE TABLE sync_cursors (
        device_id TEXT PRIMARY KEY,
        device_name TEXT NOT NULL,
        stream TEXT NOT NULL,
        segment INTEGER NOT NULL,
        lines INTEGER NOT NULL
      ) STRICT;

      -- One row per synced row, tombstones included: {"field": [value, clock], ...}, "_exists" among them.
      CREATE TABLE sync_registers (
        tbl TEXT NOT NULL,
        key TEXT NOT NULL,
        state TEXT NOT NULL,
        PRIMARY KEY (tbl, key)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE sync_log (
        seq INTEGER PRIMARY KEY,
        tbl TEXT NOT NULL,
        key TEXT NOT NULL,
        row TEXT,
        wall INTEGER NOT NULL,
        scan INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      ${rowsView()}
      ${triggers()}
    `);
  },
};
