// syncApply: a machine taking 10,000 changes from another through the sync folder (reading,
// checking every line with zod, merging, writing the rows: the whole syncOnce), against inserting
// the same rows directly in one transaction; and the size of the sync folder after a year at the
// demo learner's pace (electron/demo/).
import { copyFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Curriculum } from '../shared/curriculum';
import { fillDemoLearner } from '../electron/demo/demo-learner';
import { openDatabase, type Db } from '../electron/db/open';
import type { HandlerContext } from '../electron/handlers';
import { checkpoint, plainEntryInsert } from '../electron/store/baselines';
import { lastLogSeq } from '../electron/store/sync';
import { configureSync, syncOnce } from '../electron/sync/engine';
import { figure, median, time, type Section } from './lib';
import { BENCH_NOW } from './seed';

const SYNC_CHANGES = 10_000;
const RUNS = 7;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

function rowsFor(curriculum: Curriculum, n: number) {
  const ids = curriculum.items.map((i) => i.id);
  const base = Date.UTC(2021, 0, 1);
  return Array.from({ length: n }, (_, i) => ({
    itemId: ids[i % ids.length]!,
    startedAt: base + i * 60 * MINUTE_MS,
    endedAt: base + i * 60 * MINUTE_MS + 45 * MINUTE_MS,
    note: i % 4 ? '' : `session ${i}`,
    source: 'manual' as const,
  }));
}

export function benchSyncApply(work: string, curriculum: Curriculum): Section {
  const folder = path.join(work, 'sync-folder');
  mkdirSync(folder, { recursive: true });
  const rows = rowsFor(curriculum, SYNC_CHANGES);

  // The sending machine: 10,000 entries noted by the triggers and written to its files.
  const sender = openDatabase(path.join(work, 'sync-sender.db'), curriculum);
  configureSync(sender, { folder, deviceName: 'Laptop' });
  const insertOnSender = plainEntryInsert(sender);
  sender.transaction(() => rows.forEach((r) => insertOnSender(r, BENCH_NOW)))();
  const wrote = syncOnce(sender).wrote;
  sender.close();

  // Empty receivers, copied fresh for each run: one with sync on (it applies the changes), one with
  // sync off (it takes the same rows by plain INSERTs in one transaction).
  const template = (name: string, on: boolean) => {
    const file = path.join(work, name);
    const db = openDatabase(file, curriculum);
    if (on) configureSync(db, { folder, deviceName: 'Desktop' });
    checkpoint(db);
    db.close();
    return file;
  };
  const receiverTemplate = template('sync-receiver.db', true);
  const plainTemplate = template('sync-plain.db', false);
  const fresh = (source: string, i: number): Db => {
    const file = path.join(work, `run-${i}-${path.basename(source)}`);
    copyFileSync(source, file);
    return openDatabase(file, curriculum);
  };

  const applyMs: number[] = [];
  const plainMs: number[] = [];
  let received = 0;
  for (let i = 0; i < RUNS; i++) {
    const receiver = fresh(receiverTemplate, i);
    applyMs.push(
      time(() => {
        received = syncOnce(receiver).received[0]?.changes ?? 0;
      }),
    );
    if (lastLogSeq(receiver) !== 0) throw new Error('Applying remote changes left changes of its own to send.');
    receiver.close();
    const plain = fresh(plainTemplate, i);
    const insert = plainEntryInsert(plain);
    plainMs.push(time(() => plain.transaction(() => rows.forEach((r) => insert(r, BENCH_NOW)))()));
    plain.close();
  }
  const apply = median(applyMs);
  const direct = median(plainMs);
  return {
    changes: figure(
      received,
      'count',
      null,
      `changes applied per run (${wrote.toLocaleString('en')} written by the sender)`,
    ),
    applyP50: figure(apply, 'ms', { op: '<', limit: 1000 }, `syncOnce on the receiving machine, median of ${RUNS}`),
    directInsertP50: figure(direct, 'ms', null, 'the same rows by one prepared INSERT each, one transaction, sync off'),
    ratio: figure(apply / direct, 'ratio', { op: '<=', limit: 3 }, 'applyP50 over directInsertP50'),
  };
}

/**
 * The demo learner's four months (electron/demo/), logged with sync on, scaled to a year. Every row
 * change is one line when the app syncs after each change; the folder holds this machine's log and
 * a snapshot, and no compaction happens in the first year (a snapshot is rewritten once the log
 * outgrows max(2,000 lines, the rows held)), so a year's folder is a year's lines plus a snapshot.
 */
export function benchSyncYear(work: string, curriculum: Curriculum): Section {
  const folder = path.join(work, 'sync-year');
  mkdirSync(folder, { recursive: true });
  const db = openDatabase(path.join(work, 'sync-year.db'), curriculum);
  const ctx: HandlerContext = { db, curriculum, now: () => BENCH_NOW };
  configureSync(db, { folder, deviceName: 'Laptop' });
  const before = lastLogSeq(db);
  const summary = fillDemoLearner(ctx, { seed: 42, today: BENCH_NOW });
  const changes = lastLogSeq(db) - before;
  const { wrote } = syncOnce(db);
  db.close();
  const days = Math.round((BENCH_NOW - Date.parse(`${summary.planStartDate}T12:00:00Z`)) / DAY_MS);
  const bytes = (prefix: string) => filesBytes(folder, prefix);
  const logBytes = bytes('seg-');
  const snapshotBytes = bytes('snap-');
  const perLine = logBytes / Math.max(1, wrote);
  const perYear = 365 / days;
  const yearBytes = changes * perYear * perLine + snapshotBytes * perYear;
  return {
    demoDays: figure(days, 'count', null, `the demo learner: ${summary.entries} entries, ${summary.totalHours} h`),
    demoChanges: figure(
      changes,
      'count',
      null,
      'row changes the demo made: one log line each when synced after every change',
    ),
    lineBytes: figure(Math.round(perLine), 'count', null, 'bytes per log line, on average'),
    demoSnapshot: figure(snapshotBytes / 1000, 'KB', null, 'a snapshot of the demo logbook'),
    yearFolder: figure(
      yearBytes / 1000,
      'KB',
      null,
      'the folder after a year at that pace: a year of lines and a snapshot of a year’s logbook',
    ),
  };
}

function filesBytes(dir: string, prefix: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += filesBytes(full, prefix);
    else if (entry.name.startsWith(prefix)) total += statSync(full).size;
  }
  return total;
}
