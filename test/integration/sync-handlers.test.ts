// The sync channels over the real engine and real folders: what Settings → Sync calls. Two test
// apps sharing one folder stand for two machines.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { handlers } from '../../electron/handlers';
import { dispatchAsync } from '../../electron/ipc/dispatch';
import { createTestApp, dumpDatabase, T0, type TestApp } from '../support/context';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});
function app(): TestApp {
  const a = createTestApp();
  cleanups.push(() => a.close());
  return a;
}
function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'companion-sync-folder-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
const hour = (app: TestApp, note: string, hoursAgo = 3) =>
  app.call('time.add', {
    itemId: '1.1',
    startedAt: T0 - hoursAgo * 3_600_000,
    endedAt: T0 - (hoursAgo - 1) * 3_600_000,
    note,
  });

describe('sync channels', () => {
  it('start off, with no folder, a device of its own and no problem', () => {
    const a = app();
    const status = a.call('sync.status');
    expect(status).toMatchObject({
      enabled: false,
      folder: null,
      lastSyncAt: null,
      lastReport: null,
      running: false,
      problem: null,
      canChooseFolder: false,
    });
    expect(status.deviceId).not.toBe('');
  });

  it('refuse a folder that cannot be used, in plain words beside the field, and store nothing', async () => {
    const a = app();
    a.call('sync.status');
    const before = dumpDatabase(a.db);
    const file = path.join(folder(), 'notes.txt');
    writeFileSync(file, 'x');
    const cases: [string, RegExp][] = [
      ['Dropbox/Study', /^Give the folder's full path, for example .*"Dropbox\/Study" is not one\.$/],
      [
        path.join(tmpdir(), 'no-such-folder-for-sync'),
        /^There is no folder .*no-such-folder-for-sync\. Check the path/,
      ],
      [file, /notes\.txt is a file, not a folder\. Choose a folder\.$/],
      [path.dirname(a.file), /^That folder holds the app's own data\./],
      [path.join(path.dirname(a.file), 'backups'), /^That folder holds the app's own data\./],
      // The root holds everything, the app's data folder too.
      [path.parse(a.file).root, /^That folder holds the app's own data\./],
    ];
    if (process.platform === 'linux')
      cases.push(['/proc', /^The app cannot write into \/proc\. Choose a folder you can write to\.$/]);
    for (const [given, message] of cases) {
      if (given.endsWith('backups')) mkdirSync(given, { recursive: true });
      const answer = await a.rawAsync('sync.configure', { folder: given, deviceName: 'Laptop' });
      expect(answer.ok, given).toBe(false);
      if (answer.ok) continue;
      expect(answer.error.code).toBe('INVALID_INPUT');
      expect(answer.error.message).toMatch(message);
      expect(answer.error.fields?.folder).toBe(answer.error.message);
    }
    // The schema's own refusals: an empty name, a name with a line break.
    const noName = await a.rawAsync('sync.configure', { folder: folder(), deviceName: '  ' });
    expect(noName).toMatchObject({
      ok: false,
      error: { fields: { deviceName: expect.stringMatching(/^Give this computer a name/) } },
    });
    const twoLines = await a.rawAsync('sync.configure', { folder: folder(), deviceName: 'Lap\ntop' });
    expect(twoLines).toMatchObject({
      ok: false,
      error: { fields: { deviceName: expect.stringMatching(/line breaks/) } },
    });
    expect(dumpDatabase(a.db)).toBe(before);
    expect(a.call('sync.status').enabled).toBe(false);
  });

  it('"Sync now" while sync is off says so', async () => {
    const answer = await app().rawAsync('sync.now', {});
    expect(answer).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'Sync is off. Choose a folder and turn sync on first.' },
    });
  });

  it('two machines through one folder: what one logs, the other receives, and says from whom', async () => {
    const shared = folder();
    const laptop = app();
    const desktop = app();
    const on = await laptop.callAsync('sync.configure', { folder: shared, deviceName: 'Laptop' });
    expect(on).toMatchObject({ enabled: true, folder: shared, deviceName: 'Laptop', problem: null });
    await desktop.callAsync('sync.configure', { folder: `${shared}${path.sep}`, deviceName: 'Desktop' });
    expect(desktop.call('sync.status').folder).toBe(shared); // kept resolved, as the learner reads it

    hour(laptop, 'on the laptop');
    const sent = await laptop.callAsync('sync.now');
    expect(sent.wrote).toBeGreaterThan(0);
    const got = await desktop.callAsync('sync.now');
    expect(got.received).toEqual([expect.objectContaining({ deviceName: 'Laptop', entries: 1 })]);
    expect(got.problems).toEqual([]);
    expect(desktop.call('time.list', {}).entries.map((e) => e.note)).toEqual(['on the laptop']);
    const status = desktop.call('sync.status');
    expect(status.lastSyncAt).toBe(got.at);
    expect(status.lastReport).toEqual(got);

    // Off: the logbook stays whole, and the folder is remembered for turning it on again.
    const off = await desktop.callAsync('sync.configure', { folder: null, deviceName: 'Desktop' });
    expect(off.enabled).toBe(false);
    expect(desktop.call('time.list', {}).entries).toHaveLength(1);
  });

  it('a folder that went away is said in plain words, not as a fault of ours', async () => {
    const shared = folder();
    const a = app();
    await a.callAsync('sync.configure', { folder: shared, deviceName: 'Laptop' });
    rmSync(shared, { recursive: true, force: true });
    const answer = await a.rawAsync('sync.now', {});
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('CONFLICT');
    expect(answer.error.message).toContain(shared);
  });

  it('the folder dialog is the desktop app’s; the browser version is told to type the path', async () => {
    const a = app();
    expect(await a.rawAsync('sync.chooseFolder', {})).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: "Choosing a folder from a dialog needs the desktop app; type the folder's full path instead.",
      },
    });
    const chooseFolder = vi.fn(async () => '/home/sam/Dropbox/Study');
    a.ctx.chooseFolder = chooseFolder;
    expect(a.call('sync.status').canChooseFolder).toBe(true);
    expect(await a.callAsync('sync.chooseFolder')).toEqual({ folder: '/home/sam/Dropbox/Study' });
    chooseFolder.mockResolvedValueOnce(null as never);
    expect(await a.callAsync('sync.chooseFolder')).toEqual({ folder: null });
  });

  it('the dispatcher tells its listener of every call that succeeded, and of no refused one', async () => {
    const a = app();
    const seen: string[] = [];
    const options = { onHandled: (channel: string) => void seen.push(channel), onInternalError: () => {} };
    await dispatchAsync(handlers, a.ctx, 'time.list', {}, options);
    await dispatchAsync(handlers, a.ctx, 'time.add', { itemId: '9.9', startedAt: 0, endedAt: 1 }, options);
    await dispatchAsync(handlers, a.ctx, 'item.setStatus', { itemId: '1.1', status: 'done' }, options);
    expect(seen).toEqual(['time.list', 'item.setStatus']);
    // A listener that throws does not undo the answer.
    const answer = await dispatchAsync(
      handlers,
      a.ctx,
      'settings.get',
      {},
      {
        onHandled: () => {
          throw new Error('listener broke');
        },
        onInternalError: () => {},
      },
    );
    expect(answer.ok).toBe(true);
  });
});
