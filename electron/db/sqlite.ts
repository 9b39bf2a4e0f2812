// The one place the app constructs a better-sqlite3 connection. Node (vitest, the preview) and
// Electron need different builds of the native module (docs/environment.md), and every file main
// opens (the learner's database, backups being checked, restore scratch copies) must load the
// build for the runtime it is in, or Electron fails with NODE_MODULE_VERSION. Main sets the
// Electron build once at start-up; everything else opens through `openSqlite`.
// test/unit/sqlite-single-opener.test.ts fails if any other source file constructs a Database.
import Database from 'better-sqlite3';

export type Db = Database.Database;

/** A path to a compiled addon, or the addon itself (tests pass a recording stand-in). */
export type NativeBinding = string | object;

let nativeBinding: NativeBinding | undefined;

/**
 * Makes every later `openSqlite` load this build of the native module (undefined: the default,
 * the Node build in node_modules). Main calls it before opening anything.
 */
export function useNativeBinding(binding: NativeBinding | undefined): void {
  nativeBinding = binding;
}

export type SqliteOptions = Omit<Database.Options, 'nativeBinding'>;

/** Opens (or creates) a SQLite file with the native build chosen for this runtime. */
export function openSqlite(file: string, options: SqliteOptions = {}): Db {
  // better-sqlite3's types say string, its code also takes the addon object (WiseLibs/better-sqlite3#972).
  return new Database(
    file,
    nativeBinding === undefined ? options : { ...options, nativeBinding: nativeBinding as string },
  );
}
