// The whole logbook at once: every learner table read for the JSON export, written by an import,
// refilled from a backup, copied whole, or checked empty for the demo. Statements here run once
// per export, import or restore, so they are prepared where they run, not cached.
import type { ItemStatus } from '../../shared/schemas/items';
import type { Curriculum } from '../../shared/curriculum';
import type { ExportFile } from '../../shared/export-format';
import type { Db } from '../db/open';
import { LEARNER_TABLES } from '../db/tables';
import { scoreAssessment } from '../portfolio/assessment';

/** Every learner table's rows in the export's order, JSON columns as stored text. */
export function readLogbook(db: Db) {
  return {
    ticks: db.prepare('SELECT item_id, entry_index FROM list_ticks ORDER BY item_id, entry_index').all() as {
      item_id: string;
      entry_index: number;
    }[],
    progress: db.prepare('SELECT item_id, status, notes FROM item_progress ORDER BY item_id').all() as {
      item_id: string;
      status: ItemStatus;
      notes: string;
    }[],
    timer: db.prepare('SELECT item_id, started_at, note FROM running_timer WHERE id = 1').get() as
      { item_id: string; started_at: number; note: string } | undefined,
    settings: db.prepare('SELECT key, value FROM settings ORDER BY key').all() as { key: string; value: string }[],
    timeEntries: db
      .prepare('SELECT item_id, started_at, ended_at, note, source FROM time_entries ORDER BY started_at, id')
      .all() as {
      item_id: string;
      started_at: number;
      ended_at: number;
      note: string;
      source: 'timer' | 'manual';
    }[],
    portfolio: db.prepare('SELECT item_id, included, fields, links FROM portfolio_entries ORDER BY item_id').all() as {
      item_id: string;
      included: number;
      fields: string;
      links: string;
    }[],
    assessments: db
      .prepare('SELECT item_id, scores, assessed_at FROM self_assessments ORDER BY assessed_at, id')
      .all() as {
      item_id: string;
      scores: string;
      assessed_at: number;
    }[],
    milestoneTicks: db.prepare('SELECT entry_id, ticked_at FROM milestone_ticks ORDER BY entry_id').all() as {
      entry_id: string;
      ticked_at: number;
    }[],
  };
}

/**
 * Writes a validated export file (see electron/data/import-json.ts for the rules of replace and
 * merge) in one transaction: on any failure the database is exactly as it was.
 */
export function applyImport(db: Db, file: ExportFile, mode: 'replace' | 'merge', curriculum: Curriculum, now: number) {
  const d = file.data;
  let added = 0;
  let skipped = 0;
  db.transaction(() => {
    if (mode === 'replace') for (const table of LEARNER_TABLES) db.prepare(`DELETE FROM ${table}`).run();

    // A setting the file holds was chosen in the app that wrote it: it counts as the learner's here.
    const putSetting = db.prepare(
      mode === 'replace'
        ? "INSERT INTO settings (key, value, set_by) VALUES (?, ?, 'learner') ON CONFLICT (key) DO UPDATE SET value = excluded.value, set_by = 'learner'"
        : `INSERT INTO settings (key, value, set_by) VALUES (?, ?, 'learner')
           ON CONFLICT (key) DO UPDATE SET value = excluded.value, set_by = 'learner' WHERE settings.set_by = 'app'`,
    );
    for (const [key, value] of Object.entries(d.settings)) putSetting.run(key, JSON.stringify(value));

    const upsertProgress = db.prepare(
      `INSERT INTO item_progress (item_id, status, notes, status_changed_at, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (item_id) DO UPDATE SET
         status = CASE WHEN item_progress.status = 'not_started' THEN excluded.status ELSE item_progress.status END,
         status_auto = CASE WHEN item_progress.status = 'not_started' THEN 0 ELSE item_progress.status_auto END,
         notes = CASE WHEN item_progress.notes = '' THEN excluded.notes ELSE item_progress.notes END`,
    );
    const tick = db.prepare('INSERT OR IGNORE INTO list_ticks (item_id, entry_index, ticked_at) VALUES (?, ?, ?)');
    for (const item of d.items) {
      upsertProgress.run(item.itemId, item.status, item.notes, now, now);
      for (const index of item.tickedEntries) tick.run(item.itemId, index, now);
    }

    const exists = db
      .prepare('SELECT 1 FROM time_entries WHERE item_id = ? AND started_at = ? AND ended_at = ? LIMIT 1')
      .pluck();
    const insertEntry = db.prepare(
      'INSERT INTO time_entries (item_id, started_at, ended_at, note, source, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    for (const e of d.timeEntries) {
      if (mode === 'merge' && exists.get(e.itemId, e.startedAt, e.endedAt)) {
        skipped++;
        continue;
      }
      insertEntry.run(e.itemId, e.startedAt, e.endedAt, e.note, e.source, now, now);
      added++;
    }

    if (d.runningTimer) {
      db.prepare('INSERT OR IGNORE INTO running_timer (id, item_id, started_at, note) VALUES (1, ?, ?, ?)').run(
        d.runningTimer.itemId,
        d.runningTimer.startedAt,
        d.runningTimer.note,
      );
    }

    const readPortfolio = db.prepare('SELECT fields, links FROM portfolio_entries WHERE item_id = ?');
    const writePortfolio = db.prepare(
      `INSERT INTO portfolio_entries (item_id, included, fields, links, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (item_id) DO UPDATE SET fields = excluded.fields, links = excluded.links, updated_at = excluded.updated_at`,
    );
    for (const p of d.portfolio) {
      const local = readPortfolio.get(p.itemId) as { fields: string; links: string } | undefined;
      // Merge: a field the learner already wrote here stays; the file fills in the rest.
      const keepLocal = (mine: string | undefined, theirs: object) => ({
        ...theirs,
        ...nonEmpty(JSON.parse(mine ?? '{}') as Record<string, string>),
      });
      const fields = local ? keepLocal(local.fields, p.fields) : p.fields;
      const links = local ? keepLocal(local.links, p.links) : p.links;
      writePortfolio.run(p.itemId, p.included ? 1 : 0, JSON.stringify(fields), JSON.stringify(links), now, now);
    }

    const assessmentExists = db
      .prepare('SELECT 1 FROM self_assessments WHERE item_id = ? AND assessed_at = ? LIMIT 1')
      .pluck();
    const insertAssessment = db.prepare(
      'INSERT INTO self_assessments (item_id, scores, weighted_total, assessed_at) VALUES (?, ?, ?, ?)',
    );
    for (const a of d.assessments) {
      if (assessmentExists.get(a.itemId, a.assessedAt)) continue;
      insertAssessment.run(
        a.itemId,
        JSON.stringify(a.scores),
        scoreAssessment(a.scores, curriculum.evaluationCriteria).weightedTotal,
        a.assessedAt,
      );
    }

    const tickMilestone = db.prepare('INSERT OR IGNORE INTO milestone_ticks (entry_id, ticked_at) VALUES (?, ?)');
    for (const t of d.milestoneTicks) tickMilestone.run(t.entryId, t.tickedAt);
  })();
  return { timeEntriesAdded: added, timeEntriesSkipped: skipped };
}

const nonEmpty = (record: Record<string, string>) =>
  Object.fromEntries(Object.entries(record).filter(([, v]) => typeof v === 'string' && v !== ''));

/**
 * Replaces the learner's tables with those of the database file `source` (a backup at the latest
 * schema), in one transaction on the open connection: the file is never swapped under it.
 */
export function replaceFromFile(db: Db, source: string): void {
  db.prepare('ATTACH DATABASE ? AS backup').run(source);
  try {
    db.transaction(() => {
      for (const table of LEARNER_TABLES) db.prepare(`DELETE FROM main.${table}`).run();
      for (const table of LEARNER_TABLES) db.prepare(`INSERT INTO main.${table} SELECT * FROM backup.${table}`).run();
    })();
  } finally {
    db.prepare('DETACH DATABASE backup').run();
  }
}

/** A consistent copy of the open database in one statement (the online backup API is asynchronous). */
export function copyDatabaseTo(db: Db, file: string): void {
  db.prepare('VACUUM INTO ?').run(file);
}

/** SQLite's integrity check: "ok", or what it found wrong. */
export const integrityCheck = (db: Db): unknown => db.pragma('integrity_check', { simple: true });

/**
 * Hands back the pages SQLite cached while reading the whole file once (a backup copies every
 * page): up to 16 MB a connection in better-sqlite3's build, held for nothing afterwards.
 */
export const releaseCachedPages = (db: Db): void => void db.pragma('shrink_memory');

/** The schema version a database file was last migrated to. */
export const schemaVersion = (db: Db): number => db.pragma('user_version', { simple: true }) as number;

/** Rows in each of the given tables. */
export function countRows(db: Db, tables: readonly string[]): number[] {
  return tables.map((table) => db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number);
}
