// Sync through a folder (electron/sync/engine.ts): two real logbooks driven through the real
// handlers, one shared temporary folder.
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configureSync, hasPendingChanges, readSyncState, syncOnce } from '../../electron/sync/engine';
import { createTestApp, T0, type TestApp } from '../support/context';
import { learnerView } from '../support/sync-view';

const MINUTE = 60_000;
let folder: string;
let a: TestApp;
let b: TestApp;

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'companion-sync-'));
  // Entries below end by T0 + 2 h; the machines' clocks are a day later.
  a = createTestApp(T0 + 24 * 60 * MINUTE);
  b = createTestApp(T0 + 24 * 60 * MINUTE);
  configureSync(a.db, { folder, deviceName: 'Laptop' });
  configureSync(b.db, { folder, deviceName: 'Desktop' });
});

afterEach(() => {
  a.close();
  b.close();
  rmSync(folder, { recursive: true, force: true });
});

const both = () => {
  syncOnce(a.db);
  syncOnce(b.db);
  syncOnce(a.db);
};

describe('sync state and configuration', () => {
  it('names the machine, keeps an id of 16 hex digits, and is off until a folder is chosen', () => {
    const c = createTestApp();
    try {
      const state = readSyncState(c.db);
      expect(state.deviceId).toMatch(/^[0-9a-f]{16}$/);
      expect(state.deviceName.length).toBeGreaterThan(0);
      expect(state).toMatchObject({ enabled: false, folder: null, lastSyncAt: null, lastReport: null });
      expect(hasPendingChanges(c.db)).toBe(false);
      expect(() => syncOnce(c.db)).toThrow(/Sync is off on this machine/);
      expect(readSyncState(c.db).deviceId).toBe(state.deviceId);
    } finally {
      c.close();
    }
  });

  it('refuses a folder that is not there, a relative path and an empty name, in plain words', () => {
    expect(() => configureSync(a.db, { folder: path.join(folder, 'nope'), deviceName: 'X' })).toThrow(
      /cannot be found/,
    );
    expect(() => configureSync(a.db, { folder: 'relative/dir', deviceName: 'X' })).toThrow(/full path/);
    expect(() => configureSync(a.db, { folder, deviceName: '  ' })).toThrow(/Give this machine a name/);
    expect(readSyncState(a.db)).toMatchObject({ enabled: true, folder, deviceName: 'Laptop' });
  });
});

describe('two machines, one folder', () => {
  it('an entry logged on one shows on the other, and an edit comes back', () => {
    a.call('time.add', { itemId: '1.1', startedAt: T0, endedAt: T0 + 30 * MINUTE, note: 'on the laptop' });
    expect(hasPendingChanges(a.db)).toBe(true);
    const first = syncOnce(a.db);
    expect(first.wrote).toBeGreaterThan(0);
    expect(first.problems).toEqual([]);
    expect(hasPendingChanges(a.db)).toBe(false);

    const got = syncOnce(b.db);
    expect(got.problems).toEqual([]);
    expect(got.received).toEqual([
      expect.objectContaining({ deviceId: readSyncState(a.db).deviceId, deviceName: 'Laptop', entries: 1 }),
    ]);
    const [entry] = b.call('time.list', { limit: 10 }).entries;
    expect(entry).toMatchObject({ itemId: '1.1', startedAt: T0, note: 'on the laptop' });
    expect(b.call('item.get', { itemId: '1.1' }).status).toBe('in_progress');
    expect(readSyncState(b.db).lastReport).toEqual(got);
    // Applying remote changes is not a change of B's own.
    expect(readSyncState(b.db).lastSyncAt).toBe(got.at);

    b.call('time.edit', { id: entry!.id, itemId: '1.1', startedAt: T0, endedAt: T0 + 45 * MINUTE, note: 'fixed' });
    syncOnce(b.db);
    syncOnce(a.db);
    expect(a.call('time.list', { limit: 10 }).entries[0]).toMatchObject({ endedAt: T0 + 45 * MINUTE, note: 'fixed' });
    expect(learnerView(a.db)).toEqual(learnerView(b.db));
  });

  it('edits of every kind made on both while apart end the same on both', () => {
    a.call('time.add', { itemId: '1.1', startedAt: T0, endedAt: T0 + 30 * MINUTE });
    a.call('item.setNotes', { itemId: '1.2', notes: 'laptop notes' });
    a.call('item.tickEntry', { itemId: '1.2', entryIndex: 0, ticked: true });
    a.call('portfolio.update', { itemId: '3.1', fields: { problemStatement: 'from the laptop' } });
    a.call('settings.update', { weeklyGoalHours: 12, backupsToKeep: 3 });
    a.call('milestones.tick', { entryId: 'phase2.4', ticked: true });
    b.call('time.add', { itemId: '2.1', startedAt: T0 + 60 * MINUTE, endedAt: T0 + 90 * MINUTE });
    b.call('portfolio.update', { itemId: '3.1', fields: { lessonsLearned: 'from the desktop' } });
    b.call('item.tickEntry', { itemId: '1.2', entryIndex: 1, ticked: true });
    b.call('settings.update', { theme: 'dark', backupsToKeep: 20 });
    both();
    expect(learnerView(a.db)).toEqual(learnerView(b.db));
    expect(a.call('time.list', { limit: 10 }).entries).toHaveLength(2);
    const portfolio = b.call('portfolio.get', { itemId: '3.1' });
    expect(portfolio.fields).toMatchObject({ problemStatement: 'from the laptop', lessonsLearned: 'from the desktop' });
    expect(b.call('item.get', { itemId: '1.2' }).tickedEntries).toEqual([0, 1]);
    // The number of backups to keep belongs to each machine.
    expect(a.call('settings.get').backupsToKeep).toBe(3);
    expect(b.call('settings.get').backupsToKeep).toBe(20);
    expect(b.call('settings.get')).toMatchObject({ weeklyGoalHours: 12, theme: 'dark' });
  });

  it('a timer running on both machines at once gives two entries on both, shown as overlapping', () => {
    a.clock.now = T0;
    b.clock.now = T0 + 5 * MINUTE;
    a.call('timer.start', { itemId: '1.1' });
    b.call('timer.start', { itemId: '1.1' });
    a.clock.now = T0 + 40 * MINUTE;
    b.clock.now = T0 + 50 * MINUTE;
    a.call('timer.stop');
    b.call('timer.stop');
    both();
    for (const app of [a, b]) {
      const entries = app.call('time.list', { limit: 10 }).entries;
      expect(entries).toHaveLength(2);
      expect(entries.every((e) => e.overlaps)).toBe(true);
    }
  });

  it('done on one machine and skipped on the other: the later one wins on both', () => {
    a.call('item.setStatus', { itemId: '1.1', status: 'done' });
    syncOnce(a.db); // A's change is older by the clock
    b.call('item.setStatus', { itemId: '1.1', status: 'skipped' });
    both();
    expect(a.call('item.get', { itemId: '1.1' }).status).toBe('skipped');
    expect(b.call('item.get', { itemId: '1.1' }).status).toBe('skipped');
  });

  it('a delete against an edit: the later one by the clock wins', () => {
    const entry = a.call('time.add', { itemId: '1.1', startedAt: T0, endedAt: T0 + 30 * MINUTE });
    both();
    const onB = b.call('time.list', { limit: 10 }).entries[0]!;
    a.call('time.delete', { id: entry.id });
    syncOnce(a.db);
    b.call('time.edit', {
      id: onB.id,
      itemId: onB.itemId,
      startedAt: onB.startedAt,
      endedAt: onB.endedAt,
      note: 'still here',
    }); // after the delete, before seeing it
    both();
    expect(a.call('time.list', { limit: 10 }).entries).toEqual([expect.objectContaining({ note: 'still here' })]);
    expect(learnerView(a.db)).toEqual(learnerView(b.db));
    // And a delete made after the edit removes it everywhere.
    const again = b.call('time.list', { limit: 10 }).entries[0]!;
    b.call('time.delete', { id: again.id });
    both();
    expect(a.call('time.list', { limit: 10 }).entries).toEqual([]);
  });

  it('turning sync off leaves both logbooks whole, and changes made meanwhile go out when it is on again', () => {
    a.call('time.add', { itemId: '1.1', startedAt: T0, endedAt: T0 + 30 * MINUTE });
    both();
    configureSync(a.db, null);
    expect(readSyncState(a.db).enabled).toBe(false);
    expect(a.call('time.list', { limit: 10 }).entries).toHaveLength(1);
    expect(b.call('time.list', { limit: 10 }).entries).toHaveLength(1);
    a.call('time.add', { itemId: '1.2', startedAt: T0 + 60 * MINUTE, endedAt: T0 + 90 * MINUTE });
    const first = a.call('time.list', { limit: 10 }).entries.find((e) => e.itemId === '1.1')!;
    a.call('time.delete', { id: first.id });
    expect(hasPendingChanges(a.db)).toBe(false);
    configureSync(a.db, { folder, deviceName: 'Laptop' });
    both();
    expect(b.call('time.list', { limit: 10 }).entries.map((e) => e.itemId)).toEqual(['1.2']);
    expect(learnerView(a.db)).toEqual(learnerView(b.db));
  });

  it('registers kept a clock per field (as before the short form) are read, merged and sent as ever', () => {
    const kept = a.call('time.add', { itemId: '1.1', startedAt: T0, endedAt: T0 + 30 * MINUTE });
    const gone = a.call('time.add', { itemId: '1.2', startedAt: T0 + 60 * MINUTE, endedAt: T0 + 90 * MINUTE });
    a.call('item.setNotes', { itemId: '1.2', notes: 'laptop notes' });
    both();
    // Rows written by one change are stored as [clock, values]; write them back a clock per field.
    const rows = a.db.prepare('SELECT tbl, key, state FROM sync_registers').all() as {
      tbl: string;
      key: string;
      state: string;
    }[];
    const short = rows.filter((r) => r.state.startsWith('['));
    expect(short.length).toBeGreaterThan(0);
    const update = a.db.prepare('UPDATE sync_registers SET state = ? WHERE tbl = ? AND key = ?');
    for (const r of short) {
      const [clock, values] = JSON.parse(r.state) as [string, Record<string, unknown>];
      const long = Object.fromEntries(Object.entries(values).map(([f, v]) => [f, [v, clock]]));
      update.run(JSON.stringify(long), r.tbl, r.key);
    }
    const { id, itemId, startedAt, endedAt } = kept;
    a.call('time.edit', { id, itemId, startedAt, endedAt, note: 'edited' });
    configureSync(a.db, null);
    a.call('time.delete', { id: gone.id });
    configureSync(a.db, { folder, deviceName: 'Laptop' });
    both();
    expect(b.call('time.list', { limit: 10 }).entries).toEqual([expect.objectContaining({ note: 'edited' })]);
    expect(learnerView(b.db)).toEqual(learnerView(a.db));
    // A machine joining later takes A's snapshot, written from both forms.
    const c = createTestApp(T0 + 24 * 60 * MINUTE);
    try {
      configureSync(c.db, { folder, deviceName: 'Third' });
      syncOnce(c.db);
      expect(learnerView(c.db)).toEqual(learnerView(a.db));
    } finally {
      c.close();
    }
  });

  it('a logbook with data from before sync joins the folder whole, and the other logbook too', () => {
    const c = createTestApp(T0 + 24 * 60 * MINUTE);
    try {
      c.call('time.add', { itemId: '4.1', startedAt: T0, endedAt: T0 + 20 * MINUTE });
      c.call('item.setStatus', { itemId: '4.1', status: 'done' });
      a.call('time.add', { itemId: '1.1', startedAt: T0, endedAt: T0 + 30 * MINUTE });
      syncOnce(a.db);
      configureSync(c.db, { folder, deviceName: 'Old desktop' });
      syncOnce(c.db);
      syncOnce(a.db);
      syncOnce(c.db);
      expect(learnerView(c.db)).toEqual(learnerView(a.db));
      expect(learnerView(c.db).entries).toHaveLength(2);
    } finally {
      c.close();
    }
  });
});

describe('the folder is untrusted', () => {
  const deviceDir = (app: TestApp) => path.join(folder, `device-${readSyncState(app.db).deviceId}`);
  const segment = (app: TestApp) => path.join(deviceDir(app), 'seg-000001.jsonl');

  it('a hand-edited line: nothing from that file is applied, in plain words, and the rest is read once it is whole', () => {
    a.call('time.add', { itemId: '1.1', startedAt: T0, endedAt: T0 + 30 * MINUTE });
    syncOnce(a.db);
    // B starts from the snapshot; remove it so B reads the segment itself.
    for (const f of readdirSync(deviceDir(a))) if (f.startsWith('snap-')) rmSync(path.join(deviceDir(a), f));
    const good = readFileSync(segment(a), 'utf8');
    writeFileSync(segment(a), good.replace('"span":[', '"span":["soon",'));
    const before = learnerView(b.db);
    const report = syncOnce(b.db);
    expect(report.problems).toEqual([expect.stringMatching(/seg-000001\.jsonl.*Nothing from that file was applied/)]);
    expect(report.received).toEqual([]);
    expect(learnerView(b.db)).toEqual(before);
    writeFileSync(segment(a), good);
    expect(syncOnce(b.db).problems).toEqual([]);
    expect(learnerView(b.db).entries).toHaveLength(1);
  });

  it('lines longer than the reader reads at once, in characters of several bytes, come across whole', () => {
    // Three fields of 10,000 three-byte characters: one line of about 90 KB, past the 64 KB chunk.
    const long = (c: string) => c.repeat(10_000);
    const fields = { problemStatement: long('€'), keyChallenges: long('中'), lessonsLearned: long('→') };
    a.call('portfolio.update', { itemId: '3.1', fields });
    a.call('time.add', { itemId: '1.1', startedAt: T0, endedAt: T0 + 30 * MINUTE });
    syncOnce(a.db);
    for (const f of readdirSync(deviceDir(a))) if (f.startsWith('snap-')) rmSync(path.join(deviceDir(a), f));
    expect(syncOnce(b.db).problems).toEqual([]);
    expect(b.call('portfolio.get', { itemId: '3.1' }).fields).toMatchObject(fields);
    // Then from where B stopped: the long line is counted, not taken again, and the new one read.
    a.call('portfolio.update', { itemId: '3.1', fields: { resultsImpact: long('é') } });
    syncOnce(a.db);
    expect(syncOnce(b.db)).toMatchObject({ problems: [], received: [expect.objectContaining({ changes: 1 })] });
    expect(learnerView(b.db)).toEqual(learnerView(a.db));
  });

  it('a half-written line is left for the next sync; duplicated lines change nothing', () => {
    a.call('time.add', { itemId: '1.1', startedAt: T0, endedAt: T0 + 30 * MINUTE });
    syncOnce(a.db);
    syncOnce(b.db);
    a.call('time.add', { itemId: '1.2', startedAt: T0, endedAt: T0 + 30 * MINUTE });
    syncOnce(a.db);
    const whole = readFileSync(segment(a), 'utf8');
    const lines = whole.split('\n');
    const lastLine = lines[lines.length - 2]!;
    // Cut part-way through the entry's line (the line after it marks the item started).
    const entryLine = lines.findLastIndex((l) => l.includes('"time_entries"'));
    const cut = lines.slice(0, entryLine).join('\n').length + 1 + 30;
    writeFileSync(segment(a), whole.slice(0, cut));
    const torn = syncOnce(b.db);
    expect(torn.problems).toEqual([expect.stringMatching(/still arriving/)]);
    expect(learnerView(b.db).entries).toHaveLength(1);
    writeFileSync(segment(a), whole);
    appendFileSync(segment(a), `${lastLine}\n${lastLine}\n`); // the same change twice more
    expect(syncOnce(b.db).problems).toEqual([]);
    expect(learnerView(b.db)).toEqual(learnerView(a.db));
  });

  it('a log from a newer version is refused in plain words and nothing of it is applied', () => {
    a.call('time.add', { itemId: '1.1', startedAt: T0, endedAt: T0 + 30 * MINUTE });
    syncOnce(a.db);
    for (const f of readdirSync(deviceDir(a))) {
      const file = path.join(deviceDir(a), f);
      writeFileSync(file, readFileSync(file, 'utf8').replace('"version":1', '"version":2'));
    }
    const before = learnerView(b.db);
    const report = syncOnce(b.db);
    expect(report.problems).toEqual([expect.stringMatching(/newer version of MLOps Study Companion.*Nothing from/)]);
    expect(learnerView(b.db)).toEqual(before);
  });

  it('an entry for an item this curriculum does not have is skipped in plain words; the rest comes in', () => {
    a.call('time.add', { itemId: '1.1', startedAt: T0, endedAt: T0 + 30 * MINUTE });
    a.call('time.add', { itemId: '1.2', startedAt: T0 + 60 * MINUTE, endedAt: T0 + 90 * MINUTE });
    syncOnce(a.db);
    for (const f of readdirSync(deviceDir(a))) if (f.startsWith('snap-')) rmSync(path.join(deviceDir(a), f));
    // A newer curriculum on the other machine: an item "99.9" (valid in form, unknown here).
    writeFileSync(
      segment(a),
      readFileSync(segment(a), 'utf8').replace('"item_id":"1.2","span"', '"item_id":"99.9","span"'),
    );
    const report = syncOnce(b.db);
    expect(report.problems).toEqual([
      expect.stringMatching(/^A change from “Laptop” could not be shown on this machine/),
    ]);
    expect(b.call('time.list', { limit: 10 }).entries.map((e) => e.itemId)).toEqual(['1.1']);
  });

  it('a foreign file is left alone with a notice', () => {
    syncOnce(a.db);
    writeFileSync(path.join(deviceDir(a), 'notes.txt'), 'hello');
    expect(syncOnce(b.db).problems).toEqual([expect.stringMatching(/notes\.txt.*not one this app writes/)]);
  });
});
