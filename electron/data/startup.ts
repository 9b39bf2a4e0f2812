// Backups that happen on their own: before a migration changes the schema, and once a day at start.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/open';
import { copyDatabaseTo } from '../store/logbook';
import { backupAndPrune, backupFileName, dailyBackupDue, listBackups, type BackupContext } from './backups';

/**
 * For openDatabase's beforeMigrate hook, which runs synchronously while the file is open:
 * `VACUUM INTO` writes a consistent copy in one statement (the online backup API is asynchronous).
 */
export const backupBeforeMigration = (backupDir: string) => (db: Db) => {
  mkdirSync(backupDir, { recursive: true });
  copyDatabaseTo(db, path.join(backupDir, backupFileName(Date.now(), 'migration')));
};

/** The day's first start makes a backup. A failure is reported, never fatal: the app still opens. */
export async function dailyBackup(ctx: BackupContext, report: (message: string) => void = console.warn): Promise<void> {
  if (!ctx.files) return;
  try {
    if (dailyBackupDue(listBackups(ctx.files.backupDir), ctx.now())) await backupAndPrune(ctx, 'daily');
  } catch (error) {
    report(`The daily backup could not be made: ${(error as Error).message}`);
  }
}
