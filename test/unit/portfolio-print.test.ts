import { describe, expect, it } from 'vitest';
import type { PortfolioEntry } from '../../shared/schemas/portfolio';
import { entriesToPrint, hasSomethingToShow } from '../../shared/portfolio';

const blank: PortfolioEntry = {
  itemId: '9.2',
  included: true,
  fields: {
    projectTitle: 'Model Optimization Service',
    duration: '',
    technologiesUsed: 'TensorRT, ONNX',
    problemStatement: '',
    solutionArchitecture: '',
    keyChallenges: '',
    resultsImpact: '',
    lessonsLearned: '',
    futureImprovements: '',
  },
  links: { githubRepository: '', liveDemo: '', documentation: '' },
  prefilled: ['projectTitle', 'technologiesUsed'],
  loggedHours: 0,
  status: 'not_started',
  latestAssessment: null,
  updatedAt: null,
};

describe('which entries the PDF prints', () => {
  it('leaves out an untouched entry: pre-filled values alone are not content', () => {
    expect(hasSomethingToShow(blank)).toBe(false);
  });
  it.each([
    ['done', { status: 'done' as const }],
    ['time logged', { loggedHours: 0.5 }],
    ['a field written', { fields: { ...blank.fields, problemStatement: 'Quantise a model.' } }],
    ['a pre-filled field changed', { prefilled: ['projectTitle' as const] }],
    ['a link', { links: { ...blank.links, githubRepository: 'https://github.com/me/opt' } }],
  ])('prints an entry with %s', (_what, change) => {
    expect(hasSomethingToShow({ ...blank, ...change })).toBe(true);
  });
  it.each(['in_progress', 'skipped'] as const)(
    'leaves out an entry that is only %s: a status alone is nothing to show',
    (status) => {
      expect(hasSomethingToShow({ ...blank, status })).toBe(false);
    },
  );
  it('splits included entries into printed and still to come, and ignores excluded ones', () => {
    const started = { ...blank, itemId: '4.1', status: 'done' as const };
    const excluded = { ...started, itemId: '1.1', included: false };
    expect(entriesToPrint([started, blank, excluded])).toEqual({ printed: [started], stillToCome: [blank] });
    const skipped = { ...blank, itemId: '6.2', status: 'skipped' as const };
    expect(entriesToPrint([skipped, blank])).toEqual({ printed: [], stillToCome: [blank] });
  });
});
