// Linked git repositories over the real handlers, on repositories the tests make with isomorphic-git:
// several authors and time zones, a side branch merged back, an empty repository, folders that are
// not repositories and a damaged object. A refusal writes nothing; a read never changes the repository.
// Each test makes its repositories with isomorphic-git: seconds, not milliseconds, on a busy machine.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readRepositoryCached, readsUnderWay } from '../../electron/git/cache';
import { readRepository } from '../../electron/git/read';
import { createTestApp, dumpDatabase, type TestApp } from '../support/context';
import {
  commitAll,
  damageObject,
  looseObjectCount,
  makeRepo,
  tempFolder,
  type TestCommit,
  type TestRepo,
} from '../support/git-repos';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});
function app(): TestApp {
  const a = createTestApp();
  cleanups.push(() => a.close());
  return a;
}
async function repo(commits: readonly TestCommit[], remote?: string): Promise<TestRepo> {
  const r = await makeRepo(commits, remote ? { remote } : {});
  cleanups.push(r.remove);
  return r;
}

const berlin = (local: string) => Date.parse(`${local}+01:00`);
const README = `# Churn prediction API\n\n${'This service predicts churn for a customer from their account data and serves it over HTTP. '.repeat(4)}`;

/** Item 4.1's repository: two authors in three time zones, a side branch merged back, files that show its tools. */
async function apiRepo(): Promise<TestRepo> {
  const r = await repo(
    [
      {
        at: berlin('2026-02-23T19:00'),
        message: 'Start the API',
        files: {
          'README.md': README,
          'requirements.txt': 'fastapi==0.110.0\nuvicorn\nscikit-learn>=1.4\nboto3\n',
          'app/main.py': 'from fastapi import FastAPI\n',
        },
      },
      { at: berlin('2026-02-23T19:40'), message: 'Add the predict endpoint\n\nWith a schema.' },
    ],
    'https://alex:ghp_secret@github.com/alex-rivera/churn-api.git',
  );
  // Sam, in New York, on a side branch: 14:00 there is 20:00 in Berlin.
  const [side] = await commitAll(r.dir, [
    {
      at: Date.parse('2026-02-24T14:00:00-05:00'),
      offsetMinutes: -300,
      author: 'Sam Lee',
      message: 'Add the health check',
      branch: 'feature',
      files: { 'app/health.py': 'def health(): ...\n' },
    },
  ]);
  r.oids.push(side!);
  // In London, 23:30 on the 25th: 00:30 on the 26th in Berlin, where the learner's days are counted.
  r.oids.push(
    ...(await commitAll(r.dir, [
      {
        at: Date.parse('2026-02-25T23:30:00Z'),
        offsetMinutes: 0,
        message: 'Dockerfile',
        files: { Dockerfile: 'FROM python:3.12-slim\n' },
      },
      {
        at: berlin('2026-02-26T18:00'),
        message: 'Merge the health check',
        mergeWith: [side!],
        files: { 'k8s/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: churn-api\n' },
      },
    ])),
  );
  return r;
}

describe('linking a repository', { timeout: 30_000 }, () => {
  it('reads commits per local day, first and last commit, the remote and the suggestions', async () => {
    const a = app();
    const r = await apiRepo();
    // Logged on the 23rd: that day is not suggested.
    a.call('time.add', { itemId: '4.1', startedAt: berlin('2026-02-23T18:30'), endedAt: berlin('2026-02-23T20:00') });
    const objects = looseObjectCount(r.dir);
    const { linked, canChooseFolder } = await a.callAsync('repo.link', { itemId: '4.1', folder: r.dir });
    expect(canChooseFolder).toBe(false);
    expect(linked).toMatchObject({
      folder: r.dir,
      name: path.basename(r.dir),
      branch: 'main',
      // The token never shows.
      remoteUrl: 'https://github.com/alex-rivera/churn-api.git',
      webUrl: 'https://github.com/alex-rivera/churn-api',
      commitCount: 5,
      firstCommit: { message: 'Start the API', author: 'Alex Rivera', at: berlin('2026-02-23T19:00') },
      lastCommit: { message: 'Merge the health check', at: berlin('2026-02-26T18:00') },
      readme: { path: 'README.md' },
    });
    expect(linked!.days).toEqual([
      { date: '2026-02-26', commits: 2, minutes: 0 },
      { date: '2026-02-24', commits: 1, minutes: 0 },
      { date: '2026-02-23', commits: 2, minutes: 90 },
    ]);
    // Commits less than 2 hours apart are one session from 30 minutes before the first to the last.
    expect(linked!.suggestions).toEqual([
      {
        id: r.oids[4],
        date: '2026-02-26',
        startedAt: berlin('2026-02-26T17:30'),
        endedAt: berlin('2026-02-26T18:00'),
        commits: 1,
      },
      {
        id: r.oids[3],
        date: '2026-02-26',
        startedAt: berlin('2026-02-26T00:00'),
        endedAt: berlin('2026-02-26T00:30'),
        commits: 1,
      },
      {
        id: r.oids[2],
        date: '2026-02-24',
        startedAt: berlin('2026-02-24T19:30'),
        endedAt: berlin('2026-02-24T20:00'),
        commits: 1,
      },
    ]);
    expect(linked!.suggestionCount).toBe(3);
    expect(linked!.sessionRule).toMatch(/less than 2 hours apart/);
    expect(linked!.technologies.map((t) => [t.name, t.evidence, t.inTools])).toEqual([
      ['FastAPI', 'requirements.txt', true],
      ['Docker', 'Dockerfile', true],
      ['AWS', 'requirements.txt', true],
      ['Kubernetes', 'k8s/deployment.yaml', false],
      ['Python', 'app/health.py', false],
      ['Scikit-learn', 'requirements.txt', false],
    ]);
    // The portfolio's prefilled Technologies are the item's tools: what the repository adds is proposed.
    expect(linked!.proposals).toEqual({
      githubRepository: 'https://github.com/alex-rivera/churn-api',
      technologiesUsed: {
        // "AWS/GCP" already names AWS.
        add: ['Kubernetes', 'Python', 'Scikit-learn'],
        value: 'FastAPI, Docker, AWS/GCP, Kubernetes, Python, Scikit-learn',
      },
    });
    expect(looseObjectCount(r.dir)).toBe(objects);
    // Stored: the link survives a restart, machine-local.
    a.reopen();
    expect((await a.callAsync('repo.summary', { itemId: '4.1' })).linked?.commitCount).toBe(5);
  });

  it('turns a suggestion into an entry on the item, once', async () => {
    const a = app();
    const r = await apiRepo();
    await a.callAsync('repo.link', { itemId: '4.1', folder: r.dir });
    const entry = await a.callAsync('repo.acceptSuggestion', { itemId: '4.1', suggestionId: r.oids[2]! });
    expect(entry).toMatchObject({
      itemId: '4.1',
      startedAt: berlin('2026-02-24T19:30'),
      endedAt: berlin('2026-02-24T20:00'),
      note: `From 1 commit in ${path.basename(r.dir)}`,
      source: 'manual',
    });
    expect(a.call('item.get', { itemId: '4.1' }).status).toBe('in_progress');
    const summary = await a.callAsync('repo.summary', { itemId: '4.1' });
    expect(summary.linked!.suggestions.map((s) => s.id)).toEqual([r.oids[4], r.oids[3], r.oids[0]]);
    expect(summary.linked!.days.find((d) => d.date === '2026-02-24')).toEqual({
      date: '2026-02-24',
      commits: 1,
      minutes: 30,
    });
    const before = dumpDatabase(a.db);
    const again = await a.rawAsync('repo.acceptSuggestion', { itemId: '4.1', suggestionId: r.oids[2]! });
    expect(again).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(dumpDatabase(a.db)).toBe(before);
  });

  it('dismisses a suggestion for as long as the item stays linked to that repository', async () => {
    const a = app();
    const r = await apiRepo();
    await a.callAsync('repo.link', { itemId: '4.1', folder: r.dir });
    expect(await a.callAsync('repo.dismissSuggestion', { itemId: '4.1', suggestionId: r.oids[4]! })).toEqual({
      dismissed: true,
    });
    const ids = async () => (await a.callAsync('repo.summary', { itemId: '4.1' })).linked!.suggestions.map((s) => s.id);
    expect(await ids()).toEqual([r.oids[3], r.oids[2], r.oids[0]]);
    // A later commit within 2 hours joins the session: it keeps its id and stays dismissed.
    await commitAll(r.dir, [{ at: berlin('2026-02-26T19:00'), message: 'Tidy up' }]);
    expect(await ids()).toEqual([r.oids[3], r.oids[2], r.oids[0]]);
    // Unknown ids are refused and write nothing; linking again to the same folder keeps the dismissal.
    const before = dumpDatabase(a.db);
    const unknown = await a.rawAsync('repo.dismissSuggestion', { itemId: '4.1', suggestionId: 'a'.repeat(40) });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(dumpDatabase(a.db)).toBe(before);
    await a.callAsync('repo.link', { itemId: '4.1', folder: r.dir });
    expect(await ids()).toEqual([r.oids[3], r.oids[2], r.oids[0]]);
    // Unlinking forgets it.
    expect(a.call('repo.unlink', { itemId: '4.1' })).toEqual({ unlinked: true });
    expect((await a.callAsync('repo.summary', { itemId: '4.1' })).linked).toBeNull();
    expect(a.db.prepare('SELECT COUNT(*) FROM repo_dismissed').pluck().get()).toBe(0);
    expect(a.call('repo.unlink', { itemId: '4.1' })).toEqual({ unlinked: false });
  });

  it('links a subfolder as its repository, and an empty repository with nothing to suggest', async () => {
    const a = app();
    const r = await apiRepo();
    const { linked } = await a.callAsync('repo.link', { itemId: '4.1', folder: path.join(r.dir, 'app') });
    expect(linked!.folder).toBe(r.dir);
    const empty = await repo([]);
    const summary = await a.callAsync('repo.link', { itemId: '4.2', folder: `  ${empty.dir}  ` });
    expect(summary.linked).toMatchObject({
      commitCount: 0,
      firstCommit: null,
      lastCommit: null,
      remoteUrl: null,
      webUrl: null,
      days: [],
      suggestions: [],
      technologies: [],
      readme: null,
      proposals: { githubRepository: null },
    });
  });

  it('sees new commits when HEAD moves, and reuses the read while it does not', async () => {
    const r = await apiRepo();
    const first = await readRepositoryCached(r.dir);
    expect(await readRepositoryCached(r.dir)).toBe(first);
    await commitAll(r.dir, [{ at: berlin('2026-02-27T10:00'), message: 'More' }]);
    const second = await readRepositoryCached(r.dir);
    expect(second).not.toBe(first);
    expect(second.commits).toHaveLength(6);
  });
});

describe('folders that cannot be linked', { timeout: 30_000 }, () => {
  const refusals: [string, (dir: string) => string, RegExp][] = [
    ['a folder that is not a repository', (dir) => dir, /is not a git repository/],
    ['a folder that is not there', (dir) => path.join(dir, 'nowhere'), /There is no folder at/],
    [
      'a file',
      (dir) => {
        writeFileSync(path.join(dir, 'notes.txt'), 'hi');
        return path.join(dir, 'notes.txt');
      },
      /is a file, not a folder/,
    ],
    ['a relative path', () => 'projects/model-api', /Type the folder's full path/],
  ];
  for (const [what, folderOf, message] of refusals) {
    it(`refuses ${what} in a sentence beside the field, and writes nothing`, async () => {
      const a = app();
      const dir = tempFolder();
      cleanups.push(() => writeFileSync(path.join(dir, '.keep'), '')); // the folder goes with the temp folder
      const before = dumpDatabase(a.db);
      const result = await a.rawAsync('repo.link', { itemId: '4.1', folder: folderOf(dir) });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.message).toMatch(message);
      expect(result.error.fields?.folder).toBe(result.error.message);
      expect(dumpDatabase(a.db)).toBe(before);
    });
  }

  it('refuses a repository with a damaged object, and says which', async () => {
    const a = app();
    const r = await apiRepo();
    damageObject(r.dir, r.oids[1]!);
    const before = dumpDatabase(a.db);
    const result = await a.rawAsync('repo.link', { itemId: '4.1', folder: r.dir });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(!result.ok && result.error.message).toMatch(
      new RegExp(`could not be read: commit ${r.oids[1]!.slice(0, 7)} is damaged or missing`),
    );
    expect(dumpDatabase(a.db)).toBe(before);
  });

  it('says so on the item when a linked repository becomes unreadable', async () => {
    const a = app();
    const r = await apiRepo();
    await a.callAsync('repo.link', { itemId: '4.1', folder: r.dir });
    r.remove();
    const result = await a.rawAsync('repo.summary', { itemId: '4.1' });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(!result.ok && result.error.message).toMatch(/There is no folder at/);
    // The learner can still unlink it.
    expect(a.call('repo.unlink', { itemId: '4.1' })).toEqual({ unlinked: true });
  });

  it('refuses a repository with more commits than it reads, in words, with the count', async () => {
    const r = await repo(Array.from({ length: 6 }, (_, i) => ({ at: berlin('2026-02-01T10:00') + i * 60_000 })));
    await expect(readRepository(r.dir, { maxCommits: 5 })).rejects.toThrow(
      /has more than 5 commits, more than the app reads, so it was not linked/,
    );
    expect((await readRepository(r.dir, { maxCommits: 6 })).commits).toHaveLength(6);
  });

  it('reports how far a long read has got while it runs', async () => {
    const r = await repo([{ at: berlin('2026-02-01T10:00') }]);
    const reading = readRepositoryCached(r.dir);
    let seen: ReturnType<typeof readsUnderWay> = [];
    for (let i = 0; i < 50 && seen.length === 0; i++) {
      seen = readsUnderWay();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(seen).toMatchObject([{ folder: r.dir }]);
    await reading;
    expect(readsUnderWay()).toEqual([]);
  });
});

describe('the portfolio and the milestones', { timeout: 30_000 }, () => {
  it('offers the remote and the technologies until the entry has them', async () => {
    const a = app();
    const r = await apiRepo();
    const { linked } = await a.callAsync('repo.link', { itemId: '4.1', folder: r.dir });
    a.call('portfolio.update', {
      itemId: '4.1',
      fields: { technologiesUsed: linked!.proposals.technologiesUsed!.value },
      links: { githubRepository: linked!.proposals.githubRepository! },
    });
    expect((await a.callAsync('repo.summary', { itemId: '4.1' })).linked!.proposals).toEqual({
      githubRepository: null,
      technologiesUsed: null,
    });
  });

  it("counts a linked repository's README as documentation for the portfolio milestone", async () => {
    const a = app();
    const r = await apiRepo();
    const github = (n: number) => ({ githubRepository: `https://github.com/me/p${n}` });
    a.call('portfolio.update', { itemId: '4.1', links: github(1) });
    a.call('portfolio.update', { itemId: '4.2', links: { ...github(2), documentation: 'https://me.github.io/p2' } });
    a.call('portfolio.update', { itemId: '4.3', links: { ...github(3), documentation: 'https://me.github.io/p3' } });
    const milestone = () =>
      a
        .call('milestones.get')
        .checklists.flatMap((c) => c.entries)
        .find((e) => e.id === 'portfolio.2')!;
    expect(milestone().done).toBe(false);
    await a.callAsync('repo.link', { itemId: '4.1', folder: r.dir });
    expect(milestone()).toMatchObject({ done: true, rule: { met: true } });
    a.call('repo.unlink', { itemId: '4.1' });
    expect(milestone().done).toBe(false);
  });
});
