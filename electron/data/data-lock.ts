// One program at a time on a logbook. The desktop app is single-instance (Electron's lock), but the
// browser version that `npm start` serves where Electron cannot run opens the same file: two
// processes writing one SQLite file would not corrupt it (SQLite locks), but each would keep its own
// timer and settings in memory and undo the other's changes. So both take this lock file beside the
// database before opening it, and the second is told in plain words where the data is open.
import { hostname as osHostname } from 'node:os';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

export interface LockOwner {
  kind: 'desktop' | 'browser';
  pid: number;
  host: string;
  startedAt: number;
  /** The browser version's address, once it has one. */
  url?: string;
}

export interface LockDeps {
  /** Whether a process with this id runs on this machine. */
  isAlive: (pid: number) => boolean;
  host: string;
  pid: number;
  now: () => number;
}

export type LockResult =
  | { ok: true; file: string; release: () => void; update: (change: Partial<LockOwner>) => void }
  | { ok: false; owner: LockOwner | null; message: string };

export const lockFileFor = (dbFile: string) => `${dbFile}.lock`;

const defaultDeps: LockDeps = {
  isAlive: (pid) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      // EPERM: it exists but belongs to someone else.
      return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
  },
  host: osHostname(),
  pid: process.pid,
  now: Date.now,
};

function readOwner(file: string): LockOwner | null | 'missing' {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return 'missing';
  }
  try {
    const owner = JSON.parse(text) as LockOwner;
    return typeof owner.pid === 'number' && typeof owner.host === 'string' ? owner : null;
  } catch {
    // Empty or torn: a process died between creating the file and writing it.
    return null;
  }
}

/** The sentence the second program shows: where the data is open and what to do. */
function lockRefusal(owner: LockOwner, lockFile: string, thisHost: string): string {
  if (owner.host !== thisHost) {
    return `Your study data is open in MLOps Study Companion on the computer "${owner.host}"; close it there, or if that computer is off, delete ${lockFile} and start again.`;
  }
  if (owner.kind === 'desktop') {
    return `Your study data is already open in the MLOps Study Companion desktop app (process ${owner.pid}); use it there, or quit it first.`;
  }
  const where = owner.url ? ` at ${owner.url}` : '';
  return `Your study data is already open in the browser version of MLOps Study Companion${where} (process ${owner.pid}, started by npm start); use it there, or stop it with Ctrl+C in its terminal first.`;
}

/**
 * Takes the lock on `dbFile` for this process, or says who holds it. A lock left by a process that
 * no longer runs on this machine (a crash, a power cut) is taken over.
 */
export function takeDataLock(dbFile: string, kind: LockOwner['kind'], deps: LockDeps = defaultDeps): LockResult {
  const file = lockFileFor(dbFile);
  let me: LockOwner = { kind, pid: deps.pid, host: deps.host, startedAt: deps.now() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(file, JSON.stringify(me), { flag: 'wx' });
      return {
        ok: true,
        file,
        update: (change) => {
          me = { ...me, ...change };
          writeFileSync(file, JSON.stringify(me));
        },
        release: () => {
          // Only our own lock: never one a later program took over after ours went stale.
          const owner = readOwner(file);
          if (owner !== 'missing' && owner?.pid === me.pid && owner.host === me.host) rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        return {
          ok: false,
          owner: null,
          message: `The lock file ${file} could not be written (${(error as Error).message}), so your study data was not opened.`,
        };
      }
    }
    const owner = readOwner(file);
    if (owner === 'missing') continue;
    if (owner && owner.host === deps.host && owner.pid === deps.pid) {
      return { ok: false, owner, message: 'Your study data is already open in this program.' };
    }
    const stale = owner === null || (owner.host === deps.host && !deps.isAlive(owner.pid));
    if (!stale) return { ok: false, owner, message: lockRefusal(owner, file, deps.host) };
    rmSync(file, { force: true });
  }
  return {
    ok: false,
    owner: null,
    message: `The lock file ${file} keeps changing; another program is starting on your study data. Try again in a moment.`,
  };
}
