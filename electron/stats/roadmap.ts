// Estimated range against actual hours, per item, per month, per phase and in total. Pure: the
// handler reads hours per item (the totals the triggers keep, migration 3) and passes them in.
// Estimates count every item, skipped ones included: the roadmap shows the curriculum as written
// (311-396 hours in total); progress (progress.ts) is where skipped items leave the plan.
import type { ItemStatus } from '../../shared/schemas/items';
import type { RoadmapStats } from '../../shared/schemas/stats';
import type { Curriculum } from '../../shared/curriculum';

interface Totals {
  minHours: number;
  maxHours: number;
  actualHours: number;
}

const zero = (): Totals => ({ minHours: 0, maxHours: 0, actualHours: 0 });

function add(into: Totals, min: number, max: number, actual: number) {
  into.minHours += min;
  into.maxHours += max;
  into.actualHours += actual;
}

export function computeRoadmapStats(
  curriculum: Pick<Curriculum, 'items' | 'months' | 'phases'>,
  statusOf: (itemId: string) => ItemStatus,
  hoursOf: (itemId: string) => number,
): RoadmapStats {
  const months = new Map(curriculum.months.map((m) => [m.number, { month: m.number, phase: m.phase, ...zero() }]));
  const phases = new Map(curriculum.phases.map((p) => [p.number, { phase: p.number, ...zero() }]));
  const totals = zero();

  const items = curriculum.items.map((item) => {
    const { minHours, maxHours } = item.estimate;
    const actualHours = hoursOf(item.id);
    const month = months.get(item.month);
    if (month) add(month, minHours, maxHours, actualHours);
    const phase = phases.get(item.phase);
    if (phase) add(phase, minHours, maxHours, actualHours);
    add(totals, minHours, maxHours, actualHours);
    return {
      itemId: item.id,
      phase: item.phase,
      month: item.month,
      status: statusOf(item.id),
      minHours,
      maxHours,
      actualHours,
      overMax: actualHours > maxHours,
    };
  });

  return { items, months: [...months.values()], phases: [...phases.values()], totals };
}
