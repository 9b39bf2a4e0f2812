// The real folder side of syncing (electron/files/sync-folder.ts) and the scheduler over it
// (startFolderSync): two logbooks, one folder, real fs.watch and timers, shortened waits.
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { folderFingerprint, watchFolder } from '../../electron/files/sync-folder';
import { startFolderSync, type FolderSync } from '../../electron/sync/scheduler';
import { createTestApp, T0, type TestApp } from '../support/context';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});
function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'companion-watch-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('the sync folder on disk', () => {
  it('fingerprints names and sizes, a few levels down; the same folder gives the same print', () => {
    const dir = folder();
    const first = folderFingerprint(dir);
    expect(folderFingerprint(dir)).toBe(first);
    mkdirSync(path.join(dir, 'device-a'));
    writeFileSync(path.join(dir, 'device-a', 'log-0.jsonl'), '{}\n');
    const second = folderFingerprint(dir);
    expect(second).not.toBe(first);
    appendFileSync(path.join(dir, 'device-a', 'log-0.jsonl'), '{}\n');
    expect(folderFingerprint(dir)).not.toBe(second);
    expect(() => folderFingerprint(path.join(dir, 'gone'))).toThrow();
  });

  it('watches the folder and below', async () => {
    const dir = folder();
    mkdirSync(path.join(dir, 'device-b'));
    const onChange = vi.fn();
    const watcher = watchFolder(dir, onChange, () => {});
    cleanups.push(() => watcher.close());
    writeFileSync(path.join(dir, 'device-b', 'log-0.jsonl'), '{}\n');
    await vi.waitFor(() => expect(onChange).toHaveBeenCalled(), { timeout: 5_000 });
  });
});

describe('two logbooks syncing by themselves through one folder', () => {
  function machine(shared: string, name: string) {
    const app: TestApp = createTestApp();
    cleanups.push(() => app.close());
    const received = vi.fn();
    const sync: FolderSync = startFolderSync({
      db: app.db,
      now: app.ctx.now,
      onReceived: received,
      log: () => {},
      timing: { debounceMs: 200, maxWaitMs: 1_000, watchSettleMs: 100, fastPollMs: 300, slowPollMs: 1_000 },
    });
    app.ctx.sync = sync;
    cleanups.push(() => sync.dispose());
    return { app, sync, received, name, shared };
  }

  it('a change on one is written after a quiet moment, seen by the other, and told to its window', async () => {
    const shared = folder();
    const laptop = machine(shared, 'Laptop');
    const desktop = machine(shared, 'Desktop');
    await laptop.app.callAsync('sync.configure', { folder: shared, deviceName: 'Laptop' });
    await desktop.app.callAsync('sync.configure', { folder: shared, deviceName: 'Desktop' });
    await laptop.sync.start();
    await desktop.sync.start();

    desktop.received.mockClear();
    laptop.received.mockClear();
    laptop.app.call('time.add', { itemId: '1.1', startedAt: T0 - 7_200_000, endedAt: T0 - 3_600_000, note: 'hi' });
    laptop.sync.afterCall('time.add');
    await vi.waitFor(() => expect(desktop.app.call('time.list', {}).entries.map((e) => e.note)).toEqual(['hi']), {
      timeout: 10_000,
    });
    expect(desktop.received).toHaveBeenCalled();
    expect(desktop.app.call('sync.status').lastReceived?.received).toEqual([
      expect.objectContaining({ deviceName: 'Laptop', entries: 1 }),
    ]);
    // Nothing more to do: both stay quiet (our own writes do not start syncs of their own).
    const before = desktop.app.call('sync.status').lastSyncAt;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(laptop.received).not.toHaveBeenCalled();
    expect(desktop.app.call('sync.status').lastSyncAt).toBe(before);
  });
});
