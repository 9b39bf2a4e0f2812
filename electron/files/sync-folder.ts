// The sync folder as the file system sees it: whether the learner's choice can be used (said in
// plain words when not), a cheap fingerprint of what is in it, and a watcher. The scheduler
// (electron/sync/scheduler.ts) takes the last two as parameters; these are the real ones.
import { readdirSync, rmSync, statSync, watch, writeFileSync, type Stats } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { AppError } from '../../shared/errors';

/**
 * The folder the learner chose, resolved, or an AppError saying what is wrong with it. It must be a
 * full path to a folder that exists and that we can write to, and not the app's own data folder
 * (its database and backups would then travel to the other machine).
 */
export function checkSyncFolder(folder: string, dataDir?: string): string {
  const refuse = (message: string) => new AppError('INVALID_INPUT', message, { folder: message });
  if (!path.isAbsolute(folder))
    throw refuse(`Give the folder's full path, for example ${example()}; "${shorten(folder)}" is not one.`);
  const resolved = path.resolve(folder);
  let stats: Stats;
  try {
    stats = statSync(resolved);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw refuse(
      code === 'EACCES' || code === 'EPERM'
        ? `The app is not allowed to open ${shorten(resolved)}. Choose a folder of yours.`
        : `There is no folder ${shorten(resolved)}. Check the path, or create the folder (or connect its drive) first.`,
    );
  }
  if (!stats.isDirectory()) throw refuse(`${shorten(resolved)} is a file, not a folder. Choose a folder.`);
  if (dataDir) {
    const own = path.resolve(dataDir);
    if (isWithin(resolved, own) || isWithin(own, resolved))
      throw refuse(
        "That folder holds the app's own data. Choose a separate folder that your sync tool keeps in step, for example one inside Dropbox or Syncthing.",
      );
  }
  // Writing a file is the only honest test: a read-only mount or a full disk passes access checks.
  const probe = path.join(resolved, `.companion-write-test-${randomBytes(4).toString('hex')}`);
  try {
    writeFileSync(probe, 'test', { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw refuse(
      code === 'ENOSPC'
        ? `The disk holding ${shorten(resolved)} is full. Free some space or choose another folder.`
        : `The app cannot write into ${shorten(resolved)}. Choose a folder you can write to.`,
    );
  } finally {
    rmSync(probe, { force: true });
  }
  return resolved;
}

/** `inner` is `outer` or somewhere below it (also when `outer` is the root, "/" or "C:\\"). */
function isWithin(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

const example = () => (process.platform === 'win32' ? 'C:\\Users\\Sam\\Dropbox\\Study' : '/home/sam/Dropbox/Study');
const shorten = (text: string) => (text.length > 200 ? `${text.slice(0, 199)}…` : text);

/** How deep and how many entries the fingerprint reads: our layout is shallow, and this stays cheap. */
const MAX_DEPTH = 3;
const MAX_ENTRIES = 20_000;

/**
 * Names, sizes and change times of everything in the folder (a few levels down), hashed. Another
 * machine's new or grown file changes it; a folder that cannot be read throws.
 */
export function folderFingerprint(folder: string): string {
  const hash = createHash('sha1');
  let count = 0;
  const walk = (dir: string, depth: number, prefix: string) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      if (++count > MAX_ENTRIES) return;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        hash.update(`d ${prefix}${entry.name}\n`);
        if (depth < MAX_DEPTH) walk(full, depth + 1, `${prefix}${entry.name}/`);
        continue;
      }
      try {
        const s = statSync(full);
        hash.update(`f ${prefix}${entry.name} ${s.size} ${s.mtimeMs}\n`);
      } catch {
        // gone between the listing and the stat (a temporary file renamed): the next look sees the result
      }
    }
  };
  walk(folder, 1, '');
  return hash.digest('hex');
}

/** fs.watch on the folder and below; throws where the platform or the folder cannot be watched. */
export function watchFolder(folder: string, onChange: () => void, onError: (error: unknown) => void) {
  let watcher: ReturnType<typeof watch>;
  try {
    watcher = watch(folder, { recursive: true, persistent: false }, () => onChange());
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM') throw error;
    // Older Linux Node: the top folder only; the slow poll covers what changes below it.
    watcher = watch(folder, { persistent: false }, () => onChange());
  }
  watcher.on('error', onError);
  return { close: () => watcher.close() };
}
