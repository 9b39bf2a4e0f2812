// What a refused input says, in one place for every channel and for the import: one plain sentence
// per problem, about the thing the learner typed or chose, never a field path or zod's own wording.
// Each sentence is also kept under the field it concerns, so a form can show it next to that field.
// No Node or DOM imports.
import type { z } from 'zod';

/** The words for a field, by its name in the contract: "The start must be a number." */
const FIELD_WORDS: Record<string, string> = {
  itemId: 'the item',
  id: 'the entry',
  startedAt: 'the start',
  endedAt: 'the end',
  note: 'the note',
  notes: 'the notes',
  status: 'the status',
  entryIndex: 'the step',
  entryId: 'the milestone',
  ticked: 'the tick',
  included: 'the choice to include it',
  limit: 'the number of entries',
  from: 'the first day',
  to: 'the last day',
  content: 'the file',
  mode: 'the import mode',
  paper: 'the paper size',
  scores: 'the scores',
  learnerName: 'your name',
  planStartDate: 'the plan start date',
  targetDate: 'the target date',
  weeklyGoalHours: 'the weekly goal',
  streakMinMinutes: 'the streak minimum',
  theme: 'the theme',
  backupsToKeep: 'the number of backups to keep',
  idleMinutes: 'the idle time',
  studyReminderTime: 'the reminder time',
  studyReminderEnabled: 'the study reminder',
  overEstimateReminderEnabled: 'the over-estimate reminder',
  globalTimerShortcut: 'the global shortcut',
  focusWorkMinutes: 'the work interval',
  focusShortBreakMinutes: 'the short break',
  focusLongBreakMinutes: 'the long break',
  focusRoundsBeforeLongBreak: 'the number of work rounds',
  fields: 'the portfolio fields',
  links: 'the links',
  projectTitle: 'the project title',
  duration: 'the duration',
  technologiesUsed: 'the technologies used',
  problemStatement: 'the problem statement',
  solutionArchitecture: 'the solution architecture',
  keyChallenges: 'the key challenges',
  resultsImpact: 'the results and impact',
  lessonsLearned: 'the lessons learned',
  futureImprovements: 'the future improvements',
  githubRepository: 'the repository link',
  liveDemo: 'the live demo link',
  documentation: 'the documentation link',
  technical: 'the technical scores',
  mlops: 'the MLOps scores',
  innovation: 'the innovation scores',
  communication: 'the communication scores',
};

/** Fields whose words are plural: "The notes are missing." */
const PLURAL = new Set([
  'notes',
  'scores',
  'fields',
  'links',
  'technologiesUsed',
  'keyChallenges',
  'resultsImpact',
  'lessonsLearned',
  'futureImprovements',
  'technical',
  'mlops',
  'innovation',
  'communication',
]);
const lastName = (path: readonly PropertyKey[]) =>
  [...path].reverse().find((key): key is string => typeof key === 'string');

/** The longest a field name is quoted in a message: a hostile payload's 100,000-character key is cut, not echoed. */
const NAME_MAX = 40;
/** Room for the problems in one message; the ones that do not fit are counted, not listed. */
const PROBLEMS_MAX_CHARS = 360;

const shortName = (name: string) => (name.length > NAME_MAX ? `${name.slice(0, NAME_MAX)}…` : name);
/** A field name in quotes, escaped (newlines, quotes, lone surrogates) and cut to NAME_MAX. */
const quoted = (name: string) => JSON.stringify(shortName(name));
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The words for the field at `path`: its own name's words, or the name quoted. */
function fieldWords(path: readonly PropertyKey[]): string {
  const last = lastName(path);
  if (last === undefined) return path.length ? 'a value' : 'the request';
  return FIELD_WORDS[last] ?? `the field ${quoted(last)}`;
}

/** The value at `path` inside `input`, own properties only; undefined when any step is missing. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.prototype.hasOwnProperty.call(value, key))
      return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const kinds: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'yes or no',
  object: 'a group of fields',
  array: 'a list',
};

/**
 * One sentence for one issue. The schemas' own messages are sentences already and end with a full
 * stop; zod's defaults never do ("Too small: expected number to be >=1"), and are rewritten from the
 * issue's code (test/unit/validation.test.ts holds zod to that).
 */
export function issueSentence(issue: z.core.$ZodIssue, input?: unknown): string {
  const path = issue.path;
  const what = fieldWords(path);
  if (issue.code === 'unrecognized_keys') {
    const names = issue.keys.slice(0, 3).map(quoted).join(', ');
    const more = issue.keys.length > 3 ? ` and ${issue.keys.length - 3} more` : '';
    return issue.keys.length > 1
      ? `There are unexpected fields ${names}${more}.`
      : `There is an unexpected field ${names}.`;
  }
  const is = PLURAL.has(lastName(path) ?? '') ? 'are' : 'is';
  if (issue.code === 'invalid_type' && valueAt(input, path) === undefined && path.length > 0)
    return `${capitalised(what)} ${is} missing.`;
  if (issue.message.endsWith('.')) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return path.length
        ? `${capitalised(what)} must be ${kinds[issue.expected] ?? 'something else'}.`
        : 'The request must be a group of fields.';
    case 'too_small':
    case 'too_big': {
      const bound = String(issue.code === 'too_small' ? issue.minimum : issue.maximum);
      const inclusive = issue.inclusive !== false;
      const side =
        issue.code === 'too_small' ? (inclusive ? 'at least' : 'more than') : inclusive ? 'at most' : 'less than';
      if (issue.origin === 'string') return `${capitalised(what)} can be ${side} ${bound} characters long.`;
      if (issue.origin === 'array') return `${capitalised(what)} can hold ${side} ${bound}.`;
      return `${capitalised(what)} must be ${side} ${bound}.`;
    }
    case 'invalid_value':
      return `${capitalised(what)} must be one of: ${issue.values.map((v) => String(v)).join(', ')}.`;
    default:
      return `${capitalised(what)} ${is} not valid.`;
  }
}

/** The key a field's message is kept under: its path, "endedAt" or "links.githubRepository". */
const fieldKey = (path: readonly PropertyKey[]) => path.map((key) => shortName(String(key))).join('.');

export interface InputProblems {
  /** The sentences, at most 5 and about 360 characters; the rest are counted. */
  message: string;
  /** The first sentence for each field that has one; "" for the input as a whole. */
  fields: Record<string, string>;
}

/** Every problem of a refused input as sentences, and each field's own. */
export function describeIssues(error: z.ZodError, input?: unknown): InputProblems {
  const sentences: string[] = [];
  const fields: Record<string, string> = {};
  let length = 0;
  let untold = 0;
  for (const issue of error.issues) {
    const sentence = issueSentence(issue, input);
    const key = fieldKey(issue.path);
    if (!(key in fields) && Object.keys(fields).length < 20) fields[key] = sentence;
    if (sentences.includes(sentence)) continue;
    if (sentences.length === 5 || (sentences.length > 0 && length + sentence.length > PROBLEMS_MAX_CHARS)) untold++;
    else {
      sentences.push(sentence);
      length += sentence.length + 1;
    }
  }
  const more = untold > 0 ? ` ${untold} more problem${untold > 1 ? 's were' : ' was'} found.` : '';
  return { message: `${sentences.join(' ')}${more}`, fields };
}

/** A sentence put after words that introduce it: "in time entry 1, the end must be …". */
export const continuing = (sentence: string) => sentence.charAt(0).toLowerCase() + sentence.slice(1);
