// The demo learner's git repository: made beside the demo's database, linked to Project 4.3, with
// suggested sessions on evenings Alex committed but logged nothing there; the same every time.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fillDemoLearner } from '../../electron/demo/demo-learner';
import { demoRepositoryFolder, DEMO_REPO_ITEM, writeDemoRepository } from '../../electron/demo/demo-repo';
import { createTestApp, type TestApp } from '../support/context';

const TODAY = Date.parse('2026-12-01T21:30:00+01:00');
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function demo(): Promise<TestApp> {
  const app = createTestApp(TODAY);
  cleanups.push(() => app.close());
  fillDemoLearner(app.ctx, { seed: 42, today: TODAY });
  await writeDemoRepository(app.ctx, demoRepositoryFolder(app.file));
  return app;
}

describe('the demo repository', () => {
  // Two demo learners and their repositories: several seconds on a busy machine.
  it('is linked to Project 4.3 with suggested sessions, the same on every run', { timeout: 60_000 }, async () => {
    const a = await demo();
    const b = await demo();
    expect(demoRepositoryFolder(a.file)).toBe(
      path.join(path.dirname(a.file), 'demo-repos', 'realtime-inference-service'),
    );
    const summary = (await a.callAsync('repo.summary', { itemId: DEMO_REPO_ITEM })).linked!;
    expect(summary).toMatchObject({
      name: 'realtime-inference-service',
      webUrl: 'https://github.com/alex-rivera/realtime-inference-service',
      readme: { path: 'README.md' },
    });
    expect(summary.suggestions).toHaveLength(3);
    expect(summary.technologies.filter((t) => t.inTools).map((t) => t.name)).toEqual([
      'TensorFlow Serving',
      'Kubernetes',
    ]);
    expect(summary.proposals.githubRepository).toBe('https://github.com/alex-rivera/realtime-inference-service');
    // Every suggestion is on a day with no time on 4.3, and the commits are the same commits in both.
    const logged = summary.days.filter((d) => d.minutes > 0).map((d) => d.date);
    for (const s of summary.suggestions) expect(logged).not.toContain(s.date);
    const other = (await b.callAsync('repo.summary', { itemId: DEMO_REPO_ITEM })).linked!;
    expect(other.suggestions.map((s) => s.id)).toEqual(summary.suggestions.map((s) => s.id));
    expect(other.lastCommit).toEqual(summary.lastCommit);
  });
});
