// An item's state (status, list ticks, notes, its logged time) and progress over items.
import { z } from 'zod';
import { itemIdSchema } from '../curriculum';

export const itemStatuses = ['not_started', 'in_progress', 'done', 'skipped'] as const;
export const itemStatusSchema = z.enum(itemStatuses, {
  error: 'A status is one of: not_started, in_progress, done, skipped.',
});
export type ItemStatus = z.infer<typeof itemStatusSchema>;

export const ITEM_NOTES_MAX = 20_000;

export const itemStateSchema = z.object({
  itemId: itemIdSchema,
  status: itemStatusSchema,
  notes: z.string(),
  tickedEntries: z.array(z.number().int().nonnegative()),
  minutesLogged: z.number().nonnegative(),
  entryCount: z.number().int().nonnegative(),
});
export type ItemState = z.infer<typeof itemStateSchema>;

export const itemNotesInput = z.strictObject({
  itemId: itemIdSchema,
  notes: z.string().max(ITEM_NOTES_MAX, `Notes can be at most ${ITEM_NOTES_MAX.toLocaleString('en')} characters.`),
});

export const itemTickInput = z.strictObject({
  itemId: itemIdSchema,
  entryIndex: z.number().int().min(0).max(99),
  ticked: z.boolean(),
});

const progressSchema = z.object({
  itemCount: z.number().int(),
  /** Items still in the plan: all but the skipped ones. */
  plannedCount: z.number().int(),
  doneCount: z.number().int(),
  skippedCount: z.number().int(),
  /** Done items over planned items, 0..1. */
  byCount: z.number().min(0).max(1),
  /** Estimate midpoints of done items over those of planned items, 0..1. */
  byHours: z.number().min(0).max(1),
  estimateMinHours: z.number(),
  estimateMaxHours: z.number(),
  loggedMinutes: z.number(),
});
export type Progress = z.infer<typeof progressSchema>;

export const progressOverviewSchema = z.object({
  items: z.array(itemStateSchema.omit({ notes: true, tickedEntries: true }).extend({ tickedCount: z.number().int() })),
  overall: progressSchema,
  phases: z.array(progressSchema.extend({ phase: z.number().int() })),
});
