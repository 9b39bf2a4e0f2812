// Importing other trackers' time reports: read and map first (nothing written), then the learner's
// confirmed mapping in one transaction after a backup, and undo in one step.
import type { ImportPreview } from '../../shared/schemas/imports';
import type { ParsedInput } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { NOTE_MAX } from '../../shared/schemas/time';
import { backupAndPrune } from '../data/backups';
import { FORMAT_NAMES, ImportError, parseReport, type ParsedReport } from '../import';
import { planImport, type ImportPlan } from '../import/mapping';
import { insertImport, listBatches, loggedSpans, readBatch, undoImport } from '../store/imports';
import type { HandlerContext, HandlerGroup } from './context';

/** How many refused rows the mapping screen lists; the rest are counted. */
const REFUSALS_SHOWN = 100;

interface Read {
  report: ParsedReport;
  plan: ImportPlan;
  timeZone: string;
}

function readAndPlan(ctx: HandlerContext, input: Omit<ParsedInput<'import.preview'>, 'fileName'>): Read {
  const timeZone = input.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  let report: ParsedReport;
  try {
    report = parseReport(input.content, { now: ctx.now(), timeZone, dateOrder: input.dateOrder });
  } catch (error) {
    if (error instanceof ImportError) throw new AppError('INVALID_INPUT', error.message);
    throw error;
  }
  const chosen = new Map((input.mapping ?? []).map((m) => [m.key, m.itemId]));
  let from = Infinity;
  let to = -Infinity;
  for (const row of report.rows) {
    if (row.startedAt < from) from = row.startedAt;
    if (row.startedAt > to) to = row.startedAt;
  }
  const logged = report.rows.length ? loggedSpans(ctx, from, to) : new Set<string>();
  return { report, plan: planImport(report.rows, ctx.curriculum, logged, chosen), timeZone };
}

function preview({ report, plan, timeZone }: Read): ImportPreview {
  const rows = report.rows;
  let firstStart = Infinity;
  let lastEnd = -Infinity;
  for (const row of rows) {
    if (row.startedAt < firstStart) firstStart = row.startedAt;
    if (row.endedAt > lastEnd) lastEnd = row.endedAt;
  }
  let toAddMs = 0;
  const items = new Set<string>();
  for (const { row, itemId } of plan.toAdd) {
    toAddMs += row.durationMs;
    items.add(itemId);
  }
  return {
    format: report.format,
    formatName: FORMAT_NAMES[report.format],
    timeZone,
    dateOrder: report.dateOrder,
    dateOrderCertain: report.dateOrderCertain,
    dayTotalsOnly: rows.some((r) => r.dayTotalOnly),
    groups: plan.groups,
    refusals: report.refusals.slice(0, REFUSALS_SHOWN),
    refusedRows: report.refusals.length,
    totals: {
      rows: rows.length + report.refusals.length,
      toAdd: plan.toAdd.length,
      toAddMs,
      alreadyLogged: plan.alreadyLogged,
      leftOut: plan.leftOut,
      items: items.size,
    },
    firstStart: rows.length ? firstStart : null,
    lastEnd: rows.length ? lastEnd : null,
  };
}

/** The entry's note: the tracker's description, else its task (cut to what a note may hold). */
const noteFor = (row: { description: string; task: string }) =>
  (row.description.trim() || row.task.trim()).slice(0, NOTE_MAX);

function requireBatch(ctx: HandlerContext, id: number) {
  const batch = readBatch(ctx, id);
  if (!batch) throw new AppError('NOT_FOUND', `There is no import number ${id}.`);
  return batch;
}

export const importHandlers: HandlerGroup<'import.preview' | 'import.apply' | 'import.undo' | 'import.list'> = {
  'import.preview': (ctx, input) => preview(readAndPlan(ctx, input)),

  'import.apply': async (ctx, input) => {
    // The file is read and checked in full before the backup and before any write.
    const read = readAndPlan(ctx, input);
    if (read.plan.toAdd.length === 0) {
      throw new AppError(
        'CONFLICT',
        read.plan.alreadyLogged > 0
          ? 'Nothing to import: every session you chose is already in your time log.'
          : 'Nothing to import: choose an item for at least one group of sessions.',
      );
    }
    const backup = ctx.files ? await backupAndPrune(ctx, 'import') : null;
    const entries = read.plan.toAdd.map(({ row, itemId }) => ({
      itemId,
      startedAt: row.startedAt,
      endedAt: row.endedAt,
      note: noteFor(row),
      source: 'manual' as const,
    }));
    const batchId = ctx.db.transaction(() =>
      insertImport(ctx, { format: read.report.format, fileName: input.fileName }, entries),
    )();
    return {
      batch: requireBatch(ctx, batchId),
      alreadyLogged: read.plan.alreadyLogged,
      refusedRows: read.report.refusals.length,
      leftOut: read.plan.leftOut,
      backup,
    };
  },

  'import.undo': (ctx, { batchId }) =>
    ctx.db.transaction(() => {
      const batch = requireBatch(ctx, batchId);
      if (batch.undoneAt !== null)
        throw new AppError('CONFLICT', `The import of ${batch.fileName} was undone already.`);
      const removed = undoImport(ctx, batchId);
      return { batch: requireBatch(ctx, batchId), removed };
    })(),

  'import.list': (ctx) => ({ imports: listBatches(ctx) }),
};
