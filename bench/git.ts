// gitRead: reading a linked repository of 10,000 commits (electron/git/read.ts over isomorphic-git),
// as linking it or opening its item the first time does; how long the main process waited between
// turns of its event loop meanwhile (it must keep answering other calls); and the item's summary once
// the read is cached (HEAD has not moved: what every later visit costs).
//
// The repository is generated once and kept in bench/.build/ (about 10 s to make): objects written
// with isomorphic-git's writeBlob / writeTree / writeCommit, loose as a fresh `git commit` leaves
// them, two authors, a merge every 100 commits, a few files that name technologies.
import fs from 'node:fs';
import path from 'node:path';
import { writeBlob, writeCommit, writeRef, writeTree, init, addRemote } from 'isomorphic-git';
import type { Curriculum } from '../shared/curriculum';
import { openDatabase } from '../electron/db/open';
import { handlers, type HandlerContext } from '../electron/handlers';
import { dispatchAsync } from '../electron/ipc/dispatch';
import { readRepository } from '../electron/git/read';
import { figure, median, quantile, type Section } from './lib';
import { BENCH_NOW } from './seed';

const COMMITS = 10_000;
const RUNS = 5;
const VERSION = 'v1';

async function makeRepository(dir: string): Promise<void> {
  const stamp = path.join(dir, `.bench-${VERSION}-${COMMITS}`);
  if (fs.existsSync(stamp)) return;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  await init({ fs, dir, defaultBranch: 'main' });
  await addRemote({ fs, dir, remote: 'origin', url: 'git@github.com:bench/ten-thousand.git' });
  const blob = (text: string) => writeBlob({ fs, dir, blob: new TextEncoder().encode(text) });
  const k8s = await writeTree({
    fs,
    dir,
    tree: [
      {
        mode: '100644',
        path: 'deployment.yaml',
        oid: await blob('apiVersion: apps/v1\nkind: Deployment\n'),
        type: 'blob',
      },
    ],
  });
  const tree = await writeTree({
    fs,
    dir,
    tree: [
      { mode: '100644', path: 'Dockerfile', oid: await blob('FROM python:3.12\n'), type: 'blob' },
      { mode: '100644', path: 'README.md', oid: await blob(`# Bench\n\n${'words '.repeat(80)}\n`), type: 'blob' },
      { mode: '040000', path: 'k8s', oid: k8s, type: 'tree' },
      { mode: '100644', path: 'requirements.txt', oid: await blob('fastapi\nmlflow\n'), type: 'blob' },
    ],
  });
  const start = Math.floor((BENCH_NOW - 400 * 86_400_000) / 1000);
  const who = (i: number) => ({
    name: i % 7 === 0 ? 'Sam Lee' : 'Alex Rivera',
    email: i % 7 === 0 ? 'sam@example.com' : 'alex@example.com',
    timestamp: start + i * 3000, // about 50 minutes apart: sessions of several commits
    timezoneOffset: i % 7 === 0 ? 300 : -60,
  });
  let head: string | null = null;
  for (let i = 0; i < COMMITS;) {
    const parent: string[] = head ? [head] : [];
    if (head && i % 100 === 99 && i + 1 < COMMITS) {
      // A side commit and its merge: two of the 10,000.
      const side = await writeCommit({
        fs,
        dir,
        commit: { message: `Side ${i}\n`, tree, parent, author: who(i), committer: who(i) },
      });
      head = await writeCommit({
        fs,
        dir,
        commit: { message: `Merge ${i}\n`, tree, parent: [head, side], author: who(i + 1), committer: who(i + 1) },
      });
      i += 2;
      continue;
    }
    head = await writeCommit({
      fs,
      dir,
      commit: { message: `Commit ${i}\n`, tree, parent, author: who(i), committer: who(i) },
    });
    i += 1;
  }
  await writeRef({ fs, dir, ref: 'refs/heads/main', value: head!, force: true });
  fs.writeFileSync(stamp, '');
}

/** The gaps between turns of the event loop while `work` ran, in ms (a 1 ms timer's arrivals). */
async function eventLoopGaps(work: () => Promise<unknown>): Promise<number[]> {
  let last = performance.now();
  const gaps: number[] = [];
  const timer = setInterval(() => {
    const now = performance.now();
    gaps.push(now - last);
    last = now;
  }, 1);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return gaps;
}

export async function benchGitRead(buildDir: string, work: string, curriculum: Curriculum): Promise<Section> {
  const dir = path.join(buildDir, 'git-10k');
  await makeRepository(dir);

  const times: number[] = [];
  const gaps: number[] = [];
  let commits = 0;
  for (let run = 0; run < RUNS; run++) {
    gaps.push(
      ...(await eventLoopGaps(async () => {
        const started = performance.now();
        commits = (await readRepository(dir)).commits.length;
        times.push(performance.now() - started);
      })),
    );
  }
  if (commits !== COMMITS) throw new Error(`The bench repository has ${commits} commits, not ${COMMITS}.`);

  // The item's summary once linked: the read is cached while HEAD stays where it is.
  const ctx: HandlerContext = {
    db: openDatabase(path.join(work, 'git.db'), curriculum),
    curriculum,
    now: () => BENCH_NOW,
  };
  try {
    const linked = await dispatchAsync(handlers, ctx, 'repo.link', { itemId: '4.1', folder: dir });
    if (!linked.ok) throw new Error(`repo.link refused the bench repository: ${linked.error.message}`);
    const summaries: number[] = [];
    for (let run = 0; run < 20; run++) {
      const started = performance.now();
      const answer = await dispatchAsync(handlers, ctx, 'repo.summary', { itemId: '4.1' });
      summaries.push(performance.now() - started);
      if (!answer.ok) throw new Error(answer.error.message);
    }
    return {
      read10k: figure(
        median(times),
        'ms',
        { op: '<', limit: 3000 },
        `readRepository on ${COMMITS.toLocaleString('en')} loose commits with merges, median of ${RUNS}`,
      ),
      eventLoopP99: figure(
        quantile(gaps, 0.99),
        'ms',
        { op: '<', limit: 50 },
        'the 99th percentile of the waits between turns of the event loop during those reads (the main process keeps answering)',
      ),
      longestPause: figure(
        Math.max(...gaps),
        'ms',
        null,
        'the longest such wait: on a busy machine the scheduler and the garbage collector show here too',
      ),
      cachedSummary: figure(
        median(summaries),
        'ms',
        { op: '<', limit: 100 },
        'repo.summary once read (HEAD unmoved): sessions, suggestions and days from 10,000 commits, median of 20',
      ),
    };
  } finally {
    ctx.db.close();
  }
}
