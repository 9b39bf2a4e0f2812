// Minutes per local day (Europe/Berlin, as vitest runs): midnight splits, DST days, any order.
import { describe, expect, it } from 'vitest';
import { localDateOf, minutesPerLocalDay, startOfLocalDate } from '../../electron/stats/local-days';

const at = (iso: string) => Date.parse(iso);
const days = (spans: [number, number][]) => Object.fromEntries(minutesPerLocalDay(spans));

describe('local days', () => {
  it('runs in Europe/Berlin', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe('Europe/Berlin');
    expect(localDateOf(at('2026-03-01T23:30:00Z'))).toBe('2026-03-02'); // 00:30 CET
    expect(startOfLocalDate('2026-03-29')).toBe(at('2026-03-28T23:00:00Z'));
    expect(startOfLocalDate('2026-03-30')).toBe(at('2026-03-29T22:00:00Z')); // CEST from here
  });

  it('adds entries of the same day and keeps days apart', () => {
    expect(
      days([
        [at('2026-03-02T09:00:00+01:00'), at('2026-03-02T10:30:00+01:00')],
        [at('2026-03-02T14:00:00+01:00'), at('2026-03-02T14:45:00+01:00')],
        [at('2026-03-03T08:00:00+01:00'), at('2026-03-03T08:20:00+01:00')],
      ]),
    ).toEqual({ '2026-03-02': 135, '2026-03-03': 20 });
  });

  it('splits an entry crossing midnight between the two local days', () => {
    // 22:30 to 01:15 local: 90 minutes on the 2nd, 75 on the 3rd (a UTC split would give 150 / 15).
    expect(days([[at('2026-03-02T22:30:00+01:00'), at('2026-03-03T01:15:00+01:00')]])).toEqual({
      '2026-03-02': 90,
      '2026-03-03': 75,
    });
  });

  it('splits across the spring-forward night: 2026-03-29 has 23 hours', () => {
    // 23:30 CET on the 28th to 03:30 CEST on the 29th is 3 real hours: 30 min, then 150 min.
    const start = at('2026-03-28T23:30:00+01:00');
    const end = at('2026-03-29T03:30:00+02:00');
    expect(end - start).toBe(180 * 60_000);
    expect(days([[start, end]])).toEqual({ '2026-03-28': 30, '2026-03-29': 150 });
    // The whole short day is 1380 minutes.
    expect(days([[startOfLocalDate('2026-03-29'), startOfLocalDate('2026-03-30')]])).toEqual({ '2026-03-29': 1380 });
  });

  it('splits across the fall-back night: 2026-10-25 has 25 hours', () => {
    // 22:00 CEST on the 24th to 04:00 CET on the 25th is 7 real hours: 120 min, then 300 min.
    expect(days([[at('2026-10-24T22:00:00+02:00'), at('2026-10-25T04:00:00+01:00')]])).toEqual({
      '2026-10-24': 120,
      '2026-10-25': 300,
    });
    expect(days([[startOfLocalDate('2026-10-25'), startOfLocalDate('2026-10-26')]])).toEqual({ '2026-10-25': 1500 });
  });

  it('splits a span over several midnights and gives the same days in any order', () => {
    const spans: [number, number][] = [
      [at('2026-03-05T12:00:00+01:00'), at('2026-03-07T06:00:00+01:00')], // 720 + 1440 + 360
      [at('2026-03-02T09:00:00+01:00'), at('2026-03-02T09:30:00+01:00')],
      [at('2026-03-06T23:00:00+01:00'), at('2026-03-07T00:30:00+01:00')], // 60 + 30
      [at('2026-03-02T20:00:00+01:00'), at('2026-03-02T20:45:00+01:00')],
    ];
    const expected = { '2026-03-02': 75, '2026-03-05': 720, '2026-03-06': 1500, '2026-03-07': 390 };
    expect(days(spans)).toEqual(expected);
    expect(days([...spans].reverse())).toEqual(expected);
  });

  it('keeps fractions of a minute and ignores empty spans', () => {
    expect(
      days([
        [at('2026-03-02T09:00:00+01:00'), at('2026-03-02T09:01:30+01:00')],
        [at('2026-03-02T10:00:00+01:00'), at('2026-03-02T10:00:00+01:00')],
      ]),
    ).toEqual({ '2026-03-02': 1.5 });
    expect(days([])).toEqual({});
  });
});
