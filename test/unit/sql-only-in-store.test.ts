// The store (electron/store/) is the only code that talks SQL: every query and every write of the
// learner's data is in one place, one module per table group, where a change of schema shows
// what it touches. The schema itself (electron/db/: the migrations and the opener's pragmas and
// curriculum rows) keeps its SQL too. Anywhere else, preparing or executing a statement, setting a
// pragma, or holding SQL text fails this test: call a store function instead (or add one).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, sourceFiles } from '../support/source-files';

const root = repoRoot;
const SCANNED = ['electron', 'preview', 'bench', 'scripts', 'shared', 'renderer'];
const ALLOWED = ['electron/store/', 'electron/db/'];

const SQL_USES: [string, RegExp][] = [
  ['prepares a statement', /\.prepare\s*\(/g],
  ['sets or reads a pragma', /\.pragma\s*\(/g],
  // A RegExp's .exec(value) is everywhere; SQLite's takes SQL text, or is called on a connection.
  ['executes SQL', /(?:\b(?:db|database|connection|conn|probe|sqlite)\s*\.exec\s*\(|\.exec\s*\(\s*['"`])/g],
  ['holds a SELECT', /\bSELECT\b[^;]{0,300}?\bFROM\b/g],
  ['holds an INSERT', /\bINSERT\s+(?:OR\s+[A-Z]+\s+)?INTO\b/g],
  ['holds an UPDATE', /\bUPDATE\s+\w+\s+SET\b/g],
  ['holds a DELETE', /\bDELETE\s+FROM\b/g],
];

/** What in a file's text uses SQL: a description and the line it is on. */
function sqlUses(text: string): string[] {
  const found: string[] = [];
  for (const [what, pattern] of SQL_USES) {
    for (const m of text.matchAll(pattern)) found.push(`${what} (line ${text.slice(0, m.index).split('\n').length})`);
  }
  return found;
}

describe('SQL only in the store', () => {
  it('recognises what it looks for (so the scan below can fail)', () => {
    expect(sqlUses("db.prepare('SELECT 1').get()")).toHaveLength(1);
    expect(sqlUses('const rows = ctx.db.prepare(text).all();')).toHaveLength(1);
    expect(sqlUses("db.pragma('journal_mode = WAL')")).toHaveLength(1);
    expect(sqlUses('db.exec(schema)')).toHaveLength(1);
    expect(sqlUses('connection.exec(`CREATE TABLE t (x)`)')).toHaveLength(1);
    expect(sqlUses("const q = 'SELECT item_id, status FROM item_progress';")).toHaveLength(1);
    expect(sqlUses('`SELECT id\n  FROM time_entries`')).toHaveLength(1);
    expect(sqlUses("const q = 'INSERT OR IGNORE INTO list_ticks (item_id) VALUES (?)';")).toHaveLength(1);
    expect(sqlUses("'UPDATE item_progress SET notes = ?'")).toHaveLength(1);
    expect(sqlUses("'DELETE FROM milestone_ticks'")).toHaveLength(1);
    // What is not SQL: a RegExp's exec, and words that are SQL's only in capitals.
    expect(sqlUses('const m = /^(\\d+)$/.exec(value);')).toEqual([]);
    expect(sqlUses('const m = LOCAL_DATE.exec(value);')).toEqual([]);
    expect(sqlUses('// select an item from the list, then update its notes')).toEqual([]);
  });

  it('fails on a file that prepares SQL outside the store', () => {
    const handlerOfOld =
      "const row = sql(ctx.db, 'SELECT status FROM item_progress WHERE item_id = ?').pluck().get(itemId);";
    expect(sqlUses(handlerOfOld)).not.toEqual([]);
  });

  it('no file outside electron/store/ and electron/db/ prepares, executes or holds SQL', () => {
    const files = SCANNED.flatMap((dir) => sourceFiles(dir));
    expect(files.length).toBeGreaterThan(100);
    const offenders = files
      .filter((file) => !ALLOWED.some((folder) => file.startsWith(folder)))
      .flatMap((file) => sqlUses(readFileSync(path.join(root, file), 'utf8')).map((what) => `${file}: ${what}`));
    expect(offenders).toEqual([]);
  });

  it('the store does hold the SQL (the scan is looking at the right files)', () => {
    const store = sourceFiles('electron/store');
    expect(
      store.filter((file) => sqlUses(readFileSync(path.join(root, file), 'utf8')).length > 0).length,
    ).toBeGreaterThanOrEqual(8);
  });

  it('outside electron/handlers/ and electron/ipc/, code reaches handlers through the table, never a handler file', () => {
    const files = SCANNED.flatMap((dir) => sourceFiles(dir)).filter(
      (file) => !file.startsWith('electron/handlers/') && !file.startsWith('electron/ipc/'),
    );
    const offenders = files.flatMap((file) =>
      [...readFileSync(path.join(root, file), 'utf8').matchAll(/from\s+['"]([^'"]*\/handlers\/[^'"]+)['"]/g)].map(
        (m) => `${file}: ${m[1]}`,
      ),
    );
    expect(offenders).toEqual([]);
  });
});
