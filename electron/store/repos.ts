// Linked git repositories (repo_links) and the suggested sessions a learner dismissed
// (repo_dismissed): machine-local, never synced or exported (db/migrations/007-repo-links.ts).
import type { StoreContext } from './context';
import { prepared } from './statements';

export interface RepoLink {
  itemId: string;
  folder: string;
  linkedAt: number;
  /** The README the last read found at the repository's top, or null. */
  readme: string | null;
}

interface LinkRow {
  item_id: string;
  folder: string;
  linked_at: number;
  readme: string | null;
}

const toLink = (row: LinkRow): RepoLink => ({
  itemId: row.item_id,
  folder: row.folder,
  linkedAt: row.linked_at,
  readme: row.readme,
});

export function readRepoLink(ctx: Pick<StoreContext, 'db'>, itemId: string): RepoLink | undefined {
  const row = prepared(ctx.db, 'SELECT item_id, folder, linked_at, readme FROM repo_links WHERE item_id = ?').get(
    itemId,
  ) as LinkRow | undefined;
  return row && toLink(row);
}

/** Every linked repository, by item. */
export function readRepoLinks(ctx: Pick<StoreContext, 'db'>): RepoLink[] {
  return (
    prepared(ctx.db, 'SELECT item_id, folder, linked_at, readme FROM repo_links ORDER BY item_id').all() as LinkRow[]
  ).map(toLink);
}

/** Links the item to `folder` (replacing a link it had); dismissals made for another folder go. */
export function writeRepoLink(
  ctx: Pick<StoreContext, 'db' | 'now'>,
  itemId: string,
  folder: string,
  readme: string | null,
): void {
  const before = readRepoLink(ctx, itemId);
  if (before && before.folder !== folder) clearDismissed(ctx, itemId);
  prepared(
    ctx.db,
    `INSERT INTO repo_links (item_id, folder, linked_at, readme) VALUES (?, ?, ?, ?)
     ON CONFLICT (item_id) DO UPDATE SET folder = excluded.folder, linked_at = excluded.linked_at, readme = excluded.readme`,
  ).run(itemId, folder, ctx.now(), readme);
}

/** What the latest read found at the top of the repository: the milestones count it. */
export function writeRepoReadme(ctx: Pick<StoreContext, 'db'>, itemId: string, readme: string | null): void {
  prepared(ctx.db, 'UPDATE repo_links SET readme = ? WHERE item_id = ? AND readme IS NOT ?').run(
    readme,
    itemId,
    readme,
  );
}

/** Unlinks the item; its dismissals go with the link. True when there was a link. */
export function deleteRepoLink(ctx: Pick<StoreContext, 'db'>, itemId: string): boolean {
  clearDismissed(ctx, itemId);
  return prepared(ctx.db, 'DELETE FROM repo_links WHERE item_id = ?').run(itemId).changes > 0;
}

export function readDismissed(ctx: Pick<StoreContext, 'db'>, itemId: string): Set<string> {
  return new Set(
    prepared(ctx.db, 'SELECT suggestion FROM repo_dismissed WHERE item_id = ?', 'pluck').all(itemId) as string[],
  );
}

export function writeDismissed(ctx: Pick<StoreContext, 'db' | 'now'>, itemId: string, suggestion: string): void {
  prepared(ctx.db, 'INSERT OR IGNORE INTO repo_dismissed (item_id, suggestion, dismissed_at) VALUES (?, ?, ?)').run(
    itemId,
    suggestion,
    ctx.now(),
  );
}

function clearDismissed(ctx: Pick<StoreContext, 'db'>, itemId: string): void {
  prepared(ctx.db, 'DELETE FROM repo_dismissed WHERE item_id = ?').run(itemId);
}

/** Each logged span on one item, [start, end): the Repository section sets them beside the commits. */
export function readItemSpans(ctx: Pick<StoreContext, 'db'>, itemId: string): [number, number][] {
  return prepared(
    ctx.db,
    'SELECT started_at, ended_at FROM time_entries WHERE item_id = ? ORDER BY started_at',
    'raw',
  ).all(itemId) as [number, number][];
}
