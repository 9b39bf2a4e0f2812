// Estimated range against actual hours (roadmap) and percent complete (progress), on the real
// curriculum: 24 items, 311-396 hours.
import { describe, expect, it } from 'vitest';
import { getCurriculum } from '../../curriculum';
import type { ItemStatus } from '../../shared/schemas/items';
import { roadmapStatsSchema } from '../../shared/schemas/stats';
import { computeProgress } from '../../electron/stats/progress';
import { computeRoadmapStats } from '../../electron/stats/roadmap';

const curriculum = getCurriculum();
const lookup =
  <T>(values: Record<string, T>, fallback: T) =>
  (id: string) =>
    values[id] ?? fallback;

describe('computeRoadmapStats', () => {
  const statuses: Record<string, ItemStatus> = { '1.1': 'done', '1.2': 'skipped', '2.1': 'done', '4.2': 'in_progress' };
  const hours: Record<string, number> = { '1.1': 6, '1.2': 1.5, '2.1': 10.5, '4.2': 20, '9.2': 0.25 };
  const stats = computeRoadmapStats(curriculum, lookup(statuses, 'not_started'), lookup(hours, 0));

  it('matches the contract', () => {
    expect(roadmapStatsSchema.parse(stats)).toEqual(stats);
  });

  it('gives every item its estimate, hours, status and whether it ran over its max', () => {
    expect(stats.items).toHaveLength(24);
    expect(stats.items.map((i) => i.itemId)).toEqual(curriculum.items.map((i) => i.id));
    expect(stats.items[0]).toEqual({
      itemId: '1.1',
      phase: 1,
      month: 1,
      status: 'done',
      minHours: 4,
      maxHours: 6,
      actualHours: 6,
      overMax: false,
    });
    expect(stats.items[1]).toEqual({
      itemId: '1.2',
      phase: 1,
      month: 1,
      status: 'skipped',
      minHours: 6,
      maxHours: 8,
      actualHours: 1.5,
      overMax: false,
    });
    expect(stats.items[3]).toEqual({
      itemId: '2.1',
      phase: 1,
      month: 2,
      status: 'done',
      minHours: 6,
      maxHours: 8,
      actualHours: 10.5,
      overMax: true,
    });
    expect(stats.items[10]).toEqual({
      itemId: '4.2',
      phase: 2,
      month: 4,
      status: 'in_progress',
      minHours: 12,
      maxHours: 16,
      actualHours: 20,
      overMax: true,
    });
    expect(stats.items[23]).toEqual({
      itemId: '9.2',
      phase: 3,
      month: 9,
      status: 'not_started',
      minHours: 20,
      maxHours: 25,
      actualHours: 0.25,
      overMax: false,
    });
    expect(stats.items.filter((i) => i.overMax).map((i) => i.itemId)).toEqual(['2.1', '4.2']);
  });

  it('sums every month, skipped items included', () => {
    expect(stats.months).toEqual([
      { month: 1, phase: 1, minHours: 14, maxHours: 20, actualHours: 7.5 },
      { month: 2, phase: 1, minHours: 24, maxHours: 30, actualHours: 10.5 },
      { month: 3, phase: 1, minHours: 16, maxHours: 22, actualHours: 0 },
      { month: 4, phase: 2, minHours: 37, maxHours: 51, actualHours: 20 },
      { month: 5, phase: 2, minHours: 53, maxHours: 67, actualHours: 0 },
      { month: 6, phase: 2, minHours: 39, maxHours: 49, actualHours: 0 },
      { month: 7, phase: 3, minHours: 45, maxHours: 55, actualHours: 0 },
      { month: 8, phase: 3, minHours: 38, maxHours: 47, actualHours: 0 },
      { month: 9, phase: 3, minHours: 45, maxHours: 55, actualHours: 0.25 },
    ]);
  });

  it('sums the phases to 54-72, 129-167 and 128-157, and the whole to 311-396', () => {
    expect(stats.phases).toEqual([
      { phase: 1, minHours: 54, maxHours: 72, actualHours: 18 },
      { phase: 2, minHours: 129, maxHours: 167, actualHours: 20 },
      { phase: 3, minHours: 128, maxHours: 157, actualHours: 0.25 },
    ]);
    expect(stats.totals).toEqual({ minHours: 311, maxHours: 396, actualHours: 38.25 });
  });

  it('shows the plain estimates with no hours on a fresh start', () => {
    const fresh = computeRoadmapStats(
      curriculum,
      () => 'not_started',
      () => 0,
    );
    expect(fresh.totals).toEqual({ minHours: 311, maxHours: 396, actualHours: 0 });
    expect(fresh.items.every((i) => i.status === 'not_started' && !i.overMax)).toBe(true);
  });
});

describe('computeProgress', () => {
  // 1.1 and 1.2 done, 1.3 skipped (with time logged on it before), 4.1 in progress.
  const statusOf = lookup<ItemStatus>(
    { '1.1': 'done', '1.2': 'done', '1.3': 'skipped', '4.1': 'in_progress' },
    'not_started',
  );
  const minutesOf = lookup<number>({ '1.1': 300, '1.3': 60, '4.1': 90 }, 0);

  it('counts done over planned items, skipped ones out of the plan, by count and by hours', () => {
    expect(computeProgress(curriculum.items, statusOf, minutesOf)).toEqual({
      itemCount: 24,
      plannedCount: 23,
      doneCount: 2,
      skippedCount: 1,
      byCount: 2 / 23,
      // Midpoints: done 5 + 7 = 12; planned 353.5 - 5 (1.3) = 348.5.
      byHours: 12 / 348.5,
      estimateMinHours: 307,
      estimateMaxHours: 390,
      loggedMinutes: 450, // the skipped item's hour still counts as logged
    });
  });

  it('works per phase', () => {
    const phase1 = computeProgress(
      curriculum.items.filter((i) => i.phase === 1),
      statusOf,
      minutesOf,
    );
    expect(phase1).toEqual({
      itemCount: 9,
      plannedCount: 8,
      doneCount: 2,
      skippedCount: 1,
      byCount: 0.25,
      byHours: 12 / 58,
      estimateMinHours: 50,
      estimateMaxHours: 66,
      loggedMinutes: 360,
    });
    const phase3 = computeProgress(
      curriculum.items.filter((i) => i.phase === 3),
      statusOf,
      minutesOf,
    );
    expect(phase3).toMatchObject({
      itemCount: 6,
      plannedCount: 6,
      doneCount: 0,
      byCount: 0,
      byHours: 0,
      estimateMinHours: 128,
      estimateMaxHours: 157,
    });
  });

  it('is 0, not NaN, when everything is skipped, and 1 when everything is done', () => {
    const skipped = computeProgress(
      curriculum.items,
      () => 'skipped',
      () => 0,
    );
    expect(skipped).toMatchObject({
      plannedCount: 0,
      skippedCount: 24,
      byCount: 0,
      byHours: 0,
      estimateMinHours: 0,
      estimateMaxHours: 0,
    });
    const done = computeProgress(
      curriculum.items,
      () => 'done',
      () => 0,
    );
    expect(done).toMatchObject({ doneCount: 24, byCount: 1, byHours: 1, estimateMinHours: 311, estimateMaxHours: 396 });
  });
});
