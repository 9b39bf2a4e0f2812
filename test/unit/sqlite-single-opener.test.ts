// Every database the app opens must load the native build for its runtime (Electron's in the
// desktop app), so exactly one file may construct a better-sqlite3 connection: electron/db/sqlite.ts.
// A second `new Database(...)` anywhere in the app's code is how backups once loaded the Node build
// inside Electron and failed every restore.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, sourceFiles } from '../support/source-files';

const root = repoRoot;
const APP_FOLDERS = ['electron', 'shared', 'renderer', 'preview', 'scripts', 'bench', 'curriculum'];
const THE_OPENER = 'electron/db/sqlite.ts';

/** What in a file's text would construct a connection or load the module's value. */
function sqliteConstructions(text: string): string[] {
  const found: string[] = [];
  // A value import (not `import type`) or a require of better-sqlite3.
  for (const m of text.matchAll(/^\s*import\s+(?!type\b)([^;]*?)\s+from\s+['"]better-sqlite3['"]/gm)) {
    // `import { type X } from` with only type specifiers carries no value.
    if (/^\{\s*(type\s+\w+\s*,?\s*)+\}$/.test(m[1]!.trim())) continue;
    found.push(m[0].trim());
  }
  for (const m of text.matchAll(/require\(\s*['"]better-sqlite3['"]\s*\)/g)) found.push(m[0]);
  for (const m of text.matchAll(/new\s+(?:Database|BetterSqlite3|Sqlite)\s*\(/g)) found.push(m[0]);
  return found;
}

describe('one way to open SQLite', () => {
  it('recognises what it looks for (so the scan below can fail)', () => {
    expect(sqliteConstructions("import Database from 'better-sqlite3';\nnew Database(file)")).toHaveLength(2);
    expect(sqliteConstructions("import type { Statement } from 'better-sqlite3';")).toEqual([]);
    expect(sqliteConstructions("import { type Database } from 'better-sqlite3';")).toEqual([]);
    expect(sqliteConstructions("const D = require('better-sqlite3');")).toHaveLength(1);
  });

  it(`only ${THE_OPENER} constructs a better-sqlite3 connection`, () => {
    const files = APP_FOLDERS.flatMap((dir) => sourceFiles(dir));
    expect(files.length).toBeGreaterThan(100);
    const offenders = files
      .filter((file) => file !== THE_OPENER)
      .flatMap((file) =>
        sqliteConstructions(readFileSync(path.join(root, file), 'utf8')).map((what) => `${file}: ${what}`),
      );
    expect(offenders).toEqual([]);
    expect(sqliteConstructions(readFileSync(path.join(root, THE_OPENER), 'utf8')).length).toBeGreaterThan(0);
  });
});
