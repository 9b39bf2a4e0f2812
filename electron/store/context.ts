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

type Body = (...args: never[]) => unknown;
const transactions = new WeakMap<Db, Map<Body, Body>>();

/**
 * `body` as one transaction on `db`, made once per database and body (a function of the module, not
 * a closure made per call): better-sqlite3's db.transaction(fn) builds four wrapper functions and
 * their properties each time, which on time.add, called for every entry, was half of what a call
 * allocated.
 */
export function transactionOf<B extends Body>(db: Db, body: B): B {
  let made = transactions.get(db);
  if (!made) transactions.set(db, (made = new Map()));
  let run = made.get(body);
  if (!run) made.set(body, (run = db.transaction(body)));
  return run as B;
}
