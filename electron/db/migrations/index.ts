import type { Database } from 'better-sqlite3';
import { initial } from './001-initial';
import { spanIndexes } from './002-span-indexes';
import { itemTotals } from './003-item-totals';
import { whoSetIt } from './004-who-set-it';
import { sync } from './005-sync';
import { imports } from './006-imports';
import { repoLinks } from './007-repo-links';

export interface Migration {
  /** The `PRAGMA user_version` the database has once this migration ran. */
  version: number;
  name: string;
  up: (db: Database) => void;
}

/** Every schema version in order. Append only: a released migration never changes. */
export const migrations: readonly Migration[] = [initial, spanIndexes, itemTotals, whoSetIt, sync, imports, repoLinks];

/** The version the newest migration leaves: its own number (not the count, which a version kept for another branch would throw off). */
export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]!.version;
