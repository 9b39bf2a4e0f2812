// stats.insights adds up minutes per local day in SQL (readDayMinutes) instead of reading every
// entry into JavaScript: it must give the same map as minutesPerLocalDay over every entry, in zones
// with DST at 02:00, DST at midnight, half-hour and 45-minute offsets, and a skipped day.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDayMinutes } from '../../electron/store/totals';
import { localDateOf, localDays, minutesPerLocalDay } from '../../electron/stats/local-days';
import { createTestApp, type TestApp } from '../support/context';

const ZONES = [
  'Europe/Berlin',
  'America/Santiago',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Pacific/Apia',
  'UTC',
];
const MINUTE = 60_000;
const DAY = 86_400_000;

/** The same sequence on every run. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const originalZone = process.env.TZ;
/** Node picks up a new TZ at once; the check keeps a test from passing in the wrong zone. */
function useZone(zone: string) {
  process.env.TZ = zone;
  for (const instant of [Date.UTC(2026, 0, 15, 12), Date.UTC(2026, 6, 15, 12)]) {
    expect(new Date(instant).toLocaleString('en-US')).toBe(
      new Date(instant).toLocaleString('en-US', { timeZone: zone }),
    );
  }
}
afterAll(() => {
  process.env.TZ = originalZone;
});

let app: TestApp;
beforeEach(() => (app = createTestApp()));
afterEach(() => app.close());

/** Entries straight into the table, as an import or an old version could have left them (some longer than a day). */
function insert(spans: readonly (readonly [number, number])[]) {
  const statement = app.db.prepare(
    "INSERT INTO time_entries (item_id, started_at, ended_at, note, source, created_at, updated_at) VALUES ('1.1', ?, ?, '', 'manual', 0, 0)",
  );
  app.db.transaction(() => {
    for (const [start, end] of spans) statement.run(start, end);
  })();
}

function expectSameDays(spans: readonly (readonly [number, number])[]) {
  const expected = minutesPerLocalDay(spans);
  const actual = readDayMinutes(app.db);
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [day, minutes] of expected) expect(actual.get(day), day).toBeCloseTo(minutes, 9);
}

describe('readDayMinutes', () => {
  it('is empty with no entries', () => {
    expect(readDayMinutes(app.db).size).toBe(0);
  });

  for (const zone of ZONES) {
    it(`equals minutesPerLocalDay over every entry in ${zone}`, () => {
      useZone(zone);
      const rand = random(zone.length * 7919);
      const spans: [number, number][] = [];
      // Around DST changes and Samoa's skipped 2011-12-30, plus a stretch in 2026.
      for (const base of [
        Date.UTC(2011, 11, 20),
        Date.UTC(2025, 2, 20),
        Date.UTC(2025, 9, 20),
        Date.UTC(2026, 2, 20),
        Date.UTC(2026, 8, 25),
      ]) {
        let t = base;
        for (let i = 0; i < 120; i++) {
          t += Math.floor(rand() * 14 * 60) * MINUTE; // gaps of up to 14 hours
          const long = rand() < 0.03;
          const length = long ? DAY + Math.floor(rand() * 2 * DAY) : (1 + Math.floor(rand() * 300)) * MINUTE;
          spans.push([t, t + length]);
          t += length;
        }
      }
      // Entries that start exactly at a local midnight and end exactly at the next one.
      const midnight = localDays(Date.UTC(2026, 3, 10), Date.UTC(2026, 3, 12));
      spans.push([midnight.bounds[0]!, midnight.bounds[1]!], [midnight.bounds[1]!, midnight.bounds[1]! + 30 * MINUTE]);
      insert(spans);
      expectSameDays(spans);
    });
  }
});

describe('localDays', () => {
  for (const zone of ZONES) {
    it(`cuts at the same instants as new Date(y, m, d) in ${zone}`, () => {
      useZone(zone);
      const from = Date.UTC(2011, 0, 1, 13);
      const to = Date.UTC(2027, 0, 1);
      const { keys, bounds } = localDays(from, to);
      expect(bounds).toHaveLength(keys.length + 1);
      expect(keys[0]).toBe(localDateOf(from));
      expect(bounds.at(-1)!).toBeGreaterThan(to);
      expect(bounds.at(-2)!).toBeLessThanOrEqual(to);
      for (let k = 0; k < keys.length; k++) {
        const start = new Date(bounds[k]!);
        const [y, m, d] = [start.getFullYear(), start.getMonth(), start.getDate()];
        expect(keys[k]).toBe(localDateOf(bounds[k]!));
        expect(bounds[k + 1]).toBe(new Date(y, m, d + 1).getTime());
      }
    });
  }
});
