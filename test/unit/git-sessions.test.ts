// Sessions from commits and the days they fall on: pure functions, in the learner's zone (Berlin here).
import { describe, expect, it } from 'vitest';
import {
  commitsPerLocalDay,
  SESSION_GAP_MS,
  SESSION_LEAD_MS,
  SESSION_MAX_MS,
  SESSION_RULE,
  sessionsFromCommits,
  suggestedSessions,
} from '../../electron/git/sessions';

const berlin = (local: string) => Date.parse(`${local}+01:00`);
const MIN = 60_000;
let n = 0;
const commit = (at: number) => ({ oid: (++n).toString(16).padStart(40, '0'), at });

describe('commitsPerLocalDay', () => {
  it('counts each commit on the local day of its instant, whatever zone its author was in', () => {
    const days = commitsPerLocalDay([
      { at: berlin('2026-03-02T23:59') },
      // 23:30 in London is 00:30 the next day here.
      { at: Date.parse('2026-03-02T23:30:00Z') },
      { at: Date.parse('2026-03-02T18:00:00-05:00') },
    ]);
    expect([...days]).toEqual([
      ['2026-03-02', 1],
      ['2026-03-03', 2],
    ]);
  });
});

describe('sessionsFromCommits', () => {
  it('joins commits less than 2 hours apart, from 30 minutes before the first to the last', () => {
    expect(SESSION_GAP_MS).toBe(120 * MIN);
    expect(SESSION_LEAD_MS).toBe(30 * MIN);
    const a = commit(berlin('2026-03-02T19:00'));
    const b = commit(berlin('2026-03-02T20:59'));
    const c = commit(berlin('2026-03-02T22:59')); // exactly 2 hours after b: a new session
    const sessions = sessionsFromCommits([c, a, b]);
    expect(sessions).toEqual([
      { id: a.oid, date: '2026-03-02', startedAt: a.at - 30 * MIN, endedAt: b.at, commits: 2 },
      { id: c.oid, date: '2026-03-02', startedAt: c.at - 30 * MIN, endedAt: c.at, commits: 1 },
    ]);
    expect(SESSION_RULE).toMatch(
      /less than 2 hours apart make one session, from 30 minutes before its first commit to its last/,
    );
  });

  it('dates a session by its first commit, even when it starts the evening before', () => {
    const a = commit(berlin('2026-03-03T00:10'));
    expect(sessionsFromCommits([a])).toEqual([
      { id: a.oid, date: '2026-03-03', startedAt: berlin('2026-03-02T23:40'), endedAt: a.at, commits: 1 },
    ]);
  });

  it('cuts a run of commits longer than 12 hours, so no suggestion is longer than an entry may be', () => {
    const run = Array.from({ length: 20 }, (_, i) => commit(berlin('2026-03-02T06:00') + i * 60 * MIN));
    const sessions = sessionsFromCommits(run);
    expect(sessions.length).toBeGreaterThan(1);
    for (const s of sessions) expect(s.endedAt - s.startedAt).toBeLessThanOrEqual(SESSION_MAX_MS + SESSION_LEAD_MS);
    expect(sessions.reduce((sum, s) => sum + s.commits, 0)).toBe(20);
  });

  it('counts commits with the same time once each', () => {
    const at = berlin('2026-03-02T10:00');
    expect(sessionsFromCommits([commit(at), commit(at)])).toMatchObject([{ commits: 2 }]);
    expect(sessionsFromCommits([])).toEqual([]);
  });
});

describe('suggestedSessions', () => {
  const monday = commit(berlin('2026-03-02T19:00'));
  const tuesday = commit(berlin('2026-03-03T19:00'));
  const wednesday = commit(berlin('2026-03-04T19:00'));
  const sessions = sessionsFromCommits([monday, tuesday, wednesday]);
  const now = berlin('2026-03-05T09:00');

  it('suggests days with commits but no logged time, newest first', () => {
    expect(suggestedSessions(sessions, new Set(['2026-03-03']), new Set(), now).map((s) => s.id)).toEqual([
      wednesday.oid,
      monday.oid,
    ]);
  });

  it('leaves out dismissed sessions and any that end after now', () => {
    const early = berlin('2026-03-03T20:00');
    expect(suggestedSessions(sessions, new Set(), new Set([monday.oid]), early).map((s) => s.id)).toEqual([
      tuesday.oid,
    ]);
  });
});
