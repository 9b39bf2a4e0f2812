// The demo learner (`npm run preview -- --demo`): written through the real handlers, the same every
// time for the same seed and day, telling the story the charts need, and never poured into a
// database that already holds someone's data.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetweenDates, weekStart } from '../../shared/dates';
import { MINUTE_MS } from '../../shared/time';
import type { TimeEntry } from '../../shared/schemas/time';
import { canFillDemo, fillDemoLearner, mulberry32 } from '../../electron/demo/demo-learner';
import { localDateOf, minutesPerLocalDay } from '../../electron/stats/local-days';
import { parseArgs } from '../../preview/cli';
import { createTestApp, dumpDatabase, type TestApp } from '../support/context';

const TODAY = Date.parse('2026-03-02T09:00:00+01:00'); // a Monday morning in Berlin
const TODAY_EVENING = Date.parse('2026-07-15T21:30:00+02:00'); // a Wednesday evening, summer time

const apps: TestApp[] = [];
function freshApp(now = TODAY): TestApp {
  const app = createTestApp(now);
  apps.push(app);
  return app;
}
afterEach(() => {
  while (apps.length) apps.pop()!.close();
});

function allEntries(app: TestApp): TimeEntry[] {
  const { entries, hasMore } = app.call('time.list', { limit: 500 });
  expect(hasMore).toBe(false);
  return [...entries].reverse(); // oldest first
}

describe('the demo learner', () => {
  it('is the same database, row for row, for the same seed and day', () => {
    const a = freshApp();
    const b = freshApp();
    const summaryA = fillDemoLearner(a.ctx, { seed: 42 });
    const summaryB = fillDemoLearner(b.ctx, { seed: 42, today: TODAY });
    expect(summaryA).toEqual(summaryB);
    expect(dumpDatabase(a.db)).toBe(dumpDatabase(b.db));
    // The clock is the test's again afterwards.
    expect(a.ctx.now()).toBe(TODAY);

    const other = freshApp();
    fillDemoLearner(other.ctx, { seed: 7 });
    expect(dumpDatabase(other.db)).not.toBe(dumpDatabase(a.db));
  });

  it('draws from mulberry32 and nothing else random', () => {
    const first = mulberry32(42);
    const second = mulberry32(42);
    const draws = Array.from({ length: 5 }, () => first());
    expect(draws).toEqual(Array.from({ length: 5 }, () => second()));
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  for (const [label, today, seed] of [
    ['a Monday morning, seed 42', TODAY, 42],
    ['a summer evening, seed 3', TODAY_EVENING, 3],
    ['a Monday morning, seed 1', TODAY, 1],
  ] as const) {
    it(`tells the story on ${label}`, () => {
      const app = freshApp(today);
      const summary = fillDemoLearner(app.ctx, { seed });
      const todayDate = localDateOf(today);

      // Settings: Alex, about four months in, a 9-month plan.
      const settings = app.call('settings.get');
      expect(settings).toMatchObject({
        learnerName: 'Alex Rivera',
        planStartDate: summary.planStartDate,
        targetDate: addMonths(summary.planStartDate, 9),
        weeklyGoalHours: 8,
        streakMinMinutes: 15,
      });
      expect(daysBetweenDates(settings.planStartDate, todayDate)).toBe(126);
      expect(app.call('timer.current')).toBeNull();

      // Statuses: Phase 1 done but 3.2 skipped; 4.1 and 4.2 done; 4.3 and 5.1 in progress; the rest untouched.
      const { items, phases } = app.call('progress.overview');
      const status = Object.fromEntries(items.map((i) => [i.itemId, i.status]));
      const phase1 = app.ctx.curriculum.items.filter((i) => i.phase === 1).map((i) => i.id);
      for (const id of phase1) expect(status[id], id).toBe(id === '3.2' ? 'skipped' : 'done');
      expect([status['4.1'], status['4.2'], status['4.3'], status['5.1']]).toEqual([
        'done',
        'done',
        'in_progress',
        'in_progress',
      ]);
      const untouched = items.filter(
        (i) => !phase1.includes(i.itemId) && !['4.1', '4.2', '4.3', '5.1'].includes(i.itemId),
      );
      expect(untouched.every((i) => i.status === 'not_started' && i.entryCount === 0 && i.tickedCount === 0)).toBe(
        true,
      );
      expect(phases.find((p) => p.phase === 1)).toMatchObject({ doneCount: 8, skippedCount: 1, byCount: 1 });

      // Hours: some done items over their maximum, the other done items inside or under the range.
      const roadmap = app.call('stats.roadmap');
      const overMax = roadmap.items.filter((i) => i.overMax).map((i) => i.itemId);
      expect(overMax.length).toBeGreaterThanOrEqual(2);
      expect(overMax).toEqual(expect.arrayContaining(['2.2', '2.3']));
      const fiveOne = items.find((i) => i.itemId === '5.1')!;
      expect(fiveOne.minutesLogged).toBeGreaterThan(0);
      expect(fiveOne.minutesLogged).toBeLessThanOrEqual(3 * 60);

      // Ticks: every list entry of a done item; some on the items in progress.
      for (const item of app.ctx.curriculum.items) {
        const ticked = items.find((i) => i.itemId === item.id)!.tickedCount;
        if (status[item.id] === 'done') expect(ticked, item.id).toBe(item.list.entries.length);
      }
      expect(items.find((i) => i.itemId === '4.3')!.tickedCount).toBeGreaterThan(0);
      expect(app.call('item.get', { itemId: '3.2' }).notes).toMatch(/Skipped/);

      // Entries: sessions of 30-150 minutes, none overlapping, some with notes, both sources.
      const entries = allEntries(app);
      expect(entries).toHaveLength(summary.entries);
      const minutes = entries.map((e) => (e.endedAt - e.startedAt) / MINUTE_MS);
      expect(Math.min(...minutes)).toBeGreaterThanOrEqual(30);
      expect(Math.max(...minutes)).toBeLessThanOrEqual(150);
      expect(summary.totalHours).toBeCloseTo(minutes.reduce((s, m) => s + m, 0) / 60, 1);
      expect(summary.totalHours).toBeGreaterThan(60);
      expect(entries.some((e) => e.overlaps)).toBe(false);
      for (let i = 1; i < entries.length; i++)
        expect(entries[i]!.startedAt).toBeGreaterThanOrEqual(entries[i - 1]!.endedAt);
      expect(entries.filter((e) => e.note !== '').length).toBeGreaterThan(entries.length / 5);
      expect(new Set(entries.map((e) => e.source))).toEqual(new Set(['timer', 'manual']));
      expect(entries.every((e) => e.endedAt <= today)).toBe(true);

      // Exactly one session runs past local midnight.
      const crossing = entries.filter((e) => localDateOf(e.startedAt) !== localDateOf(e.endedAt - 1));
      expect(crossing).toHaveLength(1);

      // About four months: from the plan start to today or yesterday.
      const first = localDateOf(entries[0]!.startedAt);
      const last = localDateOf(entries[entries.length - 1]!.startedAt);
      expect(first >= summary.planStartDate).toBe(true);
      expect(daysBetweenDates(first, todayDate)).toBeGreaterThanOrEqual(110);
      expect([todayDate, addDays(todayDate, -1)]).toContain(last);

      // A current streak: every one of the last ten days has at least the streak minimum.
      const perDay = minutesPerLocalDay(entries.map((e) => [e.startedAt, e.endedAt] as const));
      for (let back = 1; back <= 10; back++)
        expect(perDay.get(addDays(todayDate, -back)) ?? 0).toBeGreaterThanOrEqual(15);
      expect(app.call('stats.insights').streak.current).toBeGreaterThanOrEqual(10);

      // Two or more whole Monday-Sunday weeks without a minute, in the middle of the plan.
      const studied = new Set(perDay.keys());
      const emptyWeeks: string[] = [];
      for (let monday = addDays(weekStart(first), 7); monday < weekStart(last); monday = addDays(monday, 7)) {
        if (Array.from({ length: 7 }, (_, d) => addDays(monday, d)).every((day) => !studied.has(day)))
          emptyWeeks.push(monday);
      }
      expect(emptyWeeks.length).toBeGreaterThanOrEqual(2);
      expect(emptyWeeks.length).toBeLessThanOrEqual(3);

      // Outside the missed weeks, three to six study days a week (partial first week aside).
      const daysPerWeek = new Map<string, number>();
      for (const day of studied) daysPerWeek.set(weekStart(day), (daysPerWeek.get(weekStart(day)) ?? 0) + 1);
      for (const [monday, count] of daysPerWeek) {
        if (monday > weekStart(first) && monday < weekStart(addDays(todayDate, -10)))
          expect(count, monday).toBeGreaterThanOrEqual(3);
        expect(count, monday).toBeLessThanOrEqual(7);
      }
    });

    it(`writes up the portfolio, assesses the projects twice and ticks milestones on ${label}`, () => {
      const app = freshApp(today);
      fillDemoLearner(app.ctx, { seed });
      const { entries } = app.call('portfolio.list');
      const written = entries.filter((e) => e.updatedAt !== null);
      expect(written.map((e) => e.itemId)).toEqual(['2.3', '3.1', '4.1', '4.2']);
      for (const entry of written) {
        expect(entry.status, entry.itemId).toBe('done');
        expect(entry.included, entry.itemId).toBe(true);
        // Every field filled in: the duration still as the logbook pre-fills it, the rest by Alex.
        expect(entry.prefilled, entry.itemId).toEqual(['duration']);
        expect(entry.fields.duration, entry.itemId).toMatch(/^\d{1,2}[ –].* 2\d{3} · [\d.]+ hours$/);
        for (const key of [
          'problemStatement',
          'solutionArchitecture',
          'keyChallenges',
          'resultsImpact',
          'lessonsLearned',
          'futureImprovements',
        ] as const) {
          const sentences = entry.fields[key].match(/[.!?](?=\s|$)/g) ?? [];
          expect(sentences.length, `${entry.itemId} ${key}`).toBeGreaterThanOrEqual(2);
          expect(sentences.length, `${entry.itemId} ${key}`).toBeLessThanOrEqual(4);
        }
        expect(entry.fields.projectTitle.length).toBeGreaterThan(10);
        expect(entry.fields.technologiesUsed).toMatch(/, /);
        expect(entry.links.githubRepository).toMatch(/^https:\/\/github\.com\/alex-rivera\/[a-z0-9-]+$/);
      }
      // Projects are in the PDF by default; other exercises stay out.
      expect(entries.filter((e) => e.included).map((e) => e.itemId)).toEqual([
        '2.3',
        '3.1',
        ...app.ctx.curriculum.items.filter((i) => i.kind === 'project').map((i) => i.id),
      ]);

      // Two assessments per done project, on different days, the second better.
      for (const [itemId, totals] of [
        ['4.1', [52.8, 71.6]],
        ['4.2', [58.4, 75.2]],
      ] as const) {
        const { history } = app.call('assessment.history', { itemId });
        expect(
          history.map((a) => a.weightedTotal),
          itemId,
        ).toEqual(totals);
        expect(localDateOf(history[0]!.assessedAt) < localDateOf(history[1]!.assessedAt), itemId).toBe(true);
        expect(history[1]!.assessedAt).toBeLessThanOrEqual(today);
      }
      expect(app.call('assessment.history', { itemId: '2.3' }).history).toEqual([]);

      // Milestones: several met from the logbook, one not yet, three ticked by hand.
      const milestones = new Map(
        app
          .call('milestones.get')
          .checklists.flatMap((c) => c.entries)
          .map((e) => [e.id, e]),
      );
      for (const id of ['phase1.1', 'phase2.1', 'portfolio.1'])
        expect(milestones.get(id), id).toMatchObject({ done: true, rule: { met: true } });
      expect(milestones.get('portfolio.2')!.rule!.reason).toMatch(/^Not yet: 2 of the 3 portfolio entries needed/);
      expect(milestones.get('phase2.2')).toMatchObject({ done: false, rule: { met: false } });
      expect([...milestones.values()].filter((e) => e.ticked).map((e) => e.id)).toEqual([
        'phase1.2',
        'phase1.4',
        'phase1.5',
      ]);
    });
  }
});

describe('where the demo may be written', () => {
  it('fills a new database, and refuses one with any of a learner’s data', () => {
    const fresh = freshApp();
    expect(canFillDemo(fresh.db)).toBe(true);
    // Settings alone (a name typed in, say) are not a learner's data.
    fresh.call('settings.update', { learnerName: 'Sam' });
    expect(canFillDemo(fresh.db)).toBe(true);
    fillDemoLearner(fresh.ctx);
    expect(canFillDemo(fresh.db)).toBe(false);

    const withEntry = freshApp();
    withEntry.call('time.add', { itemId: '1.1', startedAt: TODAY - 60 * MINUTE_MS, endedAt: TODAY - 10 * MINUTE_MS });
    expect(canFillDemo(withEntry.db)).toBe(false);

    const withStatus = freshApp();
    withStatus.call('item.setStatus', { itemId: '2.1', status: 'skipped' });
    expect(canFillDemo(withStatus.db)).toBe(false);

    const withTick = freshApp();
    withTick.call('item.tickEntry', { itemId: '1.2', entryIndex: 0, ticked: true });
    expect(canFillDemo(withTick.db)).toBe(false);

    const withTimer = freshApp();
    withTimer.call('timer.start', { itemId: '1.1' });
    expect(canFillDemo(withTimer.db)).toBe(false);

    // Portfolio text, an assessment or a milestone ticked by hand are the learner's too.
    const withPortfolio = freshApp();
    withPortfolio.call('portfolio.update', { itemId: '4.1', fields: { problemStatement: 'Mine.' } });
    expect(canFillDemo(withPortfolio.db)).toBe(false);

    const withAssessment = freshApp();
    const threes = [3, 3, 3, 3, 3];
    withAssessment.call('assessment.save', {
      itemId: '4.1',
      scores: { technical: threes, mlops: threes, innovation: threes, communication: threes },
    });
    expect(canFillDemo(withAssessment.db)).toBe(false);

    const withMilestone = freshApp();
    withMilestone.call('milestones.tick', { entryId: 'portfolio.3', ticked: true });
    expect(canFillDemo(withMilestone.db)).toBe(false);
  });
});

describe('the preview command line', () => {
  const root = path.resolve(import.meta.dirname, '../..');

  it('defaults to the preview database on port 5180, without the demo', () => {
    expect(parseArgs([])).toEqual({
      dbFile: path.join(root, '.preview-data', 'companion.db'),
      port: 5180,
      demo: false,
      open: false,
      anyPortIfTaken: true,
    });
    expect(parseArgs(['--db', 'x.db', '--port', '0'])).toEqual({
      dbFile: path.resolve('x.db'),
      port: 0,
      demo: false,
      open: false,
      anyPortIfTaken: false,
    });
  });

  it("opens the desktop app's own data folder with --desktop-data, and the browser with --open", () => {
    expect(parseArgs(['--desktop-data', '--open'], () => '/home/ada/.config/MLOps Study Companion')).toMatchObject({
      dbFile: '/home/ada/.config/MLOps Study Companion/companion.db',
      open: true,
      port: 5180,
      anyPortIfTaken: true,
    });
  });

  it('puts the demo in its own fresh file, or only-if-empty into the file given', () => {
    expect(parseArgs(['--demo'])).toEqual({
      dbFile: path.join(root, '.preview-data', 'demo.db'),
      port: 5180,
      demo: 'fresh',
      open: false,
      anyPortIfTaken: true,
    });
    expect(parseArgs(['--demo', '--port', '5191'])).toMatchObject({ port: 5191, demo: 'fresh' });
    expect(parseArgs(['--db', 'mine.db', '--demo'])).toEqual({
      dbFile: path.resolve('mine.db'),
      port: 5180,
      demo: 'if-empty',
      open: false,
      anyPortIfTaken: true,
    });
    expect(parseArgs(['--demo', '--db', 'mine.db'])).toMatchObject({ demo: 'if-empty' });
  });

  it('refuses unknown and incomplete options with the usage', () => {
    for (const argv of [['--demo', '--seed'], ['--db'], ['--port', 'eighty'], ['--port', '70000'], ['demo']]) {
      expect(() => parseArgs(argv), argv.join(' ')).toThrow(
        /Usage: npm run preview -- \[--db FILE \| --desktop-data\] \[--port N\] \[--demo\] \[--open\]/,
      );
    }
  });
});
