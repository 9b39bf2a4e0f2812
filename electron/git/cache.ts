// Each linked repository is read once per HEAD: reopening an item asks only where HEAD points (two
// small files) and reuses the last read while it is the same commit. Two calls for one folder while
// it is being read share that read. Reads under way are listed with how far they got, for the
// progress line.
import path from 'node:path';
import { readHead, readRepository, type ReadOptions, type RepoSnapshot } from './read';

interface Entry {
  head: string | null;
  snapshot: Promise<RepoSnapshot>;
}

const snapshots = new Map<string, Entry>();
/** Repositories kept in memory at once; the one read longest ago goes first. */
const KEEP = 12;
const reading = new Map<string, number>();

/** The folders being read now and the commits read so far in each. */
export function readsUnderWay(): { folder: string; commits: number }[] {
  return [...reading].map(([folder, commits]) => ({ folder, commits }));
}

/** The repository holding `folder`, from the cache while its HEAD has not moved. */
export async function readRepositoryCached(
  folder: string,
  options: Pick<ReadOptions, 'maxCommits'> = {},
): Promise<RepoSnapshot> {
  const folderKey = path.resolve(folder);
  const key = options.maxCommits === undefined ? folderKey : `${folderKey}#${options.maxCommits}`;
  let head: string | null;
  try {
    ({ head } = await readHead(folderKey));
  } catch (error) {
    snapshots.delete(key);
    throw error;
  }
  const cached = snapshots.get(key);
  if (cached && cached.head === head) {
    snapshots.delete(key); // kept as the newest
    snapshots.set(key, cached);
    return cached.snapshot;
  }
  const snapshot = (async () => {
    reading.set(folderKey, 0);
    try {
      return await readRepository(folderKey, { ...options, onProgress: (commits) => reading.set(folderKey, commits) });
    } finally {
      reading.delete(folderKey);
    }
  })();
  snapshots.delete(key);
  snapshots.set(key, { head, snapshot });
  for (const oldest of snapshots.keys()) {
    if (snapshots.size <= KEEP) break;
    snapshots.delete(oldest);
  }
  // A read that fails is not kept: the next call tries again (the learner may have fixed the folder).
  snapshot.catch(() => {
    if (snapshots.get(key)?.snapshot === snapshot) snapshots.delete(key);
  });
  return snapshot;
}
