// The files one machine writes into the sync folder, and reading another machine's files as
// untrusted input. Layout (docs/sync.md):
//
//   <folder>/device-<id>/seg-000001.jsonl   append-only change log segments, JSON lines
//   <folder>/device-<id>/snap-000004.jsonl  a snapshot of every register, covering the log up to a point
//
// Only the machine with that id writes in its folder, every write is a whole new file renamed over
// the old one (electron/files/write-atomic.ts), so a sync tool never sees two writers of one file and
// never makes a conflict copy. A reader remembers, per machine, which segment and how many of its
// lines it has applied. Every file starts with a header line (format, version, device, stream);
// a snapshot ends with a line that counts its rows, so a half-delivered one is never taken.
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomicSync } from '../files/write-atomic';
import {
  checkChangeLine,
  checkStateLine,
  type RowState,
  type StoredRegisters,
  type SyncedTable,
  type Value,
} from './model';

const FORMAT = 'mlops-study-companion-sync';
const FORMAT_VERSION = 1;
/** A segment takes new lines until it holds this many, then the next one starts. */
export const SEGMENT_LINES = 1000;
const MAX_LINE = 256 * 1024;

export const deviceDirName = (deviceId: string) => `device-${deviceId}`;
const segmentName = (n: number) => `seg-${String(n).padStart(6, '0')}.jsonl`;
const snapshotName = (n: number) => `snap-${String(n).padStart(6, '0')}.jsonl`;
const SEGMENT_FILE = /^seg-(\d{6})\.jsonl$/;
const SNAPSHOT_FILE = /^snap-(\d{6})\.jsonl$/;
const DEVICE_DIR = /^device-([0-9a-f]{16})$/;

/** One row's change as a segment line: the fields that changed, all stamped with one clock. */
export interface ChangeLine {
  t: SyncedTable;
  k: string;
  h: string;
  f: Record<string, Value>;
}
/** One row's registers as a snapshot line. */
export interface StateLine {
  t: SyncedTable;
  k: string;
  s: RowState;
}

const versionOnly = z.object({ format: z.literal(FORMAT), version: z.number().int().min(1) });
const headerSchema = z.strictObject({
  format: z.literal(FORMAT),
  version: z.literal(FORMAT_VERSION),
  kind: z.enum(['segment', 'snapshot']),
  device: z.string().regex(/^[0-9a-f]{16}$/),
  name: z.string().max(80),
  stream: z.string().regex(/^[0-9a-f]{16}$/),
  /** A segment: its number. A snapshot: the segment it covers up to. */
  segment: z.number().int().min(0),
  /** A segment: how many lines the segment before it holds. A snapshot: how many lines of `segment` it covers. */
  lines: z.number().int().min(0),
});
export type Header = z.infer<typeof headerSchema>;

const trailerSchema = z.strictObject({ end: z.number().int().min(0) });

// ---------------------------------------------------------------- writing this machine's files

const lineOf = (value: unknown) => `${JSON.stringify(value)}\n`;

export interface OwnFiles {
  dir: string;
  header: Omit<Header, 'kind' | 'segment' | 'lines' | 'format' | 'version'>;
}

/**
 * Whether this machine's current segment in the folder is exactly what it wrote: its header (this
 * stream) and `lines` change lines. Anything else means the file was changed by someone else (or
 * a crash came between writing it and recording that): this machine then starts a new stream.
 */
export function checkOwnSegment(
  dir: string,
  segment: number,
  lines: number,
  stream: string,
): 'intact' | 'missing' | 'changed' | 'other-writer' {
  if (segment === 0) return 'intact';
  let text: string;
  try {
    text = readFileSync(path.join(dir, segmentName(segment)), 'utf8');
  } catch {
    return 'missing';
  }
  const all = text.split('\n');
  const header = parseHeader(all[0] ?? '');
  if (!header.ok) return 'changed';
  if (header.header.stream !== stream) return 'other-writer';
  return text.endsWith('\n') && all.length - 2 === lines ? 'intact' : 'changed';
}

/** Appends change lines to segment `segment` (a new one when `lines` is 0), as one atomic rewrite. */
export function writeSegment(
  own: OwnFiles,
  segment: number,
  previousLines: number,
  existingLines: number,
  changes: ChangeLine[],
): void {
  mkdirSync(own.dir, { recursive: true });
  const file = path.join(own.dir, segmentName(segment));
  const before =
    existingLines > 0
      ? readFileSync(file, 'utf8')
      : lineOf({
          format: FORMAT,
          version: FORMAT_VERSION,
          kind: 'segment',
          ...own.header,
          segment,
          lines: previousLines,
        });
  writeFileAtomicSync(file, before + changes.map(lineOf).join(''));
}

/**
 * Writes a snapshot of every register covering the log up to (segment, lines), then removes this
 * machine's older segments and snapshots: a reader whose place was in one of them reads this
 * snapshot instead, which holds everything they held.
 */
export function writeSnapshot(
  own: OwnFiles,
  segment: number,
  lines: number,
  rows: Iterable<{ tbl: SyncedTable; key: string; registers: StoredRegisters }>,
): number {
  mkdirSync(own.dir, { recursive: true });
  const parts = [lineOf({ format: FORMAT, version: FORMAT_VERSION, kind: 'snapshot', ...own.header, segment, lines })];
  let count = 0;
  for (const row of rows) {
    parts.push(`${JSON.stringify(snapshotLine(row.tbl, row.key, row.registers))}\n`);
    count++;
  }
  parts.push(lineOf({ end: count }));
  const name = snapshotName(segment);
  writeFileAtomicSync(path.join(own.dir, name), parts.join(''));
  for (const file of readdirSync(own.dir)) {
    const seg = SEGMENT_FILE.exec(file);
    if ((seg && Number(seg[1]) < segment) || (SNAPSHOT_FILE.test(file) && file !== name))
      rmSync(path.join(own.dir, file), { force: true });
  }
  return count;
}

/**
 * A row's registers as a snapshot line: a row whose registers all hold one clock (most rows, stored
 * so in the registers) as a change line, one clock and half the bytes; the rest field by field.
 */
function snapshotLine(t: SyncedTable, k: string, registers: StoredRegisters): ChangeLine | StateLine {
  if (Array.isArray(registers)) return { t, k, h: registers[0], f: registers[1] };
  const all = Object.values(registers);
  const h = all[0]?.[1];
  if (h !== undefined && all.every((r) => r[1] === h))
    return { t, k, h, f: Object.fromEntries(Object.entries(registers).map(([f, [v]]) => [f, v])) };
  return { t, k, s: registers };
}

/** Removes every file this machine wrote (a new stream starts from nothing). */
export function clearOwnFiles(dir: string): void {
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch {
    return;
  }
  for (const file of files)
    if (SEGMENT_FILE.test(file) || SNAPSHOT_FILE.test(file)) rmSync(path.join(dir, file), { force: true });
}

// ---------------------------------------------------------------- reading the other machines' files

function parseHeader(line: string): { ok: true; header: Header } | { ok: false; newer?: number; why: string } {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { ok: false, why: 'it does not start with a header this app writes' };
  }
  const v = versionOnly.safeParse(json);
  if (!v.success) return { ok: false, why: 'it is not a sync file of MLOps Study Companion' };
  if (v.data.version > FORMAT_VERSION) return { ok: false, newer: v.data.version, why: 'newer' };
  const h = headerSchema.safeParse(json);
  return h.success ? { ok: true, header: h.data } : { ok: false, why: 'its header is not valid' };
}

/** Where a reader stands in one machine's log. */
export interface Cursor {
  stream: string;
  segment: number;
  lines: number;
}

export interface DeviceRead {
  deviceId: string;
  deviceName: string;
  /** Snapshot rows, when the reader was behind the machine's latest snapshot. */
  states: (StateLine | ChangeLine)[];
  changes: ChangeLine[];
  cursor: Cursor | null;
  problems: string[];
}

/** A file's complete lines: the header, how many there are, and those after the skipped ones. */
interface FileLines {
  /** The first line; undefined while it is still arriving. */
  header: string | undefined;
  /** Complete lines, the header included. */
  count: number;
  /** The complete lines after the header and the `skip` lines after it. */
  rest: string[];
  /** Whether a part after the last newline is still arriving. */
  torn: boolean;
}

const CHUNK_BYTES = 64 * 1024;
/** One buffer for every read: a large file is not held (or decoded) whole. */
const chunk = Buffer.allocUnsafe(CHUNK_BYTES);

/**
 * Reads a file's lines in chunks, decoding only the header and the lines after `skip`: a reader
 * goes back to the segment it stopped in (or the one the snapshot it just took covers) and only
 * counts the lines it already has. Reading a 2 MB segment whole took a fresh buffer and a fresh
 * string of that size on every sync, and touching that much new memory costs more than the read.
 * A newline byte never occurs inside a UTF-8 sequence, so each line decodes as it would in the whole text.
 */
function readLines(file: string, skip: number): FileLines {
  const fd = openSync(file, 'r');
  try {
    let buffer = chunk;
    let header: string | undefined;
    let count = 0;
    const rest: string[] = [];
    // Bytes at the start of `buffer` that begin a line not yet complete.
    let carried = 0;
    for (;;) {
      if (carried === buffer.length) {
        // One line longer than the buffer: a bigger one for this file only.
        const bigger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(bigger, 0, 0, carried);
        buffer = bigger;
      }
      const read = readSync(fd, buffer, carried, buffer.length - carried, null);
      if (read === 0) break;
      const filled = buffer.subarray(0, carried + read);
      let from = 0;
      for (let newline = filled.indexOf(10, carried); newline !== -1; newline = filled.indexOf(10, from)) {
        if (count === 0) header = filled.toString('utf8', 0, newline);
        else if (count > skip) rest.push(filled.toString('utf8', from, newline));
        count++;
        from = newline + 1;
      }
      buffer.copyWithin(0, from, filled.length);
      carried = filled.length - from;
    }
    return { header, count, rest, torn: carried > 0 };
  } finally {
    closeSync(fd);
  }
}

function checkLine(
  kind: 'change' | 'state',
  line: string,
  device: string,
): { ok: true; value: ChangeLine | StateLine } | { ok: false; why: string } {
  if (line.length > MAX_LINE) return { ok: false, why: 'a line far longer than any change' };
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { ok: false, why: 'a line that is not complete JSON' };
  }
  if (kind === 'change' || (json !== null && typeof json === 'object' && 'h' in json)) {
    const why = checkChangeLine(json);
    if (why) return { ok: false, why };
    // A machine's log holds only its own changes (a snapshot, everything it knows).
    if (kind === 'change' && !(json as ChangeLine).h.endsWith(`:${device}`))
      return { ok: false, why: "a change stamped with another machine's clock" };
    return { ok: true, value: json as ChangeLine };
  }
  const why = checkStateLine(json);
  return why ? { ok: false, why } : { ok: true, value: json as StateLine };
}

const quoted = (name: string) => `“${name}”`;

/** The machines with a folder in the sync folder, other than `self`. */
export function otherDevices(folder: string, self: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => DEVICE_DIR.exec(e.name)?.[1])
    .filter((id): id is string => id !== undefined && id !== self)
    .sort();
}

/**
 * What is new in one machine's files since `cursor`. Reads, checks and returns; applies nothing.
 * A file with any line that fails its check gives nothing (and the reader stays before it), so a
 * damaged or hand-edited file never half-applies; a line still arriving is left for the next sync.
 */
export function readDeviceFiles(
  folder: string,
  deviceId: string,
  cursor: Cursor | null,
  knownName: string,
): DeviceRead {
  const dir = path.join(folder, deviceDirName(deviceId));
  const out: DeviceRead = { deviceId, deviceName: knownName, states: [], changes: [], cursor, problems: [] };
  const label = () => (out.deviceName ? quoted(out.deviceName) : 'another machine');
  const where = (file: string) => `${deviceDirName(deviceId)}/${file}`;
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch (error) {
    out.problems.push(
      `The sync files of ${label()} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); they will be tried again at the next sync.`,
    );
    return out;
  }
  const segments = new Set<number>();
  const snapshots: number[] = [];
  for (const file of files) {
    const seg = SEGMENT_FILE.exec(file);
    const snap = SNAPSHOT_FILE.exec(file);
    if (seg) segments.add(Number(seg[1]));
    else if (snap) snapshots.push(Number(snap[1]));
    else if (!file.startsWith('.'))
      out.problems.push(
        `The file ${where(file)} in the sync folder is not one this app writes; it was left alone and not read.`,
      );
  }

  const refuseNewer = (file: string, version: number) => {
    out.problems.push(
      `The sync files of ${label()} were written by a newer version of MLOps Study Companion (sync format ${version}; this app reads format ${FORMAT_VERSION}). Nothing from ${label()} was applied: update the app on this machine to take its changes.`,
    );
    out.states = [];
    out.changes = [];
    out.cursor = cursor;
    return out;
  };

  // The newest complete snapshot, for a reader that has not read this far.
  let snapshot: { header: Header; rows: (StateLine | ChangeLine)[] } | null = null;
  for (const n of snapshots.sort((a, b) => b - a)) {
    const file = snapshotName(n);
    let read: FileLines;
    try {
      read = readLines(path.join(dir, file), 0);
    } catch {
      continue;
    }
    if (read.header === undefined) continue; // its first line is still arriving
    const head = parseHeader(read.header);
    if (!head.ok) {
      if (head.newer) return refuseNewer(file, head.newer);
      out.problems.push(
        `The file ${where(file)} in the sync folder is not a snapshot this app can read (${head.why}); it was skipped.`,
      );
      continue;
    }
    if (head.header.device !== deviceId || head.header.kind !== 'snapshot') {
      out.problems.push(
        `The file ${where(file)} in the sync folder belongs to another machine's files; it was skipped.`,
      );
      continue;
    }
    const { rest } = read;
    const trailer = trailerSchema.safeParse(safeJson(rest.length > 0 ? rest[rest.length - 1] : read.header));
    if (!trailer.success || trailer.data.end !== read.count - 2) continue; // still arriving
    const rows: (StateLine | ChangeLine)[] = [];
    let bad: string | null = null;
    for (let i = 0; i < rest.length - 1; i++) {
      const c = checkLine('state', rest[i]!, deviceId);
      if (!c.ok) {
        bad = `line ${i + 2}: ${c.why}`;
        break;
      }
      rows.push(c.value);
    }
    if (bad) {
      out.problems.push(`The file ${where(file)} in the sync folder has ${bad}. Nothing from that file was applied.`);
      continue;
    }
    snapshot = { header: head.header, rows };
    break;
  }

  let pos = cursor;
  const h = snapshot?.header;
  if (
    snapshot &&
    h &&
    (!pos || pos.stream !== h.stream || pos.segment < h.segment || (pos.segment === h.segment && pos.lines < h.lines))
  ) {
    out.states = snapshot.rows;
    out.deviceName = h.name;
    pos = { stream: h.stream, segment: h.segment, lines: h.lines };
  }

  // Then the segments from where the reader stands.
  let seg = pos ? Math.max(pos.segment, 1) : 1;
  let consumed = pos && pos.segment >= 1 ? pos.lines : 0;
  let previous = pos && pos.segment === 0 ? pos.lines : consumed;
  let first = true;
  const pending: ChangeLine[] = [];
  while (segments.has(seg)) {
    const file = segmentName(seg);
    const moving = !first || !pos || pos.segment === 0;
    const start = moving ? 0 : consumed;
    let read: FileLines;
    try {
      read = readLines(path.join(dir, file), start);
    } catch {
      break;
    }
    const { header: headLine, count, rest, torn } = read;
    if (headLine === undefined) break; // the header itself is still arriving
    const head = parseHeader(headLine);
    if (!head.ok) {
      if (head.newer) return refuseNewer(file, head.newer);
      out.problems.push(
        `The file ${where(file)} in the sync folder is not a change log this app can read (${head.why}). Nothing from it was applied.`,
      );
      break;
    }
    const header = head.header;
    if (header.device !== deviceId || header.kind !== 'segment' || header.segment !== seg) {
      out.problems.push(
        `The file ${where(file)} in the sync folder belongs to another machine's files. Nothing from it was applied.`,
      );
      break;
    }
    if (pos && header.stream !== pos.stream) break; // a new start of that machine's log: its snapshot is still arriving
    if (!pos && seg !== 1) break;
    // The segment before this one must be read to its end before this one counts.
    if (moving && header.lines !== previous) break;
    const fresh: ChangeLine[] = [];
    let bad: string | null = null;
    for (let i = 0; i < rest.length; i++) {
      const c = checkLine('change', rest[i]!, deviceId);
      if (!c.ok) {
        bad = `line ${i + start + 2}: ${c.why}`;
        break;
      }
      fresh.push(c.value as ChangeLine);
    }
    if (bad) {
      out.problems.push(
        `The file ${where(file)} from ${quoted(header.name)} in the sync folder has ${bad}. Nothing from that file was applied; the rest of its changes will be read once it is whole again.`,
      );
      break;
    }
    out.deviceName = header.name;
    pending.push(...fresh);
    pos = { stream: header.stream, segment: seg, lines: count - 1 };
    if (torn)
      out.problems.push(
        `The latest changes from ${quoted(header.name)} are still arriving in the sync folder (${where(file)} ends part-way through a line); they will be read at the next sync.`,
      );
    previous = count - 1;
    consumed = previous;
    first = false;
    seg++;
    if (torn) break;
  }
  out.changes = pending;
  out.cursor = pos;
  return out;
}

function safeJson(line: string | undefined): unknown {
  try {
    return JSON.parse(line ?? '');
  } catch {
    return null;
  }
}
