// Clockify detailed reports (fixtures from its documented columns) in US and European settings.
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../electron/import';
import { FIXTURE_NOW, fixture } from '../support/time-reports';

const iso = (ms: number) => new Date(ms).toISOString();

describe('Clockify detailed report, US settings (MM/DD/YYYY, 12-hour clock, BOM)', () => {
  const report = parseReport(fixture('clockify-detailed-us.csv'), {
    now: FIXTURE_NOW,
    timeZone: 'America/New_York',
  });

  it('is recognised as Clockify, and its dates prove month-first order', () => {
    expect(report.format).toBe('clockify');
    expect(report).toMatchObject({ dateOrder: 'mdy', dateOrderCertain: true });
  });

  it('reads AM/PM times, midnight crossings and quoted descriptions', () => {
    expect(
      report.rows.map((r) => [r.project, r.task, r.description, iso(r.startedAt), iso(r.endedAt), r.durationMs]),
    ).toEqual([
      [
        'Model API Service',
        '4.1 Serve the model',
        'Served the model, then profiled it',
        '2025-12-31T18:26:00.000Z',
        '2025-12-31T19:43:00.000Z',
        4_620_000,
      ],
      ['Feature Store', '', 'Feast setup', '2025-12-02T04:50:00.000Z', '2025-12-02T05:20:00.000Z', 1_800_000],
    ]);
  });

  it('refuses an entry that lasts no time', () => {
    expect(report.refusals).toEqual([{ sourceRow: 4, reason: 'Row 4 is left out: it lasts no time at all.' }]);
  });
});

describe('Clockify detailed report, European settings (DD/MM/YYYY, 24-hour clock, decimal comma)', () => {
  const report = parseReport(fixture('clockify-detailed-eu.csv'), { now: FIXTURE_NOW, timeZone: 'Europe/Berlin' });

  it('takes 31/12/2025 as proof of day-first dates, and reads 03/01/2026 as 3 January', () => {
    expect(report).toMatchObject({ format: 'clockify', dateOrder: 'dmy', dateOrderCertain: true });
    expect(report.rows.map((r) => [iso(r.startedAt), iso(r.endedAt), r.durationMs])).toEqual([
      ['2025-12-31T15:00:00.000Z', '2025-12-31T17:15:00.000Z', 8_100_000],
      // "Duration (h)" is empty here: the decimal "0,75" is read instead.
      ['2026-01-03T09:00:00.000Z', '2026-01-03T09:45:00.000Z', 2_700_000],
    ]);
  });

  it('refuses a time that is not one', () => {
    expect(report.refusals).toEqual([
      {
        sourceRow: 4,
        reason: 'Row 4 is left out: its start "04/01/2026 25:00:00" is not a date and time we can read.',
      },
    ]);
  });
});

describe('a Clockify report whose dates all read both ways', () => {
  const text =
    'Project,Client,Description,Task,User,Group,Email,Tags,Billable,Start Date,Start Time,End Date,End Time,Duration (h),Duration (decimal)\n' +
    'P,,D,,U,,u@example.com,,No,03/04/2025,09:00,03/04/2025,10:00,01:00:00,1.00\n';

  it('uses the order it is given, and says the file did not prove it', () => {
    const guessed = parseReport(text, { now: FIXTURE_NOW, timeZone: 'UTC' });
    expect(guessed).toMatchObject({ dateOrder: 'mdy', dateOrderCertain: false });
    expect(iso(guessed.rows[0]!.startedAt)).toBe('2025-03-04T09:00:00.000Z');
    const told = parseReport(text, { now: FIXTURE_NOW, timeZone: 'UTC', dateOrder: 'dmy' });
    expect(iso(told.rows[0]!.startedAt)).toBe('2025-04-03T09:00:00.000Z');
  });
});
