// The JSON export: everything the learner made, versioned so that a later app can read it and an
// older app refuses it in plain words. The import validates a file against this in full before
// writing anything. Limits keep a hostile file from exhausting memory.
import { z } from 'zod';
import { assessmentScoresSchema } from './schemas/assessment';
import { instant } from './schemas/common';
import { ITEM_NOTES_MAX, itemStatusSchema } from './schemas/items';
import { milestoneEntryIdSchema } from './schemas/milestones';
import { portfolioFieldInputs, portfolioLinkInputs } from './schemas/portfolio';
import { settingsFields } from './schemas/settings';
import { entryNote, spanRules } from './schemas/time';
import { itemIdSchema } from './curriculum';

export const EXPORT_FORMAT = 'mlops-study-companion';
export const EXPORT_FORMAT_VERSION = 1;

/** Read before the full parse, so a newer file gets "update the app" rather than a list of errors. */
export const exportHeaderSchema = z.object({
  format: z.literal(EXPORT_FORMAT, { error: 'This is not an MLOps Study Companion export.' }),
  formatVersion: z.number().int().positive(),
});

export const exportFileSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  formatVersion: z.literal(EXPORT_FORMAT_VERSION),
  appVersion: z.string().max(40),
  schemaVersion: z.number().int().positive(),
  exportedAt: z.string().max(40),
  data: z.strictObject({
    settings: z.strictObject(settingsFields).partial(),
    items: z
      .array(
        z.strictObject({
          itemId: itemIdSchema,
          status: itemStatusSchema,
          notes: z.string().max(ITEM_NOTES_MAX),
          tickedEntries: z.array(z.number().int().min(0).max(99)).max(100),
        }),
      )
      .max(100),
    timeEntries: z
      .array(
        spanRules(
          z.strictObject({
            itemId: itemIdSchema,
            startedAt: instant,
            endedAt: instant,
            note: entryNote,
            source: z.enum(['timer', 'manual']),
          }),
        ),
      )
      .max(2_000_000),
    runningTimer: z.strictObject({ itemId: itemIdSchema, startedAt: instant, note: entryNote }).nullable(),
    portfolio: z
      .array(
        z.strictObject({
          itemId: itemIdSchema,
          included: z.boolean(),
          fields: z.strictObject(portfolioFieldInputs).partial(),
          links: z.strictObject(portfolioLinkInputs).partial(),
        }),
      )
      .max(100),
    assessments: z
      .array(z.strictObject({ itemId: itemIdSchema, assessedAt: instant, scores: assessmentScoresSchema }))
      .max(100_000),
    milestoneTicks: z.array(z.strictObject({ entryId: milestoneEntryIdSchema, tickedAt: instant })).max(200),
  }),
});
export type ExportFile = z.infer<typeof exportFileSchema>;
