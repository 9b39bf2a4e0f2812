// Clockify's detailed report CSV (Reports > Detailed > Export > CSV). Columns and where they
// were found: docs/import-formats.md. Dates follow the user's date format setting (12/31/2025,
// 31/12/2025, 31.12.2025 or ISO), times the 12/24-hour setting (01:05:00 PM or 13:05:00), and there
// are two durations: "Duration (h)" as h:mm:ss and "Duration (decimal)" as hours.
import type { CsvLayout } from './tabular';

export const CLOCKIFY_LAYOUT: CsvLayout = {
  format: 'clockify',
  project: ['Project'],
  task: ['Task'],
  description: ['Description'],
  startDate: ['Start Date'],
  startTime: ['Start Time'],
  endDate: ['End Date'],
  endTime: ['End Time'],
  // h:mm:ss first: the decimal column is rounded to two places (0.01 h = 36 s).
  durations: ['Duration (h)', 'Duration (decimal)'],
};

/** Clockify's header: start as date + time, and its two named durations. */
export function looksLikeClockify(headers: Set<string>): boolean {
  return (
    headers.has('start date') &&
    headers.has('start time') &&
    (headers.has('duration (h)') || headers.has('duration (decimal)'))
  );
}
