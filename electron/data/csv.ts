// The time log as CSV for spreadsheets: RFC 4180 quoting, CRLF line ends, a UTF-8 byte-order mark
// (Excel reads UTF-8 only with it), times in ISO 8601 with the learner's UTC offset.
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
 * One CSV cell. Quotes when needed; a leading = + - @ (or tab/CR) would make a spreadsheet run the
 * note as a formula, so such text is prefixed with an apostrophe (OWASP's CSV-injection advice).
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const CSV_HEADER = ['item_id', 'item_title', 'start', 'end', 'minutes', 'note', 'source'] as const;

export function timeLogCsv(entries: Iterable<CsvEntry>, curriculum: Curriculum): { content: string; rows: number } {
  const titles = new Map(curriculum.items.map((i) => [i.id, i.title]));
  const lines = [CSV_HEADER.join(',')];
  for (const e of entries) {
    const minutes = Math.round(((e.endedAt - e.startedAt) / 60_000) * 100) / 100;
    lines.push(
      [
        e.itemId,
        titles.get(e.itemId) ?? '',
        isoWithOffset(e.startedAt),
        isoWithOffset(e.endedAt),
        minutes,
        e.note,
        e.source,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return { content: `\uFEFF${lines.join('\r\n')}\r\n`, rows: lines.length - 1 };
}
