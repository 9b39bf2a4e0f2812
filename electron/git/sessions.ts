// What a repository's commits say about study time, as pure functions: commits per local day,
// sessions made of commits close together, and the sessions to suggest (days with commits but no
// time logged on the item). The rule is stated once, here, and the Repository section shows it.
import type { LocalDate } from '../../shared/dates';
import { MINUTE_MS } from '../../shared/time';
import { localDateOf } from '../stats/local-days';

/** Commits less than this far apart belong to one session. */
export const SESSION_GAP_MS = 2 * 60 * MINUTE_MS;
/** A session starts this long before its first commit: the work that led to it. */
export const SESSION_LEAD_MS = 30 * MINUTE_MS;
/** A run of commits longer than this is cut into several sessions (an entry is at most 24 hours). */
export const SESSION_MAX_MS = 12 * 60 * MINUTE_MS;

export const SESSION_RULE =
  'Commits less than 2 hours apart make one session, from 30 minutes before its first commit to its last. A day with commits but no time logged on this item is suggested here.';

export interface CommitTime {
  oid: string;
  at: number;
}

export interface CommitSession {
  /** The first commit's id: the session keeps it when later commits extend it, so a dismissal stays. */
  id: string;
  /** The local day of its first commit. */
  date: LocalDate;
  startedAt: number;
  endedAt: number;
  commits: number;
}

/** Commits per local day (the learner's calendar, as the logged hours are counted). */
export function commitsPerLocalDay(commits: Iterable<{ at: number }>): Map<LocalDate, number> {
  const days = new Map<LocalDate, number>();
  for (const { at } of commits) {
    const day = localDateOf(at);
    days.set(day, (days.get(day) ?? 0) + 1);
  }
  return days;
}

/** The commits grouped into sessions by SESSION_RULE, oldest first. */
export function sessionsFromCommits(commits: readonly CommitTime[]): CommitSession[] {
  const sorted = [...commits].sort((a, b) => a.at - b.at || (a.oid < b.oid ? -1 : 1));
  const sessions: CommitSession[] = [];
  let current: (CommitSession & { lastAt: number }) | null = null;
  const close = () => {
    if (!current) return;
    const { lastAt, ...session } = current;
    sessions.push({ ...session, endedAt: lastAt });
  };
  for (const commit of sorted) {
    if (current && commit.at - current.lastAt < SESSION_GAP_MS && commit.at - current.startedAt <= SESSION_MAX_MS) {
      current.lastAt = commit.at;
      current.commits++;
      continue;
    }
    close();
    current = {
      id: commit.oid,
      date: localDateOf(commit.at),
      startedAt: commit.at - SESSION_LEAD_MS,
      endedAt: commit.at,
      lastAt: commit.at,
      commits: 1,
    };
  }
  close();
  return sessions;
}

/**
 * The sessions to suggest: on a day with no time logged on the item, not dismissed, and over by `now`
 * (a commit dated in the future, from a clock set wrong, is not suggested). Newest first.
 */
export function suggestedSessions(
  sessions: readonly CommitSession[],
  loggedDays: ReadonlySet<LocalDate>,
  dismissed: ReadonlySet<string>,
  now: number,
): CommitSession[] {
  return sessions
    .filter((s) => !loggedDays.has(s.date) && !dismissed.has(s.id) && s.endedAt <= now)
    .sort((a, b) => b.startedAt - a.startedAt);
}
