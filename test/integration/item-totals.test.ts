// The per-item totals the triggers keep (migration 3) must always equal adding up the entries: after
// every kind of change the app makes (timer, by hand, edits that move an entry to another item,
// deletes, imports that replace or merge, a restore), and for a database that had entries before
// the migration. The Roadmap, its chart and Insights read them instead of the entries.
import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getCurriculum } from '../../curriculum';
import { openDatabase, type Db } from '../../electron/db/open';
import { LATEST_SCHEMA_VERSION, migrations } from '../../electron/db/migrations';
import { mulberry32 } from '../../shared/random';
import { MINUTE_MS } from '../../shared/time';
import { createTestApp, T0, type TestApp } from '../support/context';

/** [item, entries, ms] from the totals and from the entries themselves, items with no entries left out. */
function totals(db: Db) {
  const kept = db
    .prepare('SELECT item_id, entries, ms FROM item_totals WHERE entries > 0 ORDER BY item_id')
    .raw(true)
    .all();
  const added = db
    .prepare('SELECT item_id, COUNT(*), SUM(ended_at - started_at) FROM time_entries GROUP BY item_id ORDER BY item_id')
    .raw(true)
    .all();
  return { kept, added };
}

let app: TestApp;
beforeEach(() => (app = createTestApp()));
afterEach(() => app.close());

describe('item totals', () => {
  it('follow every change to the entries, and the screens read them', async () => {
    const ids = getCurriculum().items.map((i) => i.id);
    // A seeded mix of adds, edits (some to another item) and deletes, by hand and by timer.
    const random = mulberry32(7);
    const next = (n: number) => Math.floor(random() * n);
    const live: number[] = [];
    for (let i = 0; i < 300; i++) {
      const start = T0 - (5000 - i * 10) * MINUTE_MS;
      const action = next(10);
      if (action < 6 || live.length === 0) {
        live.push(
          app.call('time.add', {
            itemId: ids[next(ids.length)]!,
            startedAt: start,
            endedAt: start + (1 + next(9)) * MINUTE_MS,
          }).id,
        );
      } else if (action < 8) {
        const id = live[next(live.length)]!;
        app.call('time.edit', {
          id,
          itemId: ids[next(ids.length)]!,
          startedAt: start,
          endedAt: start + (1 + next(9)) * MINUTE_MS,
          note: 'moved',
        });
      } else {
        const [id] = live.splice(next(live.length), 1);
        app.call('time.delete', { id: id! });
      }
    }
    app.call('timer.start', { itemId: '2.1' });
    app.clock.now += 30 * MINUTE_MS;
    app.call('timer.start', { itemId: '2.2' }); // stops and logs 2.1
    app.clock.now += 20 * MINUTE_MS;
    app.call('timer.stop');
    const { kept, added } = totals(app.db);
    expect(kept).toEqual(added);
    expect(kept.length).toBeGreaterThan(10);

    // What the Roadmap shows comes from them, and equals the entries' own sums.
    const overview = app.call('progress.overview');
    for (const [itemId, count, ms] of added as [string, number, number][]) {
      const item = overview.items.find((i) => i.itemId === itemId)!;
      expect(item.entryCount).toBe(count);
      expect(item.minutesLogged).toBeCloseTo(ms / MINUTE_MS, 9);
    }

    // An import that replaces everything, then one that merges the same file back in.
    const exported = app.call('data.exportJson').content;
    app.call('time.delete', { id: live[0]! });
    await app.callAsync('data.import', { content: exported, mode: 'replace' });
    expect(totals(app.db).kept).toEqual(added);
    app.call('time.add', { itemId: '9.2', startedAt: T0 - 9000 * MINUTE_MS, endedAt: T0 - 8970 * MINUTE_MS });
    await app.callAsync('data.import', { content: exported, mode: 'merge' });
    const merged = totals(app.db);
    expect(merged.kept).toEqual(merged.added);

    // A restore brings back the file as it was, totals and all.
    const backup = await app.callAsync('backups.create');
    app.call('time.add', { itemId: '1.1', startedAt: T0 - 8000 * MINUTE_MS, endedAt: T0 - 7970 * MINUTE_MS });
    await app.callAsync('backups.restore', { id: backup.id });
    const restored = totals(app.db);
    expect(restored.kept).toEqual(merged.added);
    expect(restored.kept).toEqual(restored.added);
  });

  it('are filled in from the entries already there when a database from before them is opened', () => {
    const file = app.file;
    app.db.close();
    // The file rebuilt at schema version 2, with entries, then opened by this version.
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    const old = openDatabase(file, getCurriculum(), { migrations: migrations.slice(0, 2) });
    const insert = old.prepare(
      "INSERT INTO time_entries (item_id, started_at, ended_at, note, source, created_at, updated_at) VALUES (?, ?, ?, '', 'manual', 0, 0)",
    );
    for (let i = 0; i < 50; i++)
      insert.run(['1.1', '1.2', '4.1'][i % 3], T0 + i * 60 * MINUTE_MS, T0 + i * 60 * MINUTE_MS + (i + 1) * MINUTE_MS);
    expect(old.pragma('user_version', { simple: true })).toBe(2);
    old.close();
    const db = openDatabase(file, getCurriculum());
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      const { kept, added } = totals(db);
      expect(kept).toHaveLength(3);
      expect(kept).toEqual(added);
    } finally {
      db.close();
    }
  });
});
