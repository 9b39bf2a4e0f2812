// A git repository linked to an item (issue 16, items 3 and 4): read in main with isomorphic-git
// (electron/git/), never written. The item shows its commits per day beside the logged hours, its
// first and last commit and its remote; days with commits but no logged time become suggested
// sessions the learner accepts, edits or dismisses (never entries made silently); the portfolio is
// offered the remote's page and the technologies the repository shows.
import os from 'node:os';
import path from 'node:path';
import type { CurriculumItem } from '../../shared/curriculum';
import { AppError } from '../../shared/errors';
import { PORTFOLIO_LINE_MAX } from '../../shared/schemas/portfolio';
import type { LinkedRepo, RepoSummary } from '../../shared/schemas/repos';
import { manualEntryInput, type TimeEntry } from '../../shared/schemas/time';
import { describeIssues } from '../../shared/validation';
import { readRepositoryCached, readsUnderWay } from '../git/cache';
import { RepoReadError, type RepoSnapshot } from '../git/read';
import {
  commitsPerLocalDay,
  SESSION_RULE,
  sessionsFromCommits,
  suggestedSessions,
  type CommitSession,
} from '../git/sessions';
import { displayRemote, proposeTechnologies, readmeIn, technologiesIn, webUrlOfRemote } from '../git/technologies';
import { minutesPerLocalDay } from '../stats/local-days';
import {
  deleteRepoLink,
  readDismissed,
  readItemSpans,
  readRepoLink,
  writeDismissed,
  writeRepoLink,
  writeRepoReadme,
} from '../store/repos';
import { requireItem, type HandlerContext, type HandlerGroup } from './context';
import { readPortfolioEntry } from './portfolio';
import { timeHandlers } from './time';

const DAYS_SHOWN = 60;
const SUGGESTIONS_SHOWN = 20;

/** The folder as typed: "~" is the home folder; anything else must be a full path. */
function resolveFolder(ctx: HandlerContext, typed: string): string {
  const home = ctx.homeDir ?? os.homedir();
  const folder = typed === '~' ? home : typed.startsWith('~/') ? path.join(home, typed.slice(2)) : typed;
  if (!path.isAbsolute(folder)) {
    const message = `Type the folder's full path, for example ${path.join(home, 'projects', 'model-api')}; "${typed.slice(0, 80)}" is not one.`;
    throw new AppError('INVALID_INPUT', message, { folder: message });
  }
  return path.normalize(folder);
}

/** A repository that cannot be read, as the learner's answer (beside the folder field); a bug of ours stays one. */
function asAppError(error: unknown): unknown {
  if (!(error instanceof RepoReadError)) return error;
  return new AppError('CONFLICT', error.message, { folder: error.message });
}

/** The sessions made of the repository's commits, and those to suggest on this item. */
function suggestionsFor(ctx: HandlerContext, itemId: string, snapshot: RepoSnapshot) {
  const spans = readItemSpans(ctx, itemId);
  const minutes = minutesPerLocalDay(spans);
  const sessions = sessionsFromCommits(snapshot.commits);
  const suggestions = suggestedSessions(sessions, new Set(minutes.keys()), readDismissed(ctx, itemId), ctx.now());
  return { minutes, suggestions };
}

const sameLink = (a: string, b: string) => a.trim().replace(/\/+$/, '') === b.trim().replace(/\/+$/, '');

function describe(ctx: HandlerContext, item: CurriculumItem, snapshot: RepoSnapshot): LinkedRepo {
  const { minutes, suggestions } = suggestionsFor(ctx, item.id, snapshot);
  const commitDays = commitsPerLocalDay(snapshot.commits);
  const dates = [...new Set([...commitDays.keys(), ...minutes.keys()])].sort().reverse().slice(0, DAYS_SHOWN);
  const technologies = technologiesIn(snapshot.files, snapshot.texts, item.tools);
  const readme = readmeIn(snapshot.texts);
  const entry = readPortfolioEntry(ctx, item.id);
  const webUrl = snapshot.remoteUrl ? webUrlOfRemote(snapshot.remoteUrl) : null;
  const commit = (c: RepoSnapshot['commits'][number] | undefined) =>
    c ? { oid: c.oid, at: c.at, author: c.author, message: c.message } : null;
  return {
    folder: snapshot.root,
    name: path.basename(snapshot.root),
    branch: snapshot.branch,
    remoteUrl: snapshot.remoteUrl ? displayRemote(snapshot.remoteUrl) : null,
    webUrl,
    commitCount: snapshot.commits.length,
    firstCommit: commit(snapshot.commits.at(-1)),
    lastCommit: commit(snapshot.commits[0]),
    days: dates.map((date) => ({ date, commits: commitDays.get(date) ?? 0, minutes: minutes.get(date) ?? 0 })),
    sessionRule: SESSION_RULE,
    suggestions: suggestions.slice(0, SUGGESTIONS_SHOWN).map(toSuggestion),
    suggestionCount: suggestions.length,
    technologies,
    readme,
    proposals: {
      githubRepository: webUrl && !sameLink(entry.links.githubRepository, webUrl) ? webUrl : null,
      technologiesUsed: proposeTechnologies(entry.fields.technologiesUsed, technologies, PORTFOLIO_LINE_MAX),
    },
  };
}

const toSuggestion = (s: CommitSession) => ({
  id: s.id,
  date: s.date,
  startedAt: s.startedAt,
  endedAt: s.endedAt,
  commits: s.commits,
});

/** Reads the item's linked repository (from the cache while HEAD has not moved). */
async function readLinked(ctx: HandlerContext, itemId: string) {
  const link = readRepoLink(ctx, itemId);
  if (!link) return null;
  try {
    return { link, snapshot: await readRepositoryCached(link.folder) };
  } catch (error) {
    throw asAppError(error);
  }
}

async function summarize(ctx: HandlerContext, itemId: string): Promise<RepoSummary> {
  const item = requireItem(ctx, itemId);
  const read = await readLinked(ctx, itemId);
  const canChooseFolder = Boolean(ctx.chooseRepositoryFolder);
  if (!read) return { canChooseFolder, linked: null };
  // After the read, in one go: what the logbook says now, and the README the milestones count.
  return ctx.db.transaction(() => {
    writeRepoReadme(ctx, itemId, readmeIn(read.snapshot.texts)?.path ?? null);
    return { canChooseFolder, linked: describe(ctx, item, read.snapshot) };
  })();
}

function requireLink(ctx: HandlerContext, itemId: string) {
  requireItem(ctx, itemId);
  if (!readRepoLink(ctx, itemId))
    throw new AppError('CONFLICT', 'This item is not linked to a repository, so it has no suggested sessions.');
}

export const repoHandlers: HandlerGroup<
  | 'repo.summary'
  | 'repo.link'
  | 'repo.unlink'
  | 'repo.chooseFolder'
  | 'repo.progress'
  | 'repo.acceptSuggestion'
  | 'repo.dismissSuggestion'
> = {
  'repo.summary': (ctx, { itemId }) => summarize(ctx, itemId),

  'repo.link': async (ctx, { itemId, folder }) => {
    requireItem(ctx, itemId);
    const absolute = resolveFolder(ctx, folder);
    // Read to the end before anything is stored: a folder that cannot be read is never linked.
    let snapshot: RepoSnapshot;
    try {
      snapshot = await readRepositoryCached(absolute);
    } catch (error) {
      throw asAppError(error);
    }
    ctx.db.transaction(() => writeRepoLink(ctx, itemId, snapshot.root, readmeIn(snapshot.texts)?.path ?? null))();
    return summarize(ctx, itemId);
  },

  'repo.unlink': (ctx, { itemId }) => {
    requireItem(ctx, itemId);
    return { unlinked: ctx.db.transaction(() => deleteRepoLink(ctx, itemId))() };
  },

  'repo.chooseFolder': async (ctx) => {
    if (!ctx.chooseRepositoryFolder)
      throw new AppError(
        'CONFLICT',
        "Choosing a folder from a dialog needs the desktop app; type the repository folder's full path instead.",
      );
    return { folder: await ctx.chooseRepositoryFolder() };
  },

  'repo.progress': () => ({ reading: readsUnderWay() }),

  'repo.acceptSuggestion': async (ctx, { itemId, suggestionId }): Promise<TimeEntry> => {
    requireLink(ctx, itemId);
    const read = await readLinked(ctx, itemId);
    if (!read) throw new AppError('CONFLICT', 'This item is no longer linked to a repository; nothing was logged.');
    const suggestion = suggestionsFor(ctx, itemId, read.snapshot).suggestions.find((s) => s.id === suggestionId);
    if (!suggestion)
      throw new AppError(
        'NOT_FOUND',
        'That suggested session is no longer suggested (time was logged that day, or it was dismissed), so nothing was logged.',
      );
    const commits = suggestion.commits === 1 ? '1 commit' : `${suggestion.commits} commits`;
    const input = manualEntryInput.safeParse({
      itemId,
      startedAt: suggestion.startedAt,
      endedAt: suggestion.endedAt,
      note: `From ${commits} in ${path.basename(read.snapshot.root)}`,
    });
    if (!input.success) throw new AppError('INVALID_INPUT', describeIssues(input.error).message);
    // The same path as an entry typed by hand: checks, one transaction, the item marked started.
    return timeHandlers['time.add'](ctx, input.data);
  },

  'repo.dismissSuggestion': async (ctx, { itemId, suggestionId }) => {
    requireLink(ctx, itemId);
    if (readDismissed(ctx, itemId).has(suggestionId)) return { dismissed: true };
    const read = await readLinked(ctx, itemId);
    const suggested = read && suggestionsFor(ctx, itemId, read.snapshot).suggestions.some((s) => s.id === suggestionId);
    if (!suggested)
      throw new AppError(
        'NOT_FOUND',
        'That session is not among the suggested ones (time may have been logged that day), so nothing changed.',
      );
    ctx.db.transaction(() => writeDismissed(ctx, itemId, suggestionId))();
    return { dismissed: true };
  },
};
