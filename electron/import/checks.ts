// The checks every imported span passes, whatever the tracker, so the learner sees the same reasons
// for the same problem: longer than a day, ending before it starts, or in the future.
import type { ImportedRow } from './types';

const DAY_MS = 24 * 3_600_000;

/** Hours and minutes for messages ("26 h 05 min"), as a learner reads a tracker's totals. */
export function describeDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** Why a well-read row cannot be imported, or null when it can. */
export function refusalReason(row: ImportedRow, now: number): string | null {
  if (row.durationMs <= 0) return 'it lasts no time at all';
  if (row.endedAt < row.startedAt) return 'it ends before it starts';
  if (row.durationMs > DAY_MS) {
    return `it lasts ${describeDuration(row.durationMs)}, longer than 24 hours (probably a timer left running)`;
  }
  if (row.endedAt > now) return 'it ends in the future';
  return null;
}
