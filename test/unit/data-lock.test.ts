// One program at a time on a logbook: the desktop app and the browser version share this lock.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockFileFor, takeDataLock, type LockDeps } from '../../electron/data/data-lock';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const dbFile = () => {
  dir = mkdtempSync(path.join(tmpdir(), 'companion-lock-'));
  return path.join(dir, 'companion.db');
};
const alive = new Set<number>([100, 200]);
const deps = (pid: number, host = 'laptop'): LockDeps => ({
  pid,
  host,
  isAlive: (p) => alive.has(p),
  now: () => 1_700_000_000_000,
});

describe('takeDataLock', () => {
  it('gives the lock to the first program and refuses the second, saying where the data is open', () => {
    const file = dbFile();
    const desktop = takeDataLock(file, 'desktop', deps(100));
    expect(desktop.ok).toBe(true);
    const browser = takeDataLock(file, 'browser', deps(200));
    expect(browser).toEqual({
      ok: false,
      owner: { kind: 'desktop', pid: 100, host: 'laptop', startedAt: 1_700_000_000_000 },
      message:
        'Your study data is already open in the MLOps Study Companion desktop app (process 100); use it there, or quit it first.',
    });
  });

  it("names the browser version's address once it has one", () => {
    const file = dbFile();
    const browser = takeDataLock(file, 'browser', deps(200));
    if (!browser.ok) throw new Error(browser.message);
    browser.update({ url: 'http://127.0.0.1:5180/' });
    const desktop = takeDataLock(file, 'desktop', deps(100));
    expect(desktop.ok ? '' : desktop.message).toBe(
      'Your study data is already open in the browser version of MLOps Study Companion at http://127.0.0.1:5180/ (process 200, started by npm start); use it there, or stop it with Ctrl+C in its terminal first.',
    );
  });

  it("is free again after release, and release never removes another program's lock", () => {
    const file = dbFile();
    const first = takeDataLock(file, 'desktop', deps(100));
    if (!first.ok) throw new Error(first.message);
    first.release();
    expect(existsSync(lockFileFor(file))).toBe(false);
    const second = takeDataLock(file, 'browser', deps(200));
    expect(second.ok).toBe(true);
    first.release();
    expect(JSON.parse(readFileSync(lockFileFor(file), 'utf8')).pid).toBe(200);
  });

  it('takes over a lock whose process is gone (a crash), or that is empty or torn', () => {
    const file = dbFile();
    writeFileSync(lockFileFor(file), JSON.stringify({ kind: 'browser', pid: 999, host: 'laptop', startedAt: 1 }));
    expect(takeDataLock(file, 'desktop', deps(100)).ok).toBe(true);
    rmSync(lockFileFor(file));
    writeFileSync(lockFileFor(file), '{"kind":"des');
    expect(takeDataLock(file, 'desktop', deps(100)).ok).toBe(true);
  });

  it('does not take over a lock from another computer (a shared folder), and says what to do', () => {
    const file = dbFile();
    writeFileSync(lockFileFor(file), JSON.stringify({ kind: 'desktop', pid: 999, host: 'desktop-pc', startedAt: 1 }));
    const result = takeDataLock(file, 'desktop', deps(100));
    expect(result.ok ? '' : result.message).toBe(
      `Your study data is open in MLOps Study Companion on the computer "desktop-pc"; close it there, or if that computer is off, delete ${lockFileFor(file)} and start again.`,
    );
  });
});
