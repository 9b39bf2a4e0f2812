// The checks every imported span passes, whatever the tracker, so the learner sees the same reasons
// for the same problem: shorter than the log keeps, longer than a day, ending before it starts, or
// outside the years the log holds. The limits are the time log's own (shared/time.ts).
import { EARLIEST_MS, FUTURE_TOLERANCE_MS, MAX_ENTRY_MS, MIN_ENTRY_MS } from '../../shared/time';
import type { ImportedRow } from './types';

/** Hours and minutes for messages ("26 h 05 min"), as a learner reads a tracker's totals. */
function describeDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** Why a well-read row cannot be imported, or null when it can. */
export function refusalReason(row: ImportedRow, now: number): string | null {
  if (row.durationMs <= 0) return 'it lasts no time at all';
  if (row.endedAt < row.startedAt) return 'it ends before it starts';
  if (row.durationMs > MAX_ENTRY_MS) {
    return `it lasts ${describeDuration(row.durationMs)}, longer than 24 hours (probably a timer left running)`;
  }
  if (row.durationMs < MIN_ENTRY_MS) return 'it is shorter than a minute, the shortest entry the time log keeps';
  if (row.startedAt < EARLIEST_MS) return 'it starts before the year 2000';
  if (row.endedAt > now + FUTURE_TOLERANCE_MS) return 'it ends in the future';
  return null;
}
