// Reading CSV with csv-parse (a maintained parser) rather than by hand: real exports have a UTF-8
// BOM, quoted fields holding commas, quotes and line breaks, CRLF endings, and from spreadsheet
// programs in European locales a semicolon as the separator.
import { parse } from 'csv-parse/sync';

/** Drops the byte-order mark Toggl and Excel put first, so the first header matches its name. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The separator the header line uses: a semicolon when it has more of them than commas (a file
 * re-saved by Excel in a comma-decimal locale), else a comma.
 */
function detectDelimiter(text: string): ',' | ';' {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (ch: string) => firstLine.split(ch).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

/**
 * Every record as an array of fields, header included. Ragged rows are kept (a missing field reads
 * as absent) so one broken line is refused as a row instead of failing the whole file.
 */
export function readCsvRecords(text: string, options: { toLine?: number } = {}): string[][] {
  const body = stripBom(text);
  return parse(body, {
    delimiter: detectDelimiter(body),
    relax_column_count: true,
    // A quote inside an unquoted field (`5" screen`) is text, as spreadsheets read it.
    relax_quotes: true,
    skip_empty_lines: true,
    trim: false,
    ...(options.toLine ? { to_line: options.toLine } : {}),
  }) as string[][];
}

/** Header names as written, trimmed, for looking columns up by name. */
export function headerIndex(header: string[]): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    const key = name.trim().toLowerCase();
    if (!index.has(key)) index.set(key, i);
  });
  return index;
}

/** The first of several possible header names present (trackers renamed columns over the years). */
export function findColumn(index: Map<string, number>, names: string[]): number | undefined {
  for (const name of names) {
    const i = index.get(name.toLowerCase());
    if (i !== undefined) return i;
  }
  return undefined;
}
