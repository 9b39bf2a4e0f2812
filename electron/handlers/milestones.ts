// The success milestones: the seed's four checklists. Entries with a rule (electron/milestones/rules)
// follow the logbook; the others are ticked by hand and stored in milestone_ticks.
import { portfolioLinkKeys } from '../../shared/curriculum';
import type { ItemStatus } from '../../shared/schemas/items';
import type { Milestones } from '../../shared/schemas/milestones';
import { AppError } from '../../shared/errors';
import { ruleFor, type MilestoneFacts } from '../milestones/rules';
import { sql, type HandlerContext, type HandlerGroup } from './context';

function readFacts(ctx: HandlerContext): MilestoneFacts {
  const statuses = new Map(
    (sql(ctx.db, 'SELECT item_id, status FROM item_progress').all() as { item_id: string; status: ItemStatus }[]).map((r) => [r.item_id, r.status]),
  );
  const rows = sql(ctx.db, 'SELECT item_id, included, links FROM portfolio_entries').all() as { item_id: string; included: number; links: string }[];
  return {
    items: ctx.curriculum.items.map((item) => ({ id: item.id, kind: item.kind, title: item.title, status: statuses.get(item.id) ?? 'not_started' })),
    portfolio: rows.map((row) => ({ itemId: row.item_id, included: row.included === 1, links: readLinks(row.links) })),
  };
}

function readLinks(json: string): MilestoneFacts['portfolio'][number]['links'] {
  try {
    const parsed: unknown = JSON.parse(json);
    if (typeof parsed !== 'object' || parsed === null) return {};
    const record = parsed as Record<string, unknown>;
    return Object.fromEntries(portfolioLinkKeys.flatMap((key) => (typeof record[key] === 'string' ? [[key, record[key]]] : [])));
  } catch {
    return {};
  }
}

export function readMilestones(ctx: HandlerContext): Milestones {
  const facts = readFacts(ctx);
  // Plucked: a text only this module uses.
  const ticked = new Set(sql(ctx.db, 'SELECT entry_id FROM milestone_ticks').pluck().all() as string[]);
  return {
    checklists: ctx.curriculum.milestones.map((checklist) => ({
      id: checklist.id,
      title: checklist.title,
      entries: checklist.entries.map((entry) => {
        const rule = ruleFor(entry.id)?.decide(facts) ?? null;
        const isTicked = ticked.has(entry.id);
        return { id: entry.id, text: entry.text, rule, ticked: isTicked, done: rule ? rule.met : isTicked };
      }),
    })),
  };
}

export const milestoneHandlers: HandlerGroup<'milestones.get' | 'milestones.tick'> = {
  'milestones.get': (ctx) => readMilestones(ctx),

  'milestones.tick': (ctx, { entryId, ticked }) => {
    const known = ctx.curriculum.milestones.some((checklist) => checklist.entries.some((entry) => entry.id === entryId));
    if (!known) throw new AppError('NOT_FOUND', `There is no milestone "${entryId}".`);
    const rule = ruleFor(entryId);
    if (rule) throw new AppError('CONFLICT', `This milestone is ticked from your logbook: ${rule.decide(readFacts(ctx)).reason}`);
    if (ticked) sql(ctx.db, 'INSERT OR IGNORE INTO milestone_ticks (entry_id, ticked_at) VALUES (?, ?)').run(entryId, ctx.now());
    else sql(ctx.db, 'DELETE FROM milestone_ticks WHERE entry_id = ?').run(entryId);
    return readMilestones(ctx);
  },
};
