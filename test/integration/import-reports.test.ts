// Another tracker's report through the real handlers: read and map (nothing written), import in
// one transaction after a backup, re-import adds nothing, undo in one step.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, dumpDatabase, type TestApp } from '../support/context';
import { FIXTURE_NOW, fixture } from '../support/time-reports';

let app: TestApp;
beforeEach(() => {
  app = createTestApp(FIXTURE_NOW);
});
afterEach(() => app.close());

const backups = () => readdirSync(path.join(path.dirname(app.file), 'backups')).filter((f) => f.endsWith('.db'));
const entriesLogged = () => app.call('time.list', { limit: 500 }).entries;

const FORMATS = [
  { file: 'toggl-detailed.csv', timeZone: 'Europe/Berlin', format: 'toggl' },
  { file: 'toggl-detailed-decimal.csv', timeZone: 'Europe/Berlin', format: 'toggl' },
  { file: 'clockify-detailed-us.csv', timeZone: 'America/New_York', format: 'clockify' },
  { file: 'clockify-detailed-eu.csv', timeZone: 'Europe/Berlin', format: 'clockify' },
  { file: 'super-productivity-backup.json', timeZone: 'Europe/Berlin', format: 'super-productivity' },
] as const;

describe.each(FORMATS)('$file through read, map, import and undo', ({ file, timeZone, format }) => {
  const input = () => ({ content: fixture(file), fileName: file, timeZone });

  it('reads and proposes items without writing anything', () => {
    const before = dumpDatabase(app.db);
    const preview = app.call('import.preview', input());
    expect(preview.format).toBe(format);
    expect(preview.totals.toAdd).toBeGreaterThan(0);
    expect(preview.groups.some((g) => g.proposedItemId !== null)).toBe(true);
    expect(dumpDatabase(app.db)).toEqual(before);
  });

  it('imports what the mapping says, once, and undoes it in one step', async () => {
    const preview = app.call('import.preview', input());
    const mapping = preview.groups.map((g) => ({ key: g.key, itemId: g.itemId }));
    const overviewBefore = app.call('progress.overview');

    const result = await app.callAsync('import.apply', { ...input(), mapping });
    expect(result.batch).toMatchObject({
      added: preview.totals.toAdd,
      remaining: preview.totals.toAdd,
      undoneAt: null,
    });
    expect(result.backup?.reason).toBe('import');
    expect(backups()).toHaveLength(1);
    const logged = entriesLogged();
    expect(logged).toHaveLength(preview.totals.toAdd);
    expect(logged.reduce((sum, e) => sum + (e.endedAt - e.startedAt), 0)).toBe(preview.totals.toAddMs);
    // Every entry sits on the item its group was mapped to.
    const mapped = new Set(preview.groups.filter((g) => g.toAdd > 0).map((g) => g.itemId));
    expect(new Set(logged.map((e) => e.itemId))).toEqual(mapped);

    // The same report again: everything is already there, and nothing is added.
    const again = app.call('import.preview', input());
    expect(again.totals).toMatchObject({ toAdd: 0, alreadyLogged: preview.totals.toAdd });
    const refused = await app.rawAsync('import.apply', { ...input(), mapping });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(entriesLogged()).toHaveLength(preview.totals.toAdd);

    const undone = app.call('import.undo', { batchId: result.batch.id });
    expect(undone.removed).toBe(preview.totals.toAdd);
    expect(entriesLogged()).toHaveLength(0);
    // Every item reads as before the import ("not started", no hours), as after deleting by hand.
    expect(app.call('progress.overview')).toEqual(overviewBefore);
    expect(app.call('import.list').imports).toEqual([
      expect.objectContaining({ id: result.batch.id, remaining: 0, undoneAt: FIXTURE_NOW }),
    ]);
    expect(app.raw('import.undo', { batchId: result.batch.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });
});

describe('the mapping', () => {
  const content = fixture('toggl-detailed.csv');
  const base = { content, fileName: 'toggl.csv', timeZone: 'Europe/Berlin' };

  it('proposes items from ids and titles, and says why', () => {
    const { groups } = app.call('import.preview', base);
    expect(groups.map((g) => [g.project, g.task, g.proposedItemId, g.proposedBecause])).toEqual([
      ['Model API Service', '4.1 Serve the model', '4.1', 'the task names 4.1'],
      ['Experiment Tracking', '', '3.1', 'the project names Experiment Tracking'],
    ]);
  });

  it('leaves out a group the learner leaves out, and moves one they move', async () => {
    const { groups } = app.call('import.preview', base);
    const [api, tracking] = groups;
    const mapping = [
      { key: api!.key, itemId: null },
      { key: tracking!.key, itemId: '3.2' },
    ];
    const preview = app.call('import.preview', { ...base, mapping });
    expect(preview.totals).toMatchObject({ toAdd: tracking!.toAdd, leftOut: api!.rows });
    await app.callAsync('import.apply', { ...base, mapping });
    expect(new Set(entriesLogged().map((e) => e.itemId))).toEqual(new Set(['3.2']));
  });

  it('lists refused rows with their row number and reason', () => {
    const preview = app.call('import.preview', base);
    expect(preview.refusedRows).toBe(preview.refusals.length);
    expect(preview.refusals.map((r) => r.reason).join('\n')).toMatch(/longer than 24 hours/);
    expect(preview.refusals.map((r) => r.reason).join('\n')).toMatch(/in the future/);
  });

  it('keeps an entry the learner logged by hand and adds only what is new', async () => {
    const { groups } = app.call('import.preview', base);
    // The first Toggl row, typed by hand before the import.
    app.call('time.add', {
      itemId: '4.1',
      startedAt: Date.parse('2025-12-01T09:00:00+01:00'),
      endedAt: Date.parse('2025-12-01T10:30:00+01:00'),
    });
    const mapping = groups.map((g) => ({ key: g.key, itemId: g.itemId }));
    const preview = app.call('import.preview', { ...base, mapping });
    expect(preview.totals.alreadyLogged).toBe(1);
    const result = await app.callAsync('import.apply', { ...base, mapping });
    expect(result.alreadyLogged).toBe(1);
    app.call('import.undo', { batchId: result.batch.id });
    expect(entriesLogged()).toHaveLength(1);
  });
});

describe('files that are not a time report', () => {
  it.each([
    ['not-a-report.csv', /not a time report|does not look like/i],
    ['unknown-layout.csv', /layout|columns/i],
  ])('%s is refused in words and nothing is written', async (file, words) => {
    const before = dumpDatabase(app.db);
    const input = { content: fixture(file), fileName: file, mapping: [] };
    const answer = await app.rawAsync('import.apply', input);
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(words) },
    });
    expect(dumpDatabase(app.db)).toEqual(before);
  });

  it('an unknown time zone is refused before the file is read', () => {
    const answer = app.raw('import.preview', { content: 'x', fileName: 'x.csv', timeZone: 'Mars/Olympus' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
