import type { Statement } from 'better-sqlite3';
import { itemById, type Curriculum, type CurriculumItem } from '../../shared/curriculum';
import { AppError } from '../../shared/errors';
import type { Channel, ChannelOutput, ParsedInput } from '../../shared/contract';
import type { PaperSize } from '../../shared/schemas/portfolio';
import type { Db } from '../db/open';

/**
 * Prints the portfolio to a PDF the learner saves somewhere: the desktop app's capability (a save
 * dialog and Chromium's printer). `saved` is false when the learner cancelled the dialog.
 */
export type PdfExporter = (paper: PaperSize) => Promise<ChannelOutput<'portfolio.exportPdf'>>;

/** What every handler gets: the database, the curriculum, and a clock tests can set. */
export interface HandlerContext {
  db: Db;
  curriculum: Curriculum;
  now: () => number;
  /** Only in the desktop app; the preview and the tests have none, and the export says so. */
  exportPdf?: PdfExporter;
  /** Desktop only: opens a folder in the system's file manager. */
  openFolder?: (folder: string) => Promise<void>;
  /** The user's home folder, shortened to "~" where the data folder is shown. */
  homeDir?: string;
  /** Where the database and its backups live; absent where there is no file to back up. */
  files?: { dbFile: string; backupDir: string };
}

/**
 * The channels whose handler returns a Promise (it waits on something outside the database, like a
 * save dialog). Only `dispatchAsync` runs them; every other handler is synchronous, so its whole
 * transaction runs in one go and nothing can interleave with it.
 */
export const asyncChannels = ['portfolio.exportPdf', 'data.import', 'backups.create', 'backups.restore', 'data.openFolder'] as const satisfies readonly Channel[];
export type AsyncChannel = (typeof asyncChannels)[number];
export const isAsyncChannel = (channel: Channel): channel is AsyncChannel => (asyncChannels as readonly Channel[]).includes(channel);

export type SyncHandler<C extends Channel> = (ctx: HandlerContext, input: ParsedInput<C>) => ChannelOutput<C>;
export type AsyncHandler<C extends Channel> = (ctx: HandlerContext, input: ParsedInput<C>) => Promise<ChannelOutput<C>>;
export type Handler<C extends Channel> = C extends AsyncChannel ? AsyncHandler<C> : SyncHandler<C>;
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
  const item = itemById(ctx.curriculum.items, itemId);
  if (!item) throw new AppError('NOT_FOUND', `There is no curriculum item "${itemId}".`);
  return item;
}
