// Recognising a report from the file itself (its header or JSON shape), never from its name:
// learners rename downloads, and "report.csv" says nothing. A file that is not a time report and a
// time report in a layout we do not read get different messages, because the learner's next step
// differs (choose another file, or export again in a supported way).
import { CLOCKIFY_LAYOUT, looksLikeClockify } from './clockify';
import { readCsvRecords, stripBom } from './csv';
import { looksLikeSuperProductivity } from './super-productivity';
import { looksLikeToggl } from './toggl';
import { ImportError, type ReportFormat } from './types';

const SUPPORTED =
  "We read Toggl Track's detailed report as CSV, Clockify's detailed report as CSV, and a Super Productivity backup (JSON).";

/** Binary files (xlsx, pdf, zip) hold NUL bytes or many control characters in their first bytes. */
function looksBinary(head: string): boolean {
  // eslint-disable-next-line no-control-regex -- counting control characters is the point of this check
  const controls = head.match(/[\u0000-\u0008\u000E-\u001F]/g)?.length ?? 0;
  return head.includes('\u0000') || controls > head.length / 20;
}

/** The JSON value, or an ImportError saying the file only looks like JSON. */
function readJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ImportError(
      'not-a-report',
      'This file starts like JSON but is not valid JSON (it may be cut short). Export the backup again and choose the new file.',
    );
  }
}

/** The format of a JSON file: only Super Productivity backups are JSON among the supported ones. */
function detectJson(text: string): ReportFormat {
  if (looksLikeSuperProductivity(readJson(text))) return 'super-productivity';
  throw new ImportError(
    'not-a-report',
    `This JSON file is not a Super Productivity backup: it has no task list with time spent. ${SUPPORTED}`,
  );
}

/** Whether a header names anything a time report needs (a date, a time or a duration). */
function mentionsTime(headers: string[]): boolean {
  return headers.some((h) => /date|time|duration|start|end|stop|hours/.test(h));
}

/** The format of a CSV file from its header line. */
function detectCsv(text: string): ReportFormat {
  let header: string[];
  try {
    header = readCsvRecords(text, { toLine: 1 })[0] ?? [];
  } catch {
    throw new ImportError('not-a-report', `This file is not a CSV table we can read. ${SUPPORTED}`);
  }
  const names = header.map((h) => h.trim().toLowerCase());
  const set = new Set(names);
  if (looksLikeClockify(set)) return CLOCKIFY_LAYOUT.format;
  if (looksLikeToggl(set)) return 'toggl';
  if (header.length < 2 || !mentionsTime(names)) {
    throw new ImportError(
      'not-a-report',
      `This file is not a time report: none of its columns is a date, a time or a duration. ${SUPPORTED}`,
    );
  }
  throw new ImportError(
    'unknown-layout',
    `This looks like a time report, but its columns are not a layout we read. Its columns: ${header
      .map((h) => h.trim())
      .join(', ')}. ${SUPPORTED}`,
  );
}

/** Which tracker wrote this file, or an ImportError whose message can be shown as is. */
export function detectReport(text: string): ReportFormat {
  const body = stripBom(text).trimStart();
  if (body.length === 0) throw new ImportError('not-a-report', 'The file is empty.');
  if (looksBinary(body.slice(0, 2000))) {
    throw new ImportError(
      'not-a-report',
      `This file is not text (a spreadsheet, a PDF or an archive?). Export the report as CSV, or the backup as JSON, and choose that file. ${SUPPORTED}`,
    );
  }
  return body.startsWith('{') ? detectJson(body) : detectCsv(body);
}
