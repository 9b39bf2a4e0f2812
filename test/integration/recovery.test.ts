// A data file that cannot be opened is never overwritten: it is set aside, the learner is told
// why, and the newest good backup (or a fresh start) takes its place.
import { createHash } from 'node:crypto';
import { openSync, readFileSync, writeSync, closeSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getCurriculum } from '../../curriculum';
import { DatabaseOpenError, openDatabase } from '../../electron/db/open';
import { recoveryOffer, setAside, startFromBackup } from '../../electron/data/recovery';
import { MINUTE_MS } from '../../shared/time';
import { createTestApp, T0, type TestApp } from '../support/context';

let app: TestApp;
let backupDir: string;
beforeEach(() => {
  app = createTestApp();
  backupDir = path.join(path.dirname(app.file), 'backups');
});
afterEach(() => app.close());

const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function openError(file: string): DatabaseOpenError {
  try {
    openDatabase(file, getCurriculum()).close();
  } catch (error) {
    return error as DatabaseOpenError;
  }
  throw new Error('expected the file to be refused');
}

describe('a broken data file', () => {
  it('a damaged SQLite file is refused as damaged and left byte for byte as it was', () => {
    for (let i = 0; i < 300; i++)
      app.call('time.add', {
        itemId: '1.1',
        startedAt: T0 - (i + 2) * 60 * MINUTE_MS,
        endedAt: T0 - (i + 1) * 60 * MINUTE_MS,
        note: `session ${i} `.repeat(20),
      });
    app.db.pragma('wal_checkpoint(TRUNCATE)');
    app.db.close();
    // Scribble over the headers of pages in the middle of the file, as a failing disk might.
    const fd = openSync(app.file, 'r+');
    for (let page = 2; page < 12; page++) writeSync(fd, Buffer.alloc(64, 0xab), 0, 64, 4096 * page);
    closeSync(fd);
    const before = digest(app.file);
    const error = openError(app.file);
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect(['corrupt', 'not-a-database']).toContain(error.reason);
    expect(error.message).toMatch(/left untouched/);
    expect(digest(app.file)).toBe(before);
  });

  it('is set aside, and the newest good backup is offered and takes its place', async () => {
    app.call('time.add', {
      itemId: '1.1',
      startedAt: T0 - 120 * MINUTE_MS,
      endedAt: T0 - 60 * MINUTE_MS,
      note: 'in the backup',
    });
    const older = await app.callAsync('backups.create');
    app.clock.now += 60_000;
    const newer = await app.callAsync('backups.create');
    writeFileSync(path.join(backupDir, newer.id), 'this backup got damaged too');
    app.db.close();
    writeFileSync(app.file, 'not a database any more');
    const broken = digest(app.file);

    const error = openError(app.file);
    expect(error.reason).toBe('not-a-database');
    const offer = recoveryOffer(error, backupDir);
    expect(offer.backup?.id).toBe(older.id); // the damaged newer one is passed over
    expect(offer.message).toMatch(/not a study-companion database.*kept, renamed.*restore the newest good backup/);

    const aside = setAside(app.file, error.reason, T0);
    expect(digest(aside)).toBe(broken);
    expect(existsSync(app.file)).toBe(false);
    startFromBackup(app.file, backupDir, offer.backup!);
    const db = openDatabase(app.file, getCurriculum());
    expect(db.prepare('SELECT note FROM time_entries').pluck().all()).toEqual(['in the backup']);
    db.close();
  });

  it('from a newer app: the learner is told to update, and a fresh start is offered when there is no backup', () => {
    app.db.close();
    const newer = new Database(app.file);
    newer.pragma('user_version = 99');
    newer.close();
    const offer = recoveryOffer(openError(app.file), backupDir);
    expect(offer.backup).toBeNull();
    expect(offer.message).toMatch(/newer version.*update the app.*no backup to restore, so you can start fresh/);
  });
});
