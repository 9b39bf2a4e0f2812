// The portfolio's pre-filled values: a deterministic English date range, hours, the item's title
// and tools, and the learner's saved values winning key by key.
import { describe, expect, it } from 'vitest';
import { portfolioFieldKeys } from '../../shared/curriculum';
import {
  formatDayRange,
  formatDuration,
  formatHours,
  includedByDefault,
  mergeFields,
  prefillFields,
} from '../../electron/portfolio/prefill';

describe('formatDayRange', () => {
  it.each([
    ['2026-03-02', '2026-03-20', '2–20 Mar 2026'],
    ['2026-02-28', '2026-03-20', '28 Feb – 20 Mar 2026'],
    ['2025-12-28', '2026-01-03', '28 Dec 2025 – 3 Jan 2026'],
    ['2026-03-05', '2026-03-05', '5 Mar 2026'],
    ['2026-01-01', '2026-12-31', '1 Jan – 31 Dec 2026'],
    ['2026-03-20', '2026-03-02', '2–20 Mar 2026'],
  ])('%s to %s is "%s"', (a, b, text) => {
    expect(formatDayRange(a, b)).toBe(text);
  });

  it('uses an en dash, spaced only between different months', () => {
    expect(formatDayRange('2026-03-02', '2026-03-20')).toContain('\u2013');
    expect(formatDayRange('2026-02-28', '2026-03-20')).toContain(' \u2013 ');
    expect(() => formatDayRange('2026-02-30', '2026-03-01')).toThrow(/Not a date/);
  });
});

describe('formatHours and formatDuration', () => {
  it('writes hours to one decimal, without a trailing .0, and "1 hour" alone in the singular', () => {
    expect(formatHours(14.5)).toBe('14.5 hours');
    expect(formatHours(2)).toBe('2 hours');
    expect(formatHours(1)).toBe('1 hour');
    expect(formatHours(0.5)).toBe('0.5 hours');
    expect(formatHours(14.46)).toBe('14.5 hours');
    expect(formatHours(2.04)).toBe('2 hours');
    expect(formatHours(125 / 60)).toBe('2.1 hours');
  });

  it('joins the days and the hours, and is empty with nothing logged', () => {
    expect(formatDuration({ firstDay: '2026-03-02', lastDay: '2026-03-20', hours: 14.5 })).toBe(
      '2–20 Mar 2026 · 14.5 hours',
    );
    expect(formatDuration({ firstDay: '2026-03-05', lastDay: '2026-03-05', hours: 2 })).toBe('5 Mar 2026 · 2 hours');
    expect(formatDuration({ firstDay: '2025-12-28', lastDay: '2026-01-03', hours: 9.25 })).toBe(
      '28 Dec 2025 – 3 Jan 2026 · 9.3 hours',
    );
    expect(formatDuration(null)).toBe('');
  });
});

const modelApi = { title: 'Model API Service', tools: ['FastAPI', 'Docker', 'AWS/GCP'], kind: 'project' as const };

describe('prefillFields', () => {
  it('fills the title, the duration and the tools, and leaves the rest empty', () => {
    const fields = prefillFields(modelApi, { firstDay: '2026-03-02', lastDay: '2026-03-20', hours: 14.5 });
    expect(fields).toEqual({
      projectTitle: 'Model API Service',
      duration: '2–20 Mar 2026 · 14.5 hours',
      technologiesUsed: 'FastAPI, Docker, AWS/GCP',
      problemStatement: '',
      solutionArchitecture: '',
      keyChallenges: '',
      resultsImpact: '',
      lessonsLearned: '',
      futureImprovements: '',
    });
    expect(Object.keys(fields)).toEqual([...portfolioFieldKeys]);
  });

  it('leaves the duration and tools empty when there is nothing to say', () => {
    expect(prefillFields({ title: 'Regression Analysis', tools: [] }, null)).toMatchObject({
      duration: '',
      technologiesUsed: '',
    });
  });
});

describe('mergeFields', () => {
  const prefill = prefillFields(modelApi, { firstDay: '2026-03-05', lastDay: '2026-03-05', hours: 2 });

  it('shows the pre-fill where nothing is stored, and lists only the non-empty pre-filled keys', () => {
    expect(mergeFields(prefill, {})).toEqual({
      fields: prefill,
      prefilled: ['projectTitle', 'duration', 'technologiesUsed'],
    });
  });

  it('lets a stored value win key by key, even an empty string', () => {
    const { fields, prefilled } = mergeFields(prefill, {
      projectTitle: 'Churn API',
      technologiesUsed: '',
      problemStatement: 'Slow scoring.',
    });
    expect(fields).toMatchObject({
      projectTitle: 'Churn API',
      duration: '5 Mar 2026 · 2 hours',
      technologiesUsed: '',
      problemStatement: 'Slow scoring.',
    });
    expect(prefilled).toEqual(['duration']);
  });

  it('ignores stored keys that are not template fields or not strings', () => {
    const stored = JSON.parse('{"duration": 12, "__proto__": {"projectTitle": "polluted"}, "extra": "x"}') as Record<
      string,
      unknown
    >;
    const { fields, prefilled } = mergeFields(prefill, stored);
    expect(fields).toEqual(prefill);
    expect(prefilled).toEqual(['projectTitle', 'duration', 'technologiesUsed']);
  });
});

describe('includedByDefault', () => {
  it('puts projects in the PDF and leaves exercises out', () => {
    expect(includedByDefault({ kind: 'project' })).toBe(true);
    expect(includedByDefault({ kind: 'exercise' })).toBe(false);
  });
});
