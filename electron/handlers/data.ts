// Export, import and backups of the learner's data.
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { timeLogCsv } from '../data/csv';
import { exportEverything } from '../data/export-json';
import { parseExportFile } from '../data/import-json';
import { backupAndPrune, createBackup, listBackups, pruneBackups, requireFiles, restoreInto } from '../data/backups';
import { localDateOf } from '../stats/local-days';
import { iterateEntriesOldestFirst } from '../store/entries';
import { applyImport } from '../store/logbook';
import { readSettings } from '../store/settings';
import type { HandlerGroup } from './context';

/** The data folder as the learner reads it: "~/.config/MLOps Study Companion". */
function displayFolder(folder: string, home: string | undefined): string {
  if (home && (folder === home || folder.startsWith(home + path.sep))) return `~${folder.slice(home.length)}`;
  return folder;
}

export const dataHandlers: HandlerGroup<
  | 'data.exportCsv'
  | 'data.exportJson'
  | 'data.import'
  | 'data.folder'
  | 'data.openFolder'
  | 'backups.list'
  | 'backups.create'
  | 'backups.restore'
> = {
  'data.folder': (ctx) => ({
    location: ctx.files ? displayFolder(path.dirname(ctx.files.dbFile), ctx.homeDir) : '',
    canOpen: Boolean(ctx.files && ctx.openFolder),
  }),

  'data.openFolder': async (ctx) => {
    if (!ctx.files || !ctx.openFolder) {
      throw new AppError('CONFLICT', 'Opening the data folder needs the desktop app; the folder is shown in Settings.');
    }
    await ctx.openFolder(path.dirname(ctx.files.dbFile));
    return { opened: true };
  },

  'data.exportCsv': (ctx) => {
    const { content, rows: count } = timeLogCsv(iterateEntriesOldestFirst(ctx), ctx.curriculum);
    return { fileName: `mlops-time-log-${localDateOf(ctx.now())}.csv`, content, rows: count };
  },

  'data.exportJson': (ctx) => ({
    fileName: `mlops-study-companion-${localDateOf(ctx.now())}.json`,
    content: JSON.stringify(exportEverything(ctx.db, ctx.now()), null, 1),
  }),

  'data.import': async (ctx, { content, mode }) => {
    // Everything is checked before the backup and before any write.
    const file = parseExportFile(content, ctx.curriculum);
    const backup = ctx.files ? await backupAndPrune(ctx, 'import') : null;
    const counts = applyImport(ctx.db, file, mode, ctx.curriculum, ctx.now());
    return { mode, ...counts, backup };
  },

  'backups.list': (ctx) => ({
    backups: ctx.files ? listBackups(ctx.files.backupDir) : [],
    keep: readSettings(ctx).backupsToKeep,
  }),

  'backups.create': (ctx) => backupAndPrune(ctx, 'manual'),

  'backups.restore': async (ctx, { id }) => {
    const files = requireFiles(ctx);
    const restored = listBackups(files.backupDir).find((b) => b.id === id);
    if (!restored) throw new AppError('NOT_FOUND', `There is no backup named ${id}.`);
    // Restoring is one step the learner can undo: the current state is backed up first.
    const safetyBackup = await createBackup(ctx.db, files.backupDir, 'restore', ctx.now());
    restoreInto(ctx.db, path.join(files.backupDir, id), ctx.curriculum, files.backupDir);
    pruneBackups(files.backupDir, readSettings(ctx).backupsToKeep);
    return { restored, safetyBackup };
  },
};
