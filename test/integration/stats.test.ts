// stats.roadmap and stats.insights over the real handlers and a real SQLite file: a learner's
// first two weeks of the plan, checked number by number.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/context';

let app: TestApp;
beforeEach(() => (app = createTestApp()));
afterEach(() => app.close());

const at = (local: string) => Date.parse(`${local}+01:00`); // CET: these dates are before Mar 29
const log = (itemId: string, from: string, to: string) =>
  app.call('time.add', { itemId, startedAt: at(from), endedAt: at(to) });

/** Two weeks from Monday 2026-03-02 to Thursday evening 2026-03-12. */
function twoWeeks() {
  app.call('settings.update', { planStartDate: '2026-03-02', targetDate: '2026-12-02' });
  app.clock.now = at('2026-03-12T20:00:00');
  log('1.1', '2026-03-02T09:00:00', '2026-03-02T15:00:00'); // 6 h
  log('1.2', '2026-03-03T18:00:00', '2026-03-03T22:00:00'); // 4 h
  log('1.2', '2026-03-04T23:00:00', '2026-03-05T02:00:00'); // 3 h: 1 on the 4th, 2 on the 5th
  log('2.1', '2026-03-06T10:00:00', '2026-03-06T20:30:00'); // 10.5 h
  log('4.1', '2026-03-09T08:00:00', '2026-03-09T18:00:00'); // 10 h
  log('4.2', '2026-03-10T09:00:00', '2026-03-10T18:20:00'); // 9 h 20
  log('4.2', '2026-03-11T12:00:00', '2026-03-11T12:10:00'); // 10 min: not a study day at 15
  log('4.2', '2026-03-12T19:00:00', '2026-03-12T19:30:00'); // 30 min today
  for (const itemId of ['1.1', '1.2', '2.1', '4.1']) app.call('item.setStatus', { itemId, status: 'done' });
  app.call('item.setStatus', { itemId: '9.2', status: 'skipped' });
}

describe('stats.roadmap', () => {
  it('shows the plain estimates on a fresh database: 311-396 hours', () => {
    const stats = app.call('stats.roadmap');
    expect(stats.totals).toEqual({ minHours: 311, maxHours: 396, actualHours: 0 });
    expect(stats.phases).toEqual([
      { phase: 1, minHours: 54, maxHours: 72, actualHours: 0 },
      { phase: 2, minHours: 129, maxHours: 167, actualHours: 0 },
      { phase: 3, minHours: 128, maxHours: 157, actualHours: 0 },
    ]);
    expect(stats.months).toHaveLength(9);
    expect(stats.items).toHaveLength(24);
  });

  it('adds logged hours per item, month and phase, and keeps skipped items in the estimates', () => {
    twoWeeks();
    const stats = app.call('stats.roadmap');
    expect(stats.totals).toEqual({ minHours: 311, maxHours: 396, actualHours: 43.5 });
    expect(stats.phases).toEqual([
      { phase: 1, minHours: 54, maxHours: 72, actualHours: 23.5 },
      { phase: 2, minHours: 129, maxHours: 167, actualHours: 20 },
      { phase: 3, minHours: 128, maxHours: 157, actualHours: 0 },
    ]);
    expect(stats.months.slice(0, 4).map((m) => m.actualHours)).toEqual([13, 10.5, 0, 20]);
    const item = (id: string) => stats.items.find((i) => i.itemId === id);
    expect(item('2.1')).toEqual({
      itemId: '2.1',
      phase: 1,
      month: 2,
      status: 'done',
      minHours: 6,
      maxHours: 8,
      actualHours: 10.5,
      overMax: true,
    });
    expect(item('4.2')).toMatchObject({ status: 'in_progress', actualHours: 10, overMax: false });
    expect(item('9.2')).toMatchObject({ status: 'skipped', minHours: 20, maxHours: 25, actualHours: 0 });
    expect(stats.items.filter((i) => i.overMax).map((i) => i.itemId)).toEqual(['2.1']);
    // The statements the stats handlers share with progress.overview still answer rows as objects.
    app.call('stats.insights');
    expect(app.call('progress.overview').overall).toMatchObject({ doneCount: 4, skippedCount: 1, loggedMinutes: 2610 });
  });
});

describe('stats.insights', () => {
  it('starts empty with no entries: raw estimates, no pace, no finish date', () => {
    // openDatabase pins the plan start to the wall clock's today, not the test clock's: set it.
    app.call('settings.update', { planStartDate: '2026-03-02', targetDate: '2026-12-02' });
    const insights = app.call('stats.insights');
    expect(insights.today).toBe('2026-03-02');
    expect([insights.weeklyGoalHours, insights.streakMinMinutes]).toEqual([10, 15]);
    expect(insights.streak).toEqual({ current: 0, longest: 0, todayCounts: false });
    expect(insights.burnUp).toMatchObject({
      planStartDate: '2026-03-02',
      planEndDate: '2026-12-02',
      targetDate: '2026-12-02',
    });
    expect(insights.burnUp.points).toHaveLength(41);
    expect(insights.burnUp.points[0]).toEqual({ date: '2026-03-02', plannedHours: 17 / 31, actualHours: 0 });
    expect(insights.burnUp.points.at(-1)).toEqual({ date: '2026-12-02', plannedHours: 353.5, actualHours: null });
    expect(insights.weekly).toHaveLength(26);
    expect(insights.weekly.every((w) => w.hours === 0)).toBe(true);
    expect(insights.heatmap).toEqual({ start: '2025-03-10', minutes: new Array(358).fill(0) });
    expect(insights.calibration.overall).toEqual({ median: null, count: 0 });
    expect(insights.forecast).toEqual({
      basis: 'raw-estimate',
      ratioP50: 1,
      ratioP80: 396 / 353.5,
      overall: { p50Hours: 353.5, p80Hours: 396 },
      phases: [
        { phase: 1, p50Hours: 63, p80Hours: 72 },
        { phase: 2, p50Hours: 148, p80Hours: 167 },
        { phase: 3, p50Hours: 142.5, p80Hours: 157 },
      ],
      paceHoursPerWeek: 0,
      enoughHistory: false,
      forecastFrom: null,
      finishP50: null,
      finishP80: null,
      weeksToTarget: 275 / 7,
      neededHoursPerWeek: 353.5 / (275 / 7),
    });
  });

  it('turns two weeks of entries and statuses into streaks, series, calibration and a forecast', () => {
    twoWeeks();
    const insights = app.call('stats.insights');
    expect(insights.today).toBe('2026-03-12');
    // Mar 2-6 is the longest run; Mar 11 has 10 minutes, under 15: today starts a new run.
    expect(insights.streak).toEqual({ current: 1, longest: 5, todayCounts: true });
    expect(insights.weekly.slice(-3)).toEqual([
      { weekStart: '2026-02-23', hours: 0 },
      { weekStart: '2026-03-02', hours: 23.5 },
      { weekStart: '2026-03-09', hours: 20 },
    ]);
    expect(insights.heatmap.start).toBe('2025-03-17');
    expect(insights.heatmap.minutes).toHaveLength(361);
    // Mar 2 to Mar 12; the entry across midnight gives 60 minutes to the 4th and 120 to the 5th.
    expect(insights.heatmap.minutes.slice(-11)).toEqual([360, 240, 60, 120, 630, 0, 0, 600, 560, 10, 30]);

    const { points } = insights.burnUp;
    expect(points[0]).toEqual({ date: '2026-03-02', plannedHours: 17 / 31, actualHours: 6 });
    expect(points[1]).toEqual({ date: '2026-03-09', plannedHours: (17 * 8) / 31, actualHours: 33.5 });
    expect(points[2]).toEqual({ date: '2026-03-16', plannedHours: (17 * 15) / 31, actualHours: null });
    expect(points.at(-1)).toEqual({ date: '2026-12-02', plannedHours: 331, actualHours: null }); // 9.2 skipped

    expect(insights.calibration).toEqual({
      overall: { median: 1.1, count: 4 },
      phases: [
        { phase: 1, median: 1.2, count: 3 },
        { phase: 2, median: 0.8, count: 1 },
        { phase: 3, median: null, count: 0 },
      ],
      items: [
        { itemId: '1.1', ratio: 1.2 },
        { itemId: '1.2', ratio: 1 },
        { itemId: '2.1', ratio: 1.5 },
        { itemId: '4.1', ratio: 0.8 },
      ],
    });

    const f = insights.forecast;
    expect(f.basis).toBe('calibrated');
    expect(f.ratioP50).toBe(1.1);
    expect(f.ratioP80).toBeCloseTo(1.32, 12);
    expect(f.overall.p50Hours).toBeCloseTo(319.45, 9);
    expect(f.overall.p80Hours).toBeCloseTo(385.34, 9);
    expect(f.phases.map((p) => [p.phase, +p.p50Hours.toFixed(9), +p.p80Hours.toFixed(9)])).toEqual([
      [1, 48.4, 58.08], // 1.3, 2.2, 2.3, 3.1-3.3: 44 h of midpoints
      [2, 139.05, 168.86], // 4.2: 15.4 (P50) and 18.48 (P80) less the 10 h logged
      [3, 132, 158.4],
    ]);
    expect(f.paceHoursPerWeek).toBe(43.5 / 4);
    // Eleven days of study: too early for a date (its pace would count 17 days before the first).
    expect(f).toMatchObject({ enoughHistory: false, forecastFrom: '2026-03-29', finishP50: null, finishP80: null });
    expect(f.weeksToTarget).toBe(265 / 7);
    expect(f.neededHoursPerWeek).toBeCloseTo(8.438301886792454, 9);
  });

  it('follows the settings: a lower streak minimum, a later target', () => {
    twoWeeks();
    app.call('settings.update', { streakMinMinutes: 10, targetDate: '2027-01-01', weeklyGoalHours: 12 });
    const insights = app.call('stats.insights');
    expect(insights.streak).toEqual({ current: 4, longest: 5, todayCounts: true });
    expect([insights.weeklyGoalHours, insights.streakMinMinutes]).toEqual([12, 10]);
    expect(insights.burnUp.targetDate).toBe('2027-01-01');
    expect(insights.burnUp.points.at(-1)).toEqual({ date: '2027-01-01', plannedHours: 331, actualHours: null });
    expect(insights.forecast.weeksToTarget).toBe(295 / 7);
  });

  it('splits an entry across the spring-forward night by local day', () => {
    app.clock.now = Date.parse('2026-03-30T12:00:00+02:00');
    app.call('time.add', {
      itemId: '1.1',
      startedAt: Date.parse('2026-03-28T23:30:00+01:00'),
      endedAt: Date.parse('2026-03-29T03:30:00+02:00'),
    });
    const insights = app.call('stats.insights');
    expect(insights.today).toBe('2026-03-30');
    expect(insights.heatmap.minutes.slice(-3)).toEqual([30, 150, 0]);
    expect(insights.streak).toEqual({ current: 2, longest: 2, todayCounts: false });
    expect(app.call('stats.roadmap').totals.actualHours).toBe(3);
  });
});
