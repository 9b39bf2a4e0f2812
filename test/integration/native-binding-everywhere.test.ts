// In the desktop app every database main opens must load Electron's build of the native module.
// Here a recording stand-in binding (the real Node addon, wrapped to note each file it opens) is set
// the way main sets the Electron build; then restore and the recovery dialog's backup check must
// open every file through it. Before electron/db/sqlite.ts, backups were checked with a plain
// `new Database(...)` that loaded the default build, and every restore failed inside Electron.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getCurriculum } from '../../curriculum';
import { DatabaseOpenError, openDatabase } from '../../electron/db/open';
import { useNativeBinding } from '../../electron/db/sqlite';
import { createBackup, listBackups } from '../../electron/data/backups';
import { applyRecovery, recoveryOffer } from '../../electron/data/recovery';
import { MINUTE_MS } from '../../shared/time';
import { createTestApp, T0, type TestApp } from '../support/context';

type Addon = { Database: new (filename: string, ...rest: unknown[]) => object } & Record<string, unknown>;
const requireFromSqlite = createRequire(createRequire(import.meta.url).resolve('better-sqlite3'));
const realAddon = requireFromSqlite('../build/Release/better_sqlite3.node') as Addon;

/** The real addon with its Database class wrapped: every file opened through it is noted. */
function recordingBinding() {
  const opened: string[] = [];
  const RealDatabase = realAddon.Database;
  class RecordingDatabase extends RealDatabase {
    constructor(filename: string, ...rest: unknown[]) {
      super(filename, ...rest);
      opened.push(filename);
    }
  }
  // A fresh object: better-sqlite3 marks an addon initialised on first use and sets its error class.
  const addon = Object.assign(Object.create(null) as Record<string, unknown>, realAddon, {
    Database: RecordingDatabase,
    isInitialized: false,
  });
  return { addon, opened };
}

let app: TestApp;
let backupDir: string;
beforeEach(() => {
  app = createTestApp();
  backupDir = path.join(path.dirname(app.file), 'backups');
});
afterEach(() => {
  useNativeBinding(undefined);
  app.close();
});

describe('the native binding main chooses', () => {
  it('is the one restore uses, for the backup it checks and the older backup it migrates on a scratch copy', async () => {
    app.call('time.add', { itemId: '1.1', startedAt: T0 - 60 * MINUTE_MS, endedAt: T0 - 40 * MINUTE_MS });
    const backup = await createBackup(app.db, backupDir, 'manual', T0);
    app.call('time.add', { itemId: '1.2', startedAt: T0 - 30 * MINUTE_MS, endedAt: T0 - 10 * MINUTE_MS });

    const { addon, opened } = recordingBinding();
    useNativeBinding(addon);
    const result = await app.callAsync('backups.restore', { id: backup.id });
    expect(result.restored.id).toBe(backup.id);
    expect(opened).toContain(path.join(backupDir, backup.id));
    // The restore took: the entry made after the backup is gone.
    expect(app.call('time.list', {}).entries.map((e) => e.itemId)).toEqual(['1.1']);
  });

  it('migrates an older backup on a scratch copy opened through it', async () => {
    // A backup from schema version 1: made by the first migration alone.
    const old = path.join(backupDir, 'companion-20260301-080000-000-manual.db');
    const { migrations } = await import('../../electron/db/migrations');
    await createBackup(app.db, backupDir, 'daily', T0);
    openDatabase(old, getCurriculum(), { migrations: migrations.slice(0, 1) }).close();

    const { addon, opened } = recordingBinding();
    useNativeBinding(addon);
    await app.callAsync('backups.restore', { id: path.basename(old) });
    expect(opened).toContain(old);
    expect(opened.some((file) => /restore-\d+-\d+\.db$/.test(file))).toBe(true);
  });

  it('is the one the recovery dialog uses to find the newest good backup, and a start from it opens', async () => {
    app.call('time.add', { itemId: '2.1', startedAt: T0 - 60 * MINUTE_MS, endedAt: T0 });
    const backup = await createBackup(app.db, backupDir, 'daily', T0);
    app.db.close();
    writeFileSync(app.file, 'not a database '.repeat(100));

    const { addon, opened } = recordingBinding();
    useNativeBinding(addon);
    let error: DatabaseOpenError | undefined;
    try {
      openDatabase(app.file, getCurriculum());
    } catch (e) {
      error = e as DatabaseOpenError;
    }
    expect(error?.reason).toBe('not-a-database');
    const offer = recoveryOffer(error!, backupDir);
    expect(offer.backup?.id).toBe(backup.id);
    expect(opened).toEqual([app.file, path.join(backupDir, backup.id)]);

    applyRecovery('restore-backup', app.file, backupDir, offer, error!.reason, T0);
    const db = openDatabase(app.file, getCurriculum());
    expect(db.prepare('SELECT item_id FROM time_entries').pluck().all()).toEqual(['2.1']);
    db.close();
    expect(opened.at(-1)).toBe(app.file);
    expect(listBackups(backupDir)).toHaveLength(1);
  });
});
