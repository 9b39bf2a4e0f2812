// Everything the learner made, as one versioned JSON document (see shared/export-format.ts).
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, type ExportFile } from '../../shared/export-format';
import type { AssessmentScores } from '../../shared/schemas/assessment';
import type { ItemStatus } from '../../shared/schemas/items';
import type { Db } from '../db/open';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';

export const APP_VERSION = '0.1.0';

const parse = <T>(json: string, fallback: T): T => {
  try {
    return JSON.parse(json) as T;
  } catch {
    return fallback;
  }
};

export function exportEverything(db: Db, now: number): ExportFile {
  const ticks = new Map<string, number[]>();
  for (const t of db.prepare('SELECT item_id, entry_index FROM list_ticks ORDER BY item_id, entry_index').all() as { item_id: string; entry_index: number }[]) {
    ticks.set(t.item_id, [...(ticks.get(t.item_id) ?? []), t.entry_index]);
  }
  const progress = db.prepare('SELECT item_id, status, notes FROM item_progress ORDER BY item_id').all() as { item_id: string; status: ItemStatus; notes: string }[];
  const itemIds = new Set([...progress.map((p) => p.item_id), ...ticks.keys()]);
  const statusOf = new Map(progress.map((p) => [p.item_id, p]));
  const timer = db.prepare('SELECT item_id, started_at, note FROM running_timer WHERE id = 1').get() as
    | { item_id: string; started_at: number; note: string }
    | undefined;
  return {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    appVersion: APP_VERSION,
    schemaVersion: LATEST_SCHEMA_VERSION,
    exportedAt: new Date(now).toISOString(),
    data: {
      settings: Object.fromEntries(
        (db.prepare('SELECT key, value FROM settings ORDER BY key').all() as { key: string; value: string }[]).map((r) => [r.key, parse(r.value, null)]),
      ),
      items: [...itemIds].sort().map((itemId) => ({
        itemId,
        status: statusOf.get(itemId)?.status ?? 'not_started',
        notes: statusOf.get(itemId)?.notes ?? '',
        tickedEntries: ticks.get(itemId) ?? [],
      })),
      timeEntries: (
        db.prepare('SELECT item_id, started_at, ended_at, note, source FROM time_entries ORDER BY started_at, id').all() as {
          item_id: string;
          started_at: number;
          ended_at: number;
          note: string;
          source: 'timer' | 'manual';
        }[]
      ).map((e) => ({ itemId: e.item_id, startedAt: e.started_at, endedAt: e.ended_at, note: e.note, source: e.source })),
      runningTimer: timer ? { itemId: timer.item_id, startedAt: timer.started_at, note: timer.note } : null,
      portfolio: (
        db.prepare('SELECT item_id, included, fields, links FROM portfolio_entries ORDER BY item_id').all() as {
          item_id: string;
          included: number;
          fields: string;
          links: string;
        }[]
      ).map((p) => ({ itemId: p.item_id, included: p.included === 1, fields: parse(p.fields, {}), links: parse(p.links, {}) })),
      assessments: (
        db.prepare('SELECT item_id, scores, assessed_at FROM self_assessments ORDER BY assessed_at, id').all() as {
          item_id: string;
          scores: string;
          assessed_at: number;
        }[]
      ).map((a) => ({ itemId: a.item_id, assessedAt: a.assessed_at, scores: parse(a.scores, {} as AssessmentScores) })),
      milestoneTicks: (db.prepare('SELECT entry_id, ticked_at FROM milestone_ticks ORDER BY entry_id').all() as { entry_id: string; ticked_at: number }[]).map(
        (m) => ({ entryId: m.entry_id, tickedAt: m.ticked_at }),
      ),
    },
  };
}
