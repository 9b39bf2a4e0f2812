// The store's statement cache: each SQL text is compiled once per database, because handlers run
// on every keystroke and timer tick. better-sqlite3's .raw() and .pluck() switch a statement for
// good, so the mode is part of the key and is set when the statement is made: two callers of one
// text in different modes get two statements, and neither can change what the other reads.
// Only store modules import this file; a statement never leaves the store function that runs it.
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open';

/** How a statement returns rows: objects by column name, arrays of values, or the first column alone. */
export type RowMode = 'object' | 'raw' | 'pluck';

// One map per mode, keyed by the SQL text itself: a literal's hash is computed once, where a key
// made by joining mode and text would be hashed again on every call (sync applies thousands of rows).
const cache = new WeakMap<Db, Record<RowMode, Map<string, Statement>>>();

export function prepared(db: Db, text: string, mode: RowMode = 'object'): Statement {
  let modes = cache.get(db);
  if (!modes) cache.set(db, (modes = { object: new Map(), raw: new Map(), pluck: new Map() }));
  const statements = modes[mode];
  let statement = statements.get(text);
  if (!statement) {
    statement = db.prepare(text);
    if (mode === 'raw') statement.raw(true);
    else if (mode === 'pluck') statement.pluck(true);
    statements.set(text, statement);
  }
  return statement;
}
