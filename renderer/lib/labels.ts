import type { ItemStatus } from '../../shared/schemas/items';
import type { CurriculumItem } from '../../shared/curriculum';

/** "1 entry", "12 entries", "1,204 sessions": a count and its noun, in the learner's number format. */
export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

export const itemLabel = (item: Pick<CurriculumItem, 'kind' | 'id'>) =>
  `${item.kind === 'exercise' ? 'Exercise' : 'Project'} ${item.id}`;

export const statusLabels: Record<ItemStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  done: 'Done',
  skipped: 'Skipped',
};

export const estimateLabel = (item: Pick<CurriculumItem, 'estimate'>) =>
  `${item.estimate.minHours}–${item.estimate.maxHours} h`;
