import type { Statement } from 'better-sqlite3';
import type { Curriculum, CurriculumItem } from '../../shared/curriculum';
import { AppError } from '../../shared/errors';
import type { Channel, ChannelOutput, ParsedInput } from '../../shared/contract';
import type { Db } from '../db/open';

/** What every handler gets: the database, the curriculum, and a clock tests can set. */
export interface HandlerContext {
  db: Db;
  curriculum: Curriculum;
  now: () => number;
}

export type Handler<C extends Channel> = (ctx: HandlerContext, input: ParsedInput<C>) => ChannelOutput<C>;
export type HandlerTable = { [C in Channel]: Handler<C> };
export type HandlerGroup<C extends Channel> = { [K in C]: Handler<K> };

const statementCache = new WeakMap<Db, Map<string, Statement>>();

/** A prepared statement, compiled once per database: handlers run on every keystroke and tick. */
export function sql(db: Db, text: string): Statement {
  let cache = statementCache.get(db);
  if (!cache) statementCache.set(db, (cache = new Map()));
  let statement = cache.get(text);
  if (!statement) cache.set(text, (statement = db.prepare(text)));
  return statement;
}

export function requireItem(ctx: HandlerContext, itemId: string): CurriculumItem {
  const item = ctx.curriculum.items.find((i) => i.id === itemId);
  if (!item) throw new AppError('NOT_FOUND', `There is no curriculum item "${itemId}".`);
  return item;
}
