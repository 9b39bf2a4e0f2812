// Every channel refuses bad input with a typed error in plain words, and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels } from '../../shared/contract';
import { WEB_LINK_MESSAGE } from '../../shared/schemas/portfolio';
import { handlers, type HandlerContext, type HandlerTable } from '../../electron/handlers';
import { dispatch } from '../../electron/ipc/dispatch';
import { DAY_MS, MINUTE_MS } from '../../shared/time';
import { createTestApp, dumpDatabase, T0, type TestApp } from '../support/context';

let app: TestApp;
let entryId: number;
beforeAll(() => {
  app = createTestApp();
  // Something to break: an entry, a status, a tick, a running timer.
  entryId = app.call('time.add', { itemId: '1.1', startedAt: T0 - 120 * MINUTE_MS, endedAt: T0 - 60 * MINUTE_MS }).id;
  app.call('item.setStatus', { itemId: '1.2', status: 'in_progress' });
  app.call('item.tickEntry', { itemId: '1.1', entryIndex: 0, ticked: true });
  app.call('timer.start', { itemId: '2.1' });
});
afterAll(() => app.close());

const span = { itemId: '1.1', startedAt: T0 - 60 * MINUTE_MS, endedAt: T0 - 30 * MINUTE_MS, note: '' };
const huge = 'x'.repeat(100_000);
const fives = [5, 5, 5, 5, 5];
const scores = { technical: fives, mlops: fives, innovation: fives, communication: fives };
const escaped = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

// [channel, payload, expected code, words the message must contain]
const cases: [string, unknown, string, RegExp][] = [
  ['item.get', { itemId: '9.9' }, 'NOT_FOUND', /no curriculum item "9\.9"/],
  ['item.get', { itemId: 11 }, 'INVALID_INPUT', /^The item must be text\.$/],
  ['item.get', {}, 'INVALID_INPUT', /^The item is missing\.$/],
  ['item.get', null, 'INVALID_INPUT', /^The request must be a group of fields\.$/],
  ['item.get', 'a string', 'INVALID_INPUT', /^The request must be a group of fields\.$/],
  ['item.get', { itemId: '1.1', extra: true }, 'INVALID_INPUT', /unexpected field "extra"/],
  ['item.get', { itemId: '1.1; DROP TABLE time_entries' }, 'INVALID_INPUT', /looks like "1\.1"/],
  // A hostile key is quoted cut short and escaped, and a crowd of them is counted, not listed.
  ['item.get', { itemId: '1.1', ['k'.repeat(100_000)]: 1 }, 'INVALID_INPUT', /unexpected field "k{40}…"\.$/],
  [
    'item.get',
    { itemId: '1.1', 'a\nb': 1, c: 2, d: 3, e: 4, f: 5 },
    'INVALID_INPUT',
    /unexpected fields "a\\nb", "c", "d" and 2 more\./,
  ],
  ['item.setStatus', { itemId: '1.1', status: 'finished' }, 'INVALID_INPUT', /status is one of/],
  ['item.setStatus', { itemId: '7.7', status: 'done' }, 'NOT_FOUND', /7\.7/],
  ['item.setNotes', { itemId: '1.1', notes: huge }, 'INVALID_INPUT', /at most 20,000 characters/],
  ['item.setNotes', { itemId: '1.1', notes: 42 }, 'INVALID_INPUT', /notes/],
  ['item.tickEntry', { itemId: '1.1', entryIndex: 6, ticked: true }, 'NOT_FOUND', /has 6 entries/],
  [
    'item.tickEntry',
    { itemId: '1.1', entryIndex: -1, ticked: true },
    'INVALID_INPUT',
    /^The step must be at least 0\.$/,
  ],
  [
    'item.tickEntry',
    { itemId: '1.1', entryIndex: 1.5, ticked: true },
    'INVALID_INPUT',
    /^The step must be a whole number\.$/,
  ],
  [
    'item.tickEntry',
    { itemId: '1.1', entryIndex: 0, ticked: 'yes' },
    'INVALID_INPUT',
    /^The tick must be yes or no\.$/,
  ],
  ['timer.start', { itemId: '0.0' }, 'INVALID_INPUT', /looks like "1\.1"/],
  ['timer.start', { itemId: '4.9' }, 'NOT_FOUND', /4\.9/],
  ['timer.start', { itemId: '1.1', note: huge }, 'INVALID_INPUT', /at most 2,000 characters/],
  ['timer.stop', { now: 1 }, 'INVALID_INPUT', /unexpected field "now"/],
  ['timer.current', [], 'INVALID_INPUT', /^The request must be a group of fields\.$/],
  ['time.add', { ...span, endedAt: span.startedAt - MINUTE_MS }, 'INVALID_INPUT', /end must be after the start/],
  ['time.add', { ...span, endedAt: span.startedAt }, 'INVALID_INPUT', /end must be after the start/],
  ['time.add', { ...span, endedAt: span.startedAt + 30_000 }, 'INVALID_INPUT', /at least 1 minute/],
  ['time.add', { ...span, startedAt: T0 - 3 * DAY_MS }, 'INVALID_INPUT', /at most 24 hours/],
  ['time.add', { ...span, startedAt: -5, endedAt: 10 }, 'INVALID_INPUT', /before the year 2000/],
  ['time.add', { ...span, startedAt: Number.NaN }, 'INVALID_INPUT', /^A time must be a number of milliseconds\.$/],
  ['time.add', { ...span, startedAt: 1e300, endedAt: 1e300 + 1 }, 'INVALID_INPUT', /after the year 2100/],
  [
    'time.add',
    { ...span, startedAt: T0 + DAY_MS, endedAt: T0 + DAY_MS + 60 * MINUTE_MS },
    'INVALID_INPUT',
    /cannot end in the future/,
  ],
  [
    'time.add',
    { ...span, startedAt: '2026-03-01T10:00' },
    'INVALID_INPUT',
    /^A time must be a number of milliseconds\.$/,
  ],
  ['time.add', { ...span, itemId: '3.4' }, 'NOT_FOUND', /3\.4/],
  ['time.add', { ...span, note: huge }, 'INVALID_INPUT', /at most 2,000 characters/],
  ['time.add', { ...span, source: 'timer' }, 'INVALID_INPUT', /unexpected field "source"/],
  [
    'time.add',
    JSON.parse('{"itemId":"1.1","startedAt":1,"endedAt":2,"__proto__":{"polluted":true}}'),
    'INVALID_INPUT',
    /./,
  ],
  ['time.edit', { ...span, id: 999_999 }, 'NOT_FOUND', /no time entry number 999999/],
  ['time.edit', { ...span, id: 0 }, 'INVALID_INPUT', /^The entry must be more than 0\.$/],
  ['time.edit', { ...span, id: 1, endedAt: span.startedAt - 1 }, 'INVALID_INPUT', /end must be after the start/],
  ['time.edit', { ...span, id: 1, note: undefined }, 'INVALID_INPUT', /^The note is missing\.$/],
  ['time.delete', { id: 'all' }, 'INVALID_INPUT', /^The entry must be a number\.$/],
  ['time.delete', { id: 123_456 }, 'NOT_FOUND', /no time entry number 123456/],
  ['time.list', { limit: 100_000 }, 'INVALID_INPUT', /^The number of entries must be at most 500\.$/],
  ['time.list', { from: T0, to: T0 - DAY_MS }, 'INVALID_INPUT', /"from" date must be before the "to" date/],
  ['time.list', { itemId: '8.8' }, 'NOT_FOUND', /8\.8/],
  ['time.list', { before: { startedAt: T0 } }, 'INVALID_INPUT', /^The entry is missing\.$/],
  ['settings.get', { theme: 'dark' }, 'INVALID_INPUT', /unexpected field "theme"/],
  ['settings.update', {}, 'INVALID_INPUT', /at least one setting/],
  // Structured clone (Electron's IPC) keeps a key whose value is undefined: it is not a setting to change.
  ['settings.update', { theme: undefined, targetDate: undefined }, 'INVALID_INPUT', /at least one setting/],
  ['settings.update', { planStartDate: '2026-02-30' }, 'INVALID_INPUT', /must exist on the calendar/],
  ['settings.update', { targetDate: '01/03/2027' }, 'INVALID_INPUT', /YYYY-MM-DD/],
  ['settings.update', { targetDate: '2020-01-01' }, 'INVALID_INPUT', /target date must be after the plan start date/],
  ['settings.update', { weeklyGoalHours: 0 }, 'INVALID_INPUT', /at least half an hour/],
  ['settings.update', { weeklyGoalHours: 500 }, 'INVALID_INPUT', /at most 80 hours/],
  ['settings.update', { streakMinMinutes: 2.5 }, 'INVALID_INPUT', /^The streak minimum must be a whole number\.$/],
  ['settings.update', { theme: 'neon' }, 'INVALID_INPUT', /^The theme must be one of: system, light, dark\.$/],
  ['settings.update', { learnerName: 'x'.repeat(200) }, 'INVALID_INPUT', /at most 80 characters/],
  ['settings.update', { learnerName: 'Alex', admin: true }, 'INVALID_INPUT', /unexpected field "admin"/],
  ['portfolio.list', { itemId: '1.1' }, 'INVALID_INPUT', /unexpected field "itemId"/],
  ['portfolio.get', { itemId: '9.9' }, 'NOT_FOUND', /no curriculum item "9\.9"/],
  ['portfolio.get', { itemId: 'project' }, 'INVALID_INPUT', /looks like "1\.1"/],
  ['portfolio.update', { itemId: '4.1' }, 'INVALID_INPUT', /Give something to change/],
  ['portfolio.update', { itemId: '7.7', included: true }, 'NOT_FOUND', /7\.7/],
  [
    'portfolio.update',
    { itemId: '4.1', included: 'yes' },
    'INVALID_INPUT',
    /^The choice to include it must be yes or no\.$/,
  ],
  [
    'portfolio.update',
    { itemId: '4.1', fields: { problemStatement: 'ok' }, links: { githubRepository: 'ftp://x' } },
    'INVALID_INPUT',
    escaped(WEB_LINK_MESSAGE),
  ],
  [
    'portfolio.update',
    { itemId: '4.1', links: { liveDemo: 'javascript:alert(1)' } },
    'INVALID_INPUT',
    /^A link must be a web address/,
  ],
  [
    'portfolio.update',
    { itemId: '4.1', links: { documentation: 'github.com/me' } },
    'INVALID_INPUT',
    /starting with http:\/\/ or https:\/\//,
  ],
  [
    'portfolio.update',
    { itemId: '4.1', links: { website: 'https://example.com' } },
    'INVALID_INPUT',
    /unexpected field "website"/,
  ],
  [
    'portfolio.update',
    { itemId: '4.1', fields: { projectTitle: 'x'.repeat(301) } },
    'INVALID_INPUT',
    /at most 300 characters/,
  ],
  [
    'portfolio.update',
    { itemId: '4.1', fields: { lessonsLearned: huge } },
    'INVALID_INPUT',
    /at most 10,000 characters/,
  ],
  ['portfolio.update', { itemId: '4.1', fields: { summary: 'x' } }, 'INVALID_INPUT', /unexpected field "summary"/],
  ['portfolio.update', { itemId: '4.1', fields: { duration: 12 } }, 'INVALID_INPUT', /^The duration must be text\.$/],
  [
    'assessment.save',
    { itemId: '4.1', scores: { ...scores, technical: [5, 5, 5, 5, 6] } },
    'INVALID_INPUT',
    /from 1 to 5/,
  ],
  ['assessment.save', { itemId: '4.1', scores: { ...scores, mlops: [0, 5, 5, 5, 5] } }, 'INVALID_INPUT', /from 1 to 5/],
  [
    'assessment.save',
    { itemId: '4.1', scores: { ...scores, innovation: [4, 4, 4, 4] } },
    'INVALID_INPUT',
    /Each category has 5 scores/,
  ],
  [
    'assessment.save',
    { itemId: '4.1', scores: { ...scores, communication: [4, 4, 4.5, 4, 4] } },
    'INVALID_INPUT',
    /whole number/,
  ],
  [
    'assessment.save',
    { itemId: '4.1', scores: { technical: fives, mlops: fives, innovation: fives } },
    'INVALID_INPUT',
    /^The communication scores are missing\.$/,
  ],
  [
    'assessment.save',
    { itemId: '4.1', scores: { ...scores, style: fives } },
    'INVALID_INPUT',
    /unexpected field "style"/,
  ],
  ['assessment.save', { itemId: '9.8', scores }, 'NOT_FOUND', /9\.8/],
  ['assessment.history', {}, 'INVALID_INPUT', /^The item is missing\.$/],
  ['assessment.history', { itemId: '6.6' }, 'NOT_FOUND', /6\.6/],
  ['milestones.get', { entryId: 'phase1.1' }, 'INVALID_INPUT', /unexpected field "entryId"/],
  ['milestones.tick', { entryId: 'phase9.1', ticked: true }, 'NOT_FOUND', /no milestone "phase9\.1"/],
  [
    'milestones.tick',
    { entryId: 'phase1.1', ticked: true },
    'CONFLICT',
    /^This milestone is ticked from your logbook: Not yet: 0 of the 5 items needed are done\.$/,
  ],
  [
    'milestones.tick',
    { entryId: 'portfolio.2', ticked: false },
    'CONFLICT',
    /ticked from your logbook: Not yet: 0 of the 3 portfolio entries/,
  ],
  ['milestones.tick', { entryId: 'Phase 1', ticked: true }, 'INVALID_INPUT', /looks like "phase1\.2"/],
  ['milestones.tick', { entryId: 'phase1.2', ticked: 'yes' }, 'INVALID_INPUT', /^The tick must be yes or no\.$/],
  ['portfolio.exportPdf', { paper: 'A3' }, 'INVALID_INPUT', /A4 or Letter/],
  ['portfolio.exportPdf', {}, 'INVALID_INPUT', /^The paper size is A4 or Letter\.$/],
  [
    'portfolio.exportPdf',
    { paper: 'A4' },
    'CONFLICT',
    /needs the desktop app\. In the browser preview, use `npm run pdf`\./,
  ],
  ['data.exportCsv', { path: '/etc/passwd' }, 'INVALID_INPUT', /unexpected field "path"/],
  ['data.exportJson', { pretty: true }, 'INVALID_INPUT', /unexpected field "pretty"/],
  ['data.import', { content: '{}' }, 'INVALID_INPUT', /^Choose replace or merge\.$/],
  ['data.import', { content: '{}', mode: 'overwrite' }, 'INVALID_INPUT', /replace or merge/],
  ['data.import', { content: 42, mode: 'merge' }, 'INVALID_INPUT', /^The file must be text\.$/],
  ['data.import', { content: 'not json', mode: 'merge' }, 'INVALID_INPUT', /not valid JSON.*Nothing was imported/],
  [
    'data.import',
    { content: '{"format":"mlops-study-companion","formatVersion":2}', mode: 'replace' },
    'INVALID_INPUT',
    /newer version/,
  ],
  ['data.folder', { full: true }, 'INVALID_INPUT', /unexpected field "full"/],
  ['data.openFolder', { folder: '/etc' }, 'INVALID_INPUT', /unexpected field "folder"/],
  ['backups.list', { all: true }, 'INVALID_INPUT', /unexpected field "all"/],
  ['backups.create', { reason: 'daily' }, 'INVALID_INPUT', /unexpected field "reason"/],
  ['backups.restore', { id: '../../etc/passwd' }, 'INVALID_INPUT', /not the name of a backup/],
  ['backups.restore', { id: 'companion-20260101-000000-000-manual.db' }, 'NOT_FOUND', /no backup named/],
  ['sync.status', { folder: '/tmp' }, 'INVALID_INPUT', /unexpected field "folder"/],
  ['sync.configure', { folder: 'Dropbox', deviceName: 'Laptop' }, 'INVALID_INPUT', /full path/],
  ['sync.configure', { folder: '/no/such/folder/anywhere', deviceName: 'Laptop' }, 'INVALID_INPUT', /no folder/],
  ['sync.configure', { folder: '', deviceName: 'Laptop' }, 'INVALID_INPUT', /Choose a folder to sync through/],
  ['sync.configure', { folder: '/tmp', deviceName: '' }, 'INVALID_INPUT', /Give this computer a name/],
  ['sync.configure', { folder: '/tmp' }, 'INVALID_INPUT', /deviceName/],
  ['sync.now', { force: true }, 'INVALID_INPUT', /unexpected field "force"/],
  ['sync.now', {}, 'CONFLICT', /^Sync is off\. Choose a folder and turn sync on first\.$/],
  ['import.preview', { fileName: 'a.csv' }, 'INVALID_INPUT', /file/i],
  ['import.preview', { content: 'x', fileName: '' }, 'INVALID_INPUT', /The file needs a name\./],
  ['import.preview', { content: 'x', fileName: 'a.csv', timeZone: 'Mars/Olympus' }, 'INVALID_INPUT', /time zone/],
  [
    'import.preview',
    { content: 'x', fileName: 'a.csv', dateOrder: 'ymd' },
    'INVALID_INPUT',
    /must be one of: dmy, mdy/,
  ],
  ['import.preview', { content: 'hello, world', fileName: 'a.csv' }, 'INVALID_INPUT', /time report/],
  ['import.apply', { content: 'x', fileName: 'a.csv' }, 'INVALID_INPUT', /"mapping" is missing/],
  [
    'import.apply',
    { content: 'x', fileName: 'a.csv', mapping: [{ key: 'k', itemId: '99.9' }] },
    'INVALID_INPUT',
    /item id looks like/,
  ],
  [
    'import.apply',
    { content: 'x', fileName: 'a.csv', mapping: [{ key: 'k', itemId: '9.9' }] },
    'NOT_FOUND',
    /no curriculum item "9\.9"/,
  ],
  ['import.undo', {}, 'INVALID_INPUT', /"batchId" is missing/],
  ['import.undo', { batchId: 12345 }, 'NOT_FOUND', /There is no import number 12345\./],
  ['import.list', { all: true }, 'INVALID_INPUT', /unexpected field "all"/],
  ['sync.chooseFolder', { title: 'x' }, 'INVALID_INPUT', /unexpected field "title"/],
  ['sync.chooseFolder', {}, 'CONFLICT', /needs the desktop app; type the folder's full path instead/],
  ['import.preview', { content: '', fileName: 'a.csv', path: '/etc' }, 'INVALID_INPUT', /unexpected field "path"/],
  ['import.apply', { content: '', fileName: 'a.csv', mapping: [], x: 1 }, 'INVALID_INPUT', /unexpected field "x"/],
  ['import.undo', { batchId: 1, all: true }, 'INVALID_INPUT', /unexpected field "all"/],
  ['repo.summary', { itemId: '9.9' }, 'NOT_FOUND', /no curriculum item "9\.9"/],
  ['repo.link', { itemId: '4.1', folder: '' }, 'INVALID_INPUT', /^Type the repository folder's full path\.$/],
  ['repo.link', { itemId: '4.1', folder: 'projects/api' }, 'INVALID_INPUT', /Type the folder's full path, for example/],
  ['repo.link', { itemId: '4.1', folder: '/no/such/folder/anywhere' }, 'CONFLICT', /There is no folder at/],
  ['repo.link', { itemId: '4.1', folder: '/' }, 'CONFLICT', /is not a git repository/],
  ['repo.link', { itemId: '4.1', folder: huge }, 'INVALID_INPUT', /at most 4,096 characters/],
  ['repo.link', { itemId: '9.9', folder: '/tmp' }, 'NOT_FOUND', /no curriculum item/],
  ['repo.unlink', { itemId: '4.1', folder: '/tmp' }, 'INVALID_INPUT', /unexpected field "folder"/],
  ['repo.chooseFolder', {}, 'CONFLICT', /needs the desktop app; type the repository folder's full path instead/],
  ['repo.progress', { folder: '/tmp' }, 'INVALID_INPUT', /unexpected field "folder"/],
  ['repo.acceptSuggestion', { itemId: '4.1', suggestionId: 'abc' }, 'INVALID_INPUT', /40-character id/],
  ['repo.acceptSuggestion', { itemId: '4.1', suggestionId: 'a'.repeat(40) }, 'CONFLICT', /not linked to a repository/],
  ['repo.dismissSuggestion', { itemId: '4.1', suggestionId: 'a'.repeat(40) }, 'CONFLICT', /not linked to a repository/],
  ['stats.roadmap', { phase: 1 }, 'INVALID_INPUT', /unexpected field "phase"/],
  ['stats.insights', { today: '2026-03-02' }, 'INVALID_INPUT', /unexpected field "today"/],
  ['nope.nothing', {}, 'UNKNOWN_CHANNEL', /no channel named "nope\.nothing"/],
  ['__proto__', {}, 'UNKNOWN_CHANNEL', /no channel/],
  ['constructor', {}, 'UNKNOWN_CHANNEL', /no channel/],
];

describe('bad input', () => {
  it('covers every channel of the contract', () => {
    const covered = new Set(cases.map(([channel]) => channel));
    expect(channels.filter((c) => !covered.has(c) && c !== 'curriculum.get' && c !== 'progress.overview')).toEqual([]);
    // The two read-everything channels take no fields; extra ones are refused like anywhere else.
    for (const channel of ['curriculum.get', 'progress.overview']) {
      expect(app.raw(channel, { itemId: '1.1' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
  });

  // Through dispatchAsync, as Electron's IPC and the preview call: it runs every channel.
  it.each(cases)('%s %j → %s', async (channel, payload, code, words) => {
    const before = dumpDatabase(app.db);
    const result = await app.rawAsync(channel, payload);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message).toMatch(words);
    expect(result.error.message.length).toBeLessThan(400);
    // Sentences about the learner's action: no field paths, none of zod's own wording.
    expect(result.error.message).not.toMatch(
      /^The request was not valid|Invalid input|expected \w+, received|[<>]=|\w\.\w+: |\.\./,
    );
    expect(result.error.message).toMatch(/[.…]$/);
    expect(dumpDatabase(app.db)).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a handler that fails halfway leaves nothing half-written and says so plainly', () => {
    const before = dumpDatabase(app.db);
    // A handler that writes, then hits a fault of ours inside its transaction.
    const broken = {
      ...handlers,
      'time.delete': (ctx: HandlerContext) =>
        ctx.db.transaction(() => {
          ctx.db.prepare('DELETE FROM time_entries').run();
          throw new Error('disk on fire');
        })(),
    } as HandlerTable;
    const result = dispatch(broken, app.ctx, 'time.delete', { id: entryId }, { onInternalError: () => {} });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INTERNAL',
        message: 'Something went wrong on our side and nothing was changed. Please try again.',
      },
    });
    expect(dumpDatabase(app.db)).toBe(before);
  });

  it('changes only the settings given a value when others are sent as undefined', () => {
    const before = app.call('settings.get');
    const after = app.call('settings.update', { learnerName: 'Sam', theme: undefined, targetDate: undefined });
    expect(after).toEqual({ ...before, learnerName: 'Sam' });
    app.call('settings.update', { learnerName: before.learnerName });
  });

  it('still works normally after all that', () => {
    expect(app.call('timer.current')).toMatchObject({ itemId: '2.1' });
    expect(app.call('time.list', {}).entries.map((e) => e.id)).toEqual([entryId]);
  });
});
