// The one IPC contract: every channel, once, with the zod schema of its input and of its output.
// Main registers a handler for each key and validates every input against it; the preload allows
// exactly these keys; the renderer's client is typed from it. The schemas themselves live by area
// in ./schemas/. No Node or DOM imports.
import { z } from 'zod';
import { curriculumSchema, itemIdSchema } from './curriculum';
import { assessmentHistorySchema, assessmentSaveInput, assessmentSchema } from './schemas/assessment';
import { backupRestoreInput, backupSchema, importInput, importResultSchema } from './schemas/data';
import {
  itemNotesInput,
  itemStateSchema,
  itemStatusSchema,
  itemTickInput,
  progressOverviewSchema,
} from './schemas/items';
import { milestoneEntryIdSchema, milestonesSchema } from './schemas/milestones';
import { paperSizeSchema, pdfExportSchema, portfolioEntrySchema, portfolioUpdateInput } from './schemas/portfolio';
import { repoLinkInput, repoProgressSchema, repoSummarySchema, suggestionInput } from './schemas/repos';
import { settingsSchema, settingsUpdateInput } from './schemas/settings';
import {
  importApplyInput,
  importApplySchema,
  importBatchSchema,
  importPreviewSchema,
  importReadInput,
  importUndoInput,
  importUndoSchema,
} from './schemas/imports';
import { insightsSchema, roadmapStatsSchema } from './schemas/stats';
import { syncConfigureInput, syncReportSchema, syncStatusSchema } from './schemas/sync';
import {
  editEntryInput,
  entryIdSchema,
  manualEntryInput,
  timeEntrySchema,
  timeListInput,
  timeListSchema,
} from './schemas/time';
import { runningTimerSchema, timerStartInput, timerStartSchema, timerStopSchema } from './schemas/timer';

const noInput = z.strictObject({});
const byItem = z.strictObject({ itemId: itemIdSchema });

export const contract = {
  'curriculum.get': { input: noInput, output: curriculumSchema },

  'progress.overview': { input: noInput, output: progressOverviewSchema },
  'item.get': { input: byItem, output: itemStateSchema },
  'item.setStatus': {
    input: z.strictObject({ itemId: itemIdSchema, status: itemStatusSchema }),
    output: itemStateSchema,
  },
  'item.setNotes': { input: itemNotesInput, output: itemStateSchema },
  'item.tickEntry': { input: itemTickInput, output: itemStateSchema },

  'timer.current': { input: noInput, output: runningTimerSchema.nullable() },
  'timer.start': { input: timerStartInput, output: timerStartSchema },
  'timer.stop': { input: noInput, output: timerStopSchema },

  'time.add': { input: manualEntryInput, output: timeEntrySchema },
  'time.edit': { input: editEntryInput, output: timeEntrySchema },
  'time.delete': { input: z.strictObject({ id: entryIdSchema }), output: z.object({ deleted: timeEntrySchema }) },
  'time.list': { input: timeListInput, output: timeListSchema },

  'settings.get': { input: noInput, output: settingsSchema },
  'settings.update': { input: settingsUpdateInput, output: settingsSchema },

  'portfolio.list': { input: noInput, output: z.object({ entries: z.array(portfolioEntrySchema) }) },
  'portfolio.get': { input: byItem, output: portfolioEntrySchema },
  'portfolio.update': { input: portfolioUpdateInput, output: portfolioEntrySchema },
  'assessment.save': {
    input: assessmentSaveInput,
    output: z.object({ saved: assessmentSchema, history: z.array(assessmentSchema) }),
  },
  'assessment.history': { input: byItem, output: assessmentHistorySchema },
  'milestones.get': { input: noInput, output: milestonesSchema },
  'milestones.tick': {
    input: z.strictObject({ entryId: milestoneEntryIdSchema, ticked: z.boolean() }),
    output: milestonesSchema,
  },
  /** Desktop only: asks where to save, prints the portfolio to PDF there. The preview answers CONFLICT. */
  'portfolio.exportPdf': { input: z.strictObject({ paper: paperSizeSchema }), output: pdfExportSchema },

  /** A file for the learner to save: the renderer offers it as a download (a save dialog on the desktop). */
  'data.exportCsv': {
    input: noInput,
    output: z.object({ fileName: z.string(), content: z.string(), rows: z.number().int() }),
  },
  'data.exportJson': { input: noInput, output: z.object({ fileName: z.string(), content: z.string() }) },
  'data.import': { input: importInput, output: importResultSchema },
  /** Another tracker's report (Toggl Track, Clockify, Super Productivity), read and mapped to items; nothing is written. */
  'import.preview': { input: importReadInput, output: importPreviewSchema },
  /** Writes the mapped report in one transaction, after a backup. */
  'import.apply': { input: importApplyInput, output: importApplySchema },
  /** Removes the entries one import added that are still in the log. */
  'import.undo': { input: importUndoInput, output: importUndoSchema },
  'import.list': { input: noInput, output: z.object({ imports: z.array(importBatchSchema) }) },
  'backups.list': { input: noInput, output: z.object({ backups: z.array(backupSchema), keep: z.number().int() }) },
  'backups.create': { input: noInput, output: backupSchema },
  /** Where the learner's data lives, for Settings; shown with the home folder as "~". */
  'data.folder': { input: noInput, output: z.object({ location: z.string(), canOpen: z.boolean() }) },
  /** Desktop only: opens the data folder in the system's file manager. */
  'data.openFolder': { input: noInput, output: z.object({ opened: z.boolean() }) },
  'backups.restore': {
    input: backupRestoreInput,
    output: z.object({ restored: backupSchema, safetyBackup: backupSchema }),
  },

  /** Sync through a folder (docs/sync.md): this machine's settings, what the last sync did, and why one failed. */
  'sync.status': { input: noInput, output: syncStatusSchema },
  /** Turns sync on with a folder and this computer's name (then syncs at once), or off with `folder: null`. */
  'sync.configure': { input: syncConfigureInput, output: syncStatusSchema },
  /** Syncs now; refuses in plain words when sync is off or the folder cannot be used. */
  'sync.now': { input: noInput, output: syncReportSchema },
  /** Desktop only: a folder dialog; `folder` is null when the learner cancelled. The preview answers CONFLICT. */
  'sync.chooseFolder': { input: noInput, output: z.object({ folder: z.string().nullable() }) },

  /**
   * A git repository linked to an item (read in main with isomorphic-git, never changed): its commits
   * per day beside the logged hours, suggested sessions, and what it proposes for the portfolio.
   */
  'repo.summary': { input: byItem, output: repoSummarySchema },
  /** Reads the folder's repository and links it; a folder that is not one, or cannot be read, is refused and nothing is written. */
  'repo.link': { input: repoLinkInput, output: repoSummarySchema },
  'repo.unlink': { input: byItem, output: z.object({ unlinked: z.boolean() }) },
  /** Desktop only: a folder dialog; `folder` is null when the learner cancelled. The preview answers CONFLICT. */
  'repo.chooseFolder': { input: noInput, output: z.object({ folder: z.string().nullable() }) },
  /** The repositories being read now, with the commits read so far: the progress line while a read takes long. */
  'repo.progress': { input: noInput, output: repoProgressSchema },
  /** Logs a suggested session as a time entry on the item (an ordinary manual entry, noted as from commits). */
  'repo.acceptSuggestion': { input: suggestionInput, output: timeEntrySchema },
  /** Stops suggesting a session; it stays dismissed while the item is linked to this repository. */
  'repo.dismissSuggestion': { input: suggestionInput, output: z.object({ dismissed: z.boolean() }) },

  'stats.roadmap': { input: noInput, output: roadmapStatsSchema },
  'stats.insights': { input: noInput, output: insightsSchema },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

/** Every channel, derived from the contract: the preload's allow-list and the handler registry use it. */
export const channels = Object.keys(contract) as Channel[];
export const isChannel = (name: unknown): name is Channel =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
