// Toggl Track detailed reports (fixtures from its documented columns) read into normalised rows.
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../electron/import';
import { FIXTURE_NOW, fixture } from '../support/time-reports';

const iso = (ms: number) => new Date(ms).toISOString();
const options = { now: FIXTURE_NOW, timeZone: 'Europe/Berlin' };

describe('Toggl Track detailed report (classic columns: BOM, CRLF, h:mm:ss)', () => {
  const report = parseReport(fixture('toggl-detailed.csv'), options);

  it('is recognised as Toggl and reads every readable row', () => {
    expect(report.format).toBe('toggl');
    expect(report.rows.map((r) => r.sourceRow)).toEqual([2, 3, 4, 5]);
  });

  it('keeps commas, quotes and line breaks inside a description', () => {
    expect(report.rows[0]).toMatchObject({
      project: 'Model API Service',
      task: '4.1 Serve the model',
      description: 'Wrote the FastAPI endpoint, with tests',
    });
    expect(report.rows[1]!.description).toBe('Load test notes:\r\n- p95 under 200 ms\r\n- "cold start" is slow');
  });

  it("reads wall-clock times in the profile's zone, across midnight and across the spring DST change", () => {
    expect(report.rows.map((r) => [iso(r.startedAt), iso(r.endedAt), r.durationMs])).toEqual([
      ['2025-12-01T08:00:00.000Z', '2025-12-01T09:30:00.000Z', 5_400_000],
      ['2025-12-02T13:15:00.000Z', '2025-12-02T14:00:30.000Z', 2_730_000],
      ['2025-12-03T22:30:00.000Z', '2025-12-03T23:45:00.000Z', 4_500_000],
      // 01:30 CET to 03:30 CEST is one hour, as the Duration column says.
      ['2025-03-30T00:30:00.000Z', '2025-03-30T01:30:00.000Z', 3_600_000],
    ]);
  });

  it('refuses, in plain words, a day-long timer, a planned session and a date that does not exist', () => {
    expect(report.refusals).toEqual([
      {
        sourceRow: 6,
        reason: 'Row 6 is left out: it lasts 26 h 00 min, longer than 24 hours (probably a timer left running).',
      },
      { sourceRow: 7, reason: 'Row 7 is left out: it ends in the future.' },
      {
        sourceRow: 8,
        reason: 'Row 8 is left out: its start "2025-13-01 09:00:00" is not a date and time we can read.',
      },
    ]);
  });

  it('reads the same wall-clock times in another zone as other instants', () => {
    const ny = parseReport(fixture('toggl-detailed.csv'), { ...options, timeZone: 'America/New_York' });
    expect(iso(ny.rows[0]!.startedAt)).toBe('2025-12-01T14:00:00.000Z');
  });
});

describe('Toggl Track detailed report (newer columns: Stop date/Stop time, decimal durations)', () => {
  const report = parseReport(fixture('toggl-detailed-decimal.csv'), options);

  it('reads decimal hours and the renamed end columns', () => {
    expect(report.format).toBe('toggl');
    expect(report.refusals).toEqual([]);
    expect(report.rows).toEqual([
      {
        project: 'Model API Service',
        task: '',
        description: 'Dockerfile for the API, slim image',
        startedAt: Date.parse('2025-11-20T17:00:00Z'),
        endedAt: Date.parse('2025-11-20T18:30:00Z'),
        durationMs: 5_400_000,
        sourceRow: 2,
      },
      {
        project: 'Monitoring',
        task: '',
        description: 'Read about drift',
        startedAt: Date.parse('2025-11-21T06:45:00Z'),
        endedAt: Date.parse('2025-11-21T07:00:00Z'),
        durationMs: 900_000,
        sourceRow: 3,
      },
    ]);
  });
});

describe('a duration column that disagrees with the times', () => {
  it('yields to end minus start when the gap is more than rounding explains', () => {
    const text = fixture('toggl-detailed-decimal.csv').replace(',1.50,', ',47:06,');
    const report = parseReport(text, options);
    // "47:06" would be 47 hours as h:mm; the row's times say 18:00 to 19:30.
    expect(report.rows[0]!.durationMs).toBe(5_400_000);
  });
});
