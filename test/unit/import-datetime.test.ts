// The date, time and duration readers under the parsers: locale forms, AM/PM, DST edges.
import { describe, expect, it } from 'vitest';
import { readDateOrder, parseClock, parseDate, parseDuration, zonedToEpoch } from '../../electron/import/datetime';

describe('dates', () => {
  it('reads ISO, slash and dotted dates, and refuses days that do not exist', () => {
    expect(parseDate('2025-12-31', 'mdy')).toEqual({ year: 2025, month: 12, day: 31 });
    expect(parseDate('12/31/2025', 'mdy')).toEqual({ year: 2025, month: 12, day: 31 });
    expect(parseDate('31/12/2025', 'dmy')).toEqual({ year: 2025, month: 12, day: 31 });
    expect(parseDate('31.12.2025', 'mdy')).toEqual({ year: 2025, month: 12, day: 31 });
    expect(parseDate('31/12/2025', 'mdy')).toBeNull();
    expect(parseDate('2025-02-29', 'mdy')).toBeNull();
    expect(parseDate('yesterday', 'mdy')).toBeNull();
  });

  it('decides the order from the first date that reads only one way', () => {
    expect(readDateOrder(['01/02/2025', '12/31/2025'])).toEqual({ decided: 'mdy', ambiguous: false });
    expect(readDateOrder(['01/02/2025', '31/12/2025'])).toEqual({ decided: 'dmy', ambiguous: false });
    expect(readDateOrder(['01/02/2025', '2025-12-31'])).toEqual({ decided: null, ambiguous: true });
    // ISO dates only: no order to choose, so the learner is not asked.
    expect(readDateOrder(['2025-12-31', '2026-01-02'])).toEqual({ decided: null, ambiguous: false });
  });
});

describe('times and durations', () => {
  it('reads 24-hour and AM/PM clocks', () => {
    expect(parseClock('13:05:09')).toEqual({ hour: 13, minute: 5, second: 9 });
    expect(parseClock('12:20:00 AM')).toEqual({ hour: 0, minute: 20, second: 0 });
    expect(parseClock('12:20 pm')).toEqual({ hour: 12, minute: 20, second: 0 });
    expect(parseClock('13:00 PM')).toBeNull();
    expect(parseClock('24:00')).toBeNull();
  });

  it('reads h:mm:ss, h:mm and decimal hours with a point or a comma', () => {
    expect(parseDuration('1:30:00')).toBe(5_400_000);
    expect(parseDuration('26:00:00')).toBe(93_600_000);
    expect(parseDuration('0:45')).toBe(2_700_000);
    expect(parseDuration('1.28')).toBe(4_608_000);
    expect(parseDuration('2,25')).toBe(8_100_000);
    expect(parseDuration('1.28 h')).toBe(4_608_000);
    expect(parseDuration('47:06 min')).toBe(2_826_000);
    expect(parseDuration('1:75:00')).toBeNull();
    expect(parseDuration('')).toBeNull();
  });
});

describe('wall-clock times in a zone', () => {
  const at = (d: string, t: string, zone: string) => {
    const [year, month, day] = d.split('-').map(Number) as [number, number, number];
    const [hour, minute] = t.split(':').map(Number) as [number, number];
    return new Date(zonedToEpoch({ year, month, day }, { hour, minute, second: 0 }, zone)).toISOString();
  };

  it('applies winter and summer offsets', () => {
    expect(at('2025-01-15', '09:00', 'Europe/Berlin')).toBe('2025-01-15T08:00:00.000Z');
    expect(at('2025-07-15', '09:00', 'Europe/Berlin')).toBe('2025-07-15T07:00:00.000Z');
    expect(at('2025-07-15', '09:00', 'Asia/Kolkata')).toBe('2025-07-15T03:30:00.000Z');
  });

  it('moves a time in the spring gap forward, and takes the first of two autumn readings', () => {
    expect(at('2025-03-30', '02:30', 'Europe/Berlin')).toBe('2025-03-30T01:30:00.000Z');
    expect(at('2025-10-26', '02:30', 'Europe/Berlin')).toBe('2025-10-26T00:30:00.000Z');
  });
});
