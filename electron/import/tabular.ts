// Toggl Track and Clockify detailed reports share a shape: one row per time entry with a project,
// a task, a description, start and end as separate date and time columns, and a duration. Only the
// header names differ, so one reader takes a layout (the names) and does the rest.
import { findColumn, headerIndex } from './csv';
import { refusalReason } from './checks';
import { readDateOrder, parseClock, parseDate, parseDuration, zonedToEpoch, localTimeZone } from './datetime';
import type { DateOrder, ImportedRow, ParseOptions, ParsedReport, ReportFormat, RowRefusal } from './types';

/** Header names per field, tried in order (trackers renamed columns across versions). */
export interface CsvLayout {
  format: ReportFormat;
  project: string[];
  task: string[];
  description: string[];
  startDate: string[];
  startTime: string[];
  endDate: string[];
  endTime: string[];
  /** Duration columns, most precise first; the first one that reads wins. */
  durations: string[];
}

type Columns = { [K in keyof Omit<CsvLayout, 'format' | 'durations'>]: number | undefined } & {
  durations: number[];
};

/** Where each field sits in this file's header. */
function locate(layout: CsvLayout, header: string[]): Columns {
  const index = headerIndex(header);
  const at = (names: string[]) => findColumn(index, names);
  return {
    project: at(layout.project),
    task: at(layout.task),
    description: at(layout.description),
    startDate: at(layout.startDate),
    startTime: at(layout.startTime),
    endDate: at(layout.endDate),
    endTime: at(layout.endTime),
    durations: layout.durations.map((n) => index.get(n.toLowerCase())).filter((i): i is number => i !== undefined),
  };
}

/** A field's text, or '' when the column is absent or the row is short. */
function cell(record: string[], column: number | undefined): string {
  return column === undefined ? '' : (record[column] ?? '').trim();
}

/** The date order for the file: proved by its dates when it can be, else the caller's choice. */
function dateOrderOf(records: string[][], cols: Columns, fallback: DateOrder) {
  const dates = function* () {
    for (const r of records) {
      yield cell(r, cols.startDate);
      yield cell(r, cols.endDate);
    }
  };
  const { decided, ambiguous } = readDateOrder(dates());
  return { order: decided ?? fallback, certain: !ambiguous };
}

interface RowContext {
  cols: Columns;
  order: DateOrder;
  timeZone: string;
}

/** The first duration column that reads, in ms, or null. */
function durationOf(record: string[], cols: Columns): number | null {
  for (const c of cols.durations) {
    const ms = parseDuration(cell(record, c));
    if (ms !== null) return ms;
  }
  return null;
}

/** One record read into a row, or the words saying why it could not be read. */
function readRecord(record: string[], sourceRow: number, ctx: RowContext): ImportedRow | string {
  const { cols, order, timeZone } = ctx;
  const startDateText = cell(record, cols.startDate);
  const startTimeText = cell(record, cols.startTime);
  const startDate = parseDate(startDateText, order);
  const startTime = parseClock(startTimeText);
  if (!startDate || !startTime) {
    return `its start "${`${startDateText} ${startTimeText}`.trim()}" is not a date and time we can read`;
  }
  const startedAt = zonedToEpoch(startDate, startTime, timeZone);
  // An end without its own date is on the start's day (some exports leave it out).
  const endDate = parseDate(cell(record, cols.endDate) || startDateText, order);
  const endTime = parseClock(cell(record, cols.endTime));
  const endFromColumns = endDate && endTime ? zonedToEpoch(endDate, endTime, timeZone) : null;
  const duration = durationOf(record, cols);
  if (endFromColumns === null && duration === null) return 'it has neither an end time nor a duration we can read';
  return {
    project: cell(record, cols.project),
    task: cell(record, cols.task),
    description: cell(record, cols.description),
    startedAt,
    endedAt: endFromColumns ?? startedAt + duration!,
    durationMs: endFromColumns === null ? duration! : chooseDuration(duration, endFromColumns - startedAt),
    sourceRow,
  };
}

// Rounding settings move a tracker's duration by minutes; nothing legitimate moves it by more.
const AGREEMENT_MS = 61 * 60_000;

/**
 * The tracker's own duration when it agrees with end minus start: it already applies the
 * workspace's rounding. When it disagrees by more than rounding could explain, the duration column
 * is in a format we misread (profile settings vary), and the span between the times is the truth.
 */
function chooseDuration(column: number | null, span: number): number {
  if (column === null) return span;
  return Math.abs(column - span) <= AGREEMENT_MS ? column : span;
}

/** Reads every data record of a detailed report laid out as `layout`. */
export function parseTabular(layout: CsvLayout, records: string[][], options: ParseOptions): ParsedReport {
  const [header = [], ...data] = records;
  const cols = locate(layout, header);
  const { order, certain } = dateOrderOf(data, cols, options.dateOrder ?? 'mdy');
  const ctx: RowContext = { cols, order, timeZone: options.timeZone ?? localTimeZone() };
  const rows: ImportedRow[] = [];
  const refusals: RowRefusal[] = [];
  data.forEach((record, i) => {
    // Spreadsheet numbering: the header is row 1, so the first entry is row 2.
    const sourceRow = i + 2;
    const read = readRecord(record, sourceRow, ctx);
    const reason = typeof read === 'string' ? read : refusalReason(read, options.now);
    if (reason === null && typeof read !== 'string') rows.push(read);
    else refusals.push({ sourceRow, reason: `Row ${sourceRow} is left out: ${reason}.` });
  });
  return { format: layout.format, rows, refusals, dateOrder: order, dateOrderCertain: certain };
}
