// Opening the learner's database: pragmas, a refusal of files we must not touch, migrations.
import type { Curriculum } from '../../shared/curriculum';
import { localDateOf } from '../stats/local-days';
import { LATEST_SCHEMA_VERSION, migrations, type Migration } from './migrations';
import { openSqlite, type Db } from './sqlite';

export type { Db };

/** Why a database file could not be opened. The message is for the learner, in plain words. */
export class DatabaseOpenError extends Error {
  constructor(
    readonly reason: 'not-a-database' | 'newer-version' | 'corrupt' | 'cannot-open',
    message: string,
  ) {
    super(message);
    this.name = 'DatabaseOpenError';
  }
}

export interface OpenOptions {
  /** Runs before the first migration is applied to an existing database (a backup, later). */
  beforeMigrate?: (db: Db, fromVersion: number) => void;
  migrations?: readonly Migration[];
}

export function openDatabase(file: string, curriculum: Curriculum, options: OpenOptions = {}): Db {
  const list = options.migrations ?? migrations;
  let db: Db;
  try {
    db = openSqlite(file);
  } catch (error) {
    throw new DatabaseOpenError(
      'cannot-open',
      `The data file ${file} could not be opened: ${(error as Error).message}`,
    );
  }
  try {
    let version: number;
    try {
      version = db.pragma('user_version', { simple: true }) as number;
    } catch {
      throw new DatabaseOpenError(
        'not-a-database',
        `The data file ${file} is not a study-companion database (it is not SQLite). It was left untouched.`,
      );
    }
    // A damaged file must never be written to (a migration could make it worse).
    let check: unknown;
    try {
      check = db.pragma('quick_check', { simple: true });
    } catch (error) {
      check = (error as Error).message;
    }
    if (check !== 'ok') {
      throw new DatabaseOpenError(
        'corrupt',
        `The data file ${file} is damaged (SQLite's check says: ${String(check).slice(0, 200)}). It was left untouched.`,
      );
    }
    // The check read every page into SQLite's cache (up to 16 MB in better-sqlite3's build); hand
    // those back, or each open holds the whole file in memory for pages it read once.
    db.pragma('shrink_memory');
    const latest = list.reduce((newest, m) => Math.max(newest, m.version), 0);
    if (version > latest) {
      throw new DatabaseOpenError(
        'newer-version',
        `This data file was written by a newer version of MLOps Study Companion (data version ${version}; this app knows up to ${latest}). Update the app to open it. The file was left untouched.`,
      );
    }
    // WAL: readers never block the writer and a crash never leaves half a transaction.
    // synchronous=FULL: an entry the app has acknowledged is on disk, even if the machine dies next.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // An 8 MB page cache (better-sqlite3 builds SQLite with 16 MB): a learner's logbook is a few
    // hundred KB, and even 100,000 entries read back from the OS's file cache in microseconds, while
    // every MB kept here is a MB of the app's memory for as long as it runs.
    db.pragma('cache_size = -8000');

    if (version < latest && version > 0) options.beforeMigrate?.(db, version);
    for (const migration of list) {
      if (migration.version <= version) continue;
      db.transaction(() => {
        migration.up(db);
        db.pragma(`user_version = ${migration.version}`);
      }).immediate();
    }
    syncCurriculumItems(db, curriculum);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function syncCurriculumItems(db: Db, curriculum: Curriculum) {
  const insert = db.prepare('INSERT OR IGNORE INTO curriculum_items (id) VALUES (?)');
  db.transaction(() => {
    for (const item of curriculum.items) insert.run(item.id);
    // The plan starts the day the learner first opens the app, until they say otherwise.
    db.prepare("INSERT OR IGNORE INTO settings (key, value) VALUES ('planStartDate', ?)").run(
      JSON.stringify(localDateOf(Date.now())),
    );
  })();
}

export { LATEST_SCHEMA_VERSION };
