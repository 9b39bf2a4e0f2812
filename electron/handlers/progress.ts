// Item status, notes and the ticks on an item's list (electron/store/items), and the overview.
import type { ItemState } from '../../shared/schemas/items';
import { AppError } from '../../shared/errors';
import { MINUTE_MS } from '../../shared/time';
import { computeProgress } from '../stats/progress';
import {
  readProgressRow,
  readStatuses,
  readTickCounts,
  readTicks,
  writeNotes,
  writeStatus,
  writeTick,
} from '../store/items';
import { readItemLogged, readItemTotals } from '../store/totals';
import { requireItem, type HandlerContext, type HandlerGroup } from './context';

function readItemState(ctx: HandlerContext, itemId: string): ItemState {
  const { status, notes } = readProgressRow(ctx, itemId);
  const logged = readItemLogged(ctx, itemId);
  return {
    itemId,
    status,
    notes,
    tickedEntries: readTicks(ctx, itemId),
    minutesLogged: logged.ms / MINUTE_MS,
    entryCount: logged.entries,
  };
}

export const progressHandlers: HandlerGroup<
  'progress.overview' | 'item.get' | 'item.setStatus' | 'item.setNotes' | 'item.tickEntry'
> = {
  'progress.overview': (ctx) => {
    const statusOf = readStatuses(ctx);
    const totalOf = readItemTotals(ctx);
    const ticksOf = readTickCounts(ctx);
    const minutesOf = (id: string) => totalOf(id).ms / MINUTE_MS;
    return {
      items: ctx.curriculum.items.map((item) => ({
        itemId: item.id,
        status: statusOf(item.id),
        minutesLogged: minutesOf(item.id),
        entryCount: totalOf(item.id).entries,
        tickedCount: ticksOf(item.id),
      })),
      overall: computeProgress(ctx.curriculum.items, statusOf, minutesOf),
      phases: ctx.curriculum.phases.map((phase) => ({
        phase: phase.number,
        ...computeProgress(
          ctx.curriculum.items.filter((i) => i.phase === phase.number),
          statusOf,
          minutesOf,
        ),
      })),
    };
  },

  'item.get': (ctx, { itemId }) => {
    requireItem(ctx, itemId);
    return readItemState(ctx, itemId);
  },

  'item.setStatus': (ctx, { itemId, status }) => {
    requireItem(ctx, itemId);
    writeStatus(ctx, itemId, status);
    return readItemState(ctx, itemId);
  },

  'item.setNotes': (ctx, { itemId, notes }) => {
    requireItem(ctx, itemId);
    writeNotes(ctx, itemId, notes);
    return readItemState(ctx, itemId);
  },

  'item.tickEntry': (ctx, { itemId, entryIndex, ticked }) => {
    const item = requireItem(ctx, itemId);
    if (entryIndex >= item.list.entries.length) {
      throw new AppError(
        'NOT_FOUND',
        `${item.list.title} of ${itemId} has ${item.list.entries.length} entries; there is no entry number ${entryIndex + 1}.`,
      );
    }
    writeTick(ctx, itemId, entryIndex, ticked);
    return readItemState(ctx, itemId);
  },
};
