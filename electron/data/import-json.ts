// Importing a JSON export. The whole file is parsed and validated here before anything is written,
// then applied in one transaction (applyImport in electron/store/logbook.ts): on any failure the database is exactly as it was.
//   replace: the file becomes the learner's data (settings included).
//   merge:   the file's records are added to what is here; an entry already present (same item,
//            start and end) is never added twice; local statuses, notes and settings win, except
//            where the local record is still empty or a setting is only the app's default (a new
//            app's plan start is the day it was opened, not the learner's choice).
import { itemById, type Curriculum } from '../../shared/curriculum';
import { AppError } from '../../shared/errors';
import {
  EXPORT_FORMAT_VERSION,
  exportFileSchema,
  exportHeaderSchema,
  type ExportFile,
} from '../../shared/export-format';
import { continuing, issueSentence } from '../../shared/validation';

/** Where in an export a problem is, as a learner would say it: "time entry 3", "the settings". */
function placeInFile(path: readonly PropertyKey[]): string {
  const [top, section, index] = path;
  if (top !== 'data') return "the file's header";
  const nth = typeof index === 'number' ? ` ${index + 1}` : 's';
  switch (section) {
    case 'settings':
      return 'the settings';
    case 'items':
      return `item record${nth}`;
    case 'timeEntries':
      return `time entry${nth}`;
    case 'runningTimer':
      return 'the running timer';
    case 'portfolio':
      return `portfolio entry${nth}`;
    case 'assessments':
      return `self-assessment${nth}`;
    case 'milestoneTicks':
      return `milestone tick${nth}`;
    default:
      return 'the data';
  }
}

/** Parses and validates the file, or throws an AppError saying in plain words what is wrong. */
export function parseExportFile(content: string, curriculum: Curriculum): ExportFile {
  let raw: unknown;
  try {
    raw = JSON.parse(content);
  } catch {
    throw new AppError(
      'INVALID_INPUT',
      'This file is not a study-companion export: it is not valid JSON. Nothing was imported.',
    );
  }
  const header = exportHeaderSchema.safeParse(raw);
  if (!header.success)
    throw new AppError('INVALID_INPUT', 'This file is not an MLOps Study Companion export. Nothing was imported.');
  if (header.data.formatVersion > EXPORT_FORMAT_VERSION) {
    throw new AppError(
      'INVALID_INPUT',
      `This export was made by a newer version of the app (format ${header.data.formatVersion}; this app reads up to ${EXPORT_FORMAT_VERSION}). Update the app to import it. Nothing was imported.`,
    );
  }
  const parsed = exportFileSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    const others = parsed.error.issues.length - 1;
    const more = others > 0 ? ` ${others} more problem${others > 1 ? 's were' : ' was'} found.` : '';
    throw new AppError(
      'INVALID_INPUT',
      `This export is damaged or was edited by hand: in ${placeInFile(first.path)}, ${continuing(issueSentence(first, raw))}${more} Nothing was imported.`,
    );
  }
  const known = new Set(curriculum.items.map((i) => i.id));
  const d = parsed.data.data;
  const unknown = [
    ...d.items,
    ...d.timeEntries,
    ...d.portfolio,
    ...d.assessments,
    ...(d.runningTimer ? [d.runningTimer] : []),
  ]
    .map((r) => r.itemId)
    .find((id) => !known.has(id));
  if (unknown)
    throw new AppError(
      'INVALID_INPUT',
      `This export names item "${unknown}", which is not in the curriculum. Nothing was imported.`,
    );
  const milestoneIds = new Set(curriculum.milestones.flatMap((m) => m.entries.map((e) => e.id)));
  const badMilestone = d.milestoneTicks.find((t) => !milestoneIds.has(t.entryId));
  if (badMilestone)
    throw new AppError(
      'INVALID_INPUT',
      `This export names milestone "${badMilestone.entryId}", which does not exist. Nothing was imported.`,
    );
  for (const item of d.items) {
    const size = itemById(curriculum.items, item.itemId)!.list.entries.length;
    if (item.tickedEntries.some((t) => t >= size))
      throw new AppError(
        'INVALID_INPUT',
        `This export ticks a list entry of ${item.itemId} that does not exist. Nothing was imported.`,
      );
  }
  return parsed.data;
}
