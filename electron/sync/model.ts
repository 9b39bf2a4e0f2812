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

const SYNCED_TABLES = [
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

/**
 * A row's registers as sync_registers keeps them: one clock and every field's value when all its
 * registers hold that clock (most rows: written by one change), otherwise a clock per field.
 */
export type StoredRegisters = [string, Record<string, Value>] | RowState;

/** A field's value, in either form. */
export const storedValue = (registers: StoredRegisters, field: string): Value | undefined =>
  Array.isArray(registers) ? registers[1][field] : registers[field]?.[0];

/** A clock per field, from either form. */
export function registersOf(registers: StoredRegisters): RowState {
  if (!Array.isArray(registers)) return registers;
  const [clock, values] = registers;
  const state: RowState = {};
  for (const field in values) state[field] = [values[field]!, clock];
  return state;
}

export const EXISTS = '_exists';

/** The latest time a JavaScript Date can hold. */
const MAX_INSTANT = 8_640_000_000_000_000;
const ITEM_ID = /^\d{1,2}\.\d{1,2}$/;
const UID = /^[0-9a-f]{8,64}$/;
const instant = z.number().int().min(0).max(MAX_INSTANT);
const itemId = z.string().regex(ITEM_ID);
const uid = z.string().regex(UID);
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
      // Start and end are one register: two machines moving one end each must not make a span that
      // ends before it starts.
      span: z.tuple([instant, instant]).refine(([start, end]) => end > start),
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

/** Each table's fields checked together: one zod pass per line. */
const FIELD_SETS = Object.fromEntries(
  SYNCED_TABLES.map((table) => [
    table,
    z.strictObject(
      Object.fromEntries(
        [...Object.entries(TABLES[table].fields), [EXISTS, flag] as const].map(([f, schema]) => [f, schema.optional()]),
      ),
    ),
  ]),
) as unknown as Record<SyncedTable, z.ZodType>;

const isTable = (table: string): table is SyncedTable => (SYNCED_TABLES as readonly string[]).includes(table);

/** A segment line of each table, checked whole in one zod pass (portfolio fields, by name, after). */
const CHANGE_LINES = Object.fromEntries(
  SYNCED_TABLES.map((table) => [
    table,
    z.strictObject({
      t: z.literal(table),
      k: TABLES[table].key,
      h: z.string().regex(HLC_PATTERN),
      f: table === 'portfolio_entries' ? z.record(z.string().max(80), z.unknown()) : FIELD_SETS[table],
    }),
  ]),
) as unknown as Record<SyncedTable, z.ZodType>;

/** A snapshot line of each table, likewise: every register a value and a clock. */
const STATE_LINES = Object.fromEntries(
  SYNCED_TABLES.map((table) => [
    table,
    z.strictObject({
      t: z.literal(table),
      k: TABLES[table].key,
      s:
        table === 'portfolio_entries'
          ? z.record(z.string().max(80), z.tuple([z.unknown(), z.string().regex(HLC_PATTERN)]))
          : z.strictObject(
              Object.fromEntries(
                [...Object.entries(TABLES[table].fields), [EXISTS, flag] as const].map(([f, schema]) => [
                  f,
                  z.tuple([schema, z.string().regex(HLC_PATTERN)]).optional(),
                ]),
              ),
            ),
    }),
  ]),
) as unknown as Record<SyncedTable, z.ZodType>;

/** Why a snapshot line (parsed JSON) cannot be taken, or null when it can. */
export function checkStateLine(line: unknown): string | null {
  const table = (line as { t?: unknown } | null)?.t;
  if (typeof table !== 'string' || !isTable(table)) return 'a line that is not a record this app writes';
  const result = STATE_LINES[table].safeParse(line);
  if (!result.success) {
    const where = result.error.issues[0]?.path.join('.') ?? '';
    return `a line that is not a record this app writes (${where.slice(0, 60) || 'its shape'})`;
  }
  if (table === 'portfolio_entries' || table === 'settings') {
    const { k, s } = line as { k: string; s: Record<string, [unknown, string]> };
    return checkFields(table, k, Object.fromEntries(Object.entries(s).map(([f, [v]]) => [f, v])));
  }
  return null;
}

const isInstant = (v: unknown) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= MAX_INSTANT;

/**
 * A time entry's change line checked by hand: the line nearly every large sync is made of, where
 * zod took three quarters of the time spent reading. True only for lines CHANGE_LINES.time_entries
 * takes too (the same keys, patterns and limits); anything else, valid or not, goes to zod, which
 * decides and words the reason (test/unit/sync-lines.test.ts).
 */
function isPlainEntryChange(line: unknown): boolean {
  if (typeof line !== 'object' || line === null) return false;
  const l = line as Record<string, unknown>;
  if (l.t !== 'time_entries' || typeof l.k !== 'string' || typeof l.h !== 'string') return false;
  const f = l.f as Record<string, unknown> | null;
  if (typeof f !== 'object' || f === null || Array.isArray(f) || Object.keys(l).length !== 4) return false;
  if (!UID.test(l.k) || !HLC_PATTERN.test(l.h)) return false;
  for (const field of Object.keys(f)) {
    const v = f[field];
    switch (field) {
      case EXISTS:
        if (v !== 0 && v !== 1) return false;
        break;
      case 'item_id':
        if (typeof v !== 'string' || !ITEM_ID.test(v)) return false;
        break;
      case 'span':
        if (!Array.isArray(v) || v.length !== 2 || !isInstant(v[0]) || !isInstant(v[1]) || !(v[1] > v[0])) return false;
        break;
      case 'note':
        if (typeof v !== 'string' || v.length > NOTE_MAX) return false;
        break;
      case 'source':
        if (v !== 'timer' && v !== 'manual') return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** Why a segment line (parsed JSON) cannot be taken, or null when it can. */
export function checkChangeLine(line: unknown): string | null {
  if (isPlainEntryChange(line)) return null;
  const table = (line as { t?: unknown } | null)?.t;
  if (typeof table !== 'string' || !isTable(table)) return 'a line that is not a change this app writes';
  const result = CHANGE_LINES[table].safeParse(line);
  if (!result.success) {
    const where = result.error.issues[0]?.path.join('.') ?? '';
    return `a line that is not a change this app writes (${where.slice(0, 60) || 'its shape'})`;
  }
  const { k, f } = line as { k: string; f: Record<string, unknown> };
  if (table === 'portfolio_entries' || table === 'settings') return checkFields(table, k, f);
  return null;
}

/** Why a row's fields from the folder cannot be taken, or null when they can. */
function checkFields(table: string, key: string, fields: Record<string, unknown>): string | null {
  if (!isTable(table)) return `an unknown kind of record "${table.slice(0, 40)}"`;
  if (!TABLES[table].key.safeParse(key).success) return 'a record name that is not valid';
  if (table === 'portfolio_entries') {
    for (const [field, value] of Object.entries(fields)) {
      const schema = subfieldName.test(field)
        ? portfolioSubfield
        : field === EXISTS
          ? flag
          : TABLES[table].fields[field];
      if (!schema) return `an unknown field "${field.slice(0, 40)}"`;
      if (!schema.safeParse(value).success) return `a value for "${field}" that is not valid`;
    }
    return null;
  }
  const result = FIELD_SETS[table].safeParse(fields);
  if (!result.success) {
    const field = String(result.error.issues[0]?.path[0] ?? result.error.issues[0]?.message ?? '');
    return `a value for "${field.slice(0, 40)}" that is not valid`;
  }
  if (table === 'settings' && fields.value !== undefined) {
    const known = settingsFields[key as keyof typeof settingsFields];
    if (known && !known.safeParse(JSON.parse((fields.value as [string])[0])).success)
      return `a value for the setting "${key}" that is not valid`;
  }
  return null;
}

/**
 * A row's JSON image (the triggers' and sync_rows' json_object) as fields; null, a deleted row.
 * Portfolio fields and links are one register each, so two machines editing two different fields
 * of one portfolio entry both keep their text; an entry's start and end are one ("span").
 */
export function fieldsOf(table: SyncedTable, image: Record<string, Value> | null): Record<string, Value> {
  if (image === null) return { [EXISTS]: 0 };
  const out: Record<string, Value> = { [EXISTS]: 1 };
  for (const [field, value] of Object.entries(image)) {
    if (table === 'time_entries' && field === 'started_at') out.span = [value, image.ended_at ?? null];
    else if (table === 'time_entries' && field === 'ended_at') continue;
    else if (table === 'portfolio_entries' && (field === 'fields' || field === 'links')) {
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
