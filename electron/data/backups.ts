// Backups of the learner's database, made with SQLite's online backup API (better-sqlite3's
// db.backup), so they are consistent while the app keeps running. Each is written under a
// temporary name and renamed when complete: a crash mid-backup never leaves a half file that looks
// like a backup. Names carry the time and the reason; the renderer only ever sees these names.
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { BACKUP_ID, type Backup } from '../../shared/schemas/data';
import type { Curriculum } from '../../shared/curriculum';
import { AppError } from '../../shared/errors';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { openDatabase, type Db } from '../db/open';
import { openSqlite } from '../db/sqlite';
import { localDateOf } from '../stats/local-days';
import type { StoreContext } from '../store/context';
import { readSettings } from '../store/settings';
import { integrityCheck, releaseCachedPages, replaceFromFile, schemaVersion } from '../store/logbook';

export type BackupReason = Backup['reason'];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function backupFileName(now: number, reason: BackupReason): string {
  const d = new Date(now);
  return `companion-${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}-${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}-${pad(d.getUTCMilliseconds(), 3)}-${reason}.db`;
}

function parseBackupName(name: string): { createdAt: number; reason: BackupReason } | null {
  if (!BACKUP_ID.test(name)) return null;
  const m = /^companion-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(\d{3})-(\w+)\.db$/.exec(name)!;
  const [y, mo, d, h, mi, s, ms] = m.slice(1, 8).map(Number) as number[];
  return { createdAt: Date.UTC(y!, mo! - 1, d!, h!, mi!, s!, ms!), reason: m[8] as BackupReason };
}

/** Newest first. Files that are not our backups are ignored. */
export function listBackups(dir: string): Backup[] {
  if (!existsSync(dir)) return [];
  const backups: Backup[] = [];
  for (const name of readdirSync(dir)) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    backups.push({ id: name, ...parsed, bytes: statSync(path.join(dir, name)).size });
  }
  return backups.sort((a, b) => b.createdAt - a.createdAt || b.id.localeCompare(a.id));
}

export async function createBackup(db: Db, dir: string, reason: BackupReason, now: number): Promise<Backup> {
  mkdirSync(dir, { recursive: true });
  let at = now;
  while (existsSync(path.join(dir, backupFileName(at, reason)))) at++;
  const name = backupFileName(at, reason);
  const partial = path.join(dir, `${name}.partial`);
  try {
    await db.backup(partial);
    renameSync(partial, path.join(dir, name));
  } catch (error) {
    releaseCachedPages(db);
    rmSync(partial, { force: true });
    throw new AppError(
      'INTERNAL',
      `The backup could not be written (${(error as Error).message}). Your data is unchanged.`,
    );
  }
  releaseCachedPages(db);
  return { id: name, createdAt: at, reason, bytes: statSync(path.join(dir, name)).size };
}

/** Keeps the newest `keep` backups and deletes the rest. */
export function pruneBackups(dir: string, keep: number): void {
  for (const old of listBackups(dir).slice(keep)) rmSync(path.join(dir, old.id), { force: true });
}

/** One automatic backup a day, at start: due when none was made on today's local date. */
export function dailyBackupDue(backups: readonly Backup[], now: number): boolean {
  const today = localDateOf(now);
  return !backups.some((b) => localDateOf(b.createdAt) === today);
}

/** Opens a backup read-only and checks it is whole and not from a newer app. */
export function checkBackupFile(file: string): { userVersion: number } {
  let probe: Db | undefined;
  try {
    probe = openSqlite(file, { readonly: true, fileMustExist: true });
    const integrity = integrityCheck(probe);
    if (integrity !== 'ok') throw new Error(String(integrity));
    const userVersion = schemaVersion(probe);
    if (userVersion > LATEST_SCHEMA_VERSION) throw new Error('it was made by a newer version of the app');
    return { userVersion };
  } catch (error) {
    throw new AppError(
      'CONFLICT',
      `That backup cannot be restored: ${(error as Error).message}. Your current data is unchanged.`,
    );
  } finally {
    probe?.close();
  }
}

/**
 * Replaces the learner's data with a backup's, in one transaction on the open connection (the
 * file is never swapped under a live connection). An older backup is migrated on a copy first.
 */
export function restoreInto(db: Db, backupFile: string, curriculum: Curriculum, scratchDir: string): void {
  const { userVersion } = checkBackupFile(backupFile);
  let source = backupFile;
  let scratch: string | null = null;
  if (userVersion < LATEST_SCHEMA_VERSION) {
    scratch = path.join(scratchDir, `restore-${process.pid}-${Date.now()}.db`);
    copyFileSync(backupFile, scratch);
    openDatabase(scratch, curriculum).close();
    source = scratch;
  }
  try {
    replaceFromFile(db, source);
  } finally {
    if (scratch) for (const suffix of ['', '-wal', '-shm']) rmSync(scratch + suffix, { force: true });
  }
}

/** What a backup needs: the database, a clock, and the folder the backups go to (absent in the tests and preview that have none). */
export interface BackupContext extends Pick<StoreContext, 'db' | 'now'> {
  files?: { dbFile: string; backupDir: string };
}

export function requireFiles(ctx: BackupContext): { dbFile: string; backupDir: string } {
  if (!ctx.files)
    throw new AppError('CONFLICT', 'Backups need the app’s data folder, which this session does not have.');
  return ctx.files;
}

/** A backup now, then the oldest beyond the learner's "keep" setting are deleted. */
export async function backupAndPrune(ctx: BackupContext, reason: BackupReason) {
  const files = requireFiles(ctx);
  const backup = await createBackup(ctx.db, files.backupDir, reason, ctx.now());
  pruneBackups(files.backupDir, readSettings(ctx).backupsToKeep);
  return backup;
}
