// Super Productivity's backup (the data export in its settings, a JSON file). It keeps no
// start and end per session, only each task's milliseconds per local day (`timeSpentOnDay`), so a
// row here is one task's total for one day. Fields and where they were found: docs/import-formats.md.
import { refusalReason } from './checks';
import { localTimeZone, parseDate, zonedToEpoch } from './datetime';
import type { ImportedRow, ParseOptions, ParsedReport, RowRefusal } from './types';

/** The few task fields read; the backup holds many more. */
interface SpTask {
  id: string;
  title: string;
  projectId: string | null;
  parentId: string | null;
  subTaskIds: string[];
  timeSpentOnDay: Record<string, unknown>;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Current backups wrap the state in `data`; older ones (before v10 or so) put it at the top. */
function stateOf(root: unknown): Json | null {
  if (!isObject(root)) return null;
  return isObject(root.data) ? root.data : root;
}

/** An NgRx entity table's `entities`, or {} when absent. */
function entitiesOf(table: unknown): Json {
  return isObject(table) && isObject(table.entities) ? table.entities : {};
}

/** True when the JSON is a Super Productivity backup: a task table, and projects or an archive. */
export function looksLikeSuperProductivity(root: unknown): boolean {
  const state = stateOf(root);
  if (!state || !isObject(state.task) || !isObject(state.task.entities)) return false;
  return isObject(state.project) || isObject(state.archiveYoung) || isObject(state.taskArchive);
}

/** A task entity narrowed to the fields used, or null when it lacks them. */
function asTask(value: unknown): SpTask | null {
  if (!isObject(value) || typeof value.id !== 'string' || !isObject(value.timeSpentOnDay)) return null;
  return {
    id: value.id,
    title: typeof value.title === 'string' ? value.title : '',
    projectId: typeof value.projectId === 'string' ? value.projectId : null,
    parentId: typeof value.parentId === 'string' ? value.parentId : null,
    subTaskIds: Array.isArray(value.subTaskIds) ? value.subTaskIds.filter((s) => typeof s === 'string') : [],
    timeSpentOnDay: value.timeSpentOnDay,
  };
}

/**
 * Every task, open and archived: the open table, the young and old archives (current versions)
 * and `taskArchive` (older backups). Ids are unique across them; the first copy wins.
 */
function allTasks(state: Json): Map<string, SpTask> {
  const tables = [
    state.task,
    isObject(state.archiveYoung) ? state.archiveYoung.task : undefined,
    isObject(state.archiveOld) ? state.archiveOld.task : undefined,
    state.taskArchive,
  ];
  const tasks = new Map<string, SpTask>();
  for (const table of tables) {
    for (const value of Object.values(entitiesOf(table))) {
      const task = asTask(value);
      if (task && !tasks.has(task.id)) tasks.set(task.id, task);
    }
  }
  return tasks;
}

/** Project titles by id. */
function projectTitles(state: Json): Map<string, string> {
  const titles = new Map<string, string>();
  for (const value of Object.values(entitiesOf(state.project))) {
    if (isObject(value) && typeof value.id === 'string' && typeof value.title === 'string') {
      titles.set(value.id, value.title);
    }
  }
  return titles;
}

/** Names for a task: a subtask is filed under its parent, with its own title as the description. */
function namesOf(task: SpTask, tasks: Map<string, SpTask>, projects: Map<string, string>) {
  const parent = task.parentId ? tasks.get(task.parentId) : undefined;
  const projectId = task.projectId ?? parent?.projectId ?? null;
  return {
    project: projectId ? (projects.get(projectId) ?? '') : '',
    task: parent ? parent.title : task.title,
    description: parent ? task.title : '',
  };
}

/** Reads a Super Productivity backup already parsed from JSON. */
export function parseSuperProductivity(root: unknown, options: ParseOptions): ParsedReport {
  const state = stateOf(root) ?? {};
  const tasks = allTasks(state);
  const projects = projectTitles(state);
  const timeZone = options.timeZone ?? localTimeZone();
  const rows: ImportedRow[] = [];
  const refusals: RowRefusal[] = [];
  let sourceRow = 0;
  for (const task of tasks.values()) {
    // A parent's timeSpentOnDay is the sum of its subtasks' (the app adds it up): counting both
    // would import the same hours twice, so only tasks without subtasks are read.
    if (task.subTaskIds.length > 0) continue;
    const names = namesOf(task, tasks, projects);
    for (const [day, spent] of Object.entries(task.timeSpentOnDay).sort(([a], [b]) => a.localeCompare(b))) {
      if (spent === 0) continue; // The app leaves zero entries behind after edits: nothing was tracked.
      sourceRow += 1;
      const label = `"${names.task}${names.description ? ` / ${names.description}` : ''}" on ${day}`;
      const date = parseDate(day, 'dmy');
      if (!date || typeof spent !== 'number' || !Number.isFinite(spent)) {
        refusals.push({ sourceRow, reason: `The time of ${label} is left out: its day or duration cannot be read.` });
        continue;
      }
      const startedAt = zonedToEpoch(date, { hour: 0, minute: 0, second: 0 }, timeZone);
      const row: ImportedRow = {
        ...names,
        startedAt,
        endedAt: startedAt + spent,
        durationMs: spent,
        sourceRow,
        dayTotalOnly: true,
      };
      const reason = refusalReason(row, options.now);
      if (reason === null) rows.push(row);
      else refusals.push({ sourceRow, reason: `The time of ${label} is left out: ${reason}.` });
    }
  }
  return { format: 'super-productivity', rows, refusals, dateOrder: 'dmy', dateOrderCertain: true };
}
