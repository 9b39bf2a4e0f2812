// Self-assessment arithmetic on fixed scores, against the seed's 40/30/20/10 weights.
import { describe, expect, it } from 'vitest';
import { getCurriculum } from '../../curriculum';
import type { AssessmentScores } from '../../shared/schemas/assessment';
import { categoryPercent, scoreAssessment } from '../../electron/portfolio/assessment';

const criteria = getCurriculum().evaluationCriteria;
const all = (score: number): AssessmentScores => {
  const five = [score, score, score, score, score];
  return { technical: five, mlops: five, innovation: five, communication: five };
};

describe('categoryPercent', () => {
  it('is the mean score as a percent of 5', () => {
    expect(categoryPercent([5, 5, 5, 5, 5])).toBe(100);
    expect(categoryPercent([1, 1, 1, 1, 1])).toBe(20);
    expect(categoryPercent([4, 3, 5, 4, 4])).toBe(80);
    expect(categoryPercent([5, 4, 4, 5, 4])).toBe(88);
  });

  it('keeps full precision', () => {
    expect(categoryPercent([4, 4, 5])).toBeCloseTo(86.66667, 5);
    expect(categoryPercent([4, 4, 5])).not.toBe(86.7);
    expect(() => categoryPercent([])).toThrow();
  });
});

describe('scoreAssessment', () => {
  it('uses the seed’s weights, in the curriculum', () => {
    expect(criteria.map((c) => [c.id, c.weight])).toEqual([
      ['technical', 40],
      ['mlops', 30],
      ['innovation', 20],
      ['communication', 10],
    ]);
  });

  it('gives 100 for all 5s and 20 for all 1s', () => {
    expect(scoreAssessment(all(5), criteria)).toEqual({
      categoryPercents: { technical: 100, mlops: 100, innovation: 100, communication: 100 },
      weightedTotal: 100,
    });
    expect(scoreAssessment(all(1), criteria)).toEqual({
      categoryPercents: { technical: 20, mlops: 20, innovation: 20, communication: 20 },
      weightedTotal: 20,
    });
    expect(scoreAssessment(all(3), criteria).weightedTotal).toBe(60);
  });

  it('weighs a mixed case as computed by hand', () => {
    // technical 20/25 = 80 %, mlops 15/25 = 60 %, innovation 22/25 = 88 %, communication 12/25 = 48 %
    // 0.4 × 80 + 0.3 × 60 + 0.2 × 88 + 0.1 × 48 = 32 + 18 + 17.6 + 4.8 = 72.4
    const result = scoreAssessment(
      {
        technical: [4, 3, 5, 4, 4],
        mlops: [3, 3, 2, 4, 3],
        innovation: [5, 4, 4, 5, 4],
        communication: [2, 3, 3, 2, 2],
      },
      criteria,
    );
    expect(result.categoryPercents).toEqual({ technical: 80, mlops: 60, innovation: 88, communication: 48 });
    expect(result.weightedTotal).toBe(72.4);
  });

  it('moves the total by the category’s weight: one point more in technical is worth four in communication', () => {
    const base = scoreAssessment(all(3), criteria).weightedTotal;
    const technical = scoreAssessment({ ...all(3), technical: [4, 3, 3, 3, 3] }, criteria).weightedTotal;
    const communication = scoreAssessment({ ...all(3), communication: [4, 3, 3, 3, 3] }, criteria).weightedTotal;
    expect(technical - base).toBeCloseTo(1.6, 10); // 4 % of technical × 0.4
    expect(communication - base).toBeCloseTo(0.4, 10); // 4 % of communication × 0.1
  });

  it('refuses criteria that are not the four categories adding up to 100', () => {
    expect(() => scoreAssessment(all(5), criteria.slice(1))).toThrow(/no evaluation category "technical"/);
    expect(() =>
      scoreAssessment(
        all(5),
        criteria.map((c) => ({ ...c, weight: 10 })),
      ),
    ).toThrow(/add up to 40, not 100/);
  });
});
