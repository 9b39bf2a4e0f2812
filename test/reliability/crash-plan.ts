// What the crash worker writes, decided by the seed alone: the parent recomputes entry k from the
// same seed and checks the row it finds under an acknowledged id is that entry, not just any row.
import { getCurriculum } from '../../curriculum';
import { MINUTE_MS } from '../../shared/time';

import { mulberry32 as prng } from '../../shared/random';
export { prng };

/** The first planned entry starts here; entry k starts k slots later. Far in the past, never in the future. */
export const PLAN_START_MS = Date.UTC(2001, 0, 1, 8);
export const PLAN_SLOT_MS = 2 * 60 * MINUTE_MS;

export interface PlannedEntry {
  itemId: string;
  startedAt: number;
  endedAt: number;
  note: string;
}

/** Entry number k (0-based) of the run with this seed: consecutive, non-overlapping, 1 to 90 minutes long. */
export function plannedEntry(seed: number, k: number): PlannedEntry {
  const random = prng((seed ^ Math.imul(k + 1, 0x9e3779b1)) >>> 0);
  const items = getCurriculum().items;
  const itemId = items[Math.floor(random() * items.length)]!.id;
  const startedAt = PLAN_START_MS + k * PLAN_SLOT_MS;
  const minutes = 1 + Math.floor(random() * 90);
  return { itemId, startedAt, endedAt: startedAt + minutes * MINUTE_MS, note: `crash trial ${seed}, entry ${k}` };
}
