// The success milestones: the seed's four checklists. Entries with a rule (electron/milestones/rules)
// follow the logbook; the others are ticked by hand (electron/store/milestones).
import { portfolioLinkKeys } from '../../shared/curriculum';
import { type Milestones } from '../../shared/schemas/milestones';
import { AppError } from '../../shared/errors';
import { ruleFor, type MilestoneFacts } from '../milestones/rules';
import { readStatuses } from '../store/items';
import { readTickedMilestones, writeMilestoneTick } from '../store/milestones';
import { readPortfolioLinks } from '../store/portfolio';
import { readRepoLinks } from '../store/repos';
import type { HandlerContext, HandlerGroup } from './context';

function readFacts(ctx: HandlerContext): MilestoneFacts {
  const statusOf = readStatuses(ctx);
  return {
    items: ctx.curriculum.items.map((item) => ({
      id: item.id,
      kind: item.kind,
      title: item.title,
      status: statusOf(item.id),
    })),
    portfolio: readPortfolioLinks(ctx).map((row) => ({
      itemId: row.item_id,
      included: row.included === 1,
      links: readLinks(row.links),
    })),
    readmes: new Set(readRepoLinks(ctx).flatMap((link) => (link.readme ? [link.itemId] : []))),
  };
}

function readLinks(json: string): MilestoneFacts['portfolio'][number]['links'] {
  try {
    const parsed: unknown = JSON.parse(json);
    if (typeof parsed !== 'object' || parsed === null) return {};
    const record = parsed as Record<string, unknown>;
    return Object.fromEntries(
      portfolioLinkKeys.flatMap((key) => (typeof record[key] === 'string' ? [[key, record[key]]] : [])),
    );
  } catch {
    return {};
  }
}

function readMilestones(ctx: HandlerContext): Milestones {
  const facts = readFacts(ctx);
  const ticked = readTickedMilestones(ctx);
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
    const known = ctx.curriculum.milestones.some((checklist) =>
      checklist.entries.some((entry) => entry.id === entryId),
    );
    if (!known) throw new AppError('NOT_FOUND', `There is no milestone "${entryId}".`);
    const rule = ruleFor(entryId);
    if (rule)
      throw new AppError(
        'CONFLICT',
        `This milestone is ticked from your logbook: ${rule.decide(readFacts(ctx)).reason}`,
      );
    writeMilestoneTick(ctx, entryId, ticked);
    return readMilestones(ctx);
  },
};
