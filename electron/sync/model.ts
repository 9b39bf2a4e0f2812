// What syncs and how it merges: the synced tables, each field's rule for a valid value (the folder is
// untrusted input), a row's JSON image turned into fields, and the last-writer-wins comparison.
// docs/sync.md has the rules in words.
import { z } from 'zod';
import { itemStatuses } from '../../shared/schemas/items';
import { assessmentScoresSchema } from '../../shared/schemas/assessment';
import { settingsFields } from '../../shared/schemas/settings';
import { NOTE_MAX } from '../../shared/schemas/time';
import { LOCAL_SETTINGS } from '../db/migrations/005-sync';
import { HLC_PATTERN } from './hlc';

export const SYNCED_TABLES = [
  'time_entries',
  'item_progress',
  'list_ticks',
  'portfolio_entries',
  'self_assessments',
  'milestone_ticks',
  'settings',
] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number];

/** A field's value as JSON has it: what a register holds. */
export type Value = string | number | boolean | null | Value[] | { [k: string]: Value };
/** A register: the value and the clock of the change that set it. */
export type Register = [Value, string];
/** Every register of one row, "_exists" (1, or 0 for a tombstone) among them. */
export type RowState = Record<string, Register>;

export const EXISTS = '_exists';

const instant = z.number().int().min(0).max(8_640_000_000_000_000);
const itemId = z.string().regex(/^\d{1,2}\.\d{1,2}$/);
const uid = z.string().regex(/^[0-9a-f]{8,64}$/);
const text = (max: number) => z.string().max(max);
const flag = z.union([z.literal(0), z.literal(1)]);
const subfieldName = /^(fields|links)\.[A-Za-z][A-Za-z0-9_]{0,63}$/;
const localSettings = new Set<string>(LOCAL_SETTINGS);

const settingValue = z.tuple([text(10_000), z.enum(['app', 'learner'])]).refine(([json]) => {
  try {
    JSON.parse(json);
    return true;
  } catch {
    return false;
  }
});

/** Each table: how its keys look, and each field's valid values. */
const TABLES: Record<SyncedTable, { key: z.ZodType; fields: Record<string, z.ZodType> }> = {
  time_entries: {
    key: uid,
    fields: {
      item_id: itemId,
      started_at: instant,
      ended_at: instant,
      note: text(NOTE_MAX),
      source: z.enum(['timer', 'manual']),
    },
  },
  item_progress: {
    key: itemId,
    fields: {
      status: z.tuple([z.enum(itemStatuses), flag, instant.nullable()]),
      notes: text(100_000),
    },
  },
  list_ticks: {
    key: z.string().refine((k) => {
      try {
        return z.tuple([itemId, z.number().int().min(0).max(10_000)]).safeParse(JSON.parse(k)).success;
      } catch {
        return false;
      }
    }),
    fields: { ticked_at: instant },
  },
  portfolio_entries: { key: itemId, fields: { included: flag } },
  self_assessments: {
    key: uid,
    fields: {
      item_id: itemId,
      scores: assessmentScoresSchema,
      weighted_total: z.number().min(0).max(100),
      assessed_at: instant,
    },
  },
  milestone_ticks: { key: z.string().min(1).max(200), fields: { ticked_at: instant } },
  settings: {
    key: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/)
      .refine((k) => !localSettings.has(k)),
    fields: { value: settingValue },
  },
};

const portfolioSubfield = text(20_000).nullable();

/** Why a change from the folder cannot be taken, or null when it can. */
export function checkChange(table: string, key: string, field: string, value: unknown): string | null {
  const spec = TABLES[table as SyncedTable];
  if (!spec || !(SYNCED_TABLES as readonly string[]).includes(table))
    return `an unknown kind of record "${table.slice(0, 40)}"`;
  if (!spec.key.safeParse(key).success) return `a record name that is not valid`;
  if (field === EXISTS) return flag.safeParse(value).success ? null : 'a deletion mark that is not 0 or 1';
  const schema = table === 'portfolio_entries' && subfieldName.test(field) ? portfolioSubfield : spec.fields[field];
  if (!schema) return `an unknown field "${field.slice(0, 40)}"`;
  if (!schema.safeParse(value).success) return `a value for "${field}" that is not valid`;
  if (table === 'settings') {
    const known = settingsFields[key as keyof typeof settingsFields];
    if (known && !known.safeParse(JSON.parse((value as [string])[0])).success)
      return `a value for the setting "${key}" that is not valid`;
  }
  return null;
}

export const hlcSchema = z.string().regex(HLC_PATTERN);

/**
 * A row's JSON image (the triggers' and sync_rows' json_object) as fields; null, a deleted row.
 * Portfolio fields and links are one register each, so two machines editing two different fields
 * of one portfolio entry both keep their text.
 */
export function fieldsOf(table: SyncedTable, image: Record<string, Value> | null): Record<string, Value> {
  if (image === null) return { [EXISTS]: 0 };
  const out: Record<string, Value> = { [EXISTS]: 1 };
  for (const [field, value] of Object.entries(image)) {
    if (table === 'portfolio_entries' && (field === 'fields' || field === 'links')) {
      for (const [name, text] of Object.entries((value ?? {}) as Record<string, Value>)) out[`${field}.${name}`] = text;
    } else out[field] = value;
  }
  return out;
}

/** Fields of a row the image no longer has (a portfolio field emptied): null now. */
export function droppedFields(table: SyncedTable, state: RowState, fields: Record<string, Value>): string[] {
  if (table !== 'portfolio_entries' || fields[EXISTS] === 0) return [];
  return Object.keys(state).filter((f) => subfieldName.test(f) && !(f in fields) && state[f]![0] !== null);
}

/**
 * Whether `incoming` replaces `current` in a register: the later clock wins. One exception, for the
 * settings the app fills in by itself (set_by 'app', the plan start pinned to the first day the app
 * was opened): a learner's choice beats any default, and of two defaults the earlier one stays, so
 * a second machine installed weeks later does not move the plan start.
 */
export function wins(table: SyncedTable, field: string, incoming: Register, current: Register | undefined): boolean {
  if (!current) return true;
  if (incoming[1] === current[1]) return false;
  if (table === 'settings' && field === 'value') {
    const rank = (r: Register) => ((r[0] as [string, string])[1] === 'learner' ? 1 : 0);
    const a = rank(incoming);
    const b = rank(current);
    if (a !== b) return a > b;
    if (a === 0) return incoming[1] < current[1];
  }
  return incoming[1] > current[1];
}

/** JSON equality for the values registers hold (their JSON text is canonical enough: same writer code). */
export const sameValue = (a: Value | undefined, b: Value | undefined) => JSON.stringify(a) === JSON.stringify(b);
