// What the learner sees of a logbook, as plain data: two machines whose views are equal show the
// same log, statuses, ticks, notes, portfolio, assessments, milestones and settings. Local row ids
// and bookkeeping times are left out; portfolio texts are compared as objects (key order is not
// something the learner sees).
import { LOCAL_SETTINGS } from '../../electron/db/migrations/005-sync';
import type { Db } from '../../electron/db/open';

const sortKeys = (json: string) => {
  const o = JSON.parse(json) as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(o)
      .sort()
      .map((k) => [k, o[k]]),
  );
};

export function learnerView(db: Db) {
  const local = LOCAL_SETTINGS.map((k) => `'${k}'`).join(', ');
  return {
    entries: db.prepare('SELECT uid, item_id, started_at, ended_at, note, source FROM time_entries ORDER BY uid').all(),
    progress: db
      .prepare('SELECT item_id, status, status_auto, status_changed_at, notes FROM item_progress ORDER BY item_id')
      .all(),
    ticks: db.prepare('SELECT item_id, entry_index, ticked_at FROM list_ticks ORDER BY item_id, entry_index').all(),
    portfolio: (
      db.prepare('SELECT item_id, included, fields, links FROM portfolio_entries ORDER BY item_id').all() as {
        item_id: string;
        included: number;
        fields: string;
        links: string;
      }[]
    ).map((r) => ({ ...r, fields: sortKeys(r.fields), links: sortKeys(r.links) })),
    assessments: db
      .prepare('SELECT uid, item_id, scores, weighted_total, assessed_at FROM self_assessments ORDER BY uid')
      .all(),
    milestones: db.prepare('SELECT entry_id, ticked_at FROM milestone_ticks ORDER BY entry_id').all(),
    settings: db.prepare(`SELECT key, value, set_by FROM settings WHERE key NOT IN (${local}) ORDER BY key`).all(),
  };
}
