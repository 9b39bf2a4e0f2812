// Sync through a folder (docs/sync.md): Settings reads the state, turns sync on or off, and syncs
// now. The engine (electron/sync/engine.ts) does the work; the scheduler, where one runs (the
// desktop app, the preview), decides when, and keeps the last problem in plain words.
import path from 'node:path';
import type { ChannelOutput } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { checkSyncFolder } from '../files/sync-folder';
import { configureSync, readSyncState, syncOnce } from '../sync/engine';
import { plainSyncProblem } from '../sync/scheduler';
import type { HandlerContext, HandlerGroup } from './context';

function status(ctx: HandlerContext): ChannelOutput<'sync.status'> {
  const state = readSyncState(ctx.db);
  const scheduler = ctx.sync?.status();
  return {
    enabled: state.enabled,
    folder: state.folder,
    deviceId: state.deviceId,
    deviceName: state.deviceName,
    lastSyncAt: state.lastSyncAt,
    lastReport: state.lastReport,
    lastReceived:
      scheduler?.lastReceived ?? (state.lastReport?.received.some((r) => r.changes > 0) ? state.lastReport : null),
    running: scheduler?.running ?? false,
    problem: state.enabled ? (scheduler?.problem ?? null) : null,
    canChooseFolder: Boolean(ctx.chooseFolder),
  };
}

/** The engine's refusal (a plain sentence) as the learner's answer; a bug of ours stays one. */
function asAppError(error: unknown): unknown {
  const problem = plainSyncProblem(error);
  return problem === null ? error : new AppError('CONFLICT', problem);
}

export const syncHandlers: HandlerGroup<'sync.status' | 'sync.configure' | 'sync.now' | 'sync.chooseFolder'> = {
  'sync.status': (ctx) => status(ctx),

  'sync.configure': async (ctx, { folder, deviceName }) => {
    // Checked before anything is stored: a folder that cannot be used is never remembered.
    const usable =
      folder === null ? null : checkSyncFolder(folder, ctx.files ? path.dirname(ctx.files.dbFile) : undefined);
    try {
      configureSync(ctx.db, usable === null ? null : { folder: usable, deviceName });
    } catch (error) {
      throw asAppError(error);
    }
    // The first sync runs at once; if it fails, the state says why (the setting itself was right).
    if (ctx.sync) await ctx.sync.configured().catch(() => null);
    return status(ctx);
  },

  'sync.now': async (ctx) => {
    // In a transaction: reading the state names this machine the first time, and a refusal writes nothing.
    ctx.db.transaction(() => {
      if (!readSyncState(ctx.db).enabled)
        throw new AppError('CONFLICT', 'Sync is off. Choose a folder and turn sync on first.');
    })();
    try {
      const report = ctx.sync ? await ctx.sync.syncNow() : syncOnce(ctx.db, ctx.now);
      if (!report) throw new AppError('CONFLICT', 'Sync is off. Choose a folder and turn sync on first.');
      return report;
    } catch (error) {
      throw asAppError(error);
    }
  },

  'sync.chooseFolder': async (ctx) => {
    if (!ctx.chooseFolder)
      throw new AppError(
        'CONFLICT',
        "Choosing a folder from a dialog needs the desktop app; type the folder's full path instead.",
      );
    return { folder: await ctx.chooseFolder() };
  },
};
