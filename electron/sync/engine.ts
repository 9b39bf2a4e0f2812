// Sync through a folder: this machine writes its changes into its own files there and merges the
// other machines' files into its logbook. The design, the merge rules and the file format are in
// docs/sync.md; the scheduler (when to sync) is electron/sync/scheduler.ts.
import { randomBytes } from 'node:crypto';
import { accessSync, constants, statSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import {
  clearCursors,
  deleteLogAfter,
  hasLoggedChanges,
  iterateRowStates,
  countRowStates,
  logWholeLogbook,
  readCursors,
  readDevice,
  readLog,
  readAllRowStates,
  readRowState,
  updateDevice,
  writeCursor,
  writeMergedRow,
  writeRowState,
  type DeviceRow,
} from '../store/sync';
import {
  checkOwnSegment,
  clearOwnFiles,
  deviceDirName,
  otherDevices,
  readDeviceFiles,
  SEGMENT_LINES,
  writeSegment,
  writeSnapshot,
  type ChangeLine,
  type DeviceRead,
  type OwnFiles,
} from './folder';
import { formatHlc, parseHlc, receive, tick, zeroHlc, type Hlc } from './hlc';
import {
  droppedFields,
  EXISTS,
  fieldsOf,
  registersOf,
  sameValue,
  storedValue,
  wins,
  type Register,
  type RowState,
  type StoredRegisters,
  type SyncedTable,
  type Value,
} from './model';

export interface SyncConfig {
  folder: string;
  deviceName: string;
}

/** Local to this machine, never synced. */
export interface SyncState {
  enabled: boolean;
  folder: string | null;
  deviceId: string;
  deviceName: string;
  lastSyncAt: number | null;
  lastReport: SyncReport | null;
}

export interface SyncReport {
  /** Epoch ms when this sync finished. */
  at: number;
  /** Changes of ours written to the folder this time. */
  wrote: number;
  /** Per other machine that sent something new. */
  received: { deviceId: string; deviceName: string; changes: number; entries: number }[];
  /** Plain-words sentences; empty when all was fine. */
  problems: string[];
}

const DEVICE_NAME_MAX = 60;

const newStreamId = () => randomBytes(8).toString('hex');

function defaultDeviceName(): string {
  return (hostname() || 'This computer').slice(0, DEVICE_NAME_MAX);
}

function toState(d: DeviceRow): SyncState {
  let lastReport: SyncReport | null;
  try {
    lastReport = d.last_report ? (JSON.parse(d.last_report) as SyncReport) : null;
  } catch {
    lastReport = null;
  }
  return {
    enabled: d.enabled === 1 && d.folder !== null,
    folder: d.folder,
    deviceId: d.device_id,
    deviceName: d.device_name,
    lastSyncAt: d.last_sync_at,
    lastReport,
  };
}

/** This machine's sync state; names the machine after its host the first time. */
export function readSyncState(db: Database): SyncState {
  const d = readDevice(db);
  if (d.device_name === '') {
    updateDevice(db, { device_name: defaultDeviceName() });
    return toState(readDevice(db));
  }
  return toState(d);
}

/** Throws a plain sentence when the folder cannot be used for sync. */
function checkFolder(folder: string): void {
  if (!path.isAbsolute(folder))
    throw new Error(`The sync folder must be a full path, such as /home/you/Sync; “${folder}” is not.`);
  let isDir: boolean;
  try {
    isDir = statSync(folder).isDirectory();
  } catch {
    throw new Error(
      `The sync folder ${folder} cannot be found. If it is on a drive or network share, connect it and sync again; otherwise choose the folder again in Settings → Sync.`,
    );
  }
  if (!isDir) throw new Error(`${folder} is a file, not a folder. Choose a folder for sync.`);
  try {
    accessSync(folder, constants.R_OK | constants.W_OK);
  } catch {
    throw new Error(
      `This machine may not read and write in the sync folder ${folder}. Choose a folder you can write to.`,
    );
  }
}

/**
 * Turns sync on with a folder and this machine's name, or off (null). Turning it off stops noting
 * changes and leaves the logbook and the folder as they are; turning it on again notes everything
 * that changed meanwhile at the next sync.
 */
export function configureSync(db: Database, config: SyncConfig | null): SyncState {
  const before = readSyncState(db);
  if (config === null) {
    db.transaction(() => updateDevice(db, { enabled: 0 }))();
    return readSyncState(db);
  }
  const name = config.deviceName.trim();
  if (name === '')
    throw new Error('Give this machine a name, such as Laptop, so the other machines can say where changes came from.');
  if (name.length > DEVICE_NAME_MAX) throw new Error(`A machine's name can be at most ${DEVICE_NAME_MAX} characters.`);
  const folder = config.folder.trim();
  checkFolder(folder);
  db.transaction(() => {
    const d = readDevice(db);
    const changes: Partial<DeviceRow> = { device_name: name, enabled: 1, folder };
    if (d.folder !== folder) {
      // A folder this machine has not written to: a new stream of its own, everything in a snapshot,
      // and every other machine's files read from the start.
      Object.assign(changes, {
        stream: newStreamId(),
        out_segment: 0,
        out_lines: 0,
        out_since_snapshot: 0,
        needs_snapshot: 1,
      });
      clearCursors(db);
    }
    updateDevice(db, changes);
    // While sync was off nothing was noted: compare the whole logbook with the registers now.
    if (!before.enabled) logWholeLogbook(db, Date.now());
  })();
  return readSyncState(db);
}

/** Whether something changed here that the folder does not have yet. */
export function hasPendingChanges(db: Database): boolean {
  const d = readDevice(db);
  return d.enabled === 1 && d.folder !== null && (d.needs_snapshot === 1 || hasLoggedChanges(db));
}

// ---------------------------------------------------------------- folding local changes into registers

function clockOf(d: DeviceRow): Hlc {
  return (d.clock && parseHlc(d.clock)) || zeroHlc(d.device_id);
}

/**
 * The rows changed here since the last sync, as change lines with a new clock each, folded into
 * the registers. A row changed several times gives one line, with only the fields that differ from
 * what the registers hold. `offset` is this machine's clock minus SQLite's (0 outside tests).
 */
function foldLocalChanges(db: Database, d: DeviceRow, now: number, offset: number): ChangeLine[] {
  const log = readLog(db);
  if (log.length === 0) return [];
  const last = new Map<string, (typeof log)[number]>();
  for (const row of log) last.set(`${row.tbl}\u0000${row.key}`, row);
  let clock = clockOf(d);
  const lines: ChangeLine[] = [];
  for (const row of last.values()) {
    const table = row.tbl;
    const state: RowState = readRowState(db, table, row.key) ?? {};
    const fresh = Object.keys(state).length === 0;
    const fields = fieldsOf(table, row.row === null ? null : (JSON.parse(row.row) as Record<string, Value>));
    for (const f of droppedFields(table, state, fields)) fields[f] = null;
    const changed = Object.entries(fields).filter(([f, value]) => !sameValue(state[f]?.[0], value));
    if (changed.length === 0) continue;
    // An edit also says the row exists, with the edit's clock: an edit made after a delete on another
    // machine brings the row back (docs/sync.md, "a delete against an edit").
    if (fields[EXISTS] === 1 && !changed.some(([f]) => f === EXISTS)) changed.push([EXISTS, 1]);
    let hlc: string;
    if (row.scan === 1 && fresh) {
      // A row from before sync was on, seen for the first time: its own time orders it against the
      // same row on another machine (the later edit wins), not the moment sync was turned on.
      const seeded: Hlc = { ms: row.wall, counter: 0, device: d.device_id };
      hlc = formatHlc(seeded);
      clock = receive(clock, seeded, d.device_id);
    } else {
      clock = tick(clock, row.wall + offset, d.device_id);
      hlc = formatHlc(clock);
    }
    const next: RowState = { ...state };
    const out: Record<string, Value> = {};
    let lost = false;
    for (const [field, value] of changed) {
      if (wins(table, field, [value, hlc], state[field])) {
        next[field] = [value, hlc];
        out[field] = value;
      } else lost = true;
    }
    writeRowState(db, table, row.key, next);
    // Only a default setting written here after an earlier default came in can lose: the row goes
    // back to what the registers say.
    if (lost) writeMergedRow(db, table, row.key, next, now);
    if (Object.keys(out).length > 0) lines.push({ t: table, k: row.key, h: hlc, f: out });
  }
  deleteLogAfter(db, 0);
  updateDevice(db, { clock: formatHlc(clock) });
  return lines;
}

// ---------------------------------------------------------------- merging other machines' changes

interface Merged {
  problems: string[];
  received: SyncReport['received'];
}

/** A row the merge touched: its registers as they stand, and where its winning changes came from. */
interface Touched {
  table: SyncedTable;
  key: string;
  registers: StoredRegisters;
  /** No register held before this sync, and no line taken yet. */
  empty: boolean;
  existed: boolean;
  from: string;
  changed: boolean;
}

/** A touched row's registers a clock per field, for a line to be weighed against field by field. */
function perField(t: Touched): RowState {
  t.empty = false;
  if (Array.isArray(t.registers)) t.registers = registersOf(t.registers);
  return t.registers;
}

function mergeRemote(db: Database, reads: DeviceRead[], d: DeviceRow, now: number): Merged {
  // By table, then key: a key of both joined would be a new string for every line.
  const touched = new Map<SyncedTable, Map<string, Touched>>();
  const perDevice = new Map<string, { changes: number; entries: number }>();
  // Clocks sort as their strings do: the newest one seen moves this machine's clock, once.
  let newest = '';
  // Many lines: every register of their tables in one read, instead of one read per line.
  const lines = reads.reduce((n, r) => n + r.states.length + r.changes.length, 0);
  const preloaded = lines > 1000 ? readAllRowStates(db) : null;
  const load = (table: SyncedTable, key: string, from: string) => {
    let rows = touched.get(table);
    if (!rows) touched.set(table, (rows = new Map()));
    let t = rows.get(key);
    if (!t) {
      const state = preloaded ? preloaded.get(table)?.get(key) : readRowState(db, table, key);
      const registers = state ?? {};
      const existed = registers[EXISTS]?.[0] === 1;
      rows.set(key, (t = { table, key, registers, empty: !state, existed, from, changed: false }));
    }
    return t;
  };
  for (const read of reads) {
    const counts = { changes: 0, entries: 0 };
    perDevice.set(read.deviceId, counts);
    const took = (t: Touched) => {
      counts.changes++;
      if (!t.changed) t.from = read.deviceId;
      t.changed = true;
    };
    // Snapshot rows written as one change are taken with the changes, before them.
    for (const line of read.states) {
      if ('h' in line) continue;
      const t = load(line.t, line.k, read.deviceId);
      const state = perField(t);
      let won = false;
      for (const field in line.s) {
        const register = line.s[field]!;
        if (wins(line.t, field, register, state[field])) {
          state[field] = register;
          won = true;
        }
        if (register[1] > newest) newest = register[1];
      }
      if (won) took(t);
    }
    const takeChange = (line: ChangeLine) => {
      const t = load(line.t, line.k, read.deviceId);
      let won = false;
      if (t.empty) {
        // A row held nowhere yet (nearly every row of a large sync): each of the line's fields
        // wins, so its clock and values are the registers as they stand, and nothing is copied.
        won = Object.keys(line.f).length > 0;
        if (won) {
          t.registers = [line.h, line.f];
          t.empty = false;
        }
      } else {
        const state = perField(t);
        // for…in, not Object.entries: ten thousand lines make no arrays of pairs to collect.
        for (const field in line.f) {
          const register: Register = [line.f[field]!, line.h];
          if (wins(line.t, field, register, state[field])) {
            state[field] = register;
            won = true;
          }
        }
      }
      if (line.h > newest) newest = line.h;
      if (won) took(t);
    };
    for (const line of read.states) if ('h' in line) takeChange(line);
    for (const line of read.changes) takeChange(line);
  }
  const problems: string[] = [];
  const names = new Map(reads.map((r) => [r.deviceId, r.deviceName]));
  // The rows written below are not this machine's changes: the triggers stay quiet meanwhile (the
  // flag is back on before this transaction commits, so no change of the learner's is ever missed).
  updateDevice(db, { enabled: 0 });
  // In key order: registers and the entries' uid index are B-trees keyed by random ids, and
  // writing them in order fills pages one after another instead of splitting pages all over.
  const changed: Touched[] = [];
  for (const table of [...touched.keys()].sort()) {
    const rows = [...touched.get(table)!.values()].filter((t) => t.changed);
    for (const t of rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) changed.push(t);
  }
  for (const t of changed) writeRowState(db, t.table, t.key, t.registers);
  for (const t of changed) {
    try {
      // One statement: when SQLite refuses the row (an item this curriculum does not have), only
      // that statement is undone and the rest still comes in.
      writeMergedRow(db, t.table, t.key, t.registers, now);
    } catch (error) {
      problems.push(
        `A change from “${names.get(t.from) ?? 'another machine'}” could not be shown on this machine (${(error as Error).message}); it is kept and will show once this app can take it, for example after an update.`,
      );
      continue;
    }
    if (t.table === 'time_entries' && !t.existed && storedValue(t.registers, EXISTS) === 1)
      perDevice.get(t.from)!.entries++;
  }
  updateDevice(db, { enabled: 1 });
  const remote = newest ? parseHlc(newest) : null;
  const clock = remote ? receive(clockOf(d), remote, d.device_id) : clockOf(d);
  updateDevice(db, { clock: formatHlc(clock) });
  const received = reads
    .map((r) => ({ deviceId: r.deviceId, deviceName: r.deviceName, ...perDevice.get(r.deviceId)! }))
    .filter((r) => r.changes > 0);
  return { problems, received };
}

// ---------------------------------------------------------------- one sync

/**
 * Writes this machine's changes to its files in the folder, reads the other machines' files,
 * applies what is new in one transaction and records the report. Throws an Error with a plain
 * sentence when sync is off or the folder cannot be used.
 */
export function syncOnce(db: Database, now: () => number = Date.now): SyncReport {
  const start = readDevice(db);
  if (start.enabled !== 1 || start.folder === null)
    throw new Error('Sync is off on this machine: choose a sync folder in Settings → Sync first.');
  const folder = start.folder;
  checkFolder(folder);
  const problems: string[] = [];
  const offset = now() - Date.now();

  // 1. Ours: fold the changes into the registers and append them to our log, in one transaction
  // whose files are written before it commits (a failed write leaves the changes to note again).
  const wrote = db
    .transaction(() => {
      let d = readDevice(db);
      let dir = path.join(folder, deviceDirName(d.device_id));
      const own = checkOwnSegment(dir, d.out_segment, d.out_lines, d.stream);
      if (own === 'other-writer') {
        // Another machine writes under this machine's id: this logbook is a copy of its file. This
        // machine takes an id of its own; the other keeps the files.
        problems.push(
          'Another machine writes to the sync folder under the same name as this one (its logbook was copied from this one, or this one from it). This machine now writes its own files under a new id; nothing was lost.',
        );
        updateDevice(db, { device_id: randomBytes(8).toString('hex') });
      }
      if (own !== 'intact') {
        if (own === 'changed' || own === 'missing')
          problems.push(
            "This machine's own files in the sync folder were changed or removed by something else; they were written anew from this logbook.",
          );
        d = readDevice(db);
        dir = path.join(folder, deviceDirName(d.device_id));
        if (own !== 'other-writer') clearOwnFiles(dir);
        updateDevice(db, {
          stream: newStreamId(),
          out_segment: 0,
          out_lines: 0,
          out_since_snapshot: 0,
          needs_snapshot: 1,
        });
      }
      d = readDevice(db);
      if (d.stream === '') {
        updateDevice(db, { stream: newStreamId() });
        d = readDevice(db);
      }
      const lines = foldLocalChanges(db, d, now(), offset);
      d = readDevice(db);
      const files: OwnFiles = { dir, header: { device: d.device_id, name: d.device_name, stream: d.stream } };
      let { out_segment: segment, out_lines: count } = d;
      if (lines.length > 0) {
        if (segment === 0 || count >= SEGMENT_LINES) {
          writeSegment(files, segment + 1, segment === 0 ? 0 : count, 0, lines);
          segment++;
          count = lines.length;
        } else {
          writeSegment(files, segment, 0, count, lines);
          count += lines.length;
        }
      }
      const since = d.out_since_snapshot + lines.length;
      // A snapshot when the folder is new to us, or once the log since the last one outgrows the state
      // itself: a machine joining later reads one file instead of the whole history.
      const snapshot = d.needs_snapshot === 1 || since > Math.max(2000, countRowStates(db));
      if (snapshot) writeSnapshot(files, segment, count, iterateRowStates(db));
      updateDevice(db, {
        out_segment: segment,
        out_lines: count,
        out_since_snapshot: snapshot ? 0 : since,
        needs_snapshot: 0,
      });
      return lines.length;
    })
    .immediate();

  // 2. Theirs: read every other machine's new lines (no transaction needed: files only), then apply
  // them all in one transaction with the places read to.
  const d = readDevice(db);
  const cursors = readCursors(db);
  const reads = otherDevices(folder, d.device_id).map((id) => {
    const c = cursors.get(id);
    return readDeviceFiles(
      folder,
      id,
      c ? { stream: c.stream, segment: c.segment, lines: c.lines } : null,
      c?.device_name ?? '',
    );
  });
  for (const r of reads) problems.push(...r.problems);
  const report = db
    .transaction(() => {
      const merged = mergeRemote(db, reads, readDevice(db), now());
      for (const r of reads)
        if (r.cursor)
          writeCursor(db, {
            device_id: r.deviceId,
            device_name: r.deviceName,
            stream: r.cursor.stream,
            segment: r.cursor.segment,
            lines: r.cursor.lines,
          });
      const result: SyncReport = {
        at: now(),
        wrote,
        received: merged.received,
        problems: [...problems, ...merged.problems],
      };
      updateDevice(db, { last_sync_at: result.at, last_report: JSON.stringify(result) });
      return result;
    })
    .immediate();
  return report;
}
