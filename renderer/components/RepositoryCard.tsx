// The item's git repository: link one (a folder dialog in the desktop app, a typed path in the
// browser version), then see its commits per day beside the hours logged here, its first and last
// commit and its remote, the sessions suggested from days with commits but no logged time (accepted,
// edited or dismissed by the learner, never logged by themselves), and what it proposes for the
// portfolio. The repository is read in main; this only shows and asks.
import { useEffect, useState, type FormEvent } from 'react';
import type { CurriculumItem } from '../../shared/curriculum';
import { README_MIN_WORDS, type LinkedRepo } from '../../shared/schemas/repos';
import { formatHours } from '../../shared/time';
import { call, fieldError } from '../api';
import { formatDay, formatLocalDate, formatTime } from '../lib/dates';
import { useMutation, useQuery } from '../lib/data';
import { plural } from '../lib/labels';
import { useNotices } from '../lib/notices';
import { EntryForm } from './EntryForm';

const DAYS_AT_FIRST = 10;

/** While `active`, how far main's read of a repository has got, asked every 400 ms: "3,250 commits read". */
function useReadProgress(active: boolean): string | null {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    if (!active) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const ask = async () => {
      try {
        const { reading } = await call('repo.progress');
        const commits = reading.reduce((sum, r) => sum + r.commits, 0);
        if (!stopped) setText(reading.length > 0 ? `${commits.toLocaleString()} commits read so far.` : null);
      } catch {
        // progress is a nicety: the read itself reports any problem
      }
      if (!stopped) timer = setTimeout(() => void ask(), 400);
    };
    timer = setTimeout(() => void ask(), 300);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [active]);
  return active ? text : null;
}

export function RepositoryCard({ item }: { item: CurriculumItem }) {
  const summary = useQuery('repo.summary', { itemId: item.id });
  const progress = useReadProgress(summary.status === 'loading');
  return (
    <section className="card repo-card" aria-labelledby="repo-title" data-testid="repo-card">
      <h2 id="repo-title">Repository</h2>
      {summary.status === 'loading' && (
        <p className="muted" role="status">
          Reading the repository… {progress}
        </p>
      )}
      {summary.status === 'error' && <Unreadable itemId={item.id} message={summary.message} />}
      {summary.status === 'ready' &&
        (summary.data.linked ? (
          <Linked item={item} repo={summary.data.linked} />
        ) : (
          <LinkForm itemId={item.id} canChooseFolder={summary.data.canChooseFolder} />
        ))}
    </section>
  );
}

/** A linked repository that cannot be read now (moved, deleted, damaged): say why, offer to unlink. */
function Unreadable({ itemId, message }: { itemId: string; message: string }) {
  const mutate = useMutation();
  return (
    <>
      <p className="inline-error" role="alert">
        {message}
      </p>
      <div className="form-actions">
        <button type="button" className="button" onClick={() => void mutate('repo.unlink', { itemId })}>
          Unlink the repository
        </button>
      </div>
    </>
  );
}

function LinkForm({ itemId, canChooseFolder }: { itemId: string; canChooseFolder: boolean }) {
  const mutate = useMutation();
  const [folder, setFolder] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const progress = useReadProgress(busy);

  const link = async (chosen: string) => {
    setBusy(true);
    setError(null);
    await mutate(
      'repo.link',
      { itemId, folder: chosen },
      { onError: (e) => setError(fieldError(e, 'folder') ?? e.message) },
    );
    setBusy(false);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) void link(folder);
  };
  const choose = async () => {
    try {
      const chosen = await call('repo.chooseFolder');
      if (chosen.folder) await link(chosen.folder);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <>
      <p className="muted">
        Link this item to the git repository you work in. The app reads its commits (it never changes the repository)
        and suggests sessions for days you committed but logged no time here.
      </p>
      {canChooseFolder ? (
        <div className="form-actions">
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void choose()}>
            Choose the repository folder…
          </button>
        </div>
      ) : (
        <form className="repo-link-form" onSubmit={submit} aria-label="Link a repository" noValidate>
          <label className="field">
            <span>Repository folder</span>
            <input
              type="text"
              value={folder}
              spellCheck={false}
              autoComplete="off"
              placeholder="/home/you/projects/model-api"
              aria-invalid={error ? true : undefined}
              aria-describedby="repo-folder-help"
              onChange={(e) => setFolder(e.target.value)}
            />
          </label>
          <button type="submit" className="button button-primary" disabled={busy}>
            Link repository
          </button>
          {!error && (
            <small id="repo-folder-help" className="field-hint">
              The folder's full path: the one that holds your project's .git folder.
            </small>
          )}
        </form>
      )}
      {busy && (
        <p className="muted" role="status">
          Reading the repository… {progress}
        </p>
      )}
      {error && (
        <p className="inline-error" role="alert" id={canChooseFolder ? undefined : 'repo-folder-help'}>
          {error}
        </p>
      )}
    </>
  );
}

function Linked({ item, repo }: { item: CurriculumItem; repo: LinkedRepo }) {
  const mutate = useMutation();
  const [allDays, setAllDays] = useState(false);
  const commit = (c: LinkedRepo['firstCommit']) =>
    c && (
      <>
        {formatDay(c.at)} · <span className="repo-message">{c.message || '(no message)'}</span>
        {c.author && <span className="muted"> ({c.author})</span>}
      </>
    );
  return (
    <>
      <p className="repo-head">
        <strong data-testid="repo-name">{repo.name}</strong>
        {repo.branch && <span className="tag">{repo.branch}</span>}
        <code className="repo-folder">{repo.folder}</code>
      </p>
      <dl className="facts repo-facts">
        <div>
          <dt>Remote</dt>
          <dd>
            {repo.remoteUrl === null ? (
              'None: this repository is on this computer only.'
            ) : repo.webUrl ? (
              <a href={repo.webUrl} target="_blank" rel="noreferrer" data-testid="repo-remote">
                {repo.remoteUrl}
              </a>
            ) : (
              <code data-testid="repo-remote">{repo.remoteUrl}</code>
            )}
          </dd>
        </div>
        <div>
          <dt>Commits</dt>
          <dd data-testid="repo-commits">{repo.commitCount === 0 ? 'None yet' : repo.commitCount.toLocaleString()}</dd>
        </div>
        {repo.firstCommit && (
          <div>
            <dt>First commit</dt>
            <dd>{commit(repo.firstCommit)}</dd>
          </div>
        )}
        {repo.lastCommit && (
          <div>
            <dt>Last commit</dt>
            <dd>{commit(repo.lastCommit)}</dd>
          </div>
        )}
      </dl>

      {repo.days.length > 0 && <DaysTable days={allDays ? repo.days : repo.days.slice(0, DAYS_AT_FIRST)} />}
      {repo.days.length > DAYS_AT_FIRST && (
        <button type="button" className="button button-small" onClick={() => setAllDays(!allDays)}>
          {allDays ? 'Show fewer days' : `Show all ${repo.days.length} days`}
        </button>
      )}

      <Suggestions item={item} repo={repo} />
      <Proposals item={item} repo={repo} />

      <div className="form-actions repo-actions">
        <button
          type="button"
          className="button button-small"
          onClick={() => void mutate('repo.unlink', { itemId: item.id })}
        >
          Unlink the repository
        </button>
      </div>
    </>
  );
}

function DaysTable({ days }: { days: LinkedRepo['days'] }) {
  const most = Math.max(1, ...days.map((d) => d.commits));
  return (
    <table className="data-table repo-days" data-testid="repo-days">
      <caption>Commits per day beside the time logged on this item</caption>
      <thead>
        <tr>
          <th scope="col">Day</th>
          <th scope="col">Commits</th>
          <th scope="col" className="num">
            Logged
          </th>
        </tr>
      </thead>
      <tbody>
        {days.map((day) => (
          <tr key={day.date} className={day.commits > 0 && day.minutes === 0 ? 'repo-day-unlogged' : undefined}>
            <th scope="row">{formatLocalDate(day.date, { weekday: 'short', day: 'numeric', month: 'short' })}</th>
            <td>
              <span className="repo-bar-cell">
                <span className="repo-bar" style={{ width: `${(day.commits / most) * 100}%` }} aria-hidden="true" />
                <span className="repo-bar-value">{day.commits}</span>
              </span>
            </td>
            <td className="num">{day.minutes > 0 ? `${formatHours(day.minutes / 60)} h` : '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Suggestions({ item, repo }: { item: CurriculumItem; repo: LinkedRepo }) {
  const mutate = useMutation();
  const notices = useNotices();
  const [editing, setEditing] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (id: string, work: () => Promise<unknown>) => {
    setBusy(id);
    await work();
    setBusy(null);
  };
  const accept = (s: LinkedRepo['suggestions'][number]) =>
    run(s.id, async () => {
      const entry = await mutate(
        'repo.acceptSuggestion',
        { itemId: item.id, suggestionId: s.id },
        { refresh: 'always' },
      );
      if (entry)
        notices.success(
          `Logged ${Math.round((entry.endedAt - entry.startedAt) / 60_000)} min on ${formatDay(entry.startedAt)}.`,
        );
    });
  const dismiss = (s: LinkedRepo['suggestions'][number]) =>
    run(s.id, () => mutate('repo.dismissSuggestion', { itemId: item.id, suggestionId: s.id }, { refresh: 'always' }));

  return (
    <div className="repo-suggestions" data-testid="repo-suggestions">
      <h3>Suggested sessions</h3>
      <p className="muted repo-rule">{repo.sessionRule} Nothing is logged until you accept it.</p>
      {repo.suggestions.length === 0 ? (
        <p className="empty-note">
          {repo.commitCount === 0
            ? 'No commits yet, so nothing to suggest.'
            : 'Nothing to suggest: every day with commits has time logged on this item.'}
        </p>
      ) : (
        <ul className="repo-suggestion-list">
          {repo.suggestions.map((s) => (
            <li key={s.id} className="repo-suggestion" data-testid="repo-suggestion">
              <div className="repo-suggestion-row">
                <span className="repo-suggestion-when">
                  <strong>
                    {formatLocalDate(s.date, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' })}
                  </strong>{' '}
                  {formatTime(s.startedAt)}–{formatTime(s.endedAt)}
                </span>
                <span className="muted">
                  {Math.round((s.endedAt - s.startedAt) / 60_000)} min · {plural(s.commits, 'commit')}
                </span>
                <span className="repo-suggestion-actions">
                  <button
                    type="button"
                    className="button button-small button-primary"
                    disabled={busy !== null}
                    onClick={() => void accept(s)}
                  >
                    Accept
                  </button>
                  <button
                    type="button"
                    className="button button-small"
                    disabled={busy !== null}
                    aria-expanded={editing === s.id}
                    onClick={() => setEditing(editing === s.id ? null : s.id)}
                  >
                    Edit…
                  </button>
                  <button
                    type="button"
                    className="button button-small"
                    disabled={busy !== null}
                    onClick={() => void dismiss(s)}
                  >
                    Dismiss
                  </button>
                </span>
              </div>
              {editing === s.id && (
                <EntryForm
                  itemId={item.id}
                  draft={{
                    startedAt: s.startedAt,
                    endedAt: s.endedAt,
                    note: `From ${plural(s.commits, 'commit')} in ${repo.name}`,
                  }}
                  onDone={() => setEditing(null)}
                  onCancel={() => setEditing(null)}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {repo.suggestionCount > repo.suggestions.length && (
        <p className="muted">
          And {repo.suggestionCount - repo.suggestions.length} older{' '}
          {repo.suggestionCount - repo.suggestions.length === 1 ? 'one' : 'ones'}, shown as you deal with these.
        </p>
      )}
    </div>
  );
}

function Proposals({ item, repo }: { item: CurriculumItem; repo: LinkedRepo }) {
  const mutate = useMutation();
  const notices = useNotices();
  const { githubRepository, technologiesUsed } = repo.proposals;
  const linkPortfolio = async (link: string) => {
    if (await mutate('portfolio.update', { itemId: item.id, links: { githubRepository: link } }))
      notices.success('The portfolio entry links to the repository now.');
  };
  const addTechnologies = async (value: string) => {
    if (await mutate('portfolio.update', { itemId: item.id, fields: { technologiesUsed: value } }))
      notices.success('Added to the portfolio entry’s Technologies Used.');
  };
  return (
    <div className="repo-proposals" data-testid="repo-proposals">
      <h3>For the portfolio</h3>
      {repo.technologies.length > 0 ? (
        <>
          <p className="muted">What the repository shows it is built with (the item’s own tools are marked ✓):</p>
          <ul className="chips">
            {repo.technologies.map((t) => (
              <li key={t.name} className={`chip${t.inTools ? ' chip-match' : ''}`} title={`Seen in ${t.evidence}`}>
                {t.inTools && <span aria-label="one of the item's tools">✓ </span>}
                {t.name}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">No technologies recognised in the repository’s files yet.</p>
      )}
      <ul className="repo-proposal-list">
        {githubRepository && (
          <li>
            <span>
              GitHub link: <code>{githubRepository}</code>
            </span>
            <button type="button" className="button button-small" onClick={() => void linkPortfolio(githubRepository)}>
              Use this link
            </button>
          </li>
        )}
        {technologiesUsed && (
          <li>
            <span>Technologies Used could add: {technologiesUsed.add.join(', ')}</span>
            <button
              type="button"
              className="button button-small"
              onClick={() => void addTechnologies(technologiesUsed.value)}
            >
              Add these technologies
            </button>
          </li>
        )}
        <li>
          <span>
            {repo.readme
              ? `${repo.readme.path} (${repo.readme.words.toLocaleString()} words) counts as this project’s documentation for the milestone “GitHub portfolio with clear documentation”.`
              : `No README at the top of the repository yet. One of ${README_MIN_WORDS} words or more counts as this project’s documentation for the milestone “GitHub portfolio with clear documentation”.`}
          </span>
        </li>
      </ul>
    </div>
  );
}
