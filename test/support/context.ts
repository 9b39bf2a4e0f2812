// A real database in a temporary folder, the real handlers and the real dispatcher: what tests
// drive instead of Electron's IPC.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';
import type { Envelope } from '../../shared/errors';
import { getCurriculum } from '../../curriculum';
import { openDatabase, type Db } from '../../electron/db/open';
import { handlers, type HandlerContext } from '../../electron/handlers';
import { dispatch, dispatchAsync } from '../../electron/ipc/dispatch';

export interface TestApp {
  ctx: HandlerContext;
  db: Db;
  file: string;
  clock: { now: number };
  /** Calls a channel through the dispatcher and returns the envelope. */
  raw: (channel: string, input?: unknown) => Envelope<unknown>;
  /** Calls a channel and returns its value, failing the test on an error envelope. */
  call: <C extends Channel>(channel: C, input?: ChannelInput<C>) => ChannelOutput<C>;
  /** `raw` through dispatchAsync, as Electron and the preview call: the only way to asynchronous channels. */
  rawAsync: (channel: string, input?: unknown) => Promise<Envelope<unknown>>;
  /** `call` through dispatchAsync. */
  callAsync: <C extends Channel>(channel: C, input?: ChannelInput<C>) => Promise<ChannelOutput<C>>;
  reopen: () => void;
  close: () => void;
}

export const T0 = Date.parse('2026-03-02T09:00:00+01:00'); // a Monday morning in Berlin

export function createTestApp(start = T0): TestApp {
  const dir = mkdtempSync(path.join(tmpdir(), 'companion-test-'));
  const file = path.join(dir, 'companion.db');
  const clock = { now: start };
  const curriculum = getCurriculum();
  const app = {} as TestApp;
  const open = () => {
    app.db = openDatabase(file, curriculum);
    app.ctx = {
      db: app.db,
      curriculum,
      now: () => clock.now,
      files: { dbFile: file, backupDir: path.join(dir, 'backups') },
    };
  };
  open();
  Object.assign(app, {
    file,
    clock,
    raw: (channel: string, input?: unknown) =>
      dispatch(handlers, app.ctx, channel, input, { validateOutput: true, onInternalError: () => {} }),
    call: <C extends Channel>(channel: C, input?: ChannelInput<C>) => {
      const result = dispatch(handlers, app.ctx, channel, input, { validateOutput: true });
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
      return result.value as ChannelOutput<C>;
    },
    rawAsync: (channel: string, input?: unknown) =>
      dispatchAsync(handlers, app.ctx, channel, input, { validateOutput: true, onInternalError: () => {} }),
    callAsync: async <C extends Channel>(channel: C, input?: ChannelInput<C>) => {
      const result = await dispatchAsync(handlers, app.ctx, channel, input, { validateOutput: true });
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
      return result.value as ChannelOutput<C>;
    },
    reopen: () => {
      app.db.close();
      open();
    },
    close: () => {
      if (app.db.open) app.db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
  return app;
}

/**
 * Every row of every table, in a stable order: equal dumps mean nothing was written. The ids made
 * at random so that two machines never make the same one (an entry's and an assessment's uid, the
 * machine's sync id, migration 5) are left out: two logbooks built alike differ only in those.
 */
export function dumpDatabase(db: Db): string {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const dump: Record<string, unknown[]> = {};
  // A table without rowids (sync_registers) is in the order of its primary key.
  const withoutRowid = new Set(
    (db.pragma('table_list') as { name: string; wr: number }[]).filter((t) => t.wr).map((t) => t.name),
  );
  for (const table of tables)
    dump[table] = (
      db.prepare(`SELECT * FROM "${table}" ORDER BY ${withoutRowid.has(table) ? '1, 2' : 'rowid'}`).all() as Record<
        string,
        unknown
      >[]
    ).map(({ uid: _uid, device_id: _device, ...row }) => row);
  return JSON.stringify({ userVersion: db.pragma('user_version', { simple: true }), dump });
}
