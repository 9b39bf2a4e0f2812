import type { ItemStatus } from '../../shared/schemas/items';
import type { CurriculumItem } from '../../shared/curriculum';

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
