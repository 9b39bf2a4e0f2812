// What happens when the data file cannot be opened (not SQLite, damaged, or from a newer app):
// the file is never overwritten. It is renamed aside, the learner is told in plain words, and
// offered the newest backup that passes its check, or a fresh start.
import { copyFileSync, existsSync, renameSync } from 'node:fs';
import path from 'node:path';
import type { Backup } from '../../shared/schemas/data';
import type { DatabaseOpenError } from '../db/open';
import { checkBackupFile, listBackups } from './backups';

export interface RecoveryOffer {
  title: string;
  message: string;
  /** The newest backup that is whole and not from a newer app, if any. */
  backup: Backup | null;
}

const stamp = (now: number) => new Date(now).toISOString().replace(/[:.]/g, '-');

export function recoveryOffer(error: DatabaseOpenError, backupDir: string): RecoveryOffer {
  const backup =
    listBackups(backupDir).find((b) => {
      try {
        checkBackupFile(path.join(backupDir, b.id));
        return true;
      } catch {
        return false;
      }
    }) ?? null;
  const what = {
    'not-a-database': 'Your data file is not a study-companion database.',
    corrupt: 'Your data file is damaged.',
    'newer-version': 'Your data file was written by a newer version of MLOps Study Companion.',
    'cannot-open': 'Your data file could not be opened.',
  }[error.reason];
  const keep =
    error.reason === 'newer-version'
      ? 'If you can, quit and update the app instead: the newer version opens it as it is.'
      : 'It will be kept, renamed, in the data folder, so nothing in it is lost.';
  return {
    title: 'Your study data could not be opened',
    message: `${what} ${keep} ${
      backup
        ? `You can restore the newest good backup (${new Date(backup.createdAt).toLocaleString()}) or start fresh.`
        : 'There is no backup to restore, so you can start fresh.'
    }`,
    backup,
  };
}

/** Renames the file and its WAL companions aside; returns the new name. Never deletes anything. */
export function setAside(dbFile: string, reason: string, now: number): string {
  const aside = `${dbFile}.${reason}-${stamp(now)}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(dbFile + suffix)) renameSync(dbFile + suffix, aside + suffix);
  }
  return aside;
}

/** After setting the broken file aside: put a copy of the chosen backup in its place. */
export function startFromBackup(dbFile: string, backupDir: string, backup: Backup): void {
  if (existsSync(dbFile)) throw new Error('The data file must be set aside before a backup takes its place.');
  copyFileSync(path.join(backupDir, backup.id), dbFile);
}

export type RecoveryAction = 'restore-backup' | 'start-fresh' | 'quit';

/** The buttons of the recovery dialog, in order, each with what it does. Quit is the safe default. */
export function recoveryButtons(offer: RecoveryOffer): { label: string; action: RecoveryAction }[] {
  return [
    ...(offer.backup
      ? [
          {
            label: `Restore the backup of ${new Date(offer.backup.createdAt).toLocaleDateString(undefined, { dateStyle: 'medium' })}`,
            action: 'restore-backup' as const,
          },
        ]
      : []),
    { label: 'Start fresh', action: 'start-fresh' },
    { label: 'Quit', action: 'quit' },
  ];
}

/**
 * Carries out the learner's choice: the broken file is set aside (never overwritten) and either a
 * backup copy or nothing takes its place. Returns the aside name, or null for Quit.
 */
export function applyRecovery(
  action: RecoveryAction,
  dbFile: string,
  backupDir: string,
  offer: RecoveryOffer,
  reason: string,
  now: number,
): string | null {
  if (action === 'quit') return null;
  const aside = setAside(dbFile, reason, now);
  if (action === 'restore-backup' && offer.backup) startFromBackup(dbFile, backupDir, offer.backup);
  return aside;
}
