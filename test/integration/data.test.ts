// Export, import and backups over the real handlers and real files.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MINUTE_MS } from '../../shared/time';
import { parse } from 'csv-parse/sync';
import { defuseFormula, isoWithOffset } from '../../electron/data/csv';
import { LATEST_SCHEMA_VERSION } from '../../electron/db/migrations';
import { createTestApp, dumpDatabase, T0, type TestApp } from '../support/context';

let app: TestApp;
beforeEach(() => {
  app = createTestApp();
});
afterEach(() => app.close());

const add = (a: TestApp, itemId: string, hoursAgo: number, minutes: number, note = '') =>
  a.call('time.add', {
    itemId,
    startedAt: T0 - hoursAgo * 60 * MINUTE_MS,
    endedAt: T0 - hoursAgo * 60 * MINUTE_MS + minutes * MINUTE_MS,
    note,
  });

function fillSome(a: TestApp) {
  add(a, '1.1', 30, 90, 'Iris, "pairplot", and a, comma');
  add(a, '1.1', 5, 45, '=HYPERLINK("http://evil.example")');
  add(a, '1.2', 3, 60, 'line one\nline two');
  a.call('item.setStatus', { itemId: '1.1', status: 'done' });
  a.call('item.tickEntry', { itemId: '1.1', entryIndex: 2, ticked: true });
  a.call('item.setNotes', { itemId: '1.2', notes: 'California housing' });
  a.call('settings.update', { learnerName: 'Sam', weeklyGoalHours: 6 });
  a.call('portfolio.update', {
    itemId: '4.1',
    fields: { problemStatement: 'Serve a model.' },
    links: { githubRepository: 'https://github.com/sam/api' },
  });
  a.call('assessment.save', {
    itemId: '4.1',
    scores: {
      technical: [4, 4, 4, 4, 4],
      mlops: [3, 3, 3, 3, 3],
      innovation: [5, 5, 5, 5, 5],
      communication: [2, 2, 2, 2, 2],
    },
  });
  a.call('milestones.tick', { entryId: 'phase1.2', ticked: true });
}

describe('CSV export of the time log', () => {
  it('writes one row per entry that a spreadsheet reads back exactly', () => {
    fillSome(app);
    const csv = app.call('data.exportCsv');
    expect(csv.rows).toBe(3);
    expect(csv.fileName).toBe('mlops-time-log-2026-03-02.csv');
    expect(csv.content.startsWith('\uFEFFitem_id,item_title,start,end,minutes,note,source\r\n')).toBe(true);
    const lines = csv.content.slice(1).split('\r\n');
    expect(lines[1]).toBe(
      '1.1,Your First ML Model,2026-03-01T03:00:00+01:00,2026-03-01T04:30:00+01:00,90,"Iris, ""pairplot"", and a, comma",manual',
    );
    // A note that looks like a formula is defused; a line break stays inside its quoted cell.
    expect(lines[2]).toContain(`,"'=HYPERLINK(""http://evil.example"")",manual`);
    expect(csv.content).toContain('"line one\nline two"');
  });

  it('reads back in a CSV reader cell for cell, and defuses formulas', () => {
    fillSome(app);
    const records = parse(app.call('data.exportCsv').content, { bom: true }) as string[][];
    expect(records.map((r) => r[5])).toEqual([
      'note',
      'Iris, "pairplot", and a, comma',
      `'=HYPERLINK("http://evil.example")`,
      'line one\nline two',
    ]);
    expect(defuseFormula('plain')).toBe('plain');
    expect(defuseFormula('-1')).toBe("'-1");
    expect(defuseFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(isoWithOffset(Date.parse('2026-07-01T10:00:00Z'))).toBe('2026-07-01T12:00:00+02:00'); // Berlin summer time
  });
});

describe('JSON export and import', () => {
  it('round-trips everything into a fresh database (replace)', async () => {
    fillSome(app);
    const exported = app.call('data.exportJson');
    const before = JSON.parse(exported.content);
    expect(before).toMatchObject({
      format: 'mlops-study-companion',
      formatVersion: 1,
      appVersion: expect.any(String),
      schemaVersion: LATEST_SCHEMA_VERSION,
    });

    const other = createTestApp();
    try {
      add(other, '9.2', 2, 30); // replaced away
      const result = await other.callAsync('data.import', { content: exported.content, mode: 'replace' });
      expect(result).toMatchObject({ mode: 'replace', timeEntriesAdded: 3, timeEntriesSkipped: 0 });
      expect(result.backup?.reason).toBe('import');
      const after = JSON.parse(other.call('data.exportJson').content);
      expect(after.data).toEqual(before.data);
      expect(other.call('item.get', { itemId: '1.1' })).toMatchObject({
        status: 'done',
        tickedEntries: [2],
        minutesLogged: 135,
      });
    } finally {
      other.close();
    }
  });

  it('merge never duplicates an entry that is already there', async () => {
    fillSome(app);
    const { content } = app.call('data.exportJson');
    const merged = await app.callAsync('data.import', { content, mode: 'merge' });
    expect(merged).toMatchObject({ timeEntriesAdded: 0, timeEntriesSkipped: 3 });
    expect(app.call('time.list', {}).entries).toHaveLength(3);
    expect(app.call('assessment.history', { itemId: '4.1' }).history).toHaveLength(1);
  });

  const refusals: [string, (file: Record<string, any>) => unknown, RegExp][] = [
    ['not JSON', () => '{"format": "mlops-study-comp', /not valid JSON/],
    ['another app’s file', () => ({ format: 'toggl', entries: [] }), /not an MLOps Study Companion export/],
    ['a newer format', (f) => ({ ...f, formatVersion: 99 }), /newer version of the app.*Update the app/],
    [
      'a wrong type',
      (f) => ({ ...f, data: { ...f.data, timeEntries: [{ ...f.data.timeEntries[0], startedAt: 'yesterday' }] } }),
      /^This export is damaged or was edited by hand: in time entry 1, a time must be a number of milliseconds\. Nothing was imported\.$/,
    ],
    // Issue 12: a negative duration was "at data.timeEntries.0.endedAt: The end must be after the start.."
    [
      'a negative duration',
      (f) => ({
        ...f,
        data: {
          ...f.data,
          timeEntries: [{ ...f.data.timeEntries[0], endedAt: f.data.timeEntries[0].startedAt - 60_000 }],
        },
      }),
      /^This export is damaged or was edited by hand: in time entry 1, the end must be after the start\. Nothing was imported\.$/,
    ],
    [
      'an end before 2000',
      (f) => ({ ...f, data: { ...f.data, timeEntries: [{ ...f.data.timeEntries[0], endedAt: 1 }] } }),
      /^This export is damaged or was edited by hand: in time entry 1, a time before the year 2000 is not plausible\. 1 more problem was found\. Nothing was imported\.$/,
    ],
    [
      'a huge string',
      (f) => ({ ...f, data: { ...f.data, items: [{ ...f.data.items[0], notes: 'x'.repeat(1_000_000) }] } }),
      /^This export is damaged or was edited by hand: in item record 1, the notes can be at most 20000 characters long\. Nothing was imported\.$/,
    ],
    // 200,000 levels deep: more than JSON.parse's stack allows, let alone the schema.
    [
      'deep nesting',
      (f) =>
        JSON.stringify(f).replace('"settings":{', `"settings":{"theme":${'['.repeat(200_000)}${']'.repeat(200_000)},`),
      /not valid JSON|in the settings, the theme/,
    ],
    [
      'an extra field',
      (f) => ({ ...f, data: { ...f.data, evil: true } }),
      /^This export is damaged or was edited by hand: in the data, there is an unexpected field "evil"\. Nothing was imported\.$/,
    ],
    [
      'prototype pollution',
      (f) => JSON.parse(JSON.stringify(f).replace('"data":{', '"data":{"__proto__":{"polluted":1},')),
      /damaged|__proto__/,
    ],
    [
      'an unknown item',
      (f) => ({ ...f, data: { ...f.data, timeEntries: [{ ...f.data.timeEntries[0], itemId: '9.9' }] } }),
      /item "9\.9", which is not in the curriculum/,
    ],
    [
      'an unknown milestone',
      (f) => ({ ...f, data: { ...f.data, milestoneTicks: [{ entryId: 'phase9.1', tickedAt: T0 }] } }),
      /milestone "phase9\.1"/,
    ],
  ];

  it.each(refusals)('refuses %s in plain words and changes nothing', async (_name, mutate, words) => {
    fillSome(app);
    const file = JSON.parse(app.call('data.exportJson').content);
    const bad = mutate(file);
    const content = typeof bad === 'string' ? bad : JSON.stringify(bad);
    const before = dumpDatabase(app.db);
    for (const mode of ['replace', 'merge'] as const) {
      const result = await app.rawAsync('data.import', { content, mode });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('INVALID_INPUT');
        expect(result.error.message).toMatch(words);
        expect(result.error.message).toMatch(/Nothing was imported\.$/);
        // A sentence about the file, not a field path or zod's words.
        expect(result.error.message).not.toMatch(/data\.|\.\d+\.|Invalid input|expected \w+, received|\.\./);
      }
    }
    expect(dumpDatabase(app.db)).toBe(before);
    expect(app.call('backups.list').backups).toEqual([]); // refused before the backup, too
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('backups', () => {
  it('are listed newest first with their size, pruned to the setting, and restored in one step', async () => {
    fillSome(app);
    app.call('settings.update', { backupsToKeep: 3 });
    const first = await app.callAsync('backups.create');
    expect(first).toMatchObject({ reason: 'manual', bytes: expect.any(Number) });
    expect(first.bytes).toBeGreaterThan(4096);

    const extra = add(app, '2.1', 1, 30, 'after the backup');
    const { restored, safetyBackup } = await app.callAsync('backups.restore', { id: first.id });
    expect(restored.id).toBe(first.id);
    expect(safetyBackup.reason).toBe('restore');
    expect(app.call('time.list', {}).entries.map((e) => e.id)).not.toContain(extra.id);
    expect(app.call('time.list', {}).entries).toHaveLength(3);

    // The state before the restore is itself a backup: restoring it brings the entry back.
    await app.callAsync('backups.restore', { id: safetyBackup.id });
    expect(app.call('time.list', {}).entries.map((e) => e.note)).toContain('after the backup');

    for (let i = 0; i < 4; i++) {
      app.clock.now += 1000;
      await app.callAsync('backups.create');
    }
    const { backups, keep } = app.call('backups.list');
    expect(keep).toBe(3);
    expect(backups).toHaveLength(3);
    expect(backups.map((b) => b.createdAt)).toEqual([...backups.map((b) => b.createdAt)].sort((a, b) => b - a));
  });

  it('refuses an unknown or damaged backup and keeps the data as it was', async () => {
    fillSome(app);
    const before = dumpDatabase(app.db);
    expect(await app.rawAsync('backups.restore', { id: 'companion-20260302-080000-000-manual.db' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await app.rawAsync('backups.restore', { id: '../companion.db' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    const good = await app.callAsync('backups.create');
    writeFileSync(path.join(path.dirname(app.file), 'backups', good.id), 'not a database at all');
    const damaged = await app.rawAsync('backups.restore', { id: good.id });
    expect(damaged).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/cannot be restored.*unchanged/) },
    });
    expect(dumpDatabase(app.db)).toBe(before);
  });
});

describe('automatic backups', () => {
  it('are made once a day at start', async () => {
    const { dailyBackup } = await import('../../electron/data/startup');
    await dailyBackup(app.ctx);
    app.clock.now += 3 * 60 * MINUTE_MS;
    await dailyBackup(app.ctx);
    expect(app.call('backups.list').backups.map((b) => b.reason)).toEqual(['daily']);
    app.clock.now += 24 * 60 * MINUTE_MS;
    await dailyBackup(app.ctx);
    expect(app.call('backups.list').backups.map((b) => b.reason)).toEqual(['daily', 'daily']);
  });

  it('are made before a migration changes the schema, holding the old version', async () => {
    const { backupBeforeMigration } = await import('../../electron/data/startup');
    const { migrations } = await import('../../electron/db/migrations');
    const { openDatabase } = await import('../../electron/db/open');
    const { getCurriculum } = await import('../../curriculum');
    const Database = (await import('better-sqlite3')).default;
    fillSome(app);
    app.db.close();
    const backupDir = path.join(path.dirname(app.file), 'backups');
    const next = [
      ...migrations,
      {
        version: LATEST_SCHEMA_VERSION + 1,
        name: 'add a column',
        up: (db: import('better-sqlite3').Database) => db.exec('ALTER TABLE settings ADD COLUMN note TEXT'),
      },
    ];
    openDatabase(app.file, getCurriculum(), {
      migrations: next,
      beforeMigrate: backupBeforeMigration(backupDir),
    }).close();
    const [backup] = (await import('../../electron/data/backups')).listBackups(backupDir);
    expect(backup?.reason).toBe('migration');
    const copy = new Database(path.join(backupDir, backup!.id), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(copy.prepare('SELECT COUNT(*) FROM time_entries').pluck().get()).toBe(3);
    copy.close();
  });
});

describe('the data folder', () => {
  it('is shown with the home folder as ~, and opened only where the desktop app can', async () => {
    const folder = path.dirname(app.file);
    app.ctx.homeDir = path.dirname(folder);
    expect(app.call('data.folder')).toEqual({ location: `~${path.sep}${path.basename(folder)}`, canOpen: false });
    expect(await app.rawAsync('data.openFolder', {})).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/needs the desktop app/) },
    });
    const opened: string[] = [];
    app.ctx.openFolder = async (f) => void opened.push(f);
    expect(app.call('data.folder').canOpen).toBe(true);
    expect(await app.callAsync('data.openFolder')).toEqual({ opened: true });
    expect(opened).toEqual([folder]);
  });
});
