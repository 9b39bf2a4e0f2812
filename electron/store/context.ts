// What the store's functions need beyond the database: the curriculum (to refuse unknown items)
// and a clock tests can set. The handlers' context is this plus the desktop's capabilities.
import { itemById, type Curriculum, type CurriculumItem } from '../../shared/curriculum';
import { AppError } from '../../shared/errors';
import type { Db } from '../db/open';

export interface StoreContext {
  db: Db;
  curriculum: Curriculum;
  now: () => number;
}

export function requireItem(ctx: Pick<StoreContext, 'curriculum'>, itemId: string): CurriculumItem {
  const item = itemById(ctx.curriculum.items, itemId);
  if (!item) throw new AppError('NOT_FOUND', `There is no curriculum item "${itemId}".`);
  return item;
}
