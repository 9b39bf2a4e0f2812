// Recognising a report from the file itself, and the plain-words refusal of everything else.
import { describe, expect, it } from 'vitest';
import { detectReport, ImportError, parseReport } from '../../electron/import';
import { FIXTURE_NOW, fixture } from '../support/time-reports';

/** The ImportError a call throws, so a test can check its kind and words. */
function refusal(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}

describe('detectReport', () => {
  it('names each fixture by its contents, not its file name', () => {
    expect(detectReport(fixture('toggl-detailed.csv'))).toBe('toggl');
    expect(detectReport(fixture('toggl-detailed-decimal.csv'))).toBe('toggl');
    expect(detectReport(fixture('clockify-detailed-us.csv'))).toBe('clockify');
    expect(detectReport(fixture('clockify-detailed-eu.csv'))).toBe('clockify');
    expect(detectReport(fixture('super-productivity-backup.json'))).toBe('super-productivity');
  });

  it('reads a report re-saved by a spreadsheet with semicolons', () => {
    const text = fixture('toggl-detailed-decimal.csv').replace(/,/g, ';').replace('API; slim', 'API, slim');
    expect(detectReport(text)).toBe('toggl');
    const report = parseReport(text, { now: FIXTURE_NOW, timeZone: 'UTC' });
    expect(report.rows[0]!.description).toBe('Dockerfile for the API, slim image');
  });

  it('says a CSV that is not a time report is not one', () => {
    const error = refusal(() => detectReport(fixture('not-a-report.csv')));
    expect(error.kind).toBe('not-a-report');
    expect(error.message).toMatch(
      /^This file is not a time report: none of its columns is a date, a time or a duration\./,
    );
  });

  it('says a time report in an unknown layout is one, and lists its columns', () => {
    const error = refusal(() => parseReport(fixture('unknown-layout.csv'), { now: FIXTURE_NOW }));
    expect(error.kind).toBe('unknown-layout');
    expect(error.message).toContain('Its columns: Date, Client, Project, Task, Notes, Hours, First name, Last name.');
    expect(error.message).toContain("We read Toggl Track's detailed report as CSV");
  });

  it('refuses empty, binary and broken files in plain words', () => {
    expect(refusal(() => detectReport('')).message).toBe('The file is empty.');
    expect(refusal(() => detectReport('\ufeff  \n')).message).toBe('The file is empty.');
    const xlsx = 'PK\u0003\u0004\u0014\u0000\u0006\u0000\b\u0000\u0000\u0000!\u0000';
    expect(refusal(() => detectReport(xlsx)).message).toMatch(/^This file is not text/);
    expect(refusal(() => detectReport('{"data": {"task":')).message).toMatch(/not valid JSON/);
    const otherJson = refusal(() => detectReport('{"entries": []}'));
    expect(otherJson.kind).toBe('not-a-report');
    expect(otherJson.message).toMatch(/^This JSON file is not a Super Productivity backup/);
    expect(refusal(() => detectReport('just a sentence')).kind).toBe('not-a-report');
  });
});

describe('a report damaged after its header', () => {
  it('is refused in words, not with a parser error', () => {
    const cut = fixture('toggl-detailed.csv').replace(/Late session[\s\S]*$/, '"Late session, cut');
    const error = refusal(() => parseReport(cut, { now: FIXTURE_NOW }));
    expect(error.kind).toBe('damaged');
    expect(error.message).toMatch(/^This report cannot be read to its end: a quoted field is never closed/);
  });

  it('reads a quote inside an unquoted field as text', () => {
    const text = fixture('toggl-detailed-decimal.csv').replace('"Read about drift"', 'Read the 5" guide');
    const report = parseReport(text, { now: FIXTURE_NOW, timeZone: 'UTC' });
    expect(report.rows[1]!.description).toBe('Read the 5" guide');
  });
});
