// Everything the learner made, as one versioned JSON document (see shared/export-format.ts).
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, type ExportFile } from '../../shared/export-format';
import type { AssessmentScores } from '../../shared/schemas/assessment';
import type { Db } from '../db/open';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { readLogbook } from '../store/logbook';

const APP_VERSION = '0.1.0';

const parse = <T>(json: string, fallback: T): T => {
  try {
    return JSON.parse(json) as T;
  } catch {
    return fallback;
  }
};

export function exportEverything(db: Db, now: number): ExportFile {
  const rows = readLogbook(db);
  const ticks = new Map<string, number[]>();
  for (const t of rows.ticks) ticks.set(t.item_id, [...(ticks.get(t.item_id) ?? []), t.entry_index]);
  const itemIds = new Set([...rows.progress.map((p) => p.item_id), ...ticks.keys()]);
  const statusOf = new Map(rows.progress.map((p) => [p.item_id, p]));
  const timer = rows.timer;
  return {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    appVersion: APP_VERSION,
    schemaVersion: LATEST_SCHEMA_VERSION,
    exportedAt: new Date(now).toISOString(),
    data: {
      settings: Object.fromEntries(rows.settings.map((r) => [r.key, parse(r.value, null)])),
      items: [...itemIds].sort().map((itemId) => ({
        itemId,
        status: statusOf.get(itemId)?.status ?? 'not_started',
        notes: statusOf.get(itemId)?.notes ?? '',
        tickedEntries: ticks.get(itemId) ?? [],
      })),
      timeEntries: rows.timeEntries.map((e) => ({
        itemId: e.item_id,
        startedAt: e.started_at,
        endedAt: e.ended_at,
        note: e.note,
        source: e.source,
      })),
      runningTimer: timer ? { itemId: timer.item_id, startedAt: timer.started_at, note: timer.note } : null,
      portfolio: rows.portfolio.map((p) => ({
        itemId: p.item_id,
        included: p.included === 1,
        fields: parse(p.fields, {}),
        links: parse(p.links, {}),
      })),
      assessments: rows.assessments.map((a) => ({
        itemId: a.item_id,
        assessedAt: a.assessed_at,
        scores: parse(a.scores, {} as AssessmentScores),
      })),
      milestoneTicks: rows.milestoneTicks.map((m) => ({ entryId: m.entry_id, tickedAt: m.ticked_at })),
    },
  };
}
