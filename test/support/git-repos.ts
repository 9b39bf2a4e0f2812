// Git repositories the tests make for themselves in temporary folders, with isomorphic-git (no git
// binary): commits at chosen moments and time zones, by several authors, merges, an empty repository,
// and a damaged object.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import git from 'isomorphic-git';

export interface TestCommit {
  /** Epoch ms; stored to the second, as git does. */
  at: number;
  message?: string;
  author?: string;
  /** The author's offset from UTC in minutes east (Berlin in winter is 60). */
  offsetMinutes?: number;
  /** Files to write (path → text) before this commit; all of them are committed. */
  files?: Record<string, string>;
  /** Other parents beside the previous commit: a merge. */
  mergeWith?: string[];
  /** Commits onto this branch (from HEAD's commit) instead of the current one, which stays where it is. */
  branch?: string;
}

export interface TestRepo {
  dir: string;
  /** The commits' ids, in the order given. */
  oids: string[];
  remove: () => void;
}

/** A folder of its own under the system's temp folder. */
export const tempFolder = (prefix = 'companion-repo-') => mkdtempSync(path.join(tmpdir(), prefix));

/** isomorphic-git's timezoneOffset is minutes *west* of UTC (like Date#getTimezoneOffset). */
const signature = (c: TestCommit) => ({
  name: c.author ?? 'Alex Rivera',
  email: `${(c.author ?? 'alex').toLowerCase().replace(/\s+/g, '.')}@example.com`,
  timestamp: Math.floor(c.at / 1000),
  timezoneOffset: -(c.offsetMinutes ?? 60),
});

/** Commits on the current branch, one after another; returns their ids. */
export async function commitAll(dir: string, commits: readonly TestCommit[]): Promise<string[]> {
  const oids: string[] = [];
  for (const [i, c] of commits.entries()) {
    const files = c.files ?? { 'notes.md': `step ${i}\n` };
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
      await git.add({ fs, dir, filepath: file });
    }
    let parent: string[] | undefined;
    if (c.mergeWith || c.branch) {
      const head = await git.resolveRef({ fs, dir, ref: 'HEAD' });
      parent = [head, ...(c.mergeWith ?? [])];
    }
    oids.push(
      await git.commit({
        fs,
        dir,
        message: c.message ?? `Commit ${i + 1}`,
        author: signature(c),
        committer: signature(c),
        ...(parent ? { parent } : {}),
        ...(c.branch ? { ref: `refs/heads/${c.branch}` } : {}),
      }),
    );
  }
  return oids;
}

/** A new repository with these commits on `main`, and an origin remote when given. */
export async function makeRepo(
  commits: readonly TestCommit[],
  options: { remote?: string; dir?: string } = {},
): Promise<TestRepo> {
  const dir = options.dir ?? tempFolder();
  await git.init({ fs, dir, defaultBranch: 'main' });
  if (options.remote) await git.addRemote({ fs, dir, remote: 'origin', url: options.remote });
  const oids = await commitAll(dir, commits);
  return { dir, oids, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The loose object file of `oid`. */
export const objectFile = (dir: string, oid: string) =>
  path.join(dir, '.git', 'objects', oid.slice(0, 2), oid.slice(2));

/** Overwrites a loose object with bytes that do not inflate: a damaged object. */
export function damageObject(dir: string, oid: string): void {
  const file = objectFile(dir, oid);
  fs.chmodSync(file, 0o644);
  writeFileSync(file, Buffer.from('this is not a zlib stream'));
}

/** How many loose objects the repository holds (a read must never add one). */
export function looseObjectCount(dir: string): number {
  const objects = path.join(dir, '.git', 'objects');
  return readdirSync(objects)
    .filter((d) => /^[0-9a-f]{2}$/.test(d))
    .reduce((n, d) => n + readdirSync(path.join(objects, d)).length, 0);
}
