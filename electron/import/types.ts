// What every report parser hands back, whatever the tracker: rows in one shape, and the rows it
// would not take with the reason in plain words. Pure data: no SQL, no IPC (the mapping step and
// the store come later and read only this).

/** The trackers whose exports we recognise from the file itself. */
export type ReportFormat = 'toggl' | 'clockify' | 'super-productivity';

/** The names shown to the learner ("This looks like a Toggl Track detailed report"). */
export const FORMAT_NAMES: Record<ReportFormat, string> = {
  toggl: 'Toggl Track detailed report (CSV)',
  clockify: 'Clockify detailed report (CSV)',
  'super-productivity': 'Super Productivity backup (JSON)',
};

/** One span of work, normalised. Times are epoch milliseconds. */
export interface ImportedRow {
  project: string;
  task: string;
  description: string;
  startedAt: number;
  endedAt: number;
  durationMs: number;
  /**
   * Where the row came from, for messages: in a CSV the spreadsheet row (the header is row 1, and a
   * field spanning several lines is still one row); in a Super Productivity backup the n-th
   * (task, day) pair read.
   */
  sourceRow: number;
  /**
   * Set when the tracker stores only a total per day (Super Productivity): the span then starts at
   * the day's local midnight and is as long as the total, because the real start is not in the file.
   */
  dayTotalOnly?: true;
}

/** A row left out, and why, in words the learner can act on. */
export interface RowRefusal {
  sourceRow: number;
  reason: string;
}

/** Day-month order of slash dates: only knowable from the file when one part exceeds 12. */
export type DateOrder = 'dmy' | 'mdy';

export interface ParseOptions {
  /** Rows ending after this instant are refused as "in the future" (injected so tests are fixed). */
  now: number;
  /**
   * The time zone the tracker wrote wall-clock times in (the exporting profile's zone, which the
   * files do not say). Defaults to this computer's zone.
   */
  timeZone?: string;
  /** Used only when every date in the file reads both ways (e.g. 03/04/2025). Defaults to 'mdy'. */
  dateOrder?: DateOrder;
}

export interface ParsedReport {
  format: ReportFormat;
  rows: ImportedRow[];
  refusals: RowRefusal[];
  /**
   * The order used for slash dates, and whether it is settled: proved by the file, or not needed (ISO
   * dates). False: every slash date reads both ways, and the order is a guess for the learner to confirm.
   */
  dateOrder: DateOrder;
  dateOrderCertain: boolean;
}

/**
 * Why a whole file is refused, in the cases the learner acts on differently: choose another file,
 * export again in a supported layout, or export again because this copy is damaged (cut short).
 */
export type ImportErrorKind = 'not-a-report' | 'unknown-layout' | 'damaged';

/** A whole-file refusal whose message is meant to be shown as is. */
export class ImportError extends Error {
  constructor(
    readonly kind: ImportErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}
