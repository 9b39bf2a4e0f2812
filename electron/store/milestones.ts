// The success milestones ticked by hand (milestone_ticks); those with a rule follow the logbook.
import type { StoreContext } from './context';
import { prepared } from './statements';

export function readTickedMilestones(ctx: Pick<StoreContext, 'db'>): Set<string> {
  return new Set(prepared(ctx.db, 'SELECT entry_id FROM milestone_ticks', 'pluck').all() as string[]);
}

export function writeMilestoneTick(ctx: Pick<StoreContext, 'db' | 'now'>, entryId: string, ticked: boolean): void {
  if (ticked)
    prepared(ctx.db, 'INSERT OR IGNORE INTO milestone_ticks (entry_id, ticked_at) VALUES (?, ?)').run(
      entryId,
      ctx.now(),
    );
  else prepared(ctx.db, 'DELETE FROM milestone_ticks WHERE entry_id = ?').run(entryId);
}
