// A manual entry: date, start, then either a duration or an end time, and a note. Used to add
// an entry on the item screen and to edit any entry.
import { useId, useState, type FormEvent } from 'react';
import { NOTE_MAX, type TimeEntry } from '../../shared/contract';
import { MINUTE_MS } from '../../shared/time';
import { call } from '../api';
import { endFromClock, fromLocal, toDateInput, toTimeInput } from '../lib/dates';
import { useData } from '../lib/data';
import { ItemOptions } from './ItemOptions';

interface Props {
  /** The entry being edited; absent when adding. */
  entry?: TimeEntry;
  /** The item a new entry is for; editing may move an entry to another item. */
  itemId: string;
  onDone: (saved: TimeEntry) => void;
  onCancel?: () => void;
}

export function EntryForm({ entry, itemId: initialItemId, onDone, onCancel }: Props) {
  const { curriculum, changed } = useData();
  const id = useId();
  const defaultStart = entry?.startedAt ?? Date.now() - 60 * MINUTE_MS;
  const initialMinutes = entry ? Math.round((entry.endedAt - entry.startedAt) / MINUTE_MS) : 60;
  const [itemId, setItemId] = useState(initialItemId);
  const [date, setDate] = useState(toDateInput(defaultStart));
  const [start, setStart] = useState(toTimeInput(defaultStart));
  const [mode, setMode] = useState<'duration' | 'end'>('duration');
  const [hours, setHours] = useState(String(Math.floor(initialMinutes / 60)));
  const [minutes, setMinutes] = useState(String(initialMinutes % 60));
  const [end, setEnd] = useState(toTimeInput(entry?.endedAt ?? Date.now()));
  const [note, setNote] = useState(entry?.note ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const startedAt = fromLocal(date, start);
    if (startedAt === null) return setError('Enter a date and a start time.');
    let endedAt: number | null;
    if (mode === 'duration') {
      const h = Number(hours || 0);
      const m = Number(minutes || 0);
      if (!Number.isFinite(h) || !Number.isFinite(m) || h < 0 || m < 0) return setError('Enter the duration as hours and minutes.');
      endedAt = startedAt + Math.round((h * 60 + m) * MINUTE_MS);
    } else {
      endedAt = endFromClock(startedAt, end);
      if (endedAt === null) return setError('Enter an end time.');
    }
    setBusy(true);
    try {
      const saved = entry
        ? await call('time.edit', { id: entry.id, itemId, startedAt, endedAt, note })
        : await call('time.add', { itemId, startedAt, endedAt, note });
      changed();
      onDone(saved);
      if (!entry) setNote('');
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="entry-form" onSubmit={submit} aria-label={entry ? 'Edit time entry' : 'Add time by hand'} noValidate>
      {entry && (
        <label className="field field-wide">
          <span>Item</span>
          <select value={itemId} onChange={(e) => setItemId(e.target.value)}>
            <ItemOptions items={curriculum.items} />
          </select>
        </label>
      )}
      <label className="field">
        <span>Date</span>
        <input type="date" value={date} onChange={(e) => setDate(e.target.value)} required />
      </label>
      <label className="field">
        <span>Start</span>
        <input type="time" value={start} onChange={(e) => setStart(e.target.value)} required />
      </label>
      <fieldset className="field field-mode">
        <legend>Length given as</legend>
        <label>
          <input type="radio" name={`${id}-mode`} checked={mode === 'duration'} onChange={() => setMode('duration')} /> Duration
        </label>
        <label>
          <input type="radio" name={`${id}-mode`} checked={mode === 'end'} onChange={() => setMode('end')} /> End time
        </label>
      </fieldset>
      {mode === 'duration' ? (
        <div className="field-pair">
          <label className="field field-narrow">
            <span>Hours</span>
            <input type="number" min={0} max={24} inputMode="numeric" value={hours} onChange={(e) => setHours(e.target.value)} />
          </label>
          <label className="field field-narrow">
            <span>Minutes</span>
            <input type="number" min={0} max={59} inputMode="numeric" value={minutes} onChange={(e) => setMinutes(e.target.value)} />
          </label>
        </div>
      ) : (
        <label className="field">
          <span>End</span>
          <input type="time" value={end} onChange={(e) => setEnd(e.target.value)} />
        </label>
      )}
      <label className="field field-wide">
        <span>Note (optional)</span>
        <input type="text" value={note} maxLength={NOTE_MAX} onChange={(e) => setNote(e.target.value)} placeholder="What did you work on?" />
      </label>
      {error && (
        <p className="form-error field-wide" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions field-wide">
        <button type="submit" className="button button-primary" disabled={busy}>
          {entry ? 'Save changes' : 'Add entry'}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
