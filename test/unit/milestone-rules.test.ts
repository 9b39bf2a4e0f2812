// Every auto-tick rule on fixed facts, met and not met, with the sentence the learner reads.
import { describe, expect, it } from 'vitest';
import { getCurriculum } from '../../curriculum';
import type { ItemStatus } from '../../shared/schemas/items';
import { milestoneRules, ruleFor, type MilestoneFacts } from '../../electron/milestones/rules';

const curriculum = getCurriculum();

/** Facts with the given statuses (everything else not started) and portfolio entries. */
function facts(
  statuses: Record<string, ItemStatus> = {},
  portfolio: MilestoneFacts['portfolio'] = [],
  readmes: readonly string[] = [],
): MilestoneFacts {
  return {
    items: curriculum.items.map((i) => ({
      id: i.id,
      kind: i.kind,
      title: i.title,
      status: statuses[i.id] ?? 'not_started',
    })),
    portfolio,
    readmes: new Set(readmes),
  };
}
const done = (...ids: string[]) => Object.fromEntries(ids.map((id) => [id, 'done' as const]));
const firstItems = (n: number) => curriculum.items.slice(0, n).map((i) => i.id);
const decide = (entryId: string, f: MilestoneFacts) => ruleFor(entryId)!.decide(f);

describe('the rule list', () => {
  it('is exactly these entries, in the curriculum’s order', () => {
    expect(milestoneRules.map((r) => r.entryId)).toEqual([
      'phase1.1',
      'phase2.1',
      'phase2.2',
      'phase2.3',
      'phase3.1',
      'phase3.3',
      'phase3.4',
      'phase3.5',
      'portfolio.1',
      'portfolio.2',
    ]);
  });

  it('names real milestone entries with the texts the seed gives them', () => {
    const entries = new Map(curriculum.milestones.flatMap((c) => c.entries.map((e) => [e.id, e.text] as const)));
    for (const rule of milestoneRules) expect(entries.get(rule.entryId), rule.entryId).toBe(rule.text);
  });

  it('leaves every other entry to the learner', () => {
    expect(ruleFor('phase1.2')).toBeUndefined();
    expect(ruleFor('phase2.4')).toBeUndefined();
    expect(ruleFor('portfolio.3')).toBeUndefined();
    expect(ruleFor('nonsense.1')).toBeUndefined();
  });

  it('writes every reason as a sentence, and every unmet one starts with "Not yet:"', () => {
    for (const f of [facts(), facts(done(...firstItems(24)))]) {
      for (const rule of milestoneRules) {
        const { met, reason } = rule.decide(f);
        expect(reason, rule.entryId).toMatch(/^[A-Z0-9].*\.$/);
        expect(reason.startsWith('Not yet:'), rule.entryId).toBe(!met);
      }
    }
  });
});

describe('counting done items', () => {
  it('phase1.1 needs 5 done items', () => {
    expect(decide('phase1.1', facts(done(...firstItems(7))))).toEqual({
      met: true,
      reason: '7 items done (5 or more needed).',
    });
    expect(decide('phase1.1', facts(done(...firstItems(5))))).toEqual({
      met: true,
      reason: '5 items done (5 or more needed).',
    });
    expect(decide('phase1.1', facts(done(...firstItems(3))))).toEqual({
      met: false,
      reason: 'Not yet: 3 of the 5 items needed are done.',
    });
    expect(decide('phase1.1', facts(done('1.1')))).toEqual({
      met: false,
      reason: 'Not yet: 1 of the 5 items needed is done.',
    });
  });

  it('counts only done items, not skipped or in-progress ones', () => {
    const f = facts({ ...done('1.1', '1.2', '1.3', '2.1'), '2.2': 'skipped', '2.3': 'in_progress' });
    expect(decide('phase1.1', f)).toEqual({ met: false, reason: 'Not yet: 4 of the 5 items needed are done.' });
  });

  it('portfolio.1 needs 10 done items', () => {
    expect(decide('portfolio.1', facts(done(...firstItems(10))))).toEqual({
      met: true,
      reason: '10 items done (10 or more needed).',
    });
    expect(decide('portfolio.1', facts(done(...firstItems(9))))).toEqual({
      met: false,
      reason: 'Not yet: 9 of the 10 items needed are done.',
    });
  });
});

describe('a deployment project', () => {
  it('phase2.1 is met by any one of 4.1, 4.2 and 4.3', () => {
    expect(decide('phase2.1', facts(done('4.2')))).toEqual({
      met: true,
      reason: 'Project 4.2 (Batch Prediction System) is done.',
    });
    expect(decide('phase2.1', facts(done('4.1', '4.3')))).toEqual({
      met: true,
      reason: 'Projects 4.1 (Model API Service) and 4.3 (Real-time Inference Service) are done.',
    });
    expect(decide('phase2.1', facts({ '4.1': 'in_progress', ...done('5.1') }))).toEqual({
      met: false,
      reason:
        'Not yet: none of Projects 4.1 (Model API Service), 4.2 (Batch Prediction System) and 4.3 (Real-time Inference Service) is done; this ticks when one of them is.',
    });
  });
});

describe('one project each', () => {
  it.each([
    ['phase2.2', '5.2', 'Project 5.2 (CI/CD for ML Models)'],
    ['phase2.3', '6.1', 'Project 6.1 (Model Performance Dashboard)'],
    ['phase3.1', '7.1', 'Project 7.1 (Feature Store Implementation)'],
    ['phase3.3', '9.1', 'Project 9.1 (Distributed Training System)'],
    ['phase3.4', '8.2', 'Project 8.2 (ML Security Framework)'],
    ['phase3.5', '9.2', 'Project 9.2 (Model Optimization Service)'],
  ])('%s follows %s', (entryId, itemId, name) => {
    expect(decide(entryId, facts(done(itemId)))).toEqual({ met: true, reason: `${name} is done.` });
    expect(decide(entryId, facts())).toEqual({
      met: false,
      reason: `Not yet: ${name} is not started yet; this ticks when it is done.`,
    });
    expect(decide(entryId, facts({ [itemId]: 'in_progress' }))).toEqual({
      met: false,
      reason: `Not yet: ${name} is in progress; this ticks when it is done.`,
    });
    expect(decide(entryId, facts({ [itemId]: 'skipped' }))).toEqual({
      met: false,
      reason: `Not yet: ${name} is skipped; this ticks when it is done.`,
    });
    // Every other item done does not count.
    const others = curriculum.items.filter((i) => i.id !== itemId).map((i) => i.id);
    expect(decide(entryId, facts(done(...others))).met).toBe(false);
  });
});

describe('a documented GitHub portfolio', () => {
  const repo = (n: number) => ({
    githubRepository: `https://github.com/me/p${n}`,
    documentation: `https://me.github.io/p${n}`,
  });
  const entry = (itemId: string, links: MilestoneFacts['portfolio'][number]['links'], included = true) => ({
    itemId,
    included,
    links,
  });

  it('portfolio.2 needs 3 included entries with a GitHub repository and a Documentation link', () => {
    const three = [entry('4.1', repo(1)), entry('4.2', repo(2)), entry('2.3', repo(3))];
    expect(decide('portfolio.2', facts({}, three))).toEqual({
      met: true,
      reason:
        '3 portfolio entries are in the PDF with a GitHub repository link and documentation (a Documentation link, or a README in the linked repository) (3 or more needed).',
    });
  });

  it('does not count entries left out of the PDF, or missing either link', () => {
    const f = facts({}, [
      entry('4.1', repo(1)),
      entry('4.2', repo(2), false),
      entry('2.3', { githubRepository: 'https://github.com/me/cv' }),
      entry('3.1', { documentation: 'https://me.github.io/mlflow' }),
      entry('3.3', { githubRepository: '  ', documentation: 'https://me.github.io/val' }),
    ]);
    expect(decide('portfolio.2', f)).toEqual({
      met: false,
      reason:
        'Not yet: 1 of the 3 portfolio entries needed is in the PDF with a GitHub repository link and documentation (a Documentation link, or a README in the linked repository).',
    });
    expect(decide('portfolio.2', facts())).toEqual({
      met: false,
      reason:
        'Not yet: 0 of the 3 portfolio entries needed are in the PDF with a GitHub repository link and documentation (a Documentation link, or a README in the linked repository).',
    });
  });

  it("counts a README in the item's linked repository as its documentation", () => {
    const github = (n: number) => ({ githubRepository: `https://github.com/me/p${n}` });
    const f = facts(
      {},
      [entry('4.1', github(1)), entry('4.2', github(2)), entry('2.3', repo(3))],
      ['4.1', '4.2', '5.1'],
    );
    expect(decide('portfolio.2', f).met).toBe(true);
    // A README alone is not a GitHub link, and an entry left out of the PDF does not count.
    const g = facts({}, [entry('4.1', {}), entry('4.2', github(2), false), entry('2.3', repo(3))], ['4.1', '4.2']);
    expect(decide('portfolio.2', g)).toEqual({
      met: false,
      reason:
        'Not yet: 1 of the 3 portfolio entries needed is in the PDF with a GitHub repository link and documentation (a Documentation link, or a README in the linked repository).',
    });
  });
});
