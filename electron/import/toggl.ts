// Toggl Track's detailed report CSV (Reports > Detailed > Export > Download as CSV). Columns and
// where they were found: docs/import-formats.md. Dates are ISO (2025-12-31), times 24-hour, the
// Duration column follows the profile's duration format (01:30:00 "improved"/"classic", or 1.50
// "decimal"). Newer exports name the end "Stop date"/"Stop time" and the person "Member".
import type { CsvLayout } from './tabular';

export const TOGGL_LAYOUT: CsvLayout = {
  format: 'toggl',
  project: ['Project'],
  task: ['Task'],
  description: ['Description'],
  startDate: ['Start date'],
  startTime: ['Start time'],
  endDate: ['End date', 'Stop date'],
  endTime: ['End time', 'Stop time'],
  durations: ['Duration'],
};

/** Toggl's header: start as date + time, and a single "Duration" (Clockify's has "Duration (h)"). */
export function looksLikeToggl(headers: Set<string>): boolean {
  return (
    headers.has('start date') &&
    headers.has('start time') &&
    headers.has('duration') &&
    !headers.has('duration (h)') &&
    !headers.has('duration (decimal)')
  );
}
