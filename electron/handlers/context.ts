import type { Channel, ChannelOutput, ParsedInput } from '../../shared/contract';
import type { PaperSize } from '../../shared/schemas/portfolio';
import type { StoreContext } from '../store/context';
import type { SyncScheduler } from '../sync/scheduler';

export { requireItem } from '../store/context';

/**
 * Prints the portfolio to a PDF the learner saves somewhere: the desktop app's capability (a save
 * dialog and Chromium's printer). `saved` is false when the learner cancelled the dialog.
 */
export type PdfExporter = (paper: PaperSize) => Promise<ChannelOutput<'portfolio.exportPdf'>>;

/** What every handler gets: the store's context (the database, the curriculum, a clock tests can set) and more. */
export interface HandlerContext extends StoreContext {
  /** Only in the desktop app; the preview and the tests have none, and the export says so. */
  exportPdf?: PdfExporter;
  /** Desktop only: opens a folder in the system's file manager. */
  openFolder?: (folder: string) => Promise<void>;
  /** The user's home folder, shortened to "~" where the data folder is shown. */
  homeDir?: string;
  /** Desktop only: a native folder dialog; resolves with the chosen folder, or null when cancelled. */
  chooseFolder?: () => Promise<string | null>;
  /** Desktop only: the folder dialog for linking an item's git repository; null when cancelled. */
  chooseRepositoryFolder?: () => Promise<string | null>;
  /**
   * When to sync (electron/sync/scheduler.ts): the desktop app and the preview run one. Without it
   * (tests, the demo), "Sync now" calls the engine directly and nothing syncs by itself.
   */
  sync?: Pick<SyncScheduler, 'status' | 'syncNow' | 'configured'>;
  /** Where the database and its backups live; absent where there is no file to back up. */
  files?: { dbFile: string; backupDir: string };
}

/**
 * The channels whose handler returns a Promise (it waits on something outside the database, like a
 * save dialog). Only `dispatchAsync` runs them; every other handler is synchronous, so its whole
 * transaction runs in one go and nothing can interleave with it.
 */
const asyncChannels = [
  'portfolio.exportPdf',
  'data.import',
  'import.apply',
  'backups.create',
  'backups.restore',
  'data.openFolder',
  'sync.configure',
  'sync.now',
  'sync.chooseFolder',
  'repo.summary',
  'repo.link',
  'repo.chooseFolder',
  'repo.acceptSuggestion',
  'repo.dismissSuggestion',
] as const satisfies readonly Channel[];
export type AsyncChannel = (typeof asyncChannels)[number];
export const isAsyncChannel = (channel: Channel): channel is AsyncChannel =>
  (asyncChannels as readonly Channel[]).includes(channel);

export type SyncHandler<C extends Channel> = (ctx: HandlerContext, input: ParsedInput<C>) => ChannelOutput<C>;
export type AsyncHandler<C extends Channel> = (ctx: HandlerContext, input: ParsedInput<C>) => Promise<ChannelOutput<C>>;
export type Handler<C extends Channel> = C extends AsyncChannel ? AsyncHandler<C> : SyncHandler<C>;
export type HandlerTable = { [C in Channel]: Handler<C> };
export type HandlerGroup<C extends Channel> = { [K in C]: Handler<K> };
