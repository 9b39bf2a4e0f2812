// The import's entry point: recognise the file, then read it with its tracker's parser. Pure: text
// in, rows and refusals out; reading the file, mapping to items and writing are the callers' jobs.
import { CLOCKIFY_LAYOUT } from './clockify';
import { readCsvRecords, stripBom } from './csv';
import { detectReport } from './detect';
import { parseSuperProductivity } from './super-productivity';
import { parseTabular } from './tabular';
import { TOGGL_LAYOUT } from './toggl';
import { ImportError, type ParseOptions, type ParsedReport } from './types';

export { detectReport } from './detect';
export { FORMAT_NAMES, ImportError } from './types';
export type { ImportErrorKind } from './types';
export type { ImportedRow, ParsedReport, ParseOptions, ReportFormat, RowRefusal } from './types';

/** Reads a time report of any supported format; throws ImportError for files it cannot take. */
export function parseReport(text: string, options: ParseOptions): ParsedReport {
  const format = detectReport(text);
  if (format === 'super-productivity') return parseSuperProductivity(JSON.parse(stripBom(text)), options);
  const layout = format === 'toggl' ? TOGGL_LAYOUT : CLOCKIFY_LAYOUT;
  return parseTabular(layout, readRecordsOrExplain(text), options);
}

/**
 * The CSV's records, or an ImportError in words when the table itself is broken. Detection reads
 * only the header, so a quote left open further down (a file cut short) is first met here.
 */
function readRecordsOrExplain(text: string): string[][] {
  try {
    return readCsvRecords(text);
  } catch {
    throw new ImportError(
      'damaged',
      'This report cannot be read to its end: a quoted field is never closed, so the file is probably cut short. Export it again and choose the new file.',
    );
  }
}
