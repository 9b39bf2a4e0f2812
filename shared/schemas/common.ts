// Values every area's schemas are made of: an instant, a calendar day, a number of hours.
// No Node or DOM imports.
import { z } from 'zod';
import { isLocalDate } from '../dates';
import { EARLIEST_MS, LATEST_MS } from '../time';

export const instant = z
  .number({ error: 'A time must be a number of milliseconds.' })
  .int('A time must be a whole number of milliseconds.')
  .min(EARLIEST_MS, 'A time before the year 2000 is not plausible.')
  .max(LATEST_MS, 'A time after the year 2100 is not plausible.');

/** A calendar day in the learner's zone, "2026-03-02". */
export const localDateSchema = z
  .string()
  .refine(isLocalDate, 'A date is written YYYY-MM-DD and must exist on the calendar.');

export const hoursSchema = z.number().nonnegative();
