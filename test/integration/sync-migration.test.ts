// Migration 5 (stable ids, clocks, the change log) on a logbook from before it: everything the
// learner sees is the same after, and sync then carries the whole of it to another machine.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { getCurriculum } from '../../curriculum';
import { LATEST_SCHEMA_VERSION, migrations } from '../../electron/db/migrations';
import { openDatabase, type Db } from '../../electron/db/open';
import { handlers, type HandlerContext } from '../../electron/handlers';
import { dispatch } from '../../electron/ipc/dispatch';
import { configureSync, syncOnce } from '../../electron/sync/engine';
import { createTestApp, T0 } from '../support/context';
import { learnerView } from '../support/sync-view';

const MINUTE = 60_000;
const NOW = T0 + 30 * 24 * 60 * MINUTE;
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'companion-v4-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function caller(db: Db) {
  const ctx: HandlerContext = {
    db,
    curriculum: getCurriculum(),
    now: () => NOW,
    files: { dbFile: path.join(dir, 'companion.db'), backupDir: path.join(dir, 'backups') },
  };
  return (channel: string, input?: unknown) => {
    const result = dispatch(handlers, ctx, channel, input, { validateOutput: true });
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value;
  };
}

/** Every screen's data, read through the handlers. */
function whatTheLearnerSees(db: Db) {
  const call = caller(db);
  const items = ['1.1', '1.2', '2.1', '3.1', '4.1'];
  return {
    log: call('time.list', { limit: 500 }),
    overview: call('progress.overview'),
    items: items.map((itemId) => call('item.get', { itemId })),
    settings: call('settings.get'),
    portfolio: call('portfolio.list'),
    assessments: items.map((itemId) => call('assessment.history', { itemId })),
    milestones: call('milestones.get'),
    roadmap: call('stats.roadmap'),
    insights: call('stats.insights'),
  };
}

const scores = {
  technical: [4, 4, 3, 5, 4],
  mlops: [3, 3, 4, 4, 3],
  innovation: [2, 3, 3, 3, 4],
  communication: [5, 4, 4, 4, 5],
};

it('a logbook at schema version 4 opens unchanged for the learner, every row with an id, and syncs whole', () => {
  const file = path.join(dir, 'companion.db');
  const old = openDatabase(file, getCurriculum(), { migrations: migrations.slice(0, 4) });
  expect(old.pragma('user_version', { simple: true })).toBe(4);
  // Today's handlers write the old logbook; the milestones read the linked repositories (migration 7),
  // which a version-4 app had none of: an empty stand-in on this connection only, never in the file.
  old.exec('CREATE TEMP TABLE repo_links (item_id TEXT, folder TEXT, linked_at INTEGER, readme TEXT)');
  const call = caller(old);
  for (let i = 0; i < 40; i++)
    call('time.add', {
      itemId: ['1.1', '1.2', '2.1', '4.1'][i % 4],
      startedAt: T0 + i * 90 * MINUTE,
      endedAt: T0 + i * 90 * MINUTE + (20 + i) * MINUTE,
      note: i % 3 ? '' : `session ${i}`,
    });
  call('item.setStatus', { itemId: '1.1', status: 'done' });
  call('item.setStatus', { itemId: '2.1', status: 'skipped' });
  call('item.setNotes', { itemId: '1.2', notes: 'half way' });
  call('item.tickEntry', { itemId: '1.2', entryIndex: 2, ticked: true });
  call('portfolio.update', {
    itemId: '3.1',
    fields: { problemStatement: 'Serving a model' },
    links: { liveDemo: 'https://example.org/demo' },
  });
  call('assessment.save', { itemId: '3.1', scores });
  call('milestones.tick', { entryId: 'phase2.4', ticked: true });
  call('settings.update', { learnerName: 'Sam', weeklyGoalHours: 8 });
  call('timer.start', { itemId: '4.1' });
  const before = whatTheLearnerSees(old);
  old.close();

  const db = openDatabase(file, getCurriculum());
  try {
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(whatTheLearnerSees(db)).toEqual(before);
    const uids = db.prepare('SELECT uid FROM time_entries').pluck().all() as string[];
    expect(uids).toHaveLength(40);
    expect(new Set(uids).size).toBe(40);
    expect(uids.every((u) => /^[0-9a-f]{24}$/.test(u))).toBe(true);
    expect(db.prepare('SELECT uid FROM self_assessments').pluck().all()).toEqual([
      expect.stringMatching(/^[0-9a-f]{24}$/),
    ]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // Sync was never turned on: nothing is noted.
    expect(db.prepare('SELECT COUNT(*) FROM sync_log').pluck().get()).toBe(0);

    // Turned on, the whole logbook goes to a second machine (all but the running timer, which stays here).
    const folder = path.join(dir, 'sync');
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder);
    configureSync(db, { folder, deviceName: 'Old laptop' });
    expect(syncOnce(db).problems).toEqual([]);
    const other = createTestApp(NOW);
    try {
      configureSync(other.db, { folder, deviceName: 'New desktop' });
      const report = syncOnce(other.db);
      expect(report.received[0]).toMatchObject({ deviceName: 'Old laptop', entries: 40 });
      expect(learnerView(other.db)).toEqual(learnerView(db));
      expect(other.call('timer.current')).toBeNull();
    } finally {
      other.close();
    }
    // Syncing changed nothing the learner sees here either.
    expect(whatTheLearnerSees(db)).toEqual(before);
  } finally {
    db.close();
  }
});
