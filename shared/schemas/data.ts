// The learner's data as files: exports, the import, backups and the data folder.
import { z } from 'zod';
import { instant } from './common';

export const BACKUP_ID = /^companion-\d{8}-\d{6}-\d{3}-(daily|manual|import|restore|migration)\.db$/;
export const backupSchema = z.object({
  /** The backup's file name: the renderer never sees folders. */
  id: z.string().regex(BACKUP_ID),
  createdAt: instant,
  bytes: z.number().int().nonnegative(),
  reason: z.enum(['daily', 'manual', 'import', 'restore', 'migration']),
});
export type Backup = z.infer<typeof backupSchema>;

/** The largest export file the app reads: years of daily logging are a few MB. */
const IMPORT_MAX_CHARS = 64 * 1024 * 1024;

export const importInput = z.strictObject({
  content: z.string().max(IMPORT_MAX_CHARS, 'The file is larger than 64 MB; that is not an export of this app.'),
  mode: z.enum(['replace', 'merge'], { error: 'Choose replace or merge.' }),
});

export const importResultSchema = z.object({
  mode: z.enum(['replace', 'merge']),
  timeEntriesAdded: z.number().int(),
  timeEntriesSkipped: z.number().int(),
  backup: backupSchema.nullable(),
});

export const backupRestoreInput = z.strictObject({
  id: z.string().regex(BACKUP_ID, 'That is not the name of a backup.'),
});
