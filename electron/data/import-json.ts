// Importing a JSON export. The whole file is parsed and validated before anything is written, then
// applied in one transaction: on any failure the database is exactly as it was.
//   replace: the file becomes the learner's data (settings included).
//   merge:   the file's records are added to what is here; an entry already present (same item,
//            start and end) is never added twice; local statuses, notes and settings win, except
//            where the local record is still empty or a setting is only the app's default (a new
//            app's plan start is the day it was opened, not the learner's choice).
import { itemById, type Curriculum } from '../../shared/curriculum';
import { AppError } from '../../shared/errors';
import { EXPORT_FORMAT_VERSION, exportFileSchema, exportHeaderSchema, type ExportFile } from '../../shared/export-format';
import type { Db } from '../db/open';
import { scoreAssessment } from '../portfolio/assessment';
import { LEARNER_TABLES } from '../db/tables';
import { continuing, issueSentence } from '../../shared/validation';

/** Where in an export a problem is, as a learner would say it: "time entry 3", "the settings". */
function placeInFile(path: readonly PropertyKey[]): string {
  const [top, section, index] = path;
  if (top !== 'data') return "the file's header";
  const nth = typeof index === 'number' ? ` ${index + 1}` : 's';
  switch (section) {
    case 'settings': return 'the settings';
    case 'items': return `item record${nth}`;
    case 'timeEntries': return `time entry${nth}`;
    case 'runningTimer': return 'the running timer';
    case 'portfolio': return `portfolio entry${nth}`;
    case 'assessments': return `self-assessment${nth}`;
    case 'milestoneTicks': return `milestone tick${nth}`;
    default: return 'the data';
  }
}

/** Parses and validates the file, or throws an AppError saying in plain words what is wrong. */
export function parseExportFile(content: string, curriculum: Curriculum): ExportFile {
  let raw: unknown;
  try {
    raw = JSON.parse(content);
  } catch {
    throw new AppError('INVALID_INPUT', 'This file is not a study-companion export: it is not valid JSON. Nothing was imported.');
  }
  const header = exportHeaderSchema.safeParse(raw);
  if (!header.success) throw new AppError('INVALID_INPUT', 'This file is not an MLOps Study Companion export. Nothing was imported.');
  if (header.data.formatVersion > EXPORT_FORMAT_VERSION) {
    throw new AppError(
      'INVALID_INPUT',
      `This export was made by a newer version of the app (format ${header.data.formatVersion}; this app reads up to ${EXPORT_FORMAT_VERSION}). Update the app to import it. Nothing was imported.`,
    );
  }
  const parsed = exportFileSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    const others = parsed.error.issues.length - 1;
    const more = others > 0 ? ` ${others} more problem${others > 1 ? 's were' : ' was'} found.` : '';
    throw new AppError(
      'INVALID_INPUT',
      `This export is damaged or was edited by hand: in ${placeInFile(first.path)}, ${continuing(issueSentence(first, raw))}${more} Nothing was imported.`,
    );
  }
  const known = new Set(curriculum.items.map((i) => i.id));
  const d = parsed.data.data;
  const unknown = [...d.items, ...d.timeEntries, ...d.portfolio, ...d.assessments, ...(d.runningTimer ? [d.runningTimer] : [])]
    .map((r) => r.itemId)
    .find((id) => !known.has(id));
  if (unknown) throw new AppError('INVALID_INPUT', `This export names item "${unknown}", which is not in the curriculum. Nothing was imported.`);
  const milestoneIds = new Set(curriculum.milestones.flatMap((m) => m.entries.map((e) => e.id)));
  const badMilestone = d.milestoneTicks.find((t) => !milestoneIds.has(t.entryId));
  if (badMilestone) throw new AppError('INVALID_INPUT', `This export names milestone "${badMilestone.entryId}", which does not exist. Nothing was imported.`);
  for (const item of d.items) {
    const size = itemById(curriculum.items, item.itemId)!.list.entries.length;
    if (item.tickedEntries.some((t) => t >= size)) throw new AppError('INVALID_INPUT', `This export ticks a list entry of ${item.itemId} that does not exist. Nothing was imported.`);
  }
  return parsed.data;
}


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

    const exists = db.prepare('SELECT 1 FROM time_entries WHERE item_id = ? AND started_at = ? AND ended_at = ? LIMIT 1').pluck();
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
      const keepLocal = (mine: string | undefined, theirs: object) => ({ ...theirs, ...nonEmpty(JSON.parse(mine ?? '{}') as Record<string, string>) });
      const fields = local ? keepLocal(local.fields, p.fields) : p.fields;
      const links = local ? keepLocal(local.links, p.links) : p.links;
      writePortfolio.run(p.itemId, p.included ? 1 : 0, JSON.stringify(fields), JSON.stringify(links), now, now);
    }

    const assessmentExists = db.prepare('SELECT 1 FROM self_assessments WHERE item_id = ? AND assessed_at = ? LIMIT 1').pluck();
    const insertAssessment = db.prepare('INSERT INTO self_assessments (item_id, scores, weighted_total, assessed_at) VALUES (?, ?, ?, ?)');
    for (const a of d.assessments) {
      if (assessmentExists.get(a.itemId, a.assessedAt)) continue;
      insertAssessment.run(a.itemId, JSON.stringify(a.scores), scoreAssessment(a.scores, curriculum.evaluationCriteria).weightedTotal, a.assessedAt);
    }

    const tickMilestone = db.prepare('INSERT OR IGNORE INTO milestone_ticks (entry_id, ticked_at) VALUES (?, ?)');
    for (const t of d.milestoneTicks) tickMilestone.run(t.entryId, t.tickedAt);
  })();
  return { timeEntriesAdded: added, timeEntriesSkipped: skipped };
}

const nonEmpty = (record: Record<string, string>) => Object.fromEntries(Object.entries(record).filter(([, v]) => typeof v === 'string' && v !== ''));

