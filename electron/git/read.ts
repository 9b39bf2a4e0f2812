// Reading a learner's git repository, in the main process only, with isomorphic-git (no git binary):
// its commits (who, when, the first line of the message), the remote's address, the branch, and the
// file names (and a few small files) at HEAD. Nothing here writes to the repository.
//
// Speed and responsiveness: a repository of 10,000 commits reads in about a second and a half
// (`npm run bench`). isomorphic-git is given a file system whose reads are synchronous underneath
// (small files; no thread-pool round trip per object), so the walk yields to the event loop itself
// every SLICE_MS milliseconds: the main process answers other calls between slices. Objects are read
// "wrapped" (inflated, not re-hashed) and a commit's header is parsed here; a damaged object still
// fails to inflate or to parse, and says so.
import nodeFs from 'node:fs';
import path from 'node:path';

/** isomorphic-git, loaded the first time a repository is read: the app and its workers start without it. */
let library: Promise<typeof import('isomorphic-git')> | undefined;
const git = () => (library ??= import('isomorphic-git'));

/** One commit, as the Repository section shows and counts it. */
export interface CommitFact {
  oid: string;
  /** The author's time (when the work was done; a rebase changes only the committer's), epoch ms. */
  at: number;
  /** The author's own offset from UTC in minutes east, as the commit records it. */
  offsetMinutes: number;
  author: string;
  /** The first line of the message. */
  message: string;
  parents: number;
}

export interface RepoSnapshot {
  /** The repository's root (the folder holding .git), which may be above the folder chosen. */
  root: string;
  /** HEAD's commit, or null in a repository with no commits yet. */
  head: string | null;
  branch: string | null;
  remoteUrl: string | null;
  /** Every commit reachable from HEAD, each once, newest first. */
  commits: CommitFact[];
  /** File paths at HEAD (at most MAX_FILES; the folders in SKIPPED_FOLDERS are not entered). */
  files: string[];
  /** The text of the few small files the technology and README checks read, by path. */
  texts: Map<string, string>;
}

export type RepoProblem = 'missing' | 'not-a-folder' | 'not-a-repository' | 'broken' | 'too-many-commits';

/** A repository that cannot be read, with the sentence the learner is shown. */
export class RepoReadError extends Error {
  constructor(
    readonly problem: RepoProblem,
    message: string,
  ) {
    super(message);
    this.name = 'RepoReadError';
  }
}

export interface ReadOptions {
  /** More commits than this and the repository is refused (20,000 by default). */
  maxCommits?: number;
  /** Told how many commits have been read so far, once per slice. */
  onProgress?: (commits: number) => void;
}

const MAX_COMMITS = 20_000;
/** The longest the walk runs before it lets the event loop turn (ms). */
const SLICE_MS = 12;
const MAX_FILES = 5_000;
const MAX_DEPTH = 8;
const MAX_TEXT_BYTES = 100_000;
const MAX_TEXTS = 60;
const SKIPPED_FOLDERS = new Set(['node_modules', '.venv', 'venv', '__pycache__', 'site-packages', '.tox', 'mlruns']);

/** The small files whose text the checks read: dependency lists, Dockerfiles, YAML, the README at the root. */
export function wantsText(filePath: string): boolean {
  const base = path.posix.basename(filePath).toLowerCase();
  if (!filePath.includes('/') && /^readme(\.(md|markdown|rst|txt))?$/.test(base)) return true;
  return (
    /^requirements.*\.txt$/.test(base) ||
    ['pyproject.toml', 'setup.py', 'setup.cfg', 'pipfile', 'environment.yml', 'environment.yaml'].includes(base) ||
    base.startsWith('dockerfile') ||
    base.endsWith('.dockerfile') ||
    base.endsWith('.yml') ||
    base.endsWith('.yaml')
  );
}

const missingFile = Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' });
const sync =
  <A extends unknown[], R>(fn: (...args: A) => R) =>
  async (...args: A): Promise<R> =>
    fn(...args);

/**
 * The file system isomorphic-git reads through: Node's, synchronous underneath, read-only, with
 * folder listings kept for the length of one read (isomorphic-git lists objects/pack for every object).
 */
function readOnlyFs() {
  const listings = new Map<string, string[]>();
  const refuse = async () => {
    throw new Error('The repository is only read, never written.');
  };
  return {
    promises: {
      readFile: async (file: string, options?: unknown) => {
        // A missing loose object is the usual case in a packed repository: no exception's stack for it.
        if (!nodeFs.existsSync(file)) throw missingFile;
        return nodeFs.readFileSync(file, options as BufferEncoding);
      },
      readdir: async (folder: string) => {
        let list = listings.get(folder);
        if (!list) listings.set(folder, (list = nodeFs.readdirSync(folder)));
        return list;
      },
      stat: sync(nodeFs.statSync),
      lstat: sync(nodeFs.lstatSync),
      readlink: sync(nodeFs.readlinkSync),
      writeFile: refuse,
      unlink: refuse,
      mkdir: refuse,
      rmdir: refuse,
      symlink: refuse,
      chmod: refuse,
    },
  };
}

const short = (oid: string) => oid.slice(0, 7);

function brokenMessage(folder: string, what: string) {
  return `The repository at ${folder} could not be read: ${what} is damaged or missing. Running git fsck in that folder shows what is wrong.`;
}

/** The repository's root and its .git folder (a .git file, as in a worktree, points to it). */
async function locate(fs: ReturnType<typeof readOnlyFs>, folder: string): Promise<{ root: string; gitdir: string }> {
  let stat: nodeFs.Stats;
  try {
    stat = nodeFs.statSync(folder);
  } catch {
    throw new RepoReadError('missing', `There is no folder at ${folder}. Check the path and try again.`);
  }
  if (!stat.isDirectory())
    throw new RepoReadError(
      'not-a-folder',
      `${folder} is a file, not a folder. Choose the folder of your project's git repository.`,
    );
  let root: string;
  try {
    root = await (await git()).findRoot({ fs, filepath: folder });
  } catch {
    throw new RepoReadError(
      'not-a-repository',
      `${folder} is not a git repository (there is no .git folder in it or above it). Choose the folder where you ran git init or git clone.`,
    );
  }
  const dotGit = path.join(root, '.git');
  if (nodeFs.statSync(dotGit).isFile()) {
    const pointer = /^gitdir:\s*(.+)$/m.exec(nodeFs.readFileSync(dotGit, 'utf8'));
    if (!pointer) throw new RepoReadError('broken', brokenMessage(root, 'its .git file'));
    return { root, gitdir: path.resolve(root, pointer[1]!.trim()) };
  }
  return { root, gitdir: dotGit };
}

/** "Name <email> 1700000000 +0130" → the name, the instant and the offset. */
function parseSignature(line: string): { name: string; at: number; offsetMinutes: number } | null {
  const match = /^(.*?) <[^>]*> (-?\d+) ([+-])(\d\d)(\d\d)$/.exec(line);
  if (!match) return null;
  const sign = match[3] === '-' ? -1 : 1;
  return {
    name: match[1]!,
    at: Number(match[2]) * 1000,
    offsetMinutes: sign * (Number(match[4]) * 60 + Number(match[5])),
  };
}

/** A commit object's text ("tree …\nparent …\nauthor …\n\nmessage") as a CommitFact and its parents. */
function parseCommit(oid: string, text: string): { fact: CommitFact; parents: string[] } | null {
  const split = text.indexOf('\n\n');
  const header = split < 0 ? text : text.slice(0, split);
  const parents: string[] = [];
  let author: ReturnType<typeof parseSignature> = null;
  let hasTree = false;
  for (const line of header.split('\n')) {
    if (line.startsWith('tree ')) hasTree = true;
    else if (line.startsWith('parent ')) parents.push(line.slice(7).trim());
    else if (line.startsWith('author ')) author = parseSignature(line.slice(7));
  }
  if (!hasTree || !author || parents.some((p) => !/^[0-9a-f]{40}$/.test(p))) return null;
  const message = split < 0 ? '' : (text.slice(split + 2).split('\n', 1)[0] ?? '');
  return {
    fact: {
      oid,
      at: author.at,
      offsetMinutes: author.offsetMinutes,
      author: author.name,
      message,
      parents: parents.length,
    },
    parents,
  };
}

/** The commit HEAD points to, or null when the branch has no commit yet (a new repository). */
export async function readHead(folder: string): Promise<{ root: string; gitdir: string; head: string | null }> {
  const fs = readOnlyFs();
  const { root, gitdir } = await locate(fs, folder);
  return { root, gitdir, head: await resolveHead(fs, root, gitdir) };
}

async function resolveHead(fs: ReturnType<typeof readOnlyFs>, root: string, gitdir: string): Promise<string | null> {
  if (!nodeFs.existsSync(path.join(gitdir, 'HEAD')))
    throw new RepoReadError('broken', brokenMessage(root, 'its HEAD file'));
  try {
    return await (await git()).resolveRef({ fs, gitdir, ref: 'HEAD' });
  } catch (error) {
    if ((error as { code?: string }).code === 'NotFoundError') return null;
    throw new RepoReadError('broken', brokenMessage(root, 'its HEAD'));
  }
}

/**
 * A commit's text from readObject's answer: a loose object comes "wrapped" (its "commit 123\0"
 * header first), a packed one as content with its type. Null for anything that is not a commit.
 */
function commitText(result: { format: string; type?: string; object: unknown }): string | null {
  const bytes = result.object as Uint8Array;
  if (result.format === 'content') return result.type === 'commit' ? Buffer.from(bytes).toString('utf8') : null;
  const nul = bytes.indexOf(0);
  if (nul < 0 || Buffer.from(bytes.subarray(0, 7)).toString('latin1') !== 'commit ') return null;
  return Buffer.from(bytes.subarray(nul + 1)).toString('utf8');
}

/** Every commit reachable from `head`, each once, newest first; yields to the event loop between slices. */
async function walkCommits(
  fs: ReturnType<typeof readOnlyFs>,
  root: string,
  gitdir: string,
  head: string,
  options: ReadOptions,
): Promise<CommitFact[]> {
  const max = options.maxCommits ?? MAX_COMMITS;
  const { readObject } = await git();
  const cache = {};
  const seen = new Set<string>([head]);
  const stack = [head];
  const commits: CommitFact[] = [];
  let sliceStart = performance.now();
  while (stack.length > 0) {
    const oid = stack.pop()!;
    let text: string | null;
    try {
      text = commitText(await readObject({ fs, gitdir, oid, format: 'wrapped', cache }));
    } catch {
      text = null;
    }
    if (text === null) throw new RepoReadError('broken', brokenMessage(root, `commit ${short(oid)}`));
    const parsed = parseCommit(oid, text);
    if (!parsed) throw new RepoReadError('broken', brokenMessage(root, `commit ${short(oid)}`));
    commits.push(parsed.fact);
    if (commits.length > max) {
      throw new RepoReadError(
        'too-many-commits',
        `The repository at ${root} has more than ${max.toLocaleString('en')} commits, more than the app reads, so it was not linked. Link the repository of this project alone.`,
      );
    }
    for (const parent of parsed.parents) {
      if (!seen.has(parent)) {
        seen.add(parent);
        stack.push(parent);
      }
    }
    if (performance.now() - sliceStart > SLICE_MS) {
      options.onProgress?.(commits.length);
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
  commits.sort((a, b) => b.at - a.at);
  return commits;
}

/** File paths at HEAD and the text of the small files `wantsText` asks for. */
async function readFiles(
  fs: ReturnType<typeof readOnlyFs>,
  root: string,
  gitdir: string,
  head: string,
): Promise<{ files: string[]; texts: Map<string, string> }> {
  const files: string[] = [];
  const texts = new Map<string, string>();
  const { readBlob, readObject, readTree } = await git();
  const cache = {};
  const visit = async (treeOid: string, prefix: string, depth: number): Promise<void> => {
    let entries;
    try {
      ({ tree: entries } = await readTree({ fs, gitdir, oid: treeOid, cache }));
    } catch {
      throw new RepoReadError('broken', brokenMessage(root, `the folder ${prefix || 'at the top'} in the last commit`));
    }
    for (const entry of entries) {
      if (files.length >= MAX_FILES) return;
      const filePath = prefix + entry.path;
      if (entry.type === 'tree') {
        files.push(`${filePath}/`);
        if (depth < MAX_DEPTH && !SKIPPED_FOLDERS.has(entry.path)) await visit(entry.oid, `${filePath}/`, depth + 1);
      } else if (entry.type === 'blob') {
        files.push(filePath);
        if (texts.size < MAX_TEXTS && wantsText(filePath)) {
          try {
            const { blob } = await readBlob({ fs, gitdir, oid: entry.oid, cache });
            if (blob.length <= MAX_TEXT_BYTES) texts.set(filePath, Buffer.from(blob).toString('utf8'));
          } catch {
            throw new RepoReadError('broken', brokenMessage(root, `the file ${filePath}`));
          }
        }
      }
    }
  };
  let treeOid: string;
  try {
    const { object } = await readObject({ fs, gitdir, oid: head, format: 'parsed', cache });
    treeOid = (object as { tree: string }).tree;
  } catch {
    throw new RepoReadError('broken', brokenMessage(root, `commit ${short(head)}`));
  }
  await visit(treeOid, '', 0);
  return { files, texts };
}

async function readRemote(fs: ReturnType<typeof readOnlyFs>, gitdir: string): Promise<string | null> {
  const { getConfig, listRemotes } = await git();
  try {
    const origin = (await getConfig({ fs, gitdir, path: 'remote.origin.url' })) as unknown;
    if (typeof origin === 'string' && origin.trim()) return origin.trim();
    const remotes = await listRemotes({ fs, gitdir });
    return remotes[0]?.url ?? null;
  } catch {
    return null; // an unreadable config hides the remote, not the commits
  }
}

function readBranch(gitdir: string): string | null {
  try {
    const head = nodeFs.readFileSync(path.join(gitdir, 'HEAD'), 'utf8');
    return /^ref: refs\/heads\/(.+)$/m.exec(head)?.[1]?.trim() ?? null;
  } catch {
    return null;
  }
}

/** Reads the repository that holds `folder` (an absolute path); refuses in plain words what it cannot read. */
export async function readRepository(folder: string, options: ReadOptions = {}): Promise<RepoSnapshot> {
  const fs = readOnlyFs();
  const { root, gitdir } = await locate(fs, folder);
  const head = await resolveHead(fs, root, gitdir);
  const branch = readBranch(gitdir);
  const remoteUrl = await readRemote(fs, gitdir);
  if (head === null) return { root, head, branch, remoteUrl, commits: [], files: [], texts: new Map() };
  const commits = await walkCommits(fs, root, gitdir, head, options);
  options.onProgress?.(commits.length);
  const { files, texts } = await readFiles(fs, root, gitdir, head);
  return { root, head, branch, remoteUrl, commits, files, texts };
}
