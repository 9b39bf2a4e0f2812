// Every entry, newest first, filtered by item and dates, loaded a page at a time.
import { useEffect, useState } from 'react';
import type { TimeEntry } from '../../shared/schemas/time';
import { DAY_MS } from '../../shared/time';
import { call } from '../api';
import { EntryList } from '../components/EntryList';
import { InlineError } from '../components/Loaded';
import { fromLocal } from '../lib/dates';
import { useData } from '../lib/data';
import { ItemOptions } from '../components/ItemOptions';
import { hrefFor } from '../lib/router';

const PAGE = 100;

export function TimeLogScreen() {
  const { curriculum, version } = useData();
  const [itemId, setItemId] = useState('');
  const [fromDate, setFromDate] = useState('');
  const [toDate, setToDate] = useState('');
  const [entries, setEntries] = useState<TimeEntry[]>([]);
  const [hasMore, setHasMore] = useState(false);
  const [pages, setPages] = useState(1);
  const [error, setError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);

  const from = fromDate ? fromLocal(fromDate, '00:00') : null;
  // "To" is inclusive of the whole day the learner picked.
  const toStart = toDate ? fromLocal(toDate, '00:00') : null;
  const to = toStart !== null ? toStart + DAY_MS : null;

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const filter = {
          ...(itemId ? { itemId } : {}),
          ...(from !== null ? { from } : {}),
          ...(to !== null ? { to } : {}),
        };
        const all: TimeEntry[] = [];
        let more = false;
        for (let page = 0; page < pages; page++) {
          const last = all[all.length - 1];
          const result = await call('time.list', {
            ...filter,
            limit: PAGE,
            ...(last ? { before: { startedAt: last.startedAt, id: last.id } } : {}),
          });
          all.push(...result.entries);
          more = result.hasMore;
          if (!more) break;
        }
        if (cancelled) return;
        setEntries(all);
        setHasMore(more);
        setError(null);
      } catch (e) {
        if (!cancelled) setError((e as Error).message);
      } finally {
        if (!cancelled) setLoaded(true);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [itemId, from, to, pages, version]);

  const filtered = itemId !== '' || fromDate !== '' || toDate !== '';
  return (
    <div className="screen">
      <header className="screen-header screen-header-row">
        <div>
          <h1 tabIndex={-1}>Time log</h1>
          <p className="screen-lede">
            Every study session, newest first. Gaps between study days and overlapping entries are marked.
          </p>
        </div>
        <a className="button" href={hrefFor({ screen: 'import' })}>
          Import from another tracker…
        </a>
      </header>
      <form className="filters card" aria-label="Filter the log" onSubmit={(e) => e.preventDefault()}>
        <label className="field">
          <span>Item</span>
          <select value={itemId} onChange={(e) => (setItemId(e.target.value), setPages(1))}>
            <option value="">All items</option>
            <ItemOptions items={curriculum.items} />
          </select>
        </label>
        <label className="field">
          <span>From</span>
          <input type="date" value={fromDate} onChange={(e) => (setFromDate(e.target.value), setPages(1))} />
        </label>
        <label className="field">
          <span>To</span>
          <input type="date" value={toDate} onChange={(e) => (setToDate(e.target.value), setPages(1))} />
        </label>
        {filtered && (
          <button
            type="button"
            className="button"
            onClick={() => (setItemId(''), setFromDate(''), setToDate(''), setPages(1))}
          >
            Clear filters
          </button>
        )}
      </form>
      {/* Pages load one after another into one list, not one query: the list stays beside an error. */}
      {error && <InlineError message={error} />}
      {loaded && (
        <section className="card" aria-label="Entries">
          <EntryList
            entries={entries}
            showItem
            emptyText={
              filtered
                ? 'No entries match these filters.'
                : 'Nothing logged yet. Open an item on the roadmap and start its timer, or import the hours you tracked elsewhere.'
            }
          />
          {hasMore && (
            <button type="button" className="button load-more" onClick={() => setPages((p) => p + 1)}>
              Show older entries
            </button>
          )}
        </section>
      )}
    </div>
  );
}
