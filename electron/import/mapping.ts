// The mapping step, pure: rows grouped the way a learner tracked them (project and task, and within
// them the rows whose description names an item), an item proposed for each group from the
// curriculum's ids and titles, and the plan that follows from the learner's choices: what is added,
// what the logbook already holds, what is left out. No SQL: the logbook's spans come in as a set.
import type { Curriculum } from '../../shared/curriculum';
import type { ImportGroup } from '../../shared/schemas/imports';
import type { ImportedRow } from './types';

export interface ItemMatch {
  itemId: string;
  /** "4.1", or the title as the curriculum writes it: said back to the learner. */
  found: string;
}

const normalise = (text: string) =>
  ` ${text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9.]+/g, ' ')
    .trim()} `;

/**
 * Finds the item a text names: an id like "4.1" (not part of "4.1.2" or "14.1"), else the longest
 * curriculum title it contains ("model api service"). Null when it names none, or two ids.
 */
function makeItemMatcher(curriculum: Curriculum): (text: string) => ItemMatch | null {
  const ids = new Set(curriculum.items.map((i) => i.id));
  const titles = curriculum.items
    .map((i) => ({ itemId: i.id, found: i.title, needle: normalise(i.title) }))
    .sort((a, b) => b.needle.length - a.needle.length);
  const cache = new Map<string, ItemMatch | null>();
  return (text) => {
    const cached = cache.get(text);
    if (cached !== undefined) return cached;
    let match: ItemMatch | null = null;
    const named = new Set<string>();
    for (const m of text.matchAll(/(?<![\d.])(\d{1,2}\.\d{1,2})(?![\d]|\.\d)/g)) if (ids.has(m[1]!)) named.add(m[1]!);
    if (named.size === 1) {
      const id = [...named][0]!;
      match = { itemId: id, found: id };
    } else if (named.size === 0) {
      const hay = normalise(text);
      const title = titles.find((t) => hay.includes(t.needle));
      if (title) match = { itemId: title.itemId, found: title.found };
    }
    cache.set(text, match);
    return match;
  };
}

const SEP = '\u241f';

interface GroupDraft extends ImportGroup {
  rowIndexes: number[];
}

/** The spans already in the logbook, as `spanKey`s. */
export const spanKey = (itemId: string, startedAt: number, endedAt: number) => `${itemId}|${startedAt}|${endedAt}`;

export interface ImportPlan {
  groups: ImportGroup[];
  /** The rows to write, in file order, with the item each goes to. */
  toAdd: { row: ImportedRow; itemId: string }[];
  alreadyLogged: number;
  leftOut: number;
}

/**
 * Groups the rows, proposes an item per group, applies the learner's choices (`chosen`: group key →
 * item id, or null to leave it out) and sorts each row into added / already logged / left out. A
 * row whose span the logbook (or an earlier row of this file) already has on the same item is not
 * added twice, so importing the same report again adds nothing.
 */
export function planImport(
  rows: readonly ImportedRow[],
  curriculum: Curriculum,
  logged: ReadonlySet<string>,
  chosen: ReadonlyMap<string, string | null> = new Map(),
): ImportPlan {
  const match = makeItemMatcher(curriculum);
  const drafts = new Map<string, GroupDraft>();
  rows.forEach((row, index) => {
    const byTask = row.task ? match(row.task) : null;
    const byDescription = byTask ? null : row.description ? match(row.description) : null;
    const key = [row.project, row.task, byDescription?.itemId ?? ''].join(SEP);
    let group = drafts.get(key);
    if (!group) {
      const byProject = row.project ? match(row.project) : null;
      const proposal = byTask
        ? { ...byTask, because: `the task names ${byTask.found}` }
        : byDescription
          ? { ...byDescription, because: `their descriptions name ${byDescription.found}` }
          : byProject
            ? { ...byProject, because: `the project names ${byProject.found}` }
            : null;
      const itemId = chosen.has(key) ? chosen.get(key)! : (proposal?.itemId ?? null);
      group = {
        key,
        project: row.project,
        task: row.task,
        describedItemId: byDescription?.itemId ?? null,
        rows: 0,
        ms: 0,
        proposedItemId: proposal?.itemId ?? null,
        proposedBecause: proposal?.because ?? null,
        itemId,
        toAdd: 0,
        toAddMs: 0,
        alreadyLogged: 0,
        rowIndexes: [],
      };
      drafts.set(key, group);
    }
    group.rows++;
    group.ms += row.durationMs;
    group.rowIndexes.push(index);
  });

  const seen = new Set(logged);
  const toAdd: ImportPlan['toAdd'] = [];
  let alreadyLogged = 0;
  let leftOut = 0;
  // File order, so the first of two identical rows is the one added.
  const groupOf = new Array<GroupDraft>(rows.length);
  for (const group of drafts.values()) for (const i of group.rowIndexes) groupOf[i] = group;
  rows.forEach((row, i) => {
    const group = groupOf[i]!;
    if (group.itemId === null) {
      leftOut++;
      return;
    }
    const key = spanKey(group.itemId, row.startedAt, row.endedAt);
    if (seen.has(key)) {
      group.alreadyLogged++;
      alreadyLogged++;
      return;
    }
    seen.add(key);
    group.toAdd++;
    group.toAddMs += row.durationMs;
    toAdd.push({ row, itemId: group.itemId });
  });

  // Most hours first: the groups that matter most are at the top of the mapping screen.
  const groups = [...drafts.values()]
    .sort((a, b) => b.ms - a.ms || a.key.localeCompare(b.key))
    .map(({ rowIndexes: _rows, ...group }) => group);
  return { groups, toAdd, alreadyLogged, leftOut };
}
