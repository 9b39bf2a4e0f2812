// Opening the learner's file: pragmas, migrations, and refusing files we must not touch.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getCurriculum } from '../../curriculum';
import { migrations } from '../../electron/db/migrations';
import { DatabaseOpenError, LATEST_SCHEMA_VERSION, openDatabase } from '../../electron/db/open';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'companion-db-'));
  file = path.join(dir, 'companion.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const digest = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

describe('opening the database', () => {
  it('creates a fresh file at the latest version with WAL and foreign keys on', () => {
    const db = openDatabase(file, getCurriculum());
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    // The page cache is held to 8 MB (negative: KiB), not better-sqlite3's 16 MB: the bench's memory budget.
    expect(db.pragma('cache_size', { simple: true })).toBe(-8000);
    expect(db.prepare('SELECT COUNT(*) FROM curriculum_items').pluck().get()).toBe(24);
    // The foreign key really guards: a row for an unknown item cannot exist.
    expect(() =>
      db
        .prepare(
          "INSERT INTO time_entries (item_id, started_at, ended_at, source, created_at, updated_at) VALUES ('9.9', 1, 2, 'manual', 0, 0)",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('reopens an existing file without migrating again', () => {
    openDatabase(file, getCurriculum()).close();
    const db = openDatabase(file, getCurriculum());
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  it('refuses a file made by a newer app, in plain words, and leaves it untouched', () => {
    const newer = new Database(file);
    newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    newer.close();
    const before = digest(file);
    let error: unknown;
    try {
      openDatabase(file, getCurriculum());
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as DatabaseOpenError).reason).toBe('newer-version');
    expect((error as Error).message).toMatch(/written by a newer version of MLOps Study Companion.*Update the app/);
    expect(digest(file)).toBe(before);
  });

  it('refuses a file that is not SQLite and leaves it untouched', () => {
    writeFileSync(file, 'These are my notes, not a database.\n'.repeat(200));
    const before = digest(file);
    expect(() => openDatabase(file, getCurriculum())).toThrow(
      /is not a study-companion database \(it is not SQLite\)\. It was left untouched/,
    );
    expect(digest(file)).toBe(before);
  });

  it('applies each migration in one transaction: a failing one changes nothing', () => {
    openDatabase(file, getCurriculum()).close();
    const failing = [
      ...migrations,
      {
        version: LATEST_SCHEMA_VERSION + 1,
        name: 'half a migration',
        up: (db: Database.Database) => {
          db.exec('CREATE TABLE half_done (x INTEGER)');
          throw new Error('migration bug');
        },
      },
    ];
    expect(() => openDatabase(file, getCurriculum(), { migrations: failing })).toThrow('migration bug');
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'half_done'").pluck().get()).toBe(0);
    db.close();
  });
});
