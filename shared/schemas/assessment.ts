// A self-assessment against the curriculum's evaluation criteria: five scores per category.
import { z } from 'zod';
import { criterionIds, itemIdSchema, type CriterionId } from '../curriculum';
import { instant } from './common';

const criterionScoreSchema = z
  .number()
  .int('A score is a whole number from 1 to 5.')
  .min(1, 'A score is from 1 to 5.')
  .max(5, 'A score is from 1 to 5.');
const categoryScores = z.array(criterionScoreSchema).length(5, 'Each category has 5 scores.');
/** Five scores per evaluation category, in the seed's order of sub-criteria; keys are the category ids. */
export const assessmentScoresSchema = z.strictObject(
  Object.fromEntries(criterionIds.map((id) => [id, categoryScores])) as Record<CriterionId, typeof categoryScores>,
);
export type AssessmentScores = z.infer<typeof assessmentScoresSchema>;

export const assessmentSchema = z.object({
  id: z.number().int().positive(),
  itemId: itemIdSchema,
  assessedAt: instant,
  scores: assessmentScoresSchema,
  /** Per category: the mean score as a percent of 5 (all 5s = 100, all 1s = 20). */
  categoryPercents: z.object(
    Object.fromEntries(criterionIds.map((id) => [id, z.number()])) as Record<CriterionId, z.ZodNumber>,
  ),
  /** The categories' percents weighted 40/30/20/10 (the seed's weights): 20..100. */
  weightedTotal: z.number().min(0).max(100),
});
export type Assessment = z.infer<typeof assessmentSchema>;

export const assessmentSaveInput = z.strictObject({ itemId: itemIdSchema, scores: assessmentScoresSchema });
export const assessmentHistorySchema = z.object({ history: z.array(assessmentSchema) });
