// The time log as CSV for spreadsheets: RFC 4180 quoting by csv-stringify (the same project as the
// csv-parse that reads other trackers' reports, electron/import/), CRLF line ends, a UTF-8
// byte-order mark (Excel reads UTF-8 only with it), times in ISO 8601 with the learner's UTC offset.
import { stringify } from 'csv-stringify/sync';
import type { Curriculum } from '../../shared/curriculum';

export interface CsvEntry {
  itemId: string;
  startedAt: number;
  endedAt: number;
  note: string;
  source: 'timer' | 'manual';
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** "2026-03-02T09:00:00+01:00": local wall time with its offset, as a spreadsheet reads it. */
export function isoWithOffset(ms: number): string {
  const d = new Date(ms);
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` +
    `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`
  );
}

/**
 * A note a spreadsheet would run as a formula (a leading = + - @, tab or CR) gets an apostrophe in
 * front (OWASP's CSV-injection advice). Numbers are the app's own and stay as they are.
 */
export function defuseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const CSV_HEADER = ['item_id', 'item_title', 'start', 'end', 'minutes', 'note', 'source'];

export function timeLogCsv(entries: Iterable<CsvEntry>, curriculum: Curriculum): { content: string; rows: number } {
  const titles = new Map(curriculum.items.map((i) => [i.id, i.title]));
  const records: (string | number)[][] = [];
  for (const e of entries) {
    const minutes = Math.round(((e.endedAt - e.startedAt) / 60_000) * 100) / 100;
    records.push([
      e.itemId,
      defuseFormula(titles.get(e.itemId) ?? ''),
      isoWithOffset(e.startedAt),
      isoWithOffset(e.endedAt),
      minutes,
      defuseFormula(e.note),
      e.source,
    ]);
  }
  const content = stringify(records, {
    header: true,
    columns: CSV_HEADER,
    bom: true,
    record_delimiter: 'windows',
    // csv-stringify quotes a field holding the record delimiter (CRLF) but not a lone line break,
    // which spreadsheets would read as a new row.
    quoted_match: /[\r\n]/,
  });
  return { content, rows: records.length };
}
