// The Insights numbers as pure functions over fixed data: every figure pinned.
import { describe, expect, it } from 'vitest';
import { getCurriculum } from '../../curriculum';
import type { ItemStatus } from '../../shared/schemas/items';
import { insightsSchema } from '../../shared/schemas/stats';
import {
  burnUp,
  calibration,
  computeInsights,
  finishDate,
  forecast,
  heatmap,
  median,
  paceHoursPerWeek,
  percentile,
  planMonths,
  plannedHoursBy,
  plannedHoursPerMonth,
  streaks,
  weeklyHours,
  type InsightsInput,
} from '../../electron/stats/insights';

const curriculum = getCurriculum();
const lookup =
  <T>(values: Record<string, T>, fallback: T) =>
  (id: string) =>
    values[id] ?? fallback;
const minutes = (days: Record<string, number>) => new Map(Object.entries(days));

// Thursday 2026-03-12. A week of study, a 10-minute day, a gap, and 5 minutes so far today.
const TODAY = '2026-03-12';
const STUDY = minutes({
  '2026-03-01': 20, // a Sunday: the week of Feb 23
  '2026-03-02': 30,
  '2026-03-03': 15, // exactly the minimum counts
  '2026-03-04': 10, // under 15: breaks the streak
  '2026-03-05': 60,
  '2026-03-06': 60,
  '2026-03-07': 60,
  '2026-03-08': 60,
  // 2026-03-09: nothing
  '2026-03-10': 25,
  '2026-03-11': 40,
  '2026-03-12': 5, // today, under the minimum so far
});

describe('streaks', () => {
  it('counts days with at least the minimum; today not counting yet keeps yesterday’s run', () => {
    expect(streaks(STUDY, TODAY, 15)).toEqual({ current: 2, longest: 4, todayCounts: false });
  });

  it('a 10-minute day counts with a minimum of 10 and joins two runs', () => {
    expect(streaks(STUDY, TODAY, 10)).toEqual({ current: 2, longest: 8, todayCounts: false });
  });

  it('runs through today once today counts', () => {
    expect(streaks(STUDY, TODAY, 5)).toEqual({ current: 3, longest: 8, todayCounts: true });
  });

  it('is 0 when neither today nor yesterday counts', () => {
    expect(streaks(STUDY, '2026-03-13', 15)).toEqual({ current: 0, longest: 4, todayCounts: false });
    expect(streaks(STUDY, TODAY, 60)).toEqual({ current: 0, longest: 4, todayCounts: false });
    expect(streaks(new Map(), TODAY, 15)).toEqual({ current: 0, longest: 0, todayCounts: false });
  });

  it('ignores days after today and runs across a month end', () => {
    const days = minutes({
      '2026-02-27': 30,
      '2026-02-28': 30,
      '2026-03-01': 30,
      '2026-03-02': 30,
      '2026-03-04': 90,
      '2026-03-05': 90,
    });
    expect(streaks(days, '2026-03-02', 15)).toEqual({ current: 4, longest: 4, todayCounts: true });
    expect(streaks(days, '2026-03-03', 15)).toEqual({ current: 4, longest: 4, todayCounts: false });
  });
});

describe('weekly hours', () => {
  it('gives the last 26 Monday weeks, oldest first, the current partial week last', () => {
    const weekly = weeklyHours(
      minutes({ ...Object.fromEntries(STUDY), '2025-09-14': 600, '2025-09-15': 120, '2026-03-13': 600 }),
      TODAY,
    );
    expect(weekly).toHaveLength(26);
    expect(weekly[0]).toEqual({ weekStart: '2025-09-15', hours: 2 }); // Sep 14 is before the window
    expect(weekly[23]).toEqual({ weekStart: '2026-02-23', hours: 20 / 60 });
    expect(weekly[24]).toEqual({ weekStart: '2026-03-02', hours: 295 / 60 });
    expect(weekly[25]).toEqual({ weekStart: '2026-03-09', hours: 70 / 60 }); // Mar 13 is after today
    expect(weekly.slice(1, 23).every((w) => w.hours === 0)).toBe(true);
    expect(weekly.map((w) => w.weekStart).slice(20)).toEqual([
      '2026-02-02',
      '2026-02-09',
      '2026-02-16',
      '2026-02-23',
      '2026-03-02',
      '2026-03-09',
    ]);
  });
});

describe('heatmap', () => {
  it('starts on the Monday 51 weeks before this week’s and has one number a day through today', () => {
    const map = heatmap(minutes({ ...Object.fromEntries(STUDY), '2025-03-16': 99, '2025-03-17': 45 }), TODAY);
    expect(map.start).toBe('2025-03-17');
    expect(map.minutes).toHaveLength(361); // 51 weeks and Mon-Thu
    expect(map.minutes[0]).toBe(45);
    expect(map.minutes.slice(-12)).toEqual([20, 30, 15, 10, 60, 60, 60, 60, 0, 25, 40, 5]);
    expect(map.minutes.reduce((a, b) => a + b, 0)).toBe(45 + 385);
  });

  it('on a Monday holds 52 full weeks and one day', () => {
    expect(heatmap(new Map(), '2026-03-09')).toEqual({ start: '2025-03-17', minutes: new Array(358).fill(0) });
  });
});

describe('pace', () => {
  it('is the hours of today and the 27 days before, over 4 weeks', () => {
    const days = minutes({
      '2026-05-13': 6000,
      '2026-05-14': 600,
      '2026-05-20': 1200,
      '2026-06-10': 600,
      '2026-06-11': 900,
    });
    expect(paceHoursPerWeek(days, '2026-06-10')).toBe(10);
    expect(paceHoursPerWeek(STUDY, TODAY)).toBe(385 / 60 / 4);
    expect(paceHoursPerWeek(new Map(), TODAY)).toBe(0);
  });
});

describe('burn-up', () => {
  const settings = { planStartDate: '2026-03-02', targetDate: '2026-12-02' };
  const notStarted = () => 'not_started' as const;

  it('plans the midpoints of the items not skipped, month by month', () => {
    expect(plannedHoursPerMonth(curriculum, notStarted)).toEqual([17, 27, 19, 44, 60, 44, 50, 42.5, 50]);
    expect(
      plannedHoursPerMonth(curriculum, lookup<ItemStatus>({ '1.2': 'skipped', '9.2': 'skipped' }, 'done')),
    ).toEqual([10, 27, 19, 44, 60, 44, 50, 42.5, 27.5]);
  });

  it('spreads each month evenly over its days, by the end of each day', () => {
    const months = planMonths([17, 27, 19, 44, 60, 44, 50, 42.5, 50], '2026-03-02');
    expect(months.map((m) => [m.from, m.days])).toEqual([
      ['2026-03-02', 31],
      ['2026-04-02', 30],
      ['2026-05-02', 31],
      ['2026-06-02', 30],
      ['2026-07-02', 31],
      ['2026-08-02', 31],
      ['2026-09-02', 30],
      ['2026-10-02', 31],
      ['2026-11-02', 30],
    ]);
    expect(plannedHoursBy(months, '2026-03-01')).toBe(0);
    expect(plannedHoursBy(months, '2026-03-02')).toBe(17 / 31);
    expect(plannedHoursBy(months, '2026-04-01')).toBe(17);
    expect(plannedHoursBy(months, '2026-04-06')).toBe(21.5); // 17 + 27 * 5/30
    expect(plannedHoursBy(months, '2026-12-01')).toBe(353.5);
    expect(plannedHoursBy(months, '2027-06-01')).toBe(353.5);
  });

  it('has a point a week from the plan start, a last point on the plan end, actual hours up to today', () => {
    const days = minutes({
      '2026-02-20': 120,
      '2026-03-02': 60,
      '2026-03-05': 90,
      '2026-03-09': 30,
      '2026-03-12': 45,
      '2026-03-13': 500,
    });
    const b = burnUp(curriculum, notStarted, settings, days, TODAY);
    expect(b.planStartDate).toBe('2026-03-02');
    expect(b.planEndDate).toBe('2026-12-02');
    expect(b.targetDate).toBe('2026-12-02');
    expect(b.points).toHaveLength(41); // Mar 2 + 39 weeks (to Nov 30), then Dec 2
    expect(b.points[0]).toEqual({ date: '2026-03-02', plannedHours: 17 / 31, actualHours: 3 }); // Feb 20 counts
    expect(b.points[1]).toEqual({ date: '2026-03-09', plannedHours: (17 * 8) / 31, actualHours: 5 });
    expect(b.points[2]).toEqual({ date: '2026-03-16', plannedHours: (17 * 15) / 31, actualHours: null });
    expect(b.points[5]).toEqual({ date: '2026-04-06', plannedHours: 21.5, actualHours: null });
    expect(b.points[39]!.date).toBe('2026-11-30');
    expect(b.points[39]!.plannedHours).toBeCloseTo(303.5 + (50 * 29) / 30, 10);
    expect(b.points[40]).toEqual({ date: '2026-12-02', plannedHours: 353.5, actualHours: null });
  });

  it('runs to the target date when later, to today when later still, and leaves skipped items out', () => {
    const days = minutes({ '2026-03-02': 60, '2027-01-15': 30 });
    const skip92 = lookup<ItemStatus>({ '9.2': 'skipped' }, 'in_progress');
    const toTarget = burnUp(curriculum, skip92, { planStartDate: '2026-03-02', targetDate: '2027-01-01' }, days, TODAY);
    expect(toTarget.points.at(-2)!.date).toBe('2026-12-28');
    expect(toTarget.points.at(-1)).toEqual({ date: '2027-01-01', plannedHours: 331, actualHours: null });

    const late = burnUp(curriculum, skip92, settings, days, '2027-01-15');
    expect(late.planEndDate).toBe('2026-12-02');
    expect(late.points).toHaveLength(47);
    expect(late.points.at(-2)).toEqual({ date: '2027-01-11', plannedHours: 331, actualHours: 1 });
    expect(late.points.at(-1)).toEqual({ date: '2027-01-15', plannedHours: 331, actualHours: 1.5 });
  });

  it('does not repeat the end when it falls on a weekly point', () => {
    const b = burnUp(
      curriculum,
      notStarted,
      { planStartDate: '2026-03-02', targetDate: '2026-12-07' },
      new Map(),
      TODAY,
    );
    expect(b.points.slice(-2).map((p) => p.date)).toEqual(['2026-11-30', '2026-12-07']);
  });
});

describe('median and P80', () => {
  it('takes the middle value of an odd count and the mean of the middle two of an even count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([1.5])).toBe(1.5);
    expect(median([])).toBeNull();
  });

  it('interpolates linearly between the closest ranks, as numpy does', () => {
    expect(percentile([1, 2, 3, 4, 5], 0.8)).toBeCloseTo(4.2, 12); // rank 3.2
    expect(percentile([50, 15, 40, 35, 20], 0.8)).toBeCloseTo(42, 12);
    expect(percentile([1, 2], 0.8)).toBeCloseTo(1.8, 12);
    expect(percentile([0.8, 1.0, 1.2, 1.5], 0.8)).toBeCloseTo(1.32, 12); // rank 2.4
    expect(percentile([7], 0.8)).toBe(7);
    expect(percentile([1, 2, 3, 4, 5, 6], 0.8)).toBe(5); // rank 4 exactly
  });
});

// Done: 1.1 (6 h of a 5 h midpoint), 1.2 (7 of 7), 1.3 (no time: not rated), 2.1 (10.5 of 7),
// 4.1 (10 of 12.5). In progress: 4.2 (10 h logged), 7.1 (40 h logged). Skipped: 9.2.
const STATUS = lookup<ItemStatus>(
  {
    '1.1': 'done',
    '1.2': 'done',
    '1.3': 'done',
    '2.1': 'done',
    '4.1': 'done',
    '4.2': 'in_progress',
    '7.1': 'in_progress',
    '9.2': 'skipped',
  },
  'not_started',
);
const HOURS = lookup<number>({ '1.1': 6, '1.2': 7, '2.1': 10.5, '4.1': 10, '4.2': 10, '7.1': 40, '9.2': 3 }, 0);

describe('calibration', () => {
  it('rates done items with time: actual over midpoint, medians overall and per phase', () => {
    const c = calibration(curriculum, STATUS, HOURS);
    expect(c.items).toEqual([
      { itemId: '1.1', ratio: 1.2 },
      { itemId: '1.2', ratio: 1 },
      { itemId: '2.1', ratio: 1.5 },
      { itemId: '4.1', ratio: 0.8 },
    ]);
    expect(c.overall).toEqual({ median: 1.1, count: 4 });
    expect(c.phases).toEqual([
      { phase: 1, median: 1.2, count: 3 },
      { phase: 2, median: 0.8, count: 1 },
      { phase: 3, median: null, count: 0 },
    ]);
  });
});

describe('forecast', () => {
  const input = (over: Partial<InsightsInput>): InsightsInput => ({
    curriculum,
    settings: { planStartDate: '2026-03-02', targetDate: '2026-12-02', weeklyGoalHours: 10, streakMinMinutes: 15 },
    today: '2026-06-10',
    statusOf: STATUS,
    hoursOf: HOURS,
    // 40 hours in the last 28 days: 10 h a week.
    dayMinutes: minutes({ '2026-05-13': 6000, '2026-05-14': 600, '2026-05-20': 1200, '2026-06-10': 600 }),
    ...over,
  });

  it('scales remaining midpoints by the median (P50) and the 80th percentile (P80) of the ratios', () => {
    const f = forecast(input({}), [1.2, 1, 1.5, 0.8]);
    expect(f.basis).toBe('calibrated');
    expect(f.ratioP50).toBe(1.1);
    expect(f.ratioP80).toBeCloseTo(1.32, 12);
    // Phase 1 open: 2.2, 2.3, 3.1-3.3 = 39 h of midpoints.
    // Phase 2 open: 4.2 (14 h, 10 logged) and 121.5 h more. Phase 3 open: 7.1 (27.5, 40 logged: 0 left) and 92.5 h more.
    expect(f.phases.map((p) => p.phase)).toEqual([1, 2, 3]);
    expect(f.phases[0]!.p50Hours).toBeCloseTo(42.9, 9);
    expect(f.phases[0]!.p80Hours).toBeCloseTo(51.48, 9);
    expect(f.phases[1]!.p50Hours).toBeCloseTo(133.65 + 5.4, 9);
    expect(f.phases[1]!.p80Hours).toBeCloseTo(160.38 + 8.48, 9);
    expect(f.phases[2]!.p50Hours).toBeCloseTo(101.75, 9);
    expect(f.phases[2]!.p80Hours).toBeCloseTo(122.1, 9);
    expect(f.overall.p50Hours).toBeCloseTo(283.7, 9);
    expect(f.overall.p80Hours).toBeCloseTo(342.44, 9);
    expect(f.paceHoursPerWeek).toBe(10);
    expect(f.finishP50).toBe('2026-12-26'); // ceil(283.7 / 10 * 7) = 199 days
    expect(f.finishP80).toBe('2027-02-05'); // ceil(342.44 / 10 * 7) = 240 days
    expect(f.weeksToTarget).toBe(25); // 175 days
    expect(f.neededHoursPerWeek).toBeCloseTo(11.348, 9);
  });

  it('is calibrated from 2 ratios on', () => {
    const f = forecast(input({}), [1, 2]);
    expect([f.basis, f.ratioP50, f.ratioP80]).toEqual(['calibrated', 1.5, 1.8]);
  });

  it('uses the raw estimates under 2 ratios: midpoints for P50, maxima for P80', () => {
    // Done: 1.1 (rated), 1.2 (no time). Skipped: 9.2. In progress: 4.2 with 10 h.
    const statusOf = lookup<ItemStatus>(
      { '1.1': 'done', '1.2': 'done', '9.2': 'skipped', '4.2': 'in_progress' },
      'not_started',
    );
    const hoursOf = lookup<number>({ '1.1': 6, '4.2': 10 }, 0);
    const f = forecast(input({ statusOf, hoursOf, today: '2026-12-09', dayMinutes: new Map() }), [1.2]);
    expect(f.basis).toBe('raw-estimate');
    expect(f.ratioP50).toBe(1);
    expect(f.ratioP80).toBe(357 / 319); // total max over total midpoint of the 21 open items
    expect(f.phases).toEqual([
      { phase: 1, p50Hours: 51, p80Hours: 58 },
      { phase: 2, p50Hours: 138, p80Hours: 157 },
      { phase: 3, p50Hours: 120, p80Hours: 132 },
    ]);
    expect(f.overall).toEqual({ p50Hours: 309, p80Hours: 347 });
    expect(f.paceHoursPerWeek).toBe(0);
    expect(f.finishP50).toBeNull();
    expect(f.finishP80).toBeNull();
    expect(f.weeksToTarget).toBe(-1); // the target was a week ago
    expect(f.neededHoursPerWeek).toBeNull();
  });

  // Issue 12: three sessions in a first week gave "Projected finish Oct 8, 2035".
  it('gives no finish date before 4 weeks of study, and says from which day it will', () => {
    const firstWeek = minutes({ '2026-06-04': 90, '2026-06-06': 120, '2026-06-09': 60 });
    const early = forecast(input({ dayMinutes: firstWeek }), []);
    expect(early).toMatchObject({ enoughHistory: false, forecastFrom: '2026-07-01', finishP50: null, finishP80: null });
    // What the plan asks is still there: the hours a week to the target.
    expect(early.neededHoursPerWeek).toBeCloseTo(early.overall.p50Hours / 25, 9);
    const fourWeeks = forecast(input({ dayMinutes: firstWeek, today: '2026-07-01' }), []);
    expect(fourWeeks).toMatchObject({ enoughHistory: true, forecastFrom: '2026-07-01' });
    expect(fourWeeks.finishP50).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(forecast(input({ dayMinutes: new Map() }), [])).toMatchObject({
      enoughHistory: false,
      forecastFrom: null,
      finishP50: null,
    });
  });

  it('finishes today when nothing remains, with a P80 ratio of 1 when no item is open', () => {
    const f = forecast(input({ statusOf: () => 'skipped' }), []);
    expect(f).toMatchObject({ basis: 'raw-estimate', ratioP50: 1, ratioP80: 1, overall: { p50Hours: 0, p80Hours: 0 } });
    expect([f.finishP50, f.finishP80, f.neededHoursPerWeek]).toEqual(['2026-06-10', '2026-06-10', 0]);
    expect(forecast(input({ today: '2026-12-02' }), [1, 2]).neededHoursPerWeek).toBeNull(); // 0 weeks left
  });
});

describe('finishDate', () => {
  it('adds the days the remaining hours take at the pace, rounded up', () => {
    expect(finishDate(10, 10, '2026-06-10')).toBe('2026-06-17');
    expect(finishDate(10, 3, '2026-06-10')).toBe('2026-07-04'); // 23.3 days -> 24
    expect(finishDate(0.1, 0.7, '2026-06-10')).toBe('2026-06-11'); // 1.0000000000000002 days is 1
    expect(finishDate(0, 0, '2026-06-10')).toBe('2026-06-10');
    expect(finishDate(5, 0, '2026-06-10')).toBeNull();
    expect(finishDate(300, 1e-6, '2026-06-10')).toBeNull(); // centuries away
  });
});

describe('computeInsights', () => {
  it('assembles every part from the settings, today and the data, within the contract', () => {
    const insights = computeInsights({
      curriculum,
      settings: { planStartDate: '2026-03-02', targetDate: '2026-12-02', weeklyGoalHours: 8, streakMinMinutes: 15 },
      today: TODAY,
      statusOf: STATUS,
      hoursOf: HOURS,
      dayMinutes: STUDY,
    });
    expect(insightsSchema.parse(insights)).toEqual(insights);
    expect(insights.today).toBe(TODAY);
    expect(insights.weeklyGoalHours).toBe(8);
    expect(insights.streakMinMinutes).toBe(15);
    expect(insights.streak).toEqual({ current: 2, longest: 4, todayCounts: false });
    expect(insights.weekly.at(-1)).toEqual({ weekStart: '2026-03-09', hours: 70 / 60 });
    expect(insights.heatmap.start).toBe('2025-03-17');
    expect(insights.burnUp.points[0]).toEqual({ date: '2026-03-02', plannedHours: 17 / 31, actualHours: 50 / 60 });
    expect(insights.calibration.overall).toEqual({ median: 1.1, count: 4 });
    expect(insights.forecast.ratioP50).toBe(1.1);
    expect(insights.forecast.paceHoursPerWeek).toBe(385 / 60 / 4);
  });
});
