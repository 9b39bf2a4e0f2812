// Time entries: manual add, edit, delete and the log, newest first (electron/store/entries).
import type { ChannelOutput, ParsedInput } from '../../shared/contract';
import type { TimeEntry } from '../../shared/schemas/time';
import { AppError } from '../../shared/errors';
import { FUTURE_TOLERANCE_MS } from '../../shared/time';
import { deleteEntry, insertEntry, listEntries, readEntry, updateEntry } from '../store/entries';
import { transactionOf } from '../store/context';
import { markInProgressIfNotStarted, settleStatusAfterRemoval } from '../store/items';
import { requireItem, type HandlerContext, type HandlerGroup } from './context';

function requireEntry(ctx: HandlerContext, id: number): TimeEntry {
  const entry = readEntry(ctx, id);
  if (!entry) throw new AppError('NOT_FOUND', `There is no time entry number ${id}. It may have been deleted already.`);
  return entry;
}

function refuseFuture(ctx: HandlerContext, endedAt: number) {
  if (endedAt > ctx.now() + FUTURE_TOLERANCE_MS) {
    throw new AppError('INVALID_INPUT', 'An entry cannot end in the future. Check the date and times.');
  }
}

// The writes, each one transaction (transactionOf: made once, not on every call).

function addEntry(ctx: HandlerContext, input: ParsedInput<'time.add'>): TimeEntry {
  return requireEntry(ctx, insertEntry(ctx, { ...input, source: 'manual' }));
}

function editEntry(ctx: HandlerContext, input: ParsedInput<'time.edit'>): TimeEntry {
  const before = requireEntry(ctx, input.id);
  updateEntry(ctx, input);
  markInProgressIfNotStarted(ctx, input.itemId);
  // Moved to another item: the one it left may have no time now.
  if (before.itemId !== input.itemId) settleStatusAfterRemoval(ctx, before.itemId);
  return requireEntry(ctx, input.id);
}

function removeEntry(ctx: HandlerContext, id: number): ChannelOutput<'time.delete'> {
  const deleted = requireEntry(ctx, id);
  deleteEntry(ctx, id);
  settleStatusAfterRemoval(ctx, deleted.itemId);
  return { deleted: { ...deleted, overlaps: false } };
}

export const timeHandlers: HandlerGroup<'time.add' | 'time.edit' | 'time.delete' | 'time.list'> = {
  'time.add': (ctx, input) => {
    requireItem(ctx, input.itemId);
    refuseFuture(ctx, input.endedAt);
    return transactionOf(ctx.db, addEntry)(ctx, input);
  },

  'time.edit': (ctx, input) => {
    requireItem(ctx, input.itemId);
    refuseFuture(ctx, input.endedAt);
    return transactionOf(ctx.db, editEntry)(ctx, input);
  },

  'time.delete': (ctx, { id }) => transactionOf(ctx.db, removeEntry)(ctx, id),

  'time.list': (ctx, input) => {
    if (input.itemId !== undefined) requireItem(ctx, input.itemId);
    return listEntries(ctx, input);
  },
};
