// The curriculum's shape. Both sides import it: main validates the data file with it at load,
// the renderer uses the inferred types. No Node or DOM imports here.
import { z } from 'zod';

const ITEM_ID = /^[1-9]\.[1-9]$/;
export const itemIdSchema = z.string().regex(ITEM_ID, 'An item id looks like "1.1" or "9.2".');

/** The titles the seed gives an item's one list, exactly as written there. */
const listTitles = ['Steps', 'Requirements', 'Components', 'Features', 'Metrics', 'Environments'] as const;

const text = z.string().trim().min(1);

// The showcase template's field and link keys and the evaluation categories' ids, in the seed's
// order. The curriculum's schema takes only these, so code that indexes an entry's fields or an
// assessment's scores by them is typed; a test holds them equal to curriculum.json.
export const portfolioFieldKeys = [
  'projectTitle',
  'duration',
  'technologiesUsed',
  'problemStatement',
  'solutionArchitecture',
  'keyChallenges',
  'resultsImpact',
  'lessonsLearned',
  'futureImprovements',
] as const;
export const portfolioLinkKeys = ['githubRepository', 'liveDemo', 'documentation'] as const;
export const criterionIds = ['technical', 'mlops', 'innovation', 'communication'] as const;
export type PortfolioFieldKey = (typeof portfolioFieldKeys)[number];
export type PortfolioLinkKey = (typeof portfolioLinkKeys)[number];
export type CriterionId = (typeof criterionIds)[number];

const estimateSchema = z
  .object({ minHours: z.number().positive(), maxHours: z.number().positive() })
  .refine((e) => e.minHours <= e.maxHours, 'minHours must not exceed maxHours');

const curriculumItemSchema = z.object({
  id: itemIdSchema,
  kind: z.enum(['exercise', 'project']),
  phase: z.number().int().min(1).max(3),
  month: z.number().int().min(1).max(9),
  title: text,
  objective: text,
  estimate: estimateSchema,
  tools: z.array(text),
  dataset: text.optional(),
  list: z.object({ title: z.enum(listTitles), ordered: z.boolean(), entries: z.array(text).min(1) }),
  deliverable: text,
});

export const curriculumSchema = z
  .object({
    title: text,
    phases: z
      .array(z.object({ number: z.number().int(), title: text, kind: z.enum(['exercises', 'projects']) }))
      .length(3),
    months: z.array(z.object({ number: z.number().int(), phase: z.number().int(), title: text })).length(9),
    items: z.array(curriculumItemSchema).length(24),
    evaluationCriteria: z
      .array(
        z.object({
          id: z.enum(criterionIds),
          title: text,
          weight: z.number().int().positive(),
          subCriteria: z.array(text).length(5),
        }),
      )
      .length(4)
      .refine((cats) => cats.reduce((sum, c) => sum + c.weight, 0) === 100, 'criteria weights must add up to 100'),
    portfolioTemplate: z.object({
      fields: z.array(z.object({ key: z.enum(portfolioFieldKeys), label: text, multiline: z.boolean() })).min(1),
      links: z.array(z.object({ key: z.enum(portfolioLinkKeys), label: text })).length(3),
    }),
    milestones: z
      .array(z.object({ id: text, title: text, entries: z.array(z.object({ id: text, text: text })).length(5) }))
      .length(4),
    resources: z
      .array(z.object({ title: text, links: z.array(z.object({ title: text, url: z.url() })).min(1) }))
      .length(3),
  })
  .superRefine((c, ctx) => {
    const ids = new Set<string>();
    for (const item of c.items) {
      if (ids.has(item.id)) ctx.addIssue({ code: 'custom', message: `item ${item.id} appears twice` });
      ids.add(item.id);
      const month = c.months.find((m) => m.number === item.month);
      if (!month)
        ctx.addIssue({ code: 'custom', message: `item ${item.id} names month ${item.month}, which does not exist` });
      else if (month.phase !== item.phase)
        ctx.addIssue({
          code: 'custom',
          message: `item ${item.id} is in phase ${item.phase} but month ${item.month} is in phase ${month.phase}`,
        });
    }
  });

export type Curriculum = z.infer<typeof curriculumSchema>;
export type CurriculumItem = z.infer<typeof curriculumItemSchema>;
export type ItemId = string;

/** The midpoint of an item's estimate, the figure progress-by-hours weighs items with. */
export const estimateMidpoint = (item: Pick<CurriculumItem, 'estimate'>) =>
  (item.estimate.minHours + item.estimate.maxHours) / 2;

/** The item with this id in `items` (the curriculum's, or any list keyed by item id); none for no id. */
export const itemById = <T extends { id: string }>(items: readonly T[], id: string | null | undefined): T | undefined =>
  items.find((i) => i.id === id);
