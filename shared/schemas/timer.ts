// The running timer, and what stopping it did.
import { z } from 'zod';
import { itemIdSchema } from '../curriculum';
import { instant } from './common';
import { entryNote, timeEntrySchema } from './time';

export const runningTimerSchema = z.object({ itemId: itemIdSchema, startedAt: instant, note: z.string() });
export type RunningTimer = z.infer<typeof runningTimerSchema>;

/** What stopping a timer did: logged an entry, or discarded a span under a minute. */
export const timerStopSchema = z.object({
  entry: timeEntrySchema.nullable(),
  discarded: z.object({ itemId: itemIdSchema, seconds: z.number().int().nonnegative() }).nullable(),
});
export type TimerStop = z.infer<typeof timerStopSchema>;

export const timerStartInput = z.strictObject({ itemId: itemIdSchema, note: entryNote.default('') });
export const timerStartSchema = z.object({ running: runningTimerSchema, stoppedPrevious: timerStopSchema.nullable() });
