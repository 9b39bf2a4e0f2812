// Importing another tracker's time report (Toggl Track, Clockify, Super Productivity): the file
// is read and mapped to items first (import.preview), written only when the learner confirms
// (import.apply), and each import can be undone in one step (import.undo). No Node or DOM imports.
import { z } from 'zod';
import { itemIdSchema } from '../curriculum';
import { backupSchema } from './data';
import { instant } from './common';

/** Reports of years of daily tracking are a few MB; 20,000 Toggl rows are about 3 MB. */
const REPORT_MAX_CHARS = 64 * 1024 * 1024;
const GROUP_KEY_MAX = 2000;

const reportFormatSchema = z.enum(['toggl', 'clockify', 'super-productivity']);

/** A zone the tracker wrote its wall-clock times in, e.g. "Europe/Berlin"; checked against Intl's list. */
const timeZoneSchema = z
  .string()
  .max(100)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'That is not a time zone this computer knows, like "Europe/Berlin".');

/** Where each group of rows goes: an item, or null to leave the group out. */
const mappingSchema = z
  .array(z.strictObject({ key: z.string().max(GROUP_KEY_MAX), itemId: itemIdSchema.nullable() }))
  .max(20_000);

export const importReadInput = z.strictObject({
  content: z.string().max(REPORT_MAX_CHARS, 'The file is larger than 64 MB; that is not a time report.'),
  /** Shown in the list of past imports; never used as a path. */
  fileName: z.string().trim().min(1, 'The file needs a name.').max(255),
  timeZone: timeZoneSchema.optional(),
  dateOrder: z.enum(['dmy', 'mdy']).optional(),
  /** Omitted on the first read: the app proposes an item for each group. */
  mapping: mappingSchema.optional(),
});
export const importApplyInput = importReadInput.extend({ mapping: mappingSchema });
export type ImportReadInput = z.input<typeof importReadInput>;

const importGroupSchema = z.object({
  key: z.string(),
  project: z.string(),
  task: z.string(),
  /** Set when the group is the rows whose description names this item (the project and task did not). */
  describedItemId: itemIdSchema.nullable(),
  rows: z.number().int(),
  ms: z.number(),
  /** What the app proposed, and in words why ("the task names 4.1"); null: nothing matched. */
  proposedItemId: itemIdSchema.nullable(),
  proposedBecause: z.string().nullable(),
  /** Where the group goes now: the learner's choice, else the proposal. */
  itemId: itemIdSchema.nullable(),
  /** With the group's current item: rows to add, and rows already in the logbook (same item, same span). */
  toAdd: z.number().int(),
  toAddMs: z.number(),
  alreadyLogged: z.number().int(),
});
export type ImportGroup = z.infer<typeof importGroupSchema>;

export const importPreviewSchema = z.object({
  format: reportFormatSchema,
  formatName: z.string(),
  timeZone: z.string(),
  dateOrder: z.enum(['dmy', 'mdy']),
  /** False when every slash date read both ways: the learner confirms the order. */
  dateOrderCertain: z.boolean(),
  /** The file keeps only a total per day (Super Productivity): those spans start at midnight. */
  dayTotalsOnly: z.boolean(),
  groups: z.array(importGroupSchema),
  /** The first refused rows, with the spreadsheet row and why; `refusedRows` counts them all. */
  refusals: z.array(z.object({ sourceRow: z.number().int(), reason: z.string() })),
  refusedRows: z.number().int(),
  totals: z.object({
    rows: z.number().int(),
    toAdd: z.number().int(),
    toAddMs: z.number(),
    alreadyLogged: z.number().int(),
    leftOut: z.number().int(),
    items: z.number().int(),
  }),
  /** The span of the rows read, for "from 2 Jan 2012 to 14 Jan 2026". */
  firstStart: instant.nullable(),
  lastEnd: instant.nullable(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importBatchSchema = z.object({
  id: z.number().int().positive(),
  format: reportFormatSchema,
  formatName: z.string(),
  fileName: z.string(),
  importedAt: instant,
  /** Entries the import added; `remaining` of them are still in the log (the learner may have deleted some). */
  added: z.number().int(),
  addedMs: z.number(),
  remaining: z.number().int(),
  undoneAt: instant.nullable(),
});
export type ImportBatch = z.infer<typeof importBatchSchema>;

export const importApplySchema = z.object({
  batch: importBatchSchema,
  alreadyLogged: z.number().int(),
  refusedRows: z.number().int(),
  leftOut: z.number().int(),
  backup: backupSchema.nullable(),
});

export const importUndoInput = z.strictObject({ batchId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
export const importUndoSchema = z.object({ batch: importBatchSchema, removed: z.number().int() });
