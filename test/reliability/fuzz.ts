// Fuzzed IPC: for every channel of the contract, payloads that are wrong in every way we could think
// of (wrong types, missing and extra fields, unknown ids, huge strings, odd unicode, NaN and
// Infinity, dates out of range, arrays for objects, deep nesting, prototype-pollution keys, null,
// undefined), made by fast-check from one valid example per channel so that most of them get past
// the top-level type check and reach the deeper rules. Each goes through dispatchAsync, as Electron's
// IPC and the preview call, against a database with some data in it, and must come back refused
// with a typed error in a short sentence, leave every row as it was and Object.prototype alone.
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { channels, contract, type Channel, type ChannelInput } from '../../shared/contract';
import { portfolioFieldKeys } from '../../shared/curriculum';
import { errorCodes, type Envelope } from '../../shared/errors';
import { DAY_MS, FUTURE_TOLERANCE_MS, HOUR_MS, MINUTE_MS, EARLIEST_MS, LATEST_MS } from '../../shared/time';
import { handlers, type HandlerContext } from '../../electron/handlers';
import { readSettings } from '../../electron/store/settings';
import { backupFileName, listBackups } from '../../electron/data/backups';
import { parseExportFile } from '../../electron/data/import-json';
import { readTimer } from '../../electron/store/timer';
import { dispatchAsync, ERROR_MESSAGE_MAX } from '../../electron/ipc/dispatch';
import { ruleFor } from '../../electron/milestones/rules';
import { parseReport } from '../../electron/import';
import { planImport, spanKey } from '../../electron/import/mapping';
import { createTestApp, dumpDatabase, T0, type TestApp } from '../support/context';
import { makeRepo } from '../support/git-repos';
import { fixture } from '../support/time-reports';

/** Reports from the import's fixtures: Toggl for the seeded import, Clockify for the examples. */
const TOGGL_CLOCKIFY_MIX = { toggl: fixture('toggl-detailed.csv'), clockify: fixture('clockify-detailed-eu.csv') };

export interface FuzzOptions {
  /** How many payloads in all; spread evenly over the channels (each gets the same share, rounded up). */
  payloads: number;
  seed: number;
  /** Called every 500 payloads. */
  onProgress?: (done: number, total: number) => void;
}

export interface FuzzFinding {
  channel: Channel;
  kind: string;
  /** 'message-cut' is a note, not a failure. */
  problem: 'accepted' | 'db-changed' | 'crash' | 'bad-error' | 'polluted' | 'message-cut';
  payload: string;
  detail: string;
}

export interface FuzzResult {
  /** Payloads sent: every one invalid, by the contract's input schema or by the data (an unknown id, ...). */
  fuzzPayloads: number;
  /** Answered `{ ok: true }`. */
  fuzzAccepted: number;
  /** Left the database or the backups folder different (a full dump of both after each payload). */
  fuzzDbChanged: number;
  /** Threw out of dispatchAsync, or a handler fault the dispatcher caught and answered INTERNAL (a bug either way). */
  fuzzCrashes: number;
  /** An error envelope without a known code, or whose message is empty or 500 characters or more. */
  fuzzBadErrors: number;
  /** Left a new property on a built-in prototype (Object, Array, Function, String, Number). */
  fuzzPolluted: number;
  /** Payloads that passed the input schema and were refused by a handler (an unknown id, a date in the future, ...). */
  pastSchema: number;
  /** Error messages the dispatcher had to cut to ERROR_MESSAGE_MAX: not a failure, but a message quoting too much. */
  messagesCut: number;
  /**
   * Generated payloads that turned out valid: not counted in fuzzPayloads, and sent to a second,
   * scratch database instead, where only a crash, a malformed error or pollution counts (above).
   */
  validSent: number;
  perChannel: Record<string, number>;
  /** How many payloads each kind of mutation made (a payload with several counts as "several"). */
  perKind: Record<string, number>;
  /** The first few problems, for reading. */
  findings: FuzzFinding[];
}

type Path = (string | number)[];
type Mutator = { kind: string; apply: (payload: unknown) => unknown };

const MESSAGE_MAX = 500;
const FINDINGS_MAX = 25;

// ---- Values that are wrong almost anywhere -----------------------------------------------------

const HUGE = 100_000;
const hugeStrings = [
  'x'.repeat(HUGE),
  '🙂'.repeat(HUGE / 2),
  '\uD800'.repeat(HUGE), // lone high surrogates
  'a\u0000'.repeat(HUGE / 2),
  '\u202E\u200B\uFEFF'.repeat(HUGE / 3),
  '1.1'.repeat(HUGE / 3),
];
const oddStrings = [
  '',
  ' ',
  '\u0000',
  '\uD800',
  '\uDFFF',
  '\uDBFF\uDBFF',
  '\uFEFF',
  '\u200B',
  '\u202Eevil',
  '１.１',
  '١.١',
  '1.1\n',
  ' 1.1',
  'NaN',
  'undefined',
  'null',
  'true',
  '[object Object]',
  '__proto__',
  'constructor',
  '${7*7}',
  '{{7*7}}',
  "'; DROP TABLE time_entries; --",
  '💥',
  'e\u0301',
  '\r\n',
  '\t',
  '%00',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  'ǅ',
  'İ',
  'ß',
];

/** An object or array nested `depth` levels deep. */
function nested(depth: number, asArray: boolean, leaf: unknown = 1): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
}

/** Objects whose own keys try to reach a prototype, made by JSON.parse so `__proto__` is an own key. */
const pollutionObjects = [
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"prototype":{"polluted":true}}',
  '{"__proto__":{"__proto__":{"polluted":true}}}',
  '{"a":{"__proto__":{"polluted":true}}}',
  '[{"__proto__":{"polluted":true}}]',
];
const pollutionObject = fc.constantFrom(...pollutionObjects).map((json) => JSON.parse(json) as unknown);

const oddNumbers = fc.oneof(
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    0,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    Number.MIN_VALUE,
    Number.EPSILON,
    0.5,
    -1,
    2 ** 31,
    2 ** 53,
    2 ** 64,
    -(2 ** 63),
  ),
  fc.double(),
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
);

const nastyString = fc.oneof(
  fc.constantFrom(...oddStrings),
  { arbitrary: fc.constantFrom(...hugeStrings), weight: 2 },
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => `a${String.fromCharCode(c)}b`),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }).map((s) => s.repeat(Math.ceil(HUGE / s.length))),
);

const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    undefined,
    true,
    false,
    [],
    {},
    [null],
    [undefined],
    new Date(Number.NaN),
    new Date(0),
    10n,
    -1n,
  ),
  oddNumbers,
  nastyString,
  fc.tuple(fc.integer({ min: 500, max: 3000 }), fc.boolean()).map(([depth, asArray]) => nested(depth, asArray)),
  pollutionObject,
  fc.anything({
    maxDepth: 3,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withTypedArray: true,
    withSparseArray: true,
    withBoxedValues: true,
    withObjectString: true,
    withUnicodeString: true,
  }),
);

const junkKey = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'valueOf',
    'hasOwnProperty',
    'admin',
    'source',
    'id',
    'now',
    'polluted',
    '',
  ),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('k'.repeat(HUGE), '\uD800'.repeat(1000), '"'.repeat(5000), '\n'.repeat(1000)),
);

// ---- Paths into a payload ----------------------------------------------------------------------

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function allPaths(value: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...allPaths(v, [...prefix, i])));
  else if (isPlainObject(value)) for (const [k, v] of Object.entries(value)) out.push(...allPaths(v, [...prefix, k]));
  return out;
}

function getAt(root: unknown, path: Path): { found: boolean; value?: unknown } {
  let value = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.prototype.hasOwnProperty.call(value, key))
      return { found: false };
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return { found: true, value };
}

/** Sets an own property (even `__proto__`) at `path`; returns the new root. A path that no longer exists changes nothing. */
function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const parent = getAt(root, path.slice(0, -1));
  if (!parent.found || typeof parent.value !== 'object' || parent.value === null) return root;
  Object.defineProperty(parent.value, path[path.length - 1]!, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return root;
}

function deleteAt(root: unknown, path: Path): unknown {
  if (path.length === 0) return undefined;
  const parent = getAt(root, path.slice(0, -1));
  if (parent.found && typeof parent.value === 'object' && parent.value !== null)
    delete (parent.value as Record<PropertyKey, unknown>)[path[path.length - 1]!];
  return root;
}

// ---- The data the fuzz runs against ------------------------------------------------------------

/** What the valid examples point at: rows and files that exist. */
interface Existing {
  entryId: number;
  backupId: string;
  /** A valid JSON export of the seeded data: what data.import's mutations start from. */
  exportContent: string;
  /** An empty folder of its own that sync.configure's example points at (removed after the run). */
  syncFolder: string;
  /** An import of a Toggl report the seed made, for import.undo's example. */
  importBatchId: number;
  /** A git repository linked to item 4.1 (removed after the run), and the sessions it suggests there. */
  repoFolder: string;
  suggestionIds: string[];
}

interface Facts extends Existing {
  app: TestApp;
  ctx: HandlerContext;
  itemIds: Set<string>;
  listLength: Map<string, number>;
  milestoneIds: Set<string>;
  unknownItemIds: string[];
}

async function seedData(app: TestApp): Promise<Existing> {
  const entryId = app.call('time.add', {
    itemId: '1.1',
    startedAt: T0 - 5 * HOUR_MS,
    endedAt: T0 - 4 * HOUR_MS,
    note: 'first',
  }).id;
  app.call('time.add', { itemId: '4.1', startedAt: T0 - DAY_MS, endedAt: T0 - DAY_MS + 90 * MINUTE_MS });
  app.call('time.add', {
    itemId: '1.2',
    startedAt: T0 - 3 * DAY_MS,
    endedAt: T0 - 3 * DAY_MS + 45 * MINUTE_MS,
    note: 'ünïcödé 🙂',
  });
  app.call('item.setStatus', { itemId: '1.3', status: 'done' });
  app.call('item.setStatus', { itemId: '2.3', status: 'skipped' });
  app.call('item.setNotes', { itemId: '1.1', notes: 'Some notes.' });
  app.call('item.tickEntry', { itemId: '1.1', entryIndex: 0, ticked: true });
  app.call('settings.update', { learnerName: 'Fuzz', weeklyGoalHours: 8 });
  app.call('portfolio.update', {
    itemId: '4.1',
    fields: { projectTitle: 'A title' },
    links: { githubRepository: 'https://github.com/me/p' },
  });
  app.call('assessment.save', {
    itemId: '4.1',
    scores: {
      technical: [4, 4, 4, 4, 4],
      mlops: [3, 3, 3, 3, 3],
      innovation: [5, 5, 5, 5, 5],
      communication: [2, 2, 2, 2, 2],
    },
  });
  app.call('milestones.tick', { entryId: 'phase1.2', ticked: true });
  // A running timer: a `timer.stop` that got through would log it and show in the dump.
  app.call('timer.start', { itemId: '2.1', note: 'running' });
  const backupId = (await app.callAsync('backups.create')).id;
  const syncFolder = mkdtempSync(path.join(tmpdir(), 'companion-fuzz-sync-'));
  const importBatchId = (
    await app.callAsync('import.apply', { content: TOGGL_CLOCKIFY_MIX.toggl, fileName: 'toggl.csv', mapping: [] })
  ).batch.id;
  // Commits on two days with no time logged on 4.1: two suggested sessions.
  const repo = await makeRepo(
    [
      { at: T0 - 2 * DAY_MS, message: 'Start', files: { 'README.md': 'An API.\n', Dockerfile: 'FROM python:3.12\n' } },
      { at: T0 - 2 * DAY_MS + 20 * MINUTE_MS, message: 'Endpoint' },
      { at: T0 - 4 * DAY_MS, message: 'Tests' },
    ],
    { remote: 'git@github.com:me/api.git' },
  );
  const linked = (await app.callAsync('repo.link', { itemId: '4.1', folder: repo.dir })).linked!;
  const suggestionIds = linked.suggestions.map((s) => s.id);
  return {
    entryId,
    backupId,
    exportContent: app.call('data.exportJson').content,
    syncFolder,
    importBatchId,
    repoFolder: repo.dir,
    suggestionIds,
  };
}

/** One valid payload per channel, the starting point of every mutation. Typed by the contract. */
function validExamples({
  entryId,
  backupId,
  exportContent,
  syncFolder,
  importBatchId,
  repoFolder,
  suggestionIds,
}: Existing): {
  [C in Channel]: ChannelInput<C>;
} {
  const fives = [5, 4, 3, 2, 1];
  return {
    'curriculum.get': {},
    'progress.overview': {},
    'item.get': { itemId: '1.1' },
    'item.setStatus': { itemId: '1.2', status: 'done' },
    'item.setNotes': { itemId: '1.1', notes: 'Read the chapter twice.' },
    'item.tickEntry': { itemId: '1.1', entryIndex: 2, ticked: true },
    'timer.current': {},
    'timer.start': { itemId: '2.2', note: 'focus' },
    'timer.stop': {},
    'time.add': { itemId: '1.1', startedAt: T0 - 3 * HOUR_MS, endedAt: T0 - 2 * HOUR_MS, note: 'reading' },
    'time.edit': { id: entryId, itemId: '1.3', startedAt: T0 - 6 * HOUR_MS, endedAt: T0 - 5 * HOUR_MS, note: 'edited' },
    'time.delete': { id: entryId },
    'time.list': { itemId: '1.1', from: T0 - 7 * DAY_MS, to: T0, before: { startedAt: T0, id: entryId }, limit: 50 },
    'settings.get': {},
    'settings.update': {
      learnerName: 'Alex',
      planStartDate: '2026-01-05',
      targetDate: '2026-10-05',
      weeklyGoalHours: 12,
      streakMinMinutes: 20,
      theme: 'dark',
      backupsToKeep: 5,
    },
    'portfolio.list': {},
    'portfolio.get': { itemId: '4.1' },
    'portfolio.update': {
      itemId: '4.1',
      included: true,
      fields: Object.fromEntries(portfolioFieldKeys.map((k) => [k, `My ${k}`])),
      links: {
        githubRepository: 'https://github.com/you/project',
        liveDemo: '',
        documentation: 'http://example.com/docs',
      },
    },
    'assessment.save': {
      itemId: '4.1',
      scores: { technical: fives, mlops: fives, innovation: fives, communication: fives },
    },
    'assessment.history': { itemId: '4.1' },
    'milestones.get': {},
    'milestones.tick': { entryId: 'phase1.3', ticked: true },
    'portfolio.exportPdf': { paper: 'A4' },
    'data.exportCsv': {},
    'data.exportJson': {},
    'data.import': { content: exportContent, mode: 'merge' },
    'import.preview': { content: TOGGL_CLOCKIFY_MIX.clockify, fileName: 'clockify.csv', timeZone: 'Europe/Berlin' },
    'import.apply': {
      content: TOGGL_CLOCKIFY_MIX.clockify,
      fileName: 'clockify.csv',
      timeZone: 'Europe/Berlin',
      dateOrder: 'dmy',
      mapping: [],
    },
    'import.undo': { batchId: importBatchId },
    'import.list': {},
    'backups.list': {},
    'data.folder': {},
    'data.openFolder': {},
    'backups.create': {},
    'backups.restore': { id: backupId },
    'sync.status': {},
    'sync.configure': { folder: syncFolder, deviceName: 'Laptop' },
    'sync.now': {},
    'sync.chooseFolder': {},
    'repo.summary': { itemId: '4.1' },
    'repo.link': { itemId: '4.2', folder: repoFolder },
    'repo.unlink': { itemId: '4.1' },
    'repo.chooseFolder': {},
    'repo.progress': {},
    'repo.acceptSuggestion': { itemId: '4.1', suggestionId: suggestionIds[0]! },
    'repo.dismissSuggestion': { itemId: '4.1', suggestionId: suggestionIds[1]! },
    'stats.roadmap': {},
    'stats.insights': {},
  };
}

// ---- Mutations ---------------------------------------------------------------------------------

const badItemIds = fc.oneof(
  fc.constantFrom(
    '0.0',
    '1.10',
    '10.1',
    '1.0',
    '0.1',
    '1.1 ',
    ' 1.1',
    '1,1',
    '1.1\u0000',
    '１.１',
    '١.١',
    'a.b',
    '',
    '1.',
    '.1',
    '11',
    '1..1',
    '1.1.1',
    '-1.1',
    '+1.1',
    '1.1\n',
  ),
  nastyValue,
);
const badInstants = fc.oneof(
  fc.constantFrom<unknown>(
    EARLIEST_MS - 1,
    LATEST_MS + 1,
    0,
    -1,
    T0 + 0.5,
    1e300,
    -1e300,
    '2026-03-01T10:00:00Z',
    String(T0),
    new Date(T0),
    BigInt(T0),
    null,
  ),
  fc.integer({ min: -(2 ** 52), max: EARLIEST_MS - 1 }),
  fc.integer({ min: LATEST_MS + 1, max: 2 ** 52 }),
  fc.double({ min: EARLIEST_MS, max: LATEST_MS, noInteger: true }),
  nastyValue,
);
const badEntryIds = fc.oneof(
  fc.constantFrom<unknown>(0, -1, 1.5, Number.MAX_SAFE_INTEGER + 1, 2 ** 64, '1', 1n, Number.NaN, null, true, [1]),
  fc.integer({ min: -(2 ** 31), max: 0 }),
  nastyValue,
);
const badDates = fc.oneof(
  fc.constantFrom(
    '2026-02-30',
    '2026-13-01',
    '2026-00-10',
    '2026-01-32',
    '2026-1-1',
    '26-01-01',
    '2026/01/01',
    '+002026-01-01',
    '2026-01-01T00:00',
    '2026-01-01 ',
    ' 2026-01-01',
    '0000-00-00',
    '２０２６-０１-０１',
    '2025-02-29',
    '2026-W01',
    '20260101',
    '',
  ),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  nastyValue,
);

const badBackupIds = fc.oneof(
  fc.constantFrom(
    '../../etc/passwd',
    '../companion.db',
    'companion.db',
    '/etc/passwd',
    'companion-20260101-000000-000-manual.db/../../x',
    'companion-20260101-000000-000-manual.db\u0000',
    'companion-20260101-000000-000-hacked.db',
    'COMPANION-20260101-000000-000-manual.db',
    'companion-20260101-000000-000-manual.db.partial',
    'companion-2026010-000000-000-manual.db',
    '.',
    '..',
    '',
  ),
  nastyValue,
);

let tooBig: string | undefined;
/** An import one character over the limit: made once, when first drawn. */
const tooBigImport = () => (tooBig ??= ' '.repeat(64 * 1024 * 1024 + 1));

/** Wrong values for a field, chosen by its name (and its parent's, for array elements). */
function badValuesFor(channel: Channel, path: Path): fc.Arbitrary<unknown> | undefined {
  const key = path[path.length - 1];
  const parent = path[path.length - 2];
  if (channel === 'backups.restore' && key === 'id') return badBackupIds;
  if (typeof key === 'number') {
    if (parent === 'technical' || parent === 'mlops' || parent === 'innovation' || parent === 'communication') {
      return fc.oneof(
        fc.constantFrom<unknown>(0, 6, 4.5, -1, Number.NaN, '5', null, 5n, Number.POSITIVE_INFINITY),
        nastyValue,
      );
    }
    return undefined;
  }
  switch (key) {
    case 'itemId':
      return badItemIds;
    case 'startedAt':
    case 'endedAt':
    case 'from':
    case 'to':
      return badInstants;
    case 'id':
      return badEntryIds;
    case 'entryIndex':
      return fc.oneof(
        fc.constantFrom<unknown>(-1, 100, 1.5, '0', Number.NaN, true, null, 1e9),
        fc.integer({ min: 100, max: 2 ** 40 }),
        nastyValue,
      );
    case 'limit':
      return fc.oneof(
        fc.constantFrom<unknown>(0, 501, 1.5, -1, '10', Number.NaN, Number.POSITIVE_INFINITY),
        fc.integer({ min: 501, max: 2 ** 40 }),
        nastyValue,
      );
    case 'status':
      return fc.oneof(
        fc.constantFrom<unknown>('DONE', 'Done', 'finished', '', ' done', 'done ', 'not started', 'in-progress', 0),
        nastyValue,
      );
    case 'note':
      return fc.oneof(fc.constantFrom<unknown>('x'.repeat(2001), '🙂'.repeat(1001), 42, null, ['a']), nastyValue);
    case 'notes':
      return fc.oneof(fc.constantFrom<unknown>('x'.repeat(20_001), 42, null, { text: 'a' }), nastyValue);
    case 'learnerName':
      return fc.oneof(fc.constantFrom<unknown>('x'.repeat(81), ' '.repeat(3) + 'y'.repeat(81), 7, null), nastyValue);
    case 'planStartDate':
    case 'targetDate':
      return badDates;
    case 'weeklyGoalHours':
      return fc.oneof(
        fc.constantFrom<unknown>(0, 0.49, 80.01, -1, Number.NaN, Number.POSITIVE_INFINITY, '10', null),
        fc.double({ min: 80.0001, max: 1e9 }),
        nastyValue,
      );
    case 'streakMinMinutes':
      return fc.oneof(
        fc.constantFrom<unknown>(0, 601, 2.5, -1, Number.NaN, '15', null),
        fc.integer({ min: 601, max: 2 ** 40 }),
        nastyValue,
      );
    case 'theme':
      return fc.oneof(fc.constantFrom<unknown>('neon', 'Dark', 'LIGHT', '', ' system', 0), nastyValue);
    case 'included':
    case 'ticked':
      return fc.oneof(fc.constantFrom<unknown>('yes', 'true', 1, 0, null, 'false', [true]), nastyValue);
    case 'projectTitle':
    case 'duration':
    case 'technologiesUsed':
      return fc.oneof(fc.constantFrom<unknown>('x'.repeat(301), 12, null, ['a']), nastyValue);
    case 'githubRepository':
    case 'liveDemo':
    case 'documentation':
      return fc.oneof(
        fc.constantFrom<unknown>(
          'javascript:alert(1)',
          'ftp://example.com',
          'github.com/me',
          'http://',
          'https://',
          'file:///etc/passwd',
          'data:text/html,x',
          '//evil.example',
          'mailto:me@example.com',
          'https://example.com/' + 'a'.repeat(2000),
          'http://[::1',
          'vbscript:x',
          42,
        ),
        nastyValue,
      );
    case 'technical':
    case 'mlops':
    case 'innovation':
    case 'communication':
      return fc.oneof(
        fc.constantFrom<unknown>(
          [5, 5, 5, 5],
          [5, 5, 5, 5, 5, 5],
          [],
          [[5, 5, 5, 5, 5]],
          '55555',
          { 0: 5, 1: 5, 2: 5, 3: 5, 4: 5 },
          [5, 5, 5, 5, '5'],
        ),
        nastyValue,
      );
    case 'entryId':
      return fc.oneof(
        fc.constantFrom<unknown>(
          'phase1.0',
          'Phase1.1',
          'phase1.10',
          'phase1.1 ',
          'phase 1.1',
          'phase1',
          '.1',
          'phase1.1\n',
          'ph-ase1.1',
          '',
        ),
        nastyValue,
      );
    case 'backupsToKeep':
      return fc.oneof(
        fc.constantFrom<unknown>(0, 101, 1.5, -1, Number.NaN, '10', null),
        fc.integer({ min: 101, max: 2 ** 40 }),
        nastyValue,
      );
    case 'mode':
      return fc.oneof(
        fc.constantFrom<unknown>('overwrite', 'MERGE', 'Replace', '', ' merge', 'merge\n', 'append'),
        nastyValue,
      );
    case 'content':
      return fc.oneof(
        fc.constantFrom<unknown>(
          '',
          'null',
          '[]',
          '{}',
          '"text"',
          'not json',
          '\uFEFF{}',
          '{"format":"mlops-study-companion","formatVersion":2}',
          '{"format":"mlops-study-companion","formatVersion":1}',
        ),
        fc.constant(undefined).map(() => tooBigImport()),
        nastyValue,
      );
    case 'format':
      return fc.oneof(fc.constantFrom<unknown>('mlops', 'MLOPS-STUDY-COMPANION', ''), nastyValue);
    case 'formatVersion':
      return fc.oneof(fc.constantFrom<unknown>(0, 2, 1.5, -1, '1', 1e9), nastyValue);
    case 'source':
      return fc.oneof(fc.constantFrom<unknown>('import', 'Manual', '', 'timer '), nastyValue);
    case 'tickedEntries':
      return fc.oneof(
        fc.constantFrom<unknown>(
          [100],
          [-1],
          [1.5],
          ['0'],
          Array.from({ length: 101 }, (_, i) => i % 5),
        ),
        nastyValue,
      );
    case 'tickedAt':
    case 'assessedAt':
      return badInstants;
    case 'paper':
      return fc.oneof(fc.constantFrom<unknown>('A3', 'a4', 'letter', 'LETTER', 'A4 ', '', 'Legal'), nastyValue);
    default:
      if (typeof key === 'string' && (portfolioFieldKeys as readonly string[]).includes(key)) {
        return fc.oneof(fc.constantFrom<unknown>('x'.repeat(10_001), 12, null), nastyValue);
      }
      return undefined;
  }
}

/** Spans and ranges that break a rule between two fields. */
function crossFieldMutators(channel: Channel, facts: Facts): fc.Arbitrary<Mutator>[] {
  if (channel === 'time.add' || channel === 'time.edit') {
    const span = (kind: string, f: (start: number) => [number, number]) =>
      fc.integer({ min: 2 * DAY_MS, max: 300 * DAY_MS }).map((back): Mutator => ({
        kind,
        apply: (p) => {
          const [startedAt, endedAt] = f(T0 - back);
          return setAt(setAt(p, ['startedAt'], startedAt), ['endedAt'], endedAt);
        },
      }));
    return [
      span('span:ends-before-start', (s) => [s, s - MINUTE_MS]),
      span('span:zero', (s) => [s, s]),
      span('span:under-a-minute', (s) => [s, s + MINUTE_MS - 1]),
      span('span:over-a-day', (s) => [s, s + DAY_MS + 1]),
      span('span:reversed-by-a-ms', (s) => [s, s - 1]),
    ];
  }
  if (channel === 'time.list') {
    return [
      fc.integer({ min: 0, max: 30 * DAY_MS }).map((gap): Mutator => ({
        kind: 'range:from-not-before-to',
        apply: (p) => setAt(setAt(p, ['from'], T0), ['to'], T0 - gap),
      })),
      fc
        .constantFrom<Path>(['before', 'id'], ['before', 'startedAt'])
        .map((path): Mutator => ({ kind: 'range:half-a-cursor', apply: (p) => deleteAt(p, path) })),
    ];
  }
  if (channel === 'settings.update') {
    return [fc.constant<Mutator>({ kind: 'settings:nothing', apply: () => ({}) })];
  }
  if (channel === 'data.import') return importContentMutators(facts.exportContent);
  if (channel === 'portfolio.update') {
    return [fc.constant<Mutator>({ kind: 'portfolio:nothing-to-change', apply: () => ({ itemId: '4.1' }) })];
  }
  return [];
}

/** JSON text of anything: bigints as strings, so a mutated export document always turns into text. */
function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? String(v) : v)) ?? 'undefined';
  } catch {
    return Object.prototype.toString.call(value); // a cycle or a getter that throws: some text all the same
  }
}

/** data.import: the same mutations, on the export document inside `content`, and on its text. */
function importContentMutators(exportContent: string): fc.Arbitrary<Mutator>[] {
  const doc = JSON.parse(exportContent) as unknown;
  const paths = allPaths(doc);
  const inner = paths.filter((p) => p.length > 0);
  const objectPaths = paths.filter((p) => isPlainObject(getAt(doc, p).value));
  const onDocument = (kind: string, change: (copy: unknown) => unknown): Mutator => ({
    kind: `import:${kind}`,
    apply: (p) => setAt(p, ['content'], jsonText(change(structuredClone(doc)))),
  });
  const onText = (kind: string, change: (text: string) => string): Mutator => ({
    kind: `import:${kind}`,
    apply: (p) => setAt(p, ['content'], change(exportContent)),
  });
  const targeted = inner.flatMap((path) => {
    const bad = badValuesFor('data.import', path);
    return bad
      ? [bad.map((value) => onDocument(`bad-${String(path[path.length - 1])}`, (copy) => setAt(copy, path, value)))]
      : [];
  });
  return [
    fc
      .tuple(fc.constantFrom(...inner), nastyValue)
      .map(([path, value]) => onDocument('wrong-value', (copy) => setAt(copy, path, value))),
    fc.constantFrom(...inner).map((path) => onDocument('missing', (copy) => deleteAt(copy, path))),
    fc.tuple(fc.constantFrom(...objectPaths), junkKey, nastyValue).map(([path, key, value]) =>
      onDocument('extra', (copy) => {
        const target = getAt(copy, path);
        if (target.found && isPlainObject(target.value))
          Object.defineProperty(target.value, key, { value, enumerable: true, writable: true, configurable: true });
        return copy;
      }),
    ),
    fc
      .tuple(fc.constantFrom(...objectPaths), fc.constantFrom('__proto__', 'constructor', 'prototype'), pollutionObject)
      .map(([path, key, value]) =>
        // An own `__proto__` key survives JSON.stringify, and JSON.parse in the import makes it own again.
        onDocument('prototype-key', (copy) => {
          const target = getAt(copy, path);
          if (target.found && isPlainObject(target.value))
            Object.defineProperty(target.value, key, { value, enumerable: true, writable: true, configurable: true });
          return copy;
        }),
      ),
    fc.oneof(...targeted),
    fc
      .tuple(
        fc.constantFrom(['timeEntries', 0], ['items', 0], ['portfolio', 0], ['assessments', 0]),
        fc.constantFrom('9.9', '0.0', '1.10', '3.4'),
      )
      .map(([[list, index], itemId]) =>
        onDocument('unknown-item', (copy) => setAt(copy, ['data', list!, index!, 'itemId'], itemId)),
      ),
    fc
      .constantFrom('phase9.1', 'portfolio.9', 'x.1')
      .map((entryId) =>
        onDocument('unknown-milestone', (copy) =>
          setAt(copy, ['data', 'milestoneTicks'], [{ entryId, tickedAt: T0 - DAY_MS }]),
        ),
      ),
    fc
      .integer({ min: 6, max: 99 })
      .map((index) =>
        onDocument('no-such-list-entry', (copy) => setAt(copy, ['data', 'items', 0, 'tickedEntries'], [index])),
      ),
    fc
      .constantFrom('9.9', '1.1')
      .map((itemId) =>
        onDocument('bad-running-timer', (copy) =>
          setAt(copy, ['data', 'runningTimer'], { itemId, startedAt: itemId === '1.1' ? 5 : T0, note: '' }),
        ),
      ),
    fc
      .integer({ min: 2, max: 1000 })
      .map((version) => onDocument('newer-format', (copy) => setAt(copy, ['formatVersion'], version))),
    fc
      .constantFrom<[number, number]>(
        [T0, T0],
        [T0, T0 - 1],
        [T0, T0 + 59_999],
        [T0, T0 + DAY_MS + 1],
        [EARLIEST_MS - MINUTE_MS, EARLIEST_MS],
      )
      .map(([startedAt, endedAt]) =>
        onDocument('bad-span', (copy) =>
          setAt(
            setAt(copy, ['data', 'timeEntries', 0, 'startedAt'], startedAt),
            ['data', 'timeEntries', 0, 'endedAt'],
            endedAt,
          ),
        ),
      ),
    fc.nat({ max: exportContent.length - 2 }).map((at) => onText('truncated', (text) => text.slice(0, at + 1))),
    fc
      .tuple(fc.constantFrom('}', ',', 'x', '\u0000', ']', ' {}', '{'), fc.boolean())
      .map(([junk, atEnd]) => onText('garbled', (text) => (atEnd ? text + junk : junk + text))),
    fc.constant(onText('json-in-a-string', (text) => JSON.stringify(text))),
    fc.constant(onText('twice', (text) => text + text)),
  ];
}

/** Payloads that pass the schema but name something that is not there, or ask for what cannot be. */
function semanticMutators(channel: Channel, facts: Facts): fc.Arbitrary<Mutator>[] {
  const out: fc.Arbitrary<Mutator>[] = [];
  const example = validExamples(facts)[channel];
  if (isPlainObject(example) && 'itemId' in example) {
    out.push(
      fc
        .constantFrom(...facts.unknownItemIds)
        .map((id): Mutator => ({ kind: 'semantic:unknown-item', apply: (p) => setAt(p, ['itemId'], id) })),
    );
  }
  if (channel === 'time.list') {
    out.push(
      fc
        .constantFrom(...facts.unknownItemIds)
        .map((id): Mutator => ({ kind: 'semantic:unknown-item', apply: () => ({ itemId: id }) })),
    );
  }
  if (channel === 'time.edit' || channel === 'time.delete') {
    out.push(
      fc
        .integer({ min: 1000, max: Number.MAX_SAFE_INTEGER })
        .map((id): Mutator => ({ kind: 'semantic:unknown-entry', apply: (p) => setAt(p, ['id'], id) })),
    );
  }
  if (channel === 'time.add' || channel === 'time.edit') {
    out.push(
      fc
        .tuple(
          fc.integer({ min: FUTURE_TOLERANCE_MS + 1, max: 400 * DAY_MS }),
          fc.integer({ min: MINUTE_MS, max: DAY_MS }),
        )
        .map(([ahead, length]): Mutator => ({
          kind: 'semantic:ends-in-the-future',
          apply: (p) => setAt(setAt(p, ['startedAt'], T0 + ahead - length), ['endedAt'], T0 + ahead),
        })),
    );
  }
  if (channel === 'item.tickEntry') {
    out.push(
      fc.tuple(fc.constantFrom(...facts.itemIds), fc.integer({ min: 0, max: 99 })).map(([itemId, extra]): Mutator => ({
        kind: 'semantic:no-such-list-entry',
        apply: (p) =>
          setAt(setAt(p, ['itemId'], itemId), ['entryIndex'], Math.min(99, facts.listLength.get(itemId)! + extra)),
      })),
    );
  }
  if (channel === 'settings.update') {
    out.push(
      fc
        .tuple(
          fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2099, 0, 1)), noInvalidDate: true }),
          fc.integer({ min: 0, max: 3000 }),
        )
        .map(([start, back]): Mutator => ({
          kind: 'semantic:target-not-after-start',
          apply: () => ({
            planStartDate: start.toISOString().slice(0, 10),
            targetDate: new Date(start.getTime() - back * DAY_MS).toISOString().slice(0, 10),
          }),
        })),
      fc
        .date({ min: new Date(Date.UTC(2030, 0, 1)), max: new Date(Date.UTC(2099, 0, 1)), noInvalidDate: true })
        .map((start): Mutator => ({
          kind: 'semantic:start-after-stored-target',
          apply: () => ({ planStartDate: start.toISOString().slice(0, 10) }),
        })),
    );
  }
  if (channel === 'backups.restore') {
    out.push(
      fc
        .tuple(
          fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2099, 0, 1)), noInvalidDate: true }),
          fc.constantFrom('daily', 'manual', 'import', 'restore', 'migration') as fc.Arbitrary<'manual'>,
        )
        .map(([date, reason]): Mutator => ({
          kind: 'semantic:unknown-backup',
          apply: () => ({ id: backupFileName(date.getTime(), reason) }),
        })),
    );
  }
  if (channel === 'milestones.tick') {
    const ruled = [...facts.milestoneIds].filter((id) => ruleFor(id));
    out.push(
      fc
        .constantFrom('phase9.1', 'phase4.1', 'phase1.6', 'portfolio.6', 'x.1', 'abc123.9', 'phase0.1')
        .map((id): Mutator => ({ kind: 'semantic:unknown-milestone', apply: (p) => setAt(p, ['entryId'], id) })),
      fc.tuple(fc.constantFrom(...ruled), fc.boolean()).map(([id, ticked]): Mutator => ({
        kind: 'semantic:milestone-with-a-rule',
        apply: () => ({ entryId: id, ticked }),
      })),
    );
  }
  return out;
}

function channelArbitrary(channel: Channel, facts: Facts): fc.Arbitrary<{ kind: string; payload: unknown }> {
  const example = validExamples(facts)[channel] as unknown;
  const paths = allPaths(example);
  const inner = paths.filter((p) => p.length > 0);
  const objectPaths = paths.filter((p) => isPlainObject(getAt(example, p).value));

  const single: { arbitrary: fc.Arbitrary<Mutator>; weight: number }[] = [
    {
      weight: 2,
      arbitrary: nastyValue.map((value): Mutator => ({ kind: 'root:replaced', apply: () => value })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('array', 'array-of-two', 'json-string', 'wrapped', 'deep-object', 'deep-array')
        .map((how): Mutator => ({
          kind: `root:${how}`,
          apply: (p) => {
            if (how === 'array') return [p];
            if (how === 'array-of-two') return [p, p];
            if (how === 'json-string') return jsonText(p);
            if (how === 'wrapped') return { payload: p };
            return nested(2000, how === 'deep-array', p);
          },
        })),
    },
    {
      weight: 3,
      arbitrary: fc.tuple(fc.constantFrom(...objectPaths), junkKey, nastyValue).map(([path, key, value]): Mutator => ({
        kind: path.length ? 'field:extra-nested' : 'field:extra',
        apply: (p) => {
          const target = getAt(p, path);
          if (!target.found || typeof target.value !== 'object' || target.value === null) return p;
          try {
            Object.defineProperty(target.value, key, { value, enumerable: true, writable: true, configurable: true });
          } catch {
            // An earlier mutation can leave a value here that refuses the key (an array's "length",
            // a typed array's index): the payload goes on without this mutation.
          }
          return p;
        },
      })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...objectPaths),
          fc.constantFrom('__proto__', 'constructor', 'prototype'),
          pollutionObject,
        )
        .map(([path, key, value]): Mutator => ({
          kind: 'field:prototype-key',
          apply: (p) => {
            const target = getAt(p, path);
            if (!target.found || !isPlainObject(target.value)) return p;
            // Rebuilt through JSON.parse, the way a JSON body arrives: the key is the object's own.
            const rest = Object.keys(target.value).length ? `,${safeJson(target.value).slice(1)}` : '}';
            try {
              return setAt(p, path, JSON.parse(`{"${key}":${JSON.stringify(value)}${rest}`) as unknown);
            } catch {
              return p; // an earlier mutation left something JSON cannot say
            }
          },
        })),
    },
  ];
  if (inner.length) {
    single.push(
      {
        weight: 2,
        arbitrary: fc
          .constantFrom(...inner)
          .map((path): Mutator => ({ kind: 'field:missing', apply: (p) => deleteAt(p, path) })),
      },
      {
        weight: 3,
        arbitrary: fc
          .tuple(fc.constantFrom(...inner), nastyValue)
          .map(([path, value]): Mutator => ({ kind: 'field:wrong-value', apply: (p) => setAt(p, path, value) })),
      },
      {
        // An own key whose value is undefined: structured clone (Electron's IPC) keeps it, JSON drops it.
        weight: 1,
        arbitrary: fc.subarray(inner, { minLength: 1 }).map((list): Mutator => ({
          kind: 'field:undefined',
          apply: (p) => list.reduce((acc, path) => setAt(acc, path, undefined), p),
        })),
      },
      {
        weight: 2,
        arbitrary: fc.tuple(fc.constantFrom(...objectPaths), nastyValue).map(([path, value]): Mutator => ({
          kind: 'field:object-replaced',
          apply: (p) =>
            setAt(p, path, Array.isArray(value) || typeof value !== 'object' ? value : [getAt(p, path).value]),
        })),
      },
    );
  }
  const targeted = inner.flatMap((path) => {
    const bad = badValuesFor(channel, path);
    return bad
      ? [
          bad.map((value): Mutator => ({
            kind: `field:bad-${String(path[path.length - 1])}`,
            apply: (p) => setAt(p, path, value),
          })),
        ]
      : [];
  });
  if (targeted.length) single.push({ weight: 8, arbitrary: fc.oneof(...targeted) });
  const crossField = crossFieldMutators(channel, facts);
  // data.import's real input is the file inside `content`: most of its payloads mutate that.
  if (crossField.length)
    single.push({ weight: channel === 'data.import' ? 20 : 2, arbitrary: fc.oneof(...crossField) });
  const semantic = semanticMutators(channel, facts);
  if (semantic.length) single.push({ weight: 8, arbitrary: fc.oneof(...semantic) });

  const one = fc.oneof(...single);
  const several = fc.array(one, { minLength: 2, maxLength: 4 }).map((list): Mutator => ({
    kind: 'several',
    apply: (p) => list.reduce((acc, m) => m.apply(acc), p),
  }));
  return fc.oneof({ arbitrary: one, weight: 4 }, { arbitrary: several, weight: 1 }).map((mutator) => ({
    kind: mutator.kind,
    payload: mutator.apply(structuredClone(example)),
  }));
}

// ---- Is it really invalid? ---------------------------------------------------------------------

/** The input as the dispatcher parses it (an absent payload is `{}`). */
function parseInput(channel: Channel, payload: unknown): { success: boolean; data?: unknown } {
  try {
    return contract[channel].input.safeParse(payload === undefined ? {} : payload);
  } catch {
    return { success: false }; // the dispatcher will throw the same way: counted as a crash there
  }
}

/**
 * For a payload the schema accepts: whether the data says no (an unknown item or entry, a time in the
 * future, a target before the start, ...). Written from the rules, not from the handlers, so a handler
 * that forgets a rule shows up as an accepted payload.
 */
function refusedByData(channel: Channel, input: Record<string, unknown>, facts: Facts): boolean {
  const unknownItem = typeof input.itemId === 'string' && !facts.itemIds.has(input.itemId);
  const unknownEntry = (id: unknown) =>
    facts.app.db.prepare('SELECT 1 FROM time_entries WHERE id = ?').get(id) === undefined;
  const future = typeof input.endedAt === 'number' && input.endedAt > facts.ctx.now() + FUTURE_TOLERANCE_MS;
  switch (channel) {
    case 'item.get':
    case 'item.setStatus':
    case 'item.setNotes':
    case 'timer.start':
    case 'time.list':
    case 'portfolio.get':
    case 'portfolio.update':
    case 'assessment.save':
    case 'assessment.history':
      return unknownItem;
    case 'item.tickEntry':
      return unknownItem || (input.entryIndex as number) >= facts.listLength.get(input.itemId as string)!;
    case 'time.add':
      return unknownItem || future;
    case 'time.edit':
      return unknownItem || future || unknownEntry(input.id);
    case 'time.delete':
      return unknownEntry(input.id);
    case 'timer.stop':
      return readTimer(facts.ctx) === null;
    case 'settings.update': {
      const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
      const next = { ...readSettings(facts.ctx), ...given };
      return !(
        typeof next.targetDate === 'string' &&
        typeof next.planStartDate === 'string' &&
        next.targetDate > next.planStartDate
      );
    }
    case 'milestones.tick':
      return !facts.milestoneIds.has(input.entryId as string) || ruleFor(input.entryId as string) !== undefined;
    case 'data.import':
      // What a valid export is, is the export format's to say (shared/export-format.ts, checked by parseExportFile).
      try {
        parseExportFile(input.content as string, facts.ctx.curriculum);
        return false;
      } catch {
        return true;
      }
    case 'import.preview':
    case 'import.apply': {
      // A report the parser refuses, or (to apply) one with nothing new to add.
      try {
        const report = parseReport(input.content as string, {
          now: facts.ctx.now(),
          timeZone: input.timeZone as string | undefined,
          dateOrder: input.dateOrder as 'dmy' | 'mdy' | undefined,
        });
        if (channel === 'import.preview') return false;
        const logged = facts.app.db.prepare('SELECT item_id, started_at, ended_at FROM time_entries').raw().all() as [
          string,
          number,
          number,
        ][];
        const chosen = new Map(
          (input.mapping as { key: string; itemId: string | null }[]).map((m) => [m.key, m.itemId]),
        );
        const plan = planImport(
          report.rows,
          facts.ctx.curriculum,
          new Set(logged.map(([i, s, e]) => spanKey(i, s, e))),
          chosen,
        );
        return plan.toAdd.length === 0;
      } catch {
        return true;
      }
    }
    case 'import.undo':
      return (
        facts.app.db.prepare('SELECT 1 FROM import_batches WHERE id = ? AND undone_at IS NULL').get(input.batchId) ===
        undefined
      );
    case 'backups.restore':
      return !listBackups(facts.ctx.files!.backupDir).some((b) => b.id === input.id);
    case 'sync.configure': {
      // Sync turned on needs a folder that is there, given by its full path, outside the app's data folder.
      if (input.folder === null) return false;
      const folder = String(input.folder);
      const dataDir = path.dirname(facts.ctx.files!.dbFile);
      const inside = (a: string, b: string) => {
        const relative = path.relative(b, a);
        return (
          relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative))
        );
      };
      return (
        !path.isAbsolute(folder) ||
        !existsSync(folder) ||
        !statSync(folder).isDirectory() ||
        inside(path.resolve(folder), dataDir) ||
        inside(dataDir, path.resolve(folder))
      );
    }
    case 'repo.summary':
    case 'repo.unlink':
      return unknownItem;
    case 'repo.link':
      return unknownItem || !insideRepository(String(input.folder));
    case 'repo.acceptSuggestion':
    case 'repo.dismissSuggestion':
      // Only item 4.1 is linked, and only its suggested sessions can be accepted or dismissed.
      return input.itemId !== '4.1' || !facts.suggestionIds.includes(input.suggestionId as string);
    default:
      return false;
  }
}

/** A folder (as repo.link reads it: "~" is the home folder, else a full path) in a git repository. */
function insideRepository(typed: string): boolean {
  const folder = typed === '~' ? homedir() : typed.startsWith('~/') ? path.join(homedir(), typed.slice(2)) : typed;
  if (!path.isAbsolute(folder) || !existsSync(folder) || !statSync(folder).isDirectory()) return false;
  for (let dir = path.resolve(folder); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return true;
    if (path.dirname(dir) === dir) return false;
  }
}

// ---- Running ------------------------------------------------------------------------------------

/** JSON that survives undefined, NaN, bigints, cycles and depth, for findings and rebuilt objects. */
function safeJson(value: unknown): string {
  try {
    return (
      JSON.stringify(value, (_key, v: unknown) => {
        if (typeof v === 'bigint') return `${v}n`;
        if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
        if (v === undefined) return '(undefined)';
        return v;
      }) ?? 'undefined'
    );
  } catch (error) {
    return `(unprintable: ${(error as Error).message})`;
  }
}

const preview = (value: unknown) => {
  const text = safeJson(value);
  return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text;
};

const prototypes = [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype];
const prototypeKeys = () => prototypes.map((proto) => new Set(Reflect.ownKeys(proto)));

/** Properties that appeared on a built-in prototype since `before`: removed again, and named. */
function newPrototypeKeys(before: Set<PropertyKey>[]): string[] {
  const added: string[] = [];
  prototypes.forEach((proto, i) => {
    for (const key of Reflect.ownKeys(proto)) {
      if (before[i]!.has(key)) continue;
      added.push(String(key));
      delete (proto as Record<PropertyKey, unknown>)[key];
    }
  });
  return added;
}

type Problem = [FuzzFinding['problem'], string];

/** Sends one payload; the problems its answer shows (a crash, an acceptance, a malformed error). */
async function send(
  ctx: HandlerContext,
  channel: Channel,
  payload: unknown,
): Promise<{ problems: Problem[]; ok: boolean; cut?: boolean }> {
  let internalError: unknown;
  const options = {
    validateOutput: true,
    onInternalError: (_channel: string, error: unknown) => (internalError = error),
  };
  let envelope: Envelope<unknown>;
  try {
    envelope = await dispatchAsync(handlers, ctx, channel, payload, options);
  } catch (error) {
    return { ok: false, problems: [['crash', `threw: ${String((error as Error)?.stack ?? error).slice(0, 600)}`]] };
  }
  if (envelope.ok) return { ok: true, problems: [['accepted', preview(envelope.value)]] };
  const { code, message } = (envelope.error ?? {}) as { code?: unknown; message?: unknown };
  if (code === 'INTERNAL')
    return {
      ok: false,
      problems: [['crash', `INTERNAL: ${String((internalError as Error)?.stack ?? internalError).slice(0, 600)}`]],
    };
  if (
    !(errorCodes as readonly unknown[]).includes(code) ||
    typeof message !== 'string' ||
    message.length === 0 ||
    message.length >= MESSAGE_MAX
  ) {
    return {
      ok: false,
      problems: [
        [
          'bad-error',
          `${String(code)}: ${preview(message)} (${typeof message === 'string' ? message.length : '-'} chars)`,
        ],
      ],
    };
  }
  return { ok: false, problems: [], cut: message.length === ERROR_MESSAGE_MAX && message.endsWith('…') };
}

/** The fuzz's database, seeded, with the facts the mutations and the validity check need. */
async function fuzzApp(): Promise<Facts> {
  const app = createTestApp();
  const existing = await seedData(app);
  const curriculum = app.ctx.curriculum;
  const itemIds = new Set(curriculum.items.map((i) => i.id));
  const unknownItemIds: string[] = [];
  for (let a = 1; a <= 9; a++)
    for (let b = 1; b <= 9; b++) if (!itemIds.has(`${a}.${b}`)) unknownItemIds.push(`${a}.${b}`);
  return {
    app,
    // A PDF exporter that answers as the desktop app would: a bad payload that reached it would be accepted.
    ctx: { ...app.ctx, exportPdf: async () => ({ saved: false, fileName: '', pages: 0, bytes: 0 }) },
    ...existing,
    itemIds,
    listLength: new Map(curriculum.items.map((i) => [i.id, i.list.entries.length])),
    milestoneIds: new Set(curriculum.milestones.flatMap((m) => m.entries.map((e) => e.id))),
    unknownItemIds,
  };
}

export async function runFuzz({ payloads, seed, onProgress }: FuzzOptions): Promise<FuzzResult> {
  const facts = await fuzzApp();
  // Payloads that turn out valid go to a second database, where they may change what they like.
  let scratch: Facts | undefined;
  try {
    const { app, ctx } = facts;
    // The examples must be valid, or the mutations start from the wrong place.
    const examples = validExamples(facts);
    for (const channel of channels) {
      const parsed = parseInput(channel, examples[channel]);
      if (!parsed.success || refusedByData(channel, parsed.data as Record<string, unknown>, facts)) {
        throw new Error(`The fuzz's valid example for ${channel} is not valid: fix validExamples().`);
      }
    }

    const result: FuzzResult = {
      fuzzPayloads: 0,
      fuzzAccepted: 0,
      fuzzDbChanged: 0,
      fuzzCrashes: 0,
      fuzzBadErrors: 0,
      fuzzPolluted: 0,
      pastSchema: 0,
      messagesCut: 0,
      validSent: 0,
      perChannel: {},
      perKind: {},
      findings: [],
    };
    const record = (channel: Channel, kind: string, payload: unknown, problems: Problem[]) => {
      for (const [problem, detail] of problems) {
        if (problem === 'accepted') result.fuzzAccepted += 1;
        if (problem === 'db-changed') result.fuzzDbChanged += 1;
        if (problem === 'crash') result.fuzzCrashes += 1;
        if (problem === 'bad-error') result.fuzzBadErrors += 1;
        if (problem === 'polluted') result.fuzzPolluted += 1;
        if (result.findings.length < FINDINGS_MAX)
          result.findings.push({ channel, kind, problem, payload: preview(payload), detail });
      }
    };
    const perChannel = Math.ceil(payloads / channels.length);
    const total = perChannel * channels.length;
    const protoBefore = prototypeKeys();
    // The state a refused payload must leave as it was: every row, and the backups folder.
    const backupDir = ctx.files!.backupDir;
    const files = () =>
      existsSync(backupDir)
        ? readdirSync(backupDir)
            .sort()
            .map((name) => `${name} ${statSync(path.join(backupDir, name)).size}`)
        : [];
    const state = () => `${dumpDatabase(app.db)}\n${files().join('\n')}`;
    let before = state();

    for (const [index, channel] of channels.entries()) {
      const arbitrary = channelArbitrary(channel, facts);
      let sent = 0;
      for (let batch = 0; sent < perChannel; batch++) {
        if (batch > 200) throw new Error(`The fuzz could not make ${perChannel} invalid payloads for ${channel}.`);
        const candidates = fc.sample(arbitrary, { seed: (seed * 1_000_003 + index * 7919 + batch) | 0, numRuns: 64 });
        for (const { kind, payload } of candidates) {
          if (sent >= perChannel) break;
          const parsed = parseInput(channel, payload);
          if (parsed.success && !refusedByData(channel, parsed.data as Record<string, unknown>, facts)) {
            // Valid after all: not one of the fuzz's payloads, but it must not crash either.
            scratch ??= await fuzzApp();
            result.validSent += 1;
            record(
              channel,
              `valid (${kind})`,
              payload,
              (await send(scratch.ctx, channel, payload)).problems.filter(([p]) => p !== 'accepted'),
            );
            newPrototypeKeys(protoBefore).forEach((key) =>
              record(channel, `valid (${kind})`, payload, [['polluted', key]]),
            );
            continue;
          }
          sent += 1;
          result.fuzzPayloads += 1;
          result.perChannel[channel] = (result.perChannel[channel] ?? 0) + 1;
          result.perKind[kind] = (result.perKind[kind] ?? 0) + 1;

          if (parsed.success) result.pastSchema += 1;
          const { problems, cut } = await send(ctx, channel, payload);
          if (cut) {
            result.messagesCut += 1;
            // A note, not a failure: a few examples, never crowding out the failures.
            if (result.messagesCut <= 3 && result.findings.length < FINDINGS_MAX) {
              result.findings.push({
                channel,
                kind,
                problem: 'message-cut',
                payload: preview(payload),
                detail: 'the dispatcher cut a long error message',
              });
            }
          }
          const after = state();
          if (after !== before) {
            problems.push(['db-changed', 'the database or the backups folder differs after the call']);
            before = after;
          }
          const polluted = newPrototypeKeys(protoBefore);
          if (polluted.length || ({} as Record<string, unknown>).polluted !== undefined)
            problems.push(['polluted', `new prototype keys: ${polluted.join(', ')}`]);
          record(channel, kind, payload, problems);
          if (onProgress && result.fuzzPayloads % 500 === 0) onProgress(result.fuzzPayloads, total);
        }
      }
    }
    return result;
  } finally {
    facts.app.close();
    scratch?.app.close();
    for (const folder of [facts.syncFolder, scratch?.syncFolder, facts.repoFolder, scratch?.repoFolder])
      if (folder) rmSync(folder, { recursive: true, force: true });
  }
}
