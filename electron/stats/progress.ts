// Percent complete, by item count and by estimated hours (each item weighs its estimate's
// midpoint). Skipped items leave the plan: they count neither as done nor as remaining.
import type { ItemStatus, Progress } from '../../shared/schemas/items';
import { estimateMidpoint, type CurriculumItem } from '../../shared/curriculum';

export function computeProgress(
  items: readonly CurriculumItem[],
  statusOf: (itemId: string) => ItemStatus,
  minutesOf: (itemId: string) => number,
): Progress {
  let planned = 0;
  let done = 0;
  let skipped = 0;
  let plannedHours = 0;
  let doneHours = 0;
  let estimateMin = 0;
  let estimateMax = 0;
  let loggedMinutes = 0;
  for (const item of items) {
    const status = statusOf(item.id);
    loggedMinutes += minutesOf(item.id);
    if (status === 'skipped') {
      skipped++;
      continue;
    }
    planned++;
    plannedHours += estimateMidpoint(item);
    estimateMin += item.estimate.minHours;
    estimateMax += item.estimate.maxHours;
    if (status === 'done') {
      done++;
      doneHours += estimateMidpoint(item);
    }
  }
  return {
    itemCount: items.length,
    plannedCount: planned,
    doneCount: done,
    skippedCount: skipped,
    byCount: planned ? done / planned : 0,
    byHours: plannedHours ? doneHours / plannedHours : 0,
    estimateMinHours: estimateMin,
    estimateMaxHours: estimateMax,
    loggedMinutes,
  };
}
