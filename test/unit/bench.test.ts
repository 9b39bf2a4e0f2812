// The pieces of `npm run bench` that decide its verdicts: the seeded learner, the budgets, the
// bundle's first-paint scripts.
import { describe, expect, it } from 'vitest';
import { getCurriculum } from '../../curriculum';
import { firstPaintScripts } from '../../bench/bundle';
import { figure, missed, quantile, table } from '../../bench/lib';
import { BENCH_NOW, benchEntries, FIRST_DAY } from '../../bench/seed';

describe('the seeded learner', () => {
  const entries = [...benchEntries(getCurriculum(), 20_000)];

  it('is the same on every run', () => {
    expect([...benchEntries(getCurriculum(), 20_000)].slice(0, 50)).toEqual(entries.slice(0, 50));
  });

  it('spreads entries over all 24 items and the five years, none overlapping, none in the future', () => {
    expect(entries).toHaveLength(20_000);
    expect(new Set(entries.map(([itemId]) => itemId)).size).toBe(24);
    const sorted = [...entries].sort((a, b) => a[1] - b[1]);
    expect(sorted[0]![1]).toBeGreaterThanOrEqual(FIRST_DAY);
    expect(sorted.at(-1)![2]).toBeLessThan(BENCH_NOW);
    expect(sorted.at(-1)![1] - sorted[0]![1]).toBeGreaterThan(4.9 * 365 * 86_400_000);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]![1]).toBeGreaterThanOrEqual(sorted[i - 1]![2]);
    expect(entries.every(([, start, end]) => end > start)).toBe(true);
  });
});

describe('figures and budgets', () => {
  it('holds or misses by the budget’s own comparison', () => {
    expect(figure(15, 'ms', { op: '<', limit: 15 }).holds).toBe(false);
    expect(figure(2, 'ratio', { op: '<=', limit: 2 }).holds).toBe(true);
    expect(figure(7, 'ms').holds).toBeNull();
    const sections = {
      a: { x: figure(3, 'ms', { op: '<', limit: 2 }), y: figure(1, 'ms') },
      b: { z: figure(1, 'ratio', { op: '<=', limit: 2 }) },
    };
    expect(missed(sections)).toEqual(['a.x']);
    expect(table(sections)).toMatch(/a\.x\s+3\.00 ms\s+< 2\.00 ms\s+MISSED/);
  });

  it('takes quantiles between closest ranks', () => {
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.99)).toBeCloseTo(4.96);
  });
});

describe('firstPaintScripts', () => {
  it('lists the entry module and its modulepreloads, not stylesheets or lazy chunks', () => {
    const html = `<head>
      <script type="module" crossorigin src="/assets/index-A.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/data-B.js">
      <link rel="stylesheet" crossorigin href="/assets/index-C.css">
      <script src="/__preview/bridge.js"></script>
    </head>`;
    expect(firstPaintScripts(html)).toEqual(['/assets/index-A.js', '/assets/data-B.js']);
  });
});
