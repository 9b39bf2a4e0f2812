// Sync through a folder the learner's own file-sync tool keeps in step (docs/sync.md): what the
// Settings screen reads and sends. The state is this machine's own and never travels to the folder.
import { z } from 'zod';
import { instant } from './common';

/** The longest folder path the app accepts: far beyond any real one, short enough to show. */
const SYNC_FOLDER_MAX = 1024;
const DEVICE_NAME_MAX = 60;

const syncFolderSchema = z
  .string()
  .trim()
  .min(1, 'Choose a folder to sync through.')
  .max(SYNC_FOLDER_MAX, `A folder path can be at most ${SYNC_FOLDER_MAX} characters.`);

const deviceNameSchema = z
  .string()
  .trim()
  .min(1, 'Give this computer a name, for example Laptop.')
  .max(DEVICE_NAME_MAX, `A computer's name can be at most ${DEVICE_NAME_MAX} characters.`)
  // Names are shown in sentences ("12 entries from Laptop"): no line breaks or control characters.
  .regex(/^[^\p{Cc}]*$/u, "A computer's name cannot hold line breaks or control characters.");

export const syncReportSchema = z.object({
  at: instant,
  wrote: z.number().int().nonnegative(),
  received: z.array(
    z.object({
      deviceId: z.string(),
      deviceName: z.string(),
      changes: z.number().int().nonnegative(),
      entries: z.number().int().nonnegative(),
    }),
  ),
  problems: z.array(z.string()),
});
export type SyncReportView = z.infer<typeof syncReportSchema>;

export const syncStatusSchema = z.object({
  enabled: z.boolean(),
  /** The folder the learner chose (the only path the renderer ever sees), kept while sync is off. */
  folder: z.string().nullable(),
  deviceId: z.string(),
  deviceName: z.string(),
  lastSyncAt: instant.nullable(),
  lastReport: syncReportSchema.nullable(),
  /** The last sync that brought something in (since the app started, else the last report if it did). */
  lastReceived: syncReportSchema.nullable(),
  /** A sync is running right now. */
  running: z.boolean(),
  /** Why the last sync did not happen, in plain words; null once one works again. */
  problem: z.string().nullable(),
  /** The desktop app can show a folder dialog; the browser version takes a typed path. */
  canChooseFolder: z.boolean(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

/** Turns sync on with a folder and this computer's name; `folder: null` turns it off (both logbooks stay whole). */
export const syncConfigureInput = z.strictObject({
  folder: syncFolderSchema.nullable(),
  deviceName: deviceNameSchema,
});
