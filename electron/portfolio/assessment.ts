// Self-assessment arithmetic against the seed's evaluation criteria. Pure and exact: nothing is
// rounded here; the screens round for display.
import type { AssessmentScores } from '../../shared/schemas/assessment';
import type { Curriculum } from '../../shared/curriculum';

export type CategoryId = keyof AssessmentScores;
const categoryIds = ['technical', 'mlops', 'innovation', 'communication'] as const satisfies readonly CategoryId[];
export type CategoryPercents = Record<CategoryId, number>;

/** A category's mean score as a percent of the top score 5: all 5s are 100, all 1s are 20. */
export function categoryPercent(scores: readonly number[]): number {
  if (scores.length === 0) throw new Error('A category needs at least one score.');
  const sum = scores.reduce((total, score) => total + score, 0);
  // One division, so whole-number results (five scores always give one) come out exact.
  return (sum * 100) / (5 * scores.length);
}

/**
 * The per-category percents and their weighted total, with the weights from the curriculum's
 * evaluation criteria (40/30/20/10 in the seed): Σ weight × percent / 100, from 20 to 100.
 */
export function scoreAssessment(
  scores: AssessmentScores,
  criteria: Curriculum['evaluationCriteria'],
): { categoryPercents: CategoryPercents; weightedTotal: number } {
  const categoryPercents = Object.fromEntries(
    categoryIds.map((id) => [id, categoryPercent(scores[id])]),
  ) as CategoryPercents;
  let weighted = 0;
  let weights = 0;
  for (const id of categoryIds) {
    const criterion = criteria.find((c) => c.id === id);
    if (!criterion) throw new Error(`The curriculum has no evaluation category "${id}".`);
    weighted += criterion.weight * categoryPercents[id];
    weights += criterion.weight;
  }
  if (weights !== 100) throw new Error(`The evaluation weights add up to ${weights}, not 100.`);
  return { categoryPercents, weightedTotal: weighted / 100 };
}
