// Every milestone the app ticks by itself, in one list. Each rule reads plain facts (the items'
// statuses and the portfolio's links) and says whether the entry is met and why, in a sentence the
// Milestones screen shows as it is.
//
// Why these and not the others: a rule exists only where the logbook holds the evidence the entry
// asks for. That is a count of finished items ("5+ ML projects completed", "10+ completed
// projects"), a project whose deliverable is the thing itself (4.1–4.3 deploy a model, 5.2 is a
// CI/CD pipeline, 6.1 a monitoring dashboard, 7.1 a feature store, 8.2 a security framework, 9.1
// distributed training, 9.2 model optimisation), or portfolio links the learner typed in. The rest
// are judgements only the learner can make ("Comfortable with Python ML stack", "Understanding of
// ML algorithms", "Container orchestration knowledge", "Advanced monitoring systems", ...) or happen
// outside the app (blog posts, industry connections, interview preparation): those are ticked by
// hand. Guessing them from loosely related items would tick boxes the learner would not.
import { itemById, type PortfolioLinkKey } from '../../shared/curriculum';
import type { ItemStatus } from '../../shared/schemas/items';

export interface MilestoneFacts {
  /** Every curriculum item with its status. */
  items: readonly { id: string; kind: 'exercise' | 'project'; title: string; status: ItemStatus }[];
  /** Every stored portfolio entry, with whether it goes into the PDF and its links. */
  portfolio: readonly { itemId: string; included: boolean; links: Partial<Record<PortfolioLinkKey, string>> }[];
  /** The items whose linked git repository has a README at its top (as its last read found). */
  readmes: ReadonlySet<string>;
}

export interface RuleDecision {
  met: boolean;
  reason: string;
}

export interface MilestoneRule {
  /** The curriculum's milestone entry id, "phase2.2". */
  entryId: string;
  /** The entry's text in the curriculum, checked by the tests so a rule never drifts onto another entry. */
  text: string;
  decide: (facts: MilestoneFacts) => RuleDecision;
}

const statusOf = (facts: MilestoneFacts, id: string): ItemStatus => itemById(facts.items, id)?.status ?? 'not_started';
const doneCount = (facts: MilestoneFacts) => facts.items.filter((i) => i.status === 'done').length;

/** "Project 5.2 (CI/CD for ML Models)" */
function nameOf(facts: MilestoneFacts, id: string, withKind = true): string {
  const item = itemById(facts.items, id);
  if (!item) return `item ${id}`;
  return `${withKind ? (item.kind === 'project' ? 'Project ' : 'Exercise ') : ''}${id} (${item.title})`;
}

/** "a, b and c" */
function listOf(parts: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} ${conjunction} ${parts[parts.length - 1]}`;
}

const STATUS_WORDS: Record<Exclude<ItemStatus, 'done'>, string> = {
  not_started: 'is not started yet',
  in_progress: 'is in progress',
  skipped: 'is skipped',
};

/** Met once `needed` items (exercises or projects) are done. */
function itemsDone(entryId: string, text: string, needed: number): MilestoneRule {
  return {
    entryId,
    text,
    decide: (facts) => {
      const done = doneCount(facts);
      if (done >= needed)
        return { met: true, reason: `${done} ${done === 1 ? 'item' : 'items'} done (${needed} or more needed).` };
      return {
        met: false,
        reason: `Not yet: ${done} of the ${needed} items needed ${done === 1 ? 'is' : 'are'} done.`,
      };
    },
  };
}

/** Met once one item is done. */
function itemDone(entryId: string, text: string, itemId: string): MilestoneRule {
  return {
    entryId,
    text,
    decide: (facts) => {
      const status = statusOf(facts, itemId);
      if (status === 'done') return { met: true, reason: `${nameOf(facts, itemId)} is done.` };
      return {
        met: false,
        reason: `Not yet: ${nameOf(facts, itemId)} ${STATUS_WORDS[status]}; this ticks when it is done.`,
      };
    },
  };
}

/** Met once any of the items is done (they must all be of the same kind). */
function anyItemDone(entryId: string, text: string, itemIds: readonly string[]): MilestoneRule {
  return {
    entryId,
    text,
    decide: (facts) => {
      const kind = itemById(facts.items, itemIds[0])?.kind === 'exercise' ? 'Exercise' : 'Project';
      const done = itemIds.filter((id) => statusOf(facts, id) === 'done');
      if (done.length === 1) return { met: true, reason: `${nameOf(facts, done[0]!)} is done.` };
      if (done.length > 1)
        return { met: true, reason: `${kind}s ${listOf(done.map((id) => nameOf(facts, id, false)))} are done.` };
      return {
        met: false,
        reason: `Not yet: none of ${kind}s ${listOf(itemIds.map((id) => nameOf(facts, id, false)))} is done; this ticks when one of them is.`,
      };
    },
  };
}

/**
 * Met once `needed` portfolio entries going into the PDF link to a GitHub repository and are
 * documented: a Documentation link, or a README at the top of the item's linked repository.
 */
function documentedRepositories(entryId: string, text: string, needed: number): MilestoneRule {
  return {
    entryId,
    text,
    decide: (facts) => {
      const ready = facts.portfolio.filter(
        (entry) =>
          entry.included &&
          (entry.links.githubRepository ?? '').trim() !== '' &&
          ((entry.links.documentation ?? '').trim() !== '' || facts.readmes.has(entry.itemId)),
      ).length;
      const what =
        'with a GitHub repository link and documentation (a Documentation link, or a README in the linked repository)';
      if (ready >= needed) {
        return {
          met: true,
          reason: `${ready} portfolio ${ready === 1 ? 'entry is' : 'entries are'} in the PDF ${what} (${needed} or more needed).`,
        };
      }
      return {
        met: false,
        reason: `Not yet: ${ready} of the ${needed} portfolio entries needed ${ready === 1 ? 'is' : 'are'} in the PDF ${what}.`,
      };
    },
  };
}

/** All the auto-tick rules, in the curriculum's order of milestones. */
export const milestoneRules: readonly MilestoneRule[] = [
  itemsDone('phase1.1', '5+ ML projects completed', 5),
  anyItemDone('phase2.1', 'Model deployment experience', ['4.1', '4.2', '4.3']),
  itemDone('phase2.2', 'CI/CD pipeline for ML', '5.2'),
  itemDone('phase2.3', 'Monitoring system implemented', '6.1'),
  itemDone('phase3.1', 'Feature store implementation', '7.1'),
  itemDone('phase3.3', 'Distributed training experience', '9.1'),
  itemDone('phase3.4', 'Security framework knowledge', '8.2'),
  itemDone('phase3.5', 'Performance optimization skills', '9.2'),
  itemsDone('portfolio.1', '10+ completed projects', 10),
  documentedRepositories('portfolio.2', 'GitHub portfolio with clear documentation', 3),
];

export const ruleFor = (entryId: string): MilestoneRule | undefined =>
  milestoneRules.find((rule) => rule.entryId === entryId);
