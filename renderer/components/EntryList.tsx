// Time entries grouped by local day, newest first, with the gaps between study days and any
// overlapping entries made visible. Each entry can be edited (in a dialog) or deleted.
import { useEffect, useRef, useState } from 'react';
import type { TimeEntry } from '../../shared/schemas/time';
import { formatMinutes, MINUTE_MS } from '../../shared/time';
import { daysBetween, formatDay, formatTime, startOfDay } from '../lib/dates';
import { useData, useMutation } from '../lib/data';
import { itemLabel } from '../lib/labels';
import { hrefFor } from '../lib/router';
import { EntryForm } from './EntryForm';
import { itemById } from '../../shared/curriculum';

interface Props {
  entries: TimeEntry[];
  /** Show which item each entry is for (the full log does; an item's own log does not). */
  showItem: boolean;
  emptyText: string;
}

export function EntryList({ entries, showItem, emptyText }: Props) {
  const [editing, setEditing] = useState<TimeEntry | null>(null);
  if (entries.length === 0) return <p className="empty-note">{emptyText}</p>;

  const days: { day: number; entries: TimeEntry[] }[] = [];
  for (const entry of entries) {
    const day = startOfDay(entry.startedAt);
    const last = days[days.length - 1];
    if (last && last.day === day) last.entries.push(entry);
    else days.push({ day, entries: [entry] });
  }

  return (
    <>
      <ol className="entry-days">
        {days.map((group, index) => {
          const previous = days[index - 1];
          const gap = previous ? daysBetween(group.day, previous.day) - 1 : 0;
          return (
            <li key={group.day} className="entry-day">
              {gap > 0 && <p className="entry-gap">{gap === 1 ? '1 day' : `${gap} days`} without study</p>}
              <h3 className="entry-day-title">{formatDay(group.day)}</h3>
              <ul className="entries">
                {group.entries.map((entry) => (
                  <EntryRow key={entry.id} entry={entry} showItem={showItem} onEdit={() => setEditing(entry)} />
                ))}
              </ul>
            </li>
          );
        })}
      </ol>
      {editing && <EditDialog entry={editing} onClose={() => setEditing(null)} />}
    </>
  );
}

function EntryRow({ entry, showItem, onEdit }: { entry: TimeEntry; showItem: boolean; onEdit: () => void }) {
  const { curriculum } = useData();
  const mutate = useMutation();
  const [confirming, setConfirming] = useState(false);
  const item = itemById(curriculum.items, entry.itemId);
  const minutes = (entry.endedAt - entry.startedAt) / MINUTE_MS;
  return (
    <li className={`entry${entry.overlaps ? ' entry-overlaps' : ''}`} data-testid="time-entry">
      <span className="entry-time">
        {formatTime(entry.startedAt)}–{formatTime(entry.endedAt)}
        {/* The list groups entries by the day they start: one that ends on a later day says so. */}
        {daysBetween(entry.startedAt, entry.endedAt) > 0 && <span className="entry-next-day"> next day</span>}
      </span>
      <span className="entry-duration">{formatMinutes(minutes)}</span>
      <span className="entry-body">
        {showItem && item && (
          <a className="entry-item" href={hrefFor({ screen: 'item', itemId: item.id })}>
            {itemLabel(item)}: {item.title}
          </a>
        )}
        {entry.note && <span className="entry-note">{entry.note}</span>}
        <span className="entry-tags">
          <span className="tag">{entry.source === 'timer' ? 'Timer' : 'Manual'}</span>
          {entry.overlaps && <span className="tag tag-warning">Overlaps another entry</span>}
        </span>
      </span>
      <span className="entry-actions">
        {confirming ? (
          <>
            <span className="confirm-text">Delete this entry?</span>
            <button
              type="button"
              className="button button-small button-danger"
              onClick={() => void mutate('time.delete', { id: entry.id })}
            >
              Delete
            </button>
            <button type="button" className="button button-small" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </>
        ) : (
          <>
            <button
              type="button"
              className="button button-small"
              onClick={onEdit}
              aria-label={`Edit entry of ${formatTime(entry.startedAt)}`}
            >
              Edit
            </button>
            <button
              type="button"
              className="button button-small"
              onClick={() => setConfirming(true)}
              aria-label={`Delete entry of ${formatTime(entry.startedAt)}`}
            >
              Delete
            </button>
          </>
        )}
      </span>
    </li>
  );
}

function EditDialog({ entry, onClose }: { entry: TimeEntry; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  return (
    <dialog ref={ref} className="dialog" onClose={onClose} aria-labelledby="edit-entry-title">
      <h2 id="edit-entry-title">Edit time entry</h2>
      <EntryForm entry={entry} itemId={entry.itemId} onDone={onClose} onCancel={onClose} />
    </dialog>
  );
}
