// The sync bookkeeping (migration 5): this machine's id, name, folder and clock; how far each other
// machine's files were read; a register per synced field; the rows changed since the last sync; and
// writing a merged row back into its learner table. The engine (electron/sync/engine.ts) decides,
// this module only reads and writes. Statements that run once per row of a sync are cached.
import type { Db } from '../db/open';
import {
  EXISTS,
  registersOf,
  storedValue,
  type RowState,
  type StoredRegisters,
  type SyncedTable,
  type Value,
} from '../sync/model';
import { prepared } from './statements';

export interface DeviceRow {
  device_id: string;
  device_name: string;
  enabled: number;
  folder: string | null;
  clock: string;
  stream: string;
  out_segment: number;
  out_lines: number;
  out_since_snapshot: number;
  needs_snapshot: number;
  last_sync_at: number | null;
  last_report: string | null;
}

const DEVICE_COLUMNS = [
  'device_id',
  'device_name',
  'enabled',
  'folder',
  'clock',
  'stream',
  'out_segment',
  'out_lines',
  'out_since_snapshot',
  'needs_snapshot',
  'last_sync_at',
  'last_report',
] as const;

export function readDevice(db: Db): DeviceRow {
  return prepared(db, `SELECT ${DEVICE_COLUMNS.join(', ')} FROM sync_device WHERE id = 1`).get() as DeviceRow;
}

export function updateDevice(db: Db, changes: Partial<DeviceRow>): void {
  const keys = Object.keys(changes).filter((k) => (DEVICE_COLUMNS as readonly string[]).includes(k));
  if (keys.length === 0) return;
  prepared(db, `UPDATE sync_device SET ${keys.map((k) => `${k} = ?`).join(', ')} WHERE id = 1`).run(
    ...keys.map((k) => changes[k as keyof DeviceRow]),
  );
}

export interface CursorRow {
  device_id: string;
  device_name: string;
  stream: string;
  segment: number;
  lines: number;
}

export function readCursors(db: Db): Map<string, CursorRow> {
  const rows = prepared(
    db,
    'SELECT device_id, device_name, stream, segment, lines FROM sync_cursors',
  ).all() as CursorRow[];
  return new Map(rows.map((r) => [r.device_id, r]));
}

export function writeCursor(db: Db, c: CursorRow): void {
  prepared(
    db,
    `INSERT INTO sync_cursors (device_id, device_name, stream, segment, lines) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (device_id) DO UPDATE SET device_name = excluded.device_name, stream = excluded.stream,
       segment = excluded.segment, lines = excluded.lines`,
  ).run(c.device_id, c.device_name, c.stream, c.segment, c.lines);
}

export function clearCursors(db: Db): void {
  prepared(db, 'DELETE FROM sync_cursors').run();
}

export interface LogRow {
  seq: number;
  tbl: SyncedTable;
  key: string;
  row: string | null;
  wall: number;
  scan: number;
}

export function readLog(db: Db): LogRow[] {
  return prepared(db, 'SELECT seq, tbl, key, row, wall, scan FROM sync_log ORDER BY seq').all() as LogRow[];
}

/** The newest change noted, 0 when none: changes noted after it are the merge's own writes. */
export function lastLogSeq(db: Db): number {
  return prepared(db, 'SELECT COALESCE(MAX(seq), 0) FROM sync_log', 'pluck').get() as number;
}

export function hasLoggedChanges(db: Db): boolean {
  return prepared(db, 'SELECT EXISTS (SELECT 1 FROM sync_log)', 'pluck').get() === 1;
}

export function deleteLogAfter(db: Db, seq: number): void {
  prepared(db, 'DELETE FROM sync_log WHERE seq > ?').run(seq);
}

/**
 * Notes every synced row as changed (with its own time), and every row the registers hold that is
 * gone, as deleted: turning sync on over a logbook written while it was off.
 */
export function logWholeLogbook(db: Db, now: number): void {
  db.prepare('INSERT INTO sync_log (tbl, key, row, wall, scan) SELECT tbl, key, row, at, 1 FROM sync_rows').run();
  const present = new Set(
    (db.prepare('SELECT tbl, key FROM sync_rows').raw(true).all() as [string, string][]).map(
      ([t, k]) => `${t}\u0000${k}`,
    ),
  );
  const insert = db.prepare('INSERT INTO sync_log (tbl, key, row, wall, scan) VALUES (?, ?, NULL, ?, 1)');
  const held = db.prepare(`SELECT tbl, key FROM sync_registers WHERE ${EXISTS_SQL}`).raw(true).all() as [
    string,
    string,
  ][];
  for (const [tbl, key] of held) if (!present.has(`${tbl}\u0000${key}`)) insert.run(tbl, key, now);
}

// A row's registers are stored in one of two forms. Most rows were written by one change, so every
// register holds the same clock: such a row is stored as [clock, {field: value}], about half the
// bytes of {field: [value, clock]}, the form of a row whose fields came from different changes.
// Both are read everywhere; a row is written in the short form whenever it can be.

/** The clock every register of a row holds, or undefined when they differ (or there are none). */
function sharedClock(state: RowState): string | undefined {
  let clock: string | undefined;
  for (const field in state) {
    const h = state[field]![1];
    if (clock === undefined) clock = h;
    else if (h !== clock) return undefined;
  }
  return clock;
}

function encodeState(registers: StoredRegisters): string {
  if (Array.isArray(registers)) return JSON.stringify(registers);
  const clock = sharedClock(registers);
  if (clock === undefined) return JSON.stringify(registers);
  const values: Record<string, Value> = {};
  for (const field in registers) values[field] = registers[field]![0];
  return JSON.stringify([clock, values]);
}

const decodeState = (text: string): RowState => registersOf(JSON.parse(text) as StoredRegisters);

/** SQL: whether a row's stored registers say it exists, in either form. */
const EXISTS_SQL = `(CASE json_type(state) WHEN 'array' THEN json_extract(state, '$[1]._exists')
  ELSE json_extract(state, '$._exists[0]') END) = 1`;

export function readRowState(db: Db, tbl: SyncedTable, key: string): RowState | undefined {
  const text = prepared(db, 'SELECT state FROM sync_registers WHERE tbl = ? AND key = ?', 'pluck').get(tbl, key) as
    string | undefined;
  return text === undefined ? undefined : decodeState(text);
}

/** Every register, by table, then key: for a sync that brings many rows at once. */
export function readAllRowStates(db: Db): Map<SyncedTable, Map<string, RowState>> {
  const rows = prepared(db, 'SELECT tbl, key, state FROM sync_registers', 'raw').all() as [
    SyncedTable,
    string,
    string,
  ][];
  const all = new Map<SyncedTable, Map<string, RowState>>();
  for (const [tbl, key, state] of rows) {
    let table = all.get(tbl);
    if (!table) all.set(tbl, (table = new Map()));
    table.set(key, decodeState(state));
  }
  return all;
}

export function writeRowState(db: Db, tbl: SyncedTable, key: string, registers: StoredRegisters): void {
  prepared(
    db,
    'INSERT INTO sync_registers (tbl, key, state) VALUES (?, ?, ?) ON CONFLICT (tbl, key) DO UPDATE SET state = excluded.state',
  ).run(tbl, key, encodeState(registers));
}

/** Every register, row by row, as stored: a snapshot's lines. */
export function* iterateRowStates(db: Db): Iterable<{ tbl: SyncedTable; key: string; registers: StoredRegisters }> {
  const rows = db
    .prepare('SELECT tbl, key, state FROM sync_registers ORDER BY tbl, key')
    .raw(true)
    .iterate() as Iterable<[SyncedTable, string, string]>;
  for (const [tbl, key, state] of rows) yield { tbl, key, registers: JSON.parse(state) as StoredRegisters };
}

export const countRowStates = (db: Db): number =>
  prepared(db, 'SELECT COUNT(*) FROM sync_registers', 'pluck').get() as number;

const present = (registers: StoredRegisters) => storedValue(registers, EXISTS) === 1;
const v = storedValue;

/** The JSON text of the non-null `prefix.*` registers, keys sorted: the same text on every machine. */
function subfields(state: RowState, prefix: string): string {
  const out: Record<string, Value> = {};
  for (const field of Object.keys(state).sort())
    if (field.startsWith(`${prefix}.`) && state[field]![0] !== null)
      out[field.slice(prefix.length + 1)] = state[field]![0];
  return JSON.stringify(out);
}

/**
 * Writes a row as its registers say: inserted or updated when it exists (and the registers hold
 * every column it needs), deleted when it is a tombstone. Throws when SQLite refuses it (an item
 * this curriculum does not have): the engine skips that row and says so.
 */
export function writeMergedRow(db: Db, table: SyncedTable, key: string, state: StoredRegisters, now: number): void {
  const exists = present(state);
  switch (table) {
    case 'time_entries': {
      const item = v(state, 'item_id');
      const [start, end] = (v(state, 'span') ?? []) as number[];
      const source = v(state, 'source');
      if (exists && item !== undefined && start !== undefined && end !== undefined && source !== undefined)
        prepared(
          db,
          `INSERT INTO time_entries (item_id, started_at, ended_at, note, source, created_at, updated_at, uid)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (uid) DO UPDATE SET item_id = excluded.item_id, started_at = excluded.started_at,
             ended_at = excluded.ended_at, note = excluded.note, source = excluded.source, updated_at = excluded.updated_at
           WHERE item_id IS NOT excluded.item_id OR started_at IS NOT excluded.started_at
             OR ended_at IS NOT excluded.ended_at OR note IS NOT excluded.note OR source IS NOT excluded.source`,
        ).run(item, start, end, v(state, 'note') ?? '', source, now, now, key);
      else prepared(db, 'DELETE FROM time_entries WHERE uid = ?').run(key);
      return;
    }
    case 'item_progress': {
      if (!exists) return void prepared(db, 'DELETE FROM item_progress WHERE item_id = ?').run(key);
      const [status, auto, changedAt] = (v(state, 'status') ?? ['not_started', 0, null]) as [string, number, number];
      prepared(
        db,
        `INSERT INTO item_progress (item_id, status, status_auto, status_changed_at, notes, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (item_id) DO UPDATE SET status = excluded.status, status_auto = excluded.status_auto,
           status_changed_at = excluded.status_changed_at, notes = excluded.notes, updated_at = excluded.updated_at
         WHERE status IS NOT excluded.status OR status_auto IS NOT excluded.status_auto
           OR status_changed_at IS NOT excluded.status_changed_at OR notes IS NOT excluded.notes`,
      ).run(key, status, auto, changedAt, v(state, 'notes') ?? '', now);
      return;
    }
    case 'list_ticks': {
      const [itemId, index] = JSON.parse(key) as [string, number];
      const at = v(state, 'ticked_at');
      if (exists && at !== undefined)
        prepared(
          db,
          `INSERT INTO list_ticks (item_id, entry_index, ticked_at) VALUES (?, ?, ?)
           ON CONFLICT (item_id, entry_index) DO UPDATE SET ticked_at = excluded.ticked_at WHERE ticked_at IS NOT excluded.ticked_at`,
        ).run(itemId, index, at);
      else prepared(db, 'DELETE FROM list_ticks WHERE item_id = ? AND entry_index = ?').run(itemId, index);
      return;
    }
    case 'portfolio_entries': {
      if (!exists) return void prepared(db, 'DELETE FROM portfolio_entries WHERE item_id = ?').run(key);
      prepared(
        db,
        `INSERT INTO portfolio_entries (item_id, included, fields, links, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (item_id) DO UPDATE SET included = excluded.included, fields = excluded.fields,
           links = excluded.links, updated_at = excluded.updated_at
         WHERE included IS NOT excluded.included OR fields IS NOT excluded.fields OR links IS NOT excluded.links`,
      ).run(
        key,
        v(state, 'included') ?? 1,
        subfields(registersOf(state), 'fields'),
        subfields(registersOf(state), 'links'),
        now,
        now,
      );
      return;
    }
    case 'self_assessments': {
      const item = v(state, 'item_id');
      const scores = v(state, 'scores');
      const total = v(state, 'weighted_total');
      const at = v(state, 'assessed_at');
      if (exists && item !== undefined && scores !== undefined && total !== undefined && at !== undefined)
        prepared(
          db,
          `INSERT INTO self_assessments (item_id, scores, weighted_total, assessed_at, uid) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (uid) DO UPDATE SET item_id = excluded.item_id, scores = excluded.scores,
             weighted_total = excluded.weighted_total, assessed_at = excluded.assessed_at
           WHERE item_id IS NOT excluded.item_id OR scores IS NOT excluded.scores
             OR weighted_total IS NOT excluded.weighted_total OR assessed_at IS NOT excluded.assessed_at`,
        ).run(item, JSON.stringify(scores), total, at, key);
      else prepared(db, 'DELETE FROM self_assessments WHERE uid = ?').run(key);
      return;
    }
    case 'milestone_ticks': {
      const at = v(state, 'ticked_at');
      if (exists && at !== undefined)
        prepared(
          db,
          `INSERT INTO milestone_ticks (entry_id, ticked_at) VALUES (?, ?)
           ON CONFLICT (entry_id) DO UPDATE SET ticked_at = excluded.ticked_at WHERE ticked_at IS NOT excluded.ticked_at`,
        ).run(key, at);
      else prepared(db, 'DELETE FROM milestone_ticks WHERE entry_id = ?').run(key);
      return;
    }
    case 'settings': {
      const value = v(state, 'value') as [string, string] | undefined;
      if (exists && value)
        prepared(
          db,
          `INSERT INTO settings (key, value, set_by) VALUES (?, ?, ?)
           ON CONFLICT (key) DO UPDATE SET value = excluded.value, set_by = excluded.set_by
           WHERE value IS NOT excluded.value OR set_by IS NOT excluded.set_by`,
        ).run(key, value[0], value[1]);
      else prepared(db, 'DELETE FROM settings WHERE key = ?').run(key);
      return;
    }
  }
}
