// The sync property (issue 15): three simulated machines, each a real logbook (the real handlers,
// store, triggers and engine) with its own copy of the sync folder and its own clock (skewed by up
// to ±12 h, and moved on by up to weeks while a machine is away). A simulated file-sync tool carries
// files between the folder copies: whole, one at a time, half-written, an old version late, twice.
// Random edits of every kind and random syncs run against that, modelled with fast-check's
// commands; then every file is delivered and every machine syncs. What must hold:
//   - every machine shows the same learner data (test/support/sync-view.ts);
//   - that data is what the merge rules give over the full history of changes every machine wrote
//     (an independent fold written here, not the engine's);
//   - no time entry that no machine deleted is missing.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { getCurriculum } from '../../curriculum';
import { LOCAL_SETTINGS } from '../../electron/db/migrations/005-sync';
import { openDatabase, type Db } from '../../electron/db/open';
import { handlers, type HandlerContext } from '../../electron/handlers';
import { dispatch } from '../../electron/ipc/dispatch';
import { configureSync, readSyncState, syncOnce } from '../../electron/sync/engine';
import { learnerView } from '../support/sync-view';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const BASE = Date.parse('2026-03-02T09:00:00Z');
const ITEMS = ['1.1', '1.2', '2.1', '3.1'];
const FIELDS = ['problemStatement', 'lessonsLearned'];
const MILESTONES = ['phase1.2', 'phase2.4', 'phase3.2'];
const SCORES = {
  technical: [4, 4, 3, 5, 4],
  mlops: [3, 3, 4, 4, 3],
  innovation: [2, 3, 3, 3, 4],
  communication: [5, 4, 4, 4, 5],
};

interface Machine {
  db: Db;
  ctx: HandlerContext;
  clock: { now: number };
  folder: string;
  deviceId: string;
}

interface World {
  dir: string;
  machines: Machine[];
  /** Old versions of files kept by the "sync tool", to deliver late. */
  stash: { from: number; to: number; name: string; text: string }[];
  /** Every change line any machine wrote, deduplicated. */
  history: Set<string>;
  created: Set<string>;
  deleted: Set<string>;
  problems: string[];
}

function call(m: Machine, channel: string, input?: unknown): unknown {
  const result = dispatch(handlers, m.ctx, channel, input, { validateOutput: true, onInternalError: () => {} });
  if (!result.ok) {
    // Refusals a learner can meet (a tick past the list's end, a milestone the logbook decides) are
    // not failures of sync; an internal error is.
    if (result.error.code === 'INTERNAL') throw new Error(`${channel}: ${result.error.message}`);
    return undefined;
  }
  return result.value;
}

function entryUids(m: Machine): string[] {
  return m.db.prepare('SELECT uid FROM time_entries ORDER BY started_at, id').pluck().all() as string[];
}

function noteCreated(w: World, m: Machine) {
  for (const uid of entryUids(m)) w.created.add(uid);
}

function captureHistory(w: World, m: Machine) {
  const dir = path.join(m.folder, `device-${m.deviceId}`);
  for (const file of readdirSync(dir)) {
    if (!file.startsWith('seg-')) continue;
    const lines = readFileSync(path.join(dir, file), 'utf8').split('\n').slice(1);
    for (const line of lines) if (line) w.history.add(line);
  }
}

function sync(w: World, i: number) {
  const m = w.machines[i]!;
  const report = syncOnce(m.db, () => m.clock.now);
  // A half-written or late file is expected to be reported; anything else is a finding.
  for (const p of report.problems) if (!/still arriving/.test(p)) w.problems.push(`machine ${i}: ${p}`);
  captureHistory(w, m);
}

/** The sync tool: copies machine `from`'s files from its folder into machine `to`'s. */
function deliver(w: World, from: number, to: number, mode: 'all' | 'one' | 'half' | 'stash' | 'late', pick: number) {
  if (from === to) return;
  const src = path.join(w.machines[from]!.folder, `device-${w.machines[from]!.deviceId}`);
  const dst = path.join(w.machines[to]!.folder, `device-${w.machines[from]!.deviceId}`);
  let files: string[];
  try {
    files = readdirSync(src)
      .filter((f) => !f.startsWith('.'))
      .sort();
  } catch {
    return;
  }
  mkdirSync(dst, { recursive: true });
  if (mode === 'all') {
    // Whole: the destination mirrors the source, removals included.
    rmSync(dst, { recursive: true, force: true });
    cpSync(src, dst, { recursive: true });
    return;
  }
  if (mode === 'late') {
    const kept = w.stash.filter((s) => s.from === from && s.to === to);
    const s = kept[pick % Math.max(1, kept.length)];
    if (s) writeFileSync(path.join(dst, s.name), s.text);
    return;
  }
  if (files.length === 0) return;
  const name = files[pick % files.length]!;
  const text = readFileSync(path.join(src, name), 'utf8');
  if (mode === 'one') writeFileSync(path.join(dst, name), text);
  else if (mode === 'half')
    writeFileSync(path.join(dst, name), text.slice(0, Math.floor((text.length * (pick % 97)) / 97)));
  else w.stash.push({ from, to, name, text });
}

function createWorld(skews: number[]): World {
  const dir = mkdtempSync(path.join(tmpdir(), 'companion-syncsim-'));
  const curriculum = getCurriculum();
  const machines = skews.map((skew, i) => {
    const folder = path.join(dir, `folder-${i}`);
    mkdirSync(folder);
    const db = openDatabase(':memory:', curriculum);
    const clock = { now: BASE + skew };
    const ctx: HandlerContext = {
      db,
      curriculum,
      now: () => clock.now,
      files: { dbFile: path.join(dir, `m${i}.db`), backupDir: path.join(dir, `backups-${i}`) },
    };
    configureSync(db, { folder, deviceName: `Machine ${i}` });
    return { db, ctx, clock, folder, deviceId: readSyncState(db).deviceId };
  });
  return { dir, machines, stash: [], history: new Set(), created: new Set(), deleted: new Set(), problems: [] };
}

function destroyWorld(w: World) {
  for (const m of w.machines) m.db.close();
  rmSync(w.dir, { recursive: true, force: true });
}

// ---------------------------------------------------------------- the commands

type Model = { steps: number };
type Cmd = fc.Command<Model, World>;

const cmd = (label: string, run: (w: World) => void): Cmd => ({
  check: () => true,
  run: (model, w) => {
    model.steps++;
    run(w);
  },
  toString: () => label,
});

const machineArb = fc.integer({ min: 0, max: 2 });
const itemArb = fc.constantFrom(...ITEMS);
const textArb = fc.constantFrom('', 'a', 'notes from here', 'ünïcödé ✓', 'x'.repeat(50));

const commandArbs = [
  fc
    .record({
      m: machineArb,
      item: itemArb,
      back: fc.integer({ min: 0, max: 600 }),
      len: fc.integer({ min: 1, max: 180 }),
      note: textArb,
    })
    .map(({ m, item, back, len, note }) =>
      cmd(`add(m${m}, ${item}, -${back}m, ${len}m)`, (w) => {
        const mm = w.machines[m]!;
        const endedAt = mm.clock.now - back * MINUTE;
        call(mm, 'time.add', { itemId: item, startedAt: endedAt - len * MINUTE, endedAt, note });
        noteCreated(w, mm);
      }),
    ),
  fc
    .record({ m: machineArb, pick: fc.nat(), shift: fc.integer({ min: -120, max: 120 }), note: textArb, item: itemArb })
    .map(({ m, pick, shift, note, item }) =>
      cmd(`edit(m${m}, #${pick}, ${shift}m)`, (w) => {
        const mm = w.machines[m]!;
        const rows = mm.db
          .prepare('SELECT id, started_at, ended_at FROM time_entries ORDER BY started_at, id')
          .all() as {
          id: number;
          started_at: number;
          ended_at: number;
        }[];
        const row = rows[pick % Math.max(1, rows.length)];
        if (!row) return;
        const endedAt = Math.min(row.ended_at + shift * MINUTE, mm.clock.now);
        call(mm, 'time.edit', { id: row.id, itemId: item, startedAt: row.started_at, endedAt, note });
      }),
    ),
  fc.record({ m: machineArb, pick: fc.nat() }).map(({ m, pick }) =>
    cmd(`delete(m${m}, #${pick})`, (w) => {
      const mm = w.machines[m]!;
      const rows = mm.db.prepare('SELECT id, uid FROM time_entries ORDER BY started_at, id').all() as {
        id: number;
        uid: string;
      }[];
      const row = rows[pick % Math.max(1, rows.length)];
      if (!row) return;
      call(mm, 'time.delete', { id: row.id });
      w.deleted.add(row.uid);
    }),
  ),
  fc
    .record({ m: machineArb, item: itemArb, status: fc.constantFrom('not_started', 'in_progress', 'done', 'skipped') })
    .map(({ m, item, status }) =>
      cmd(`status(m${m}, ${item}, ${status})`, (w) => call(w.machines[m]!, 'item.setStatus', { itemId: item, status })),
    ),
  fc
    .record({ m: machineArb, item: itemArb, notes: textArb })
    .map(({ m, item, notes }) =>
      cmd(`notes(m${m}, ${item})`, (w) => call(w.machines[m]!, 'item.setNotes', { itemId: item, notes })),
    ),
  fc
    .record({ m: machineArb, item: itemArb, index: fc.integer({ min: 0, max: 2 }), ticked: fc.boolean() })
    .map(({ m, item, index, ticked }) =>
      cmd(`tick(m${m}, ${item}#${index}, ${ticked})`, (w) =>
        call(w.machines[m]!, 'item.tickEntry', { itemId: item, entryIndex: index, ticked }),
      ),
    ),
  fc
    .record({
      m: machineArb,
      item: itemArb,
      field: fc.constantFrom(...FIELDS),
      text: textArb,
      included: fc.option(fc.boolean(), { nil: undefined }),
    })
    .map(({ m, item, field, text, included }) =>
      cmd(`portfolio(m${m}, ${item}.${field})`, (w) =>
        call(w.machines[m]!, 'portfolio.update', {
          itemId: item,
          fields: { [field]: text },
          ...(included === undefined ? {} : { included }),
        }),
      ),
    ),
  fc
    .record({ m: machineArb, item: itemArb })
    .map(({ m, item }) =>
      cmd(`link(m${m}, ${item})`, (w) =>
        call(w.machines[m]!, 'portfolio.update', { itemId: item, links: { liveDemo: `https://example.org/${m}` } }),
      ),
    ),
  fc
    .record({
      m: machineArb,
      change: fc.oneof(
        fc.record({ weeklyGoalHours: fc.integer({ min: 1, max: 30 }) }),
        fc.record({ theme: fc.constantFrom('system', 'light', 'dark') }),
        fc.record({ learnerName: fc.constantFrom('Sam', 'Alex', '') }),
        fc.record({ backupsToKeep: fc.integer({ min: 1, max: 30 }) }),
      ),
    })
    .map(({ m, change }) =>
      cmd(`settings(m${m}, ${JSON.stringify(change)})`, (w) => call(w.machines[m]!, 'settings.update', change)),
    ),
  fc
    .record({ m: machineArb, id: fc.constantFrom(...MILESTONES), ticked: fc.boolean() })
    .map(({ m, id, ticked }) =>
      cmd(`milestone(m${m}, ${id}, ${ticked})`, (w) =>
        call(w.machines[m]!, 'milestones.tick', { entryId: id, ticked }),
      ),
    ),
  fc
    .record({ m: machineArb, item: itemArb })
    .map(({ m, item }) =>
      cmd(`assess(m${m}, ${item})`, (w) => call(w.machines[m]!, 'assessment.save', { itemId: item, scores: SCORES })),
    ),
  fc.record({ m: machineArb, item: itemArb }).map(({ m, item }) =>
    cmd(`timerStart(m${m}, ${item})`, (w) => {
      call(w.machines[m]!, 'timer.start', { itemId: item });
      noteCreated(w, w.machines[m]!);
    }),
  ),
  machineArb.map((m) =>
    cmd(`timerStop(m${m})`, (w) => {
      call(w.machines[m]!, 'timer.stop');
      noteCreated(w, w.machines[m]!);
    }),
  ),
  fc
    .record({
      m: machineArb,
      ms: fc.oneof(fc.integer({ min: 1, max: 90 * MINUTE }), fc.integer({ min: HOUR, max: 21 * 24 * HOUR })),
    })
    .map(({ m, ms }) =>
      cmd(`advance(m${m}, ${Math.round(ms / MINUTE)}m)`, (w) => void (w.machines[m]!.clock.now += ms)),
    ),
  machineArb.map((m) => cmd(`sync(m${m})`, (w) => sync(w, m))),
  fc
    .record({
      from: machineArb,
      to: machineArb,
      mode: fc.constantFrom('all', 'one', 'half', 'stash', 'late'),
      pick: fc.nat(),
    })
    .map(({ from, to, mode, pick }) =>
      cmd(`deliver(${from}→${to}, ${mode}, ${pick})`, (w) => deliver(w, from, to, mode as never, pick)),
    ),
];

// ---------------------------------------------------------------- the merge rules, independently

type Reg = [unknown, string];

/** The later clock wins; for a setting, the learner's choice beats a default, and of two defaults the earlier stays. */
function later(table: string, field: string, a: Reg, b: Reg | undefined): boolean {
  if (!b) return true;
  if (table === 'settings' && field === 'value') {
    const ra = (a[0] as string[])[1] === 'learner';
    const rb = (b[0] as string[])[1] === 'learner';
    if (ra !== rb) return ra;
    if (!ra) return a[1] < b[1];
  }
  return a[1] > b[1];
}

function expectedView(history: Set<string>) {
  const rows = new Map<string, { t: string; k: string; s: Record<string, Reg> }>();
  for (const text of history) {
    const line = JSON.parse(text) as { t: string; k: string; h: string; f: Record<string, unknown> };
    const id = `${line.t}\u0000${line.k}`;
    let row = rows.get(id);
    if (!row) rows.set(id, (row = { t: line.t, k: line.k, s: {} }));
    for (const [field, value] of Object.entries(line.f))
      if (later(line.t, field, [value, line.h], row.s[field])) row.s[field] = [value, line.h];
  }
  const by = (t: string) =>
    [...rows.values()].filter((r) => r.t === t && r.s._exists?.[0] === 1).sort((a, b) => (a.k < b.k ? -1 : 1));
  const v = (r: { s: Record<string, Reg> }, f: string) => r.s[f]?.[0];
  const sub = (r: { s: Record<string, Reg> }, prefix: string) =>
    Object.fromEntries(
      Object.keys(r.s)
        .filter((f) => f.startsWith(prefix) && r.s[f]![0] !== null)
        .sort()
        .map((f) => [f.slice(prefix.length), r.s[f]![0]]),
    );
  return {
    entries: by('time_entries').map((r) => {
      const [start, end] = v(r, 'span') as number[];
      return {
        uid: r.k,
        item_id: v(r, 'item_id'),
        started_at: start,
        ended_at: end,
        note: v(r, 'note') ?? '',
        source: v(r, 'source'),
      };
    }),
    progress: by('item_progress').map((r) => {
      const [status, auto, at] = (v(r, 'status') ?? ['not_started', 0, null]) as unknown[];
      return { item_id: r.k, status, status_auto: auto, status_changed_at: at, notes: v(r, 'notes') ?? '' };
    }),
    ticks: by('list_ticks')
      .map((r) => {
        const [item, index] = JSON.parse(r.k) as [string, number];
        return { item_id: item, entry_index: index, ticked_at: v(r, 'ticked_at') };
      })
      .sort((a, b) => (a.item_id === b.item_id ? a.entry_index - b.entry_index : a.item_id < b.item_id ? -1 : 1)),
    portfolio: by('portfolio_entries').map((r) => ({
      item_id: r.k,
      included: v(r, 'included') ?? 1,
      fields: sub(r, 'fields.'),
      links: sub(r, 'links.'),
    })),
    assessments: by('self_assessments').map((r) => ({
      uid: r.k,
      item_id: v(r, 'item_id'),
      scores: JSON.stringify(v(r, 'scores')),
      weighted_total: v(r, 'weighted_total'),
      assessed_at: v(r, 'assessed_at'),
    })),
    milestones: by('milestone_ticks').map((r) => ({ entry_id: r.k, ticked_at: v(r, 'ticked_at') })),
    settings: by('settings')
      .filter((r) => !(LOCAL_SETTINGS as readonly string[]).includes(r.k))
      .map((r) => {
        const [value, setBy] = v(r, 'value') as string[];
        return { key: r.k, value, set_by: setBy };
      }),
  };
}

// ---------------------------------------------------------------- the property

export interface SimOutcome {
  diverged: boolean;
  lost: string[];
  notAsMerged: boolean;
  problems: string[];
}

function settle(w: World): SimOutcome {
  for (let i = 0; i < 3; i++) call(w.machines[i]!, 'timer.stop');
  for (const m of w.machines) noteCreated(w, m);
  for (let round = 0; round < 3; round++) {
    for (let i = 0; i < 3; i++) sync(w, i);
    for (let from = 0; from < 3; from++) for (let to = 0; to < 3; to++) deliver(w, from, to, 'all', 0);
  }
  for (let i = 0; i < 3; i++) sync(w, i);
  const views = w.machines.map((m) => JSON.stringify(learnerView(m.db)));
  const diverged = views.some((v) => v !== views[0]);
  const expected = JSON.stringify(expectedView(w.history));
  const present = w.machines.map((m) => new Set(entryUids(m)));
  const lost = [...w.created].filter((uid) => !w.deleted.has(uid) && present.some((p) => !p.has(uid)));
  return { diverged, lost, notAsMerged: expected !== views[0], problems: w.problems };
}

const worldArb = fc.record({
  skews: fc.array(fc.integer({ min: -12 * HOUR, max: 12 * HOUR }), { minLength: 3, maxLength: 3 }),
  commands: fc.commands(commandArbs, { maxCommands: 40 }),
});

/**
 * Runs the property `runs` times. With `stopOnFailure` (vitest), the first failing run is shrunk and
 * thrown; without (the reliability run), every run is counted.
 */
export function runSyncProperty(options: { runs: number; seed: number; stopOnFailure: boolean }) {
  const counts = { syncRuns: 0, syncDiverged: 0, syncLost: 0, syncNotAsMerged: 0, syncProblems: 0 };
  const examples: string[] = [];
  const property = fc.property(worldArb, ({ skews, commands }) => {
    const w = createWorld(skews);
    try {
      fc.modelRun(() => ({ model: { steps: 0 }, real: w }), commands);
      const outcome = settle(w);
      counts.syncRuns++;
      if (outcome.diverged) counts.syncDiverged++;
      if (outcome.lost.length) counts.syncLost++;
      if (outcome.notAsMerged) counts.syncNotAsMerged++;
      if (outcome.problems.length) counts.syncProblems++;
      const ok = !outcome.diverged && !outcome.lost.length && !outcome.notAsMerged && !outcome.problems.length;
      if (!ok && examples.length < 3)
        examples.push(
          `${commands.toString()} → ${JSON.stringify({ ...outcome, problems: outcome.problems.slice(0, 3) })}`,
        );
      return options.stopOnFailure ? ok : true;
    } finally {
      destroyWorld(w);
    }
  });
  if (options.stopOnFailure) fc.assert(property, { numRuns: options.runs, seed: options.seed });
  else fc.assert(property, { numRuns: options.runs, seed: options.seed });
  return { ...counts, examples };
}
