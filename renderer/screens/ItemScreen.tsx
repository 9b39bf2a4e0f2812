// One exercise or project: everything the curriculum says about it, and everything the learner
// did on it: status, list ticks, notes, the timer, manual entries and its log.
import { useEffect, useRef, useState } from 'react';
import { useLatest } from '../lib/useLatest';
import { useStateFrom } from '../lib/useStateFrom';
import { itemStatuses, ITEM_NOTES_MAX, type ItemState } from '../../shared/schemas/items';
import { itemById, type CurriculumItem } from '../../shared/curriculum';
import { formatClock, formatHours } from '../../shared/time';
import { EntryForm } from '../components/EntryForm';
import { EntryList } from '../components/EntryList';
import { FocusCard } from '../components/FocusCard';
import { HoursBar } from '../components/HoursBar';
import { InlineError, Loaded } from '../components/Loaded';
import { RepositoryCard } from '../components/RepositoryCard';
import { useData, useMutation, useQuery } from '../lib/data';
import { estimateLabel, itemLabel, statusLabels } from '../lib/labels';
import { hrefFor } from '../lib/router';
import { useNow } from '../lib/useNow';

export function ItemScreen({ itemId }: { itemId: string }) {
  const { curriculum } = useData();
  const item = itemById(curriculum.items, itemId);
  const state = useQuery('item.get', { itemId });
  if (!item) {
    return (
      <div className="screen">
        <h1 tabIndex={-1}>No such item</h1>
        <p>
          The curriculum has no item “{itemId}”. <a href={hrefFor({ screen: 'roadmap' })}>Back to the roadmap</a>
        </p>
      </div>
    );
  }
  const phase = curriculum.phases.find((p) => p.number === item.phase);
  const month = curriculum.months.find((m) => m.number === item.month);
  return (
    <div className="screen item-screen">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <a href={hrefFor({ screen: 'roadmap' })}>Roadmap</a>
        <span aria-hidden="true">/</span>
        <span>
          Phase {phase?.number}: {phase?.title}
        </span>
        <span aria-hidden="true">/</span>
        <span>
          Month {month?.number}: {month?.title}
        </span>
      </nav>
      <header className="screen-header item-header">
        <p className="eyebrow">{itemLabel(item)}</p>
        <h1 tabIndex={-1}>{item.title}</h1>
        <p className="screen-lede">{item.objective}</p>
      </header>
      {/* The state's parts sit among the curriculum's, which show at once: only its error is a line of its own. */}
      {state.status === 'error' && <InlineError message={state.message} />}
      <div className="item-layout">
        <div className="item-main">
          <Brief item={item} />
          {state.status === 'ready' && <Checklist item={item} state={state.data} />}
          <section className="card">
            <h2>Deliverable</h2>
            <p>{item.deliverable}</p>
          </section>
          {state.status === 'ready' && <Notes key={item.id} state={state.data} />}
        </div>
        <div className="item-side">
          {state.status === 'ready' && <StatusCard state={state.data} item={item} />}
          <TimerCard item={item} />
          <FocusCard item={item} />
          <section className="card">
            <h2>Add time by hand</h2>
            <EntryForm itemId={item.id} onDone={() => {}} />
          </section>
        </div>
      </div>
      <RepositoryCard key={item.id} item={item} />
      <ItemLog itemId={item.id} />
    </div>
  );
}

function Brief({ item }: { item: CurriculumItem }) {
  return (
    <section className="card brief">
      <dl className="facts">
        <div>
          <dt>Estimated time</dt>
          <dd>{estimateLabel(item)}</dd>
        </div>
        {item.tools.length > 0 && (
          <div>
            <dt>Tools</dt>
            <dd>
              <ul className="chips">
                {item.tools.map((tool) => (
                  <li key={tool} className="chip">
                    {tool}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
        {item.dataset && (
          <div>
            <dt>Dataset</dt>
            <dd>{item.dataset}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}

function Checklist({ item, state }: { item: CurriculumItem; state: ItemState }) {
  const mutate = useMutation();
  // Ticks show at once; the saved state replaces them when it arrives (or puts them back on error).
  const [ticked, setTicked] = useStateFrom(state.tickedEntries, (entries) => new Set(entries));
  const toggle = (index: number, on: boolean) => {
    setTicked((current) => {
      const next = new Set(current);
      if (on) next.add(index);
      else next.delete(index);
      return next;
    });
    void mutate('item.tickEntry', { itemId: item.id, entryIndex: index, ticked: on });
  };
  const List = item.list.ordered ? 'ol' : 'ul';
  return (
    <section className="card">
      <h2>
        {item.list.title}{' '}
        <span className="count">
          {ticked.size}/{item.list.entries.length}
        </span>
      </h2>
      <List className="checklist">
        {item.list.entries.map((entry, index) => (
          <li key={index}>
            <label className="check">
              <input type="checkbox" checked={ticked.has(index)} onChange={(e) => toggle(index, e.target.checked)} />
              <span>{entry}</span>
            </label>
          </li>
        ))}
      </List>
    </section>
  );
}

function StatusCard({ state, item }: { state: ItemState; item: CurriculumItem }) {
  const mutate = useMutation();
  const [status, setStatus] = useStateFrom(state.status, (saved) => saved);
  const hours = state.minutesLogged / 60;
  return (
    <section className="card">
      <fieldset className="status-picker">
        <legend>Status</legend>
        {itemStatuses.map((option) => (
          <label key={option} className={`status-option status-option-${option}`}>
            <input
              type="radio"
              name="item-status"
              value={option}
              checked={status === option}
              onChange={() => {
                setStatus(option);
                void mutate('item.setStatus', { itemId: item.id, status: option });
              }}
            />
            <span>{statusLabels[option]}</span>
          </label>
        ))}
      </fieldset>
      <div className="hours-summary">
        <p>
          <strong data-testid="item-hours">{formatHours(hours)} h</strong> logged of {estimateLabel(item)} estimated
          {hours > item.estimate.maxHours && <span className="tag tag-warning">Over the estimate</span>}
        </p>
        <HoursBar
          label="Hours logged"
          loggedHours={hours}
          minHours={item.estimate.minHours}
          maxHours={item.estimate.maxHours}
        />
      </div>
    </section>
  );
}

function TimerCard({ item }: { item: CurriculumItem }) {
  const { timer, curriculum, startTimer, stopTimer } = useData();
  const runningHere = timer?.itemId === item.id;
  const now = useNow(runningHere);
  const other = timer && !runningHere ? itemById(curriculum.items, timer.itemId) : undefined;
  return (
    <section className={`card timer-card${runningHere ? ' timer-running' : ''}`} aria-label="Timer">
      <h2>Timer</h2>
      <p className="timer-clock" data-testid="item-clock" aria-live="off">
        {runningHere ? formatClock(now - timer.startedAt) : '00:00:00'}
      </p>
      {runningHere ? (
        <button type="button" className="button button-primary button-large" onClick={() => void stopTimer()}>
          Stop timer
        </button>
      ) : (
        <button type="button" className="button button-primary button-large" onClick={() => void startTimer(item.id)}>
          Start timer
        </button>
      )}
      <p className="timer-hint">
        {other
          ? `Starting here stops the timer on ${itemLabel(other)} and logs its time.`
          : runningHere
            ? 'The timer keeps running if you close the app.'
            : 'Sessions under a minute are not logged.'}
      </p>
    </section>
  );
}

/** Notes save as the learner types: there is no save button to forget. */
function Notes({ state }: { state: ItemState }) {
  const mutate = useMutation();
  const [text, setText] = useState(state.notes);
  const [saved, setSaved] = useState<'saved' | 'saving' | 'idle'>('idle');
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useLatest(text);

  const save = async () => {
    if (pending.current) clearTimeout(pending.current);
    pending.current = null;
    setSaved('saving');
    const saved = await mutate('item.setNotes', { itemId: state.itemId, notes: latest.current }, { refresh: 'never' });
    setSaved(saved ? 'saved' : 'idle');
  };
  // Flush a pending save when leaving the screen.
  useEffect(
    () => () => {
      if (pending.current) void save();
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only on leaving; save reads the latest text through a ref
    [],
  );

  return (
    <section className="card">
      <h2>
        <label htmlFor="item-notes">Notes</label>
        <span className="save-state" aria-live="polite">
          {saved === 'saving' ? 'Saving…' : saved === 'saved' ? 'Saved' : ''}
        </span>
      </h2>
      <textarea
        id="item-notes"
        className="notes"
        rows={6}
        maxLength={ITEM_NOTES_MAX}
        value={text}
        placeholder="What you learned, links, what to revisit…"
        onChange={(e) => {
          setText(e.target.value);
          setSaved('idle');
          if (pending.current) clearTimeout(pending.current);
          pending.current = setTimeout(() => void save(), 600);
        }}
        onBlur={() => pending.current && void save()}
      />
    </section>
  );
}

function ItemLog({ itemId }: { itemId: string }) {
  const log = useQuery('time.list', { itemId, limit: 200 });
  return (
    <section className="card item-log" aria-labelledby="item-log-title">
      <h2 id="item-log-title">Log</h2>
      <Loaded query={log} quiet>
        {(data) => (
          <>
            <EntryList
              entries={data.entries}
              showItem={false}
              emptyText="No time logged on this item yet. Start the timer or add time by hand."
            />
            {data.hasMore && (
              <p className="muted">
                Older entries are in the <a href={hrefFor({ screen: 'log' })}>Time log</a>.
              </p>
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}
