// Time entries: the rules a span obeys, an entry, and the inputs that add, edit and list them.
import { z } from 'zod';
import { itemIdSchema } from '../curriculum';
import { MAX_ENTRY_MS, MIN_ENTRY_MS } from '../time';
import { instant } from './common';

export const NOTE_MAX = 2000;
export const entryNote = z.string().max(NOTE_MAX, `A note can be at most ${NOTE_MAX.toLocaleString('en')} characters.`);
export const entryIdSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** What a span that breaks a rule is told; the entry form says the same before it asks. */
export const SPAN_MESSAGES = {
  endAfterStart: 'The end must be after the start.',
  atLeastAMinute: 'An entry must be at least 1 minute long.',
  atMostADay: 'An entry can be at most 24 hours long. Split a longer session into several entries.',
} as const;

/** The rules every stored time span obeys, whether typed by hand or edited later. */
export const spanRules = <T extends { startedAt: number; endedAt: number }>(schema: z.ZodType<T>) =>
  schema
    .refine((s) => s.endedAt > s.startedAt, { message: SPAN_MESSAGES.endAfterStart, path: ['endedAt'] })
    .refine((s) => s.endedAt - s.startedAt >= MIN_ENTRY_MS || s.endedAt <= s.startedAt, {
      message: SPAN_MESSAGES.atLeastAMinute,
      path: ['endedAt'],
    })
    .refine((s) => s.endedAt - s.startedAt <= MAX_ENTRY_MS, { message: SPAN_MESSAGES.atMostADay, path: ['endedAt'] });

export const timeEntrySchema = z.object({
  id: entryIdSchema,
  itemId: itemIdSchema,
  startedAt: instant,
  endedAt: instant,
  note: z.string(),
  source: z.enum(['timer', 'manual']),
  /** True when another entry covers part of the same time: the log shows it. */
  overlaps: z.boolean(),
});
export type TimeEntry = z.infer<typeof timeEntrySchema>;

export const manualEntryInput = spanRules(
  z.strictObject({ itemId: itemIdSchema, startedAt: instant, endedAt: instant, note: entryNote.default('') }),
);

export const editEntryInput = spanRules(
  z.strictObject({ id: entryIdSchema, itemId: itemIdSchema, startedAt: instant, endedAt: instant, note: entryNote }),
);

const TIME_LIST_MAX = 500;

export const timeListInput = z
  .strictObject({
    itemId: itemIdSchema.optional(),
    from: instant.optional(),
    to: instant.optional(),
    /** Keyset paging: entries that start before this one (newest first). */
    before: z.strictObject({ startedAt: instant, id: entryIdSchema }).optional(),
    limit: z.number().int().min(1).max(TIME_LIST_MAX).default(100),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from < q.to, {
    message: 'The "from" date must be before the "to" date.',
    path: ['to'],
  });

export const timeListSchema = z.object({ entries: z.array(timeEntrySchema), hasMore: z.boolean() });
